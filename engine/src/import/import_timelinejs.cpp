// timelinejs: TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html), or its
// Google Sheets template saved as CSV (import_timelinejs_sheet.cpp makes its rows the same
// slides), as annals events: the inverse of render_timelinejs.cpp.
//
// Dates: the fields given set the precision (a year; a month; a day; a time of day, which
// TimelineJS gives as wall time in no zone, read as UTC); years are TimelineJS's own
// numbering, historical (year -44 is 44 BC, TimelineJS writes "44 BCE"; there is no
// year 0), and annals' astronomical (-0043); `scale: cosmological` gives years only, far
// ones written Y-13800000000. A slide's display_date becomes the date itself when the
// date grammar reads it as the fields' date (so "Spring 1865" or "c. 1500" comes back as
// written); a slide annals wrote (unique_id event-ID, autolink off) shows its date's label
// there, taken back when the fields' instant lies within it. Else it is a comment.
//
// Text: headline, text, captions and credits are HTML; annals' fields are text, so markup
// is dropped and entities decoded once (group and display_date twice, as TimelineJS reads
// them: render_timelinejs.cpp escapes those twice; import_timelinejs_html.cpp). Paragraphs
// become blank-line breaks.

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "annals/event.hpp"
#include "annals/temporal.hpp"
#include "import/entities.hpp"
#include "import/import_timelinejs.hpp"
#include "import/json_record.hpp"
#include "import/importers.hpp"
#include "input/encoding.hpp"
#include "input/media_url.hpp"

namespace annals {

namespace {

constexpr std::size_t max_json_depth = 256;  // deeper nesting is no TimelineJS file: refused, never a stack overflow

std::string join(const std::vector<std::string>& ps, std::string_view sep) {
  std::string r;
  for (const std::string& p : ps) r += (r.empty() ? "" : std::string(sep)) + p;
  return r;
}

std::string text_of(std::string_view html) { return join(html_paragraphs(html), "\n\n"); }
// group and display_date: TimelineJS strips their markup, then sets the text as HTML.
std::string twice_text_of(std::string_view html) { return text_of(text_of(html)); }

// ---- the converter --------------------------------------------------------------------

const record* field(const record* m, std::string_view key) {
  if (!m || m->kind != record::type::mapping) return nullptr;
  const record* v = m->get(key);
  return v && v->kind == record::type::scalar && !blank_trimmed(v->text).empty() ? v : nullptr;
}
std::string field_text(const record* m, std::string_view key) {
  const record* v = field(m, key);
  return v ? blank_trimmed(v->text) : std::string();
}

// A TimelineJS year as annals writes it: astronomical (TimelineJS's -44 is 44 BC, -0043),
// four digits, or EDTF's Y prefix beyond them.
std::string year_text(std::int64_t astronomical) {
  if (astronomical >= 0 && astronomical <= 9999) {
    std::string s = std::to_string(astronomical);
    return std::string(4 - s.size(), '0') + s;
  }
  if (astronomical < 0 && astronomical >= -9999) {
    std::string s = std::to_string(-astronomical);
    return "-" + std::string(4 - s.size(), '0') + s;
  }
  return "Y" + std::to_string(astronomical);
}

std::string two(long v) {
  std::string s = std::to_string(v);
  if (v < 10) s.insert(s.begin(), '0');
  return s;
}

struct date_fields {
  std::string text;          // EDTF: 2015, -0043-03-15, 2015-11-23T14:05, Y-13800000000
  bool has_time = false;
  bool ok = false;
};

class timelinejs_importer {
 public:
  timelinejs_importer(const import_options& options, draft::input& in, draft& d) : options_(options), in_(in), d_(d) {}

  void run(timelinejs_config& config) {
    cosmological_ = config.cosmological || far_year(config.events);
    annals_made_ = std::any_of(config.events.children.begin(), config.events.children.end(), is_annals_slide);
    record& doc = in_.document;
    if (const record* t = config.title.kind == record::type::mapping ? config.title.get("text") : nullptr) {
      if (const std::string h = text_of(field_text(t, "headline")); !h.empty()) {
        doc.set("title", record::string(h, field(t, "headline")->line, field(t, "headline")->column));
      }
      // annals writes "N events" there; anything else is the timeline's description.
      const std::string body = text_of(field_text(t, "text"));
      const std::size_t digits = body.find_first_not_of("0123456789");
      const bool count = annals_made_ && digits > 0 && digits != std::string::npos &&
                         (body.substr(digits) == " events" || body.substr(digits) == " event");
      if (!body.empty() && !count) {
        doc.set("description", record::string(body, field(t, "text")->line, field(t, "text")->column));
      }
    }
    record events = record::sequence(1, 1);
    for (const record& slide : config.events.children) {
      if (slide.kind != record::type::mapping) {
        d_.error(in_, slide.line, slide.column, "timelinejs", "a slide is not an object");
        continue;
      }
      if (std::optional<record> e = event_of(slide)) events.push(std::move(*e));
    }
    record eras = record::sequence(1, 1);
    for (const record& era : config.eras.children) {
      if (era.kind != record::type::mapping) {
        d_.error(in_, era.line, era.column, "timelinejs", "an era is not an object");
        continue;
      }
      if (std::optional<record> e = era_of(era)) eras.push(std::move(*e));
    }
    if (need_zone_) {
      record& z = doc.set("timezone", record::string("UTC", 1, 1));
      z.note = d_.note("TimelineJS gives times of day in no zone: they are read as UTC wall time; set the zone they were written in");
    }
    if (!eras.children.empty()) doc.set("eras", std::move(eras));
    doc.set("events", std::move(events));
  }

  // A slide annals' renderer wrote: its unique_id is event-ID and its autolink is off.
  static bool is_annals_slide(const record& slide) {
    const std::string uid = field_text(&slide, "unique_id");
    const record* autolink = slide.kind == record::type::mapping ? slide.get("autolink") : nullptr;
    return uid.starts_with("event-") && uid.size() > 6 && autolink && autolink->kind == record::type::scalar &&
           autolink->text == "false";
  }


 private:
  const import_options& options_;
  draft::input& in_;
  draft& d_;
  bool cosmological_ = false;
  bool need_zone_ = false;
  bool annals_made_ = false;  // some slide was written by annals' renderer
  draft kind_ids_;  // kinds from groups: ids by the draft's rule, apart from events'
  std::map<std::string, std::string, std::less<>> group_ids_;

  // TimelineJSConfig._ensureValidScale: with no scale given, a slide marked cosmological or
  // a start year beyond JavaScript's dates makes the whole timeline cosmological.
  static bool far_year(const record& slides) {
    for (const record& s : slides.children) {
      if (field_text(&s, "scale") == "cosmological") return true;
      const std::string y = field_text(s.get("start_date"), "year");
      const std::size_t digits = y.find_first_not_of("+-");
      if (digits == std::string::npos || y.find_first_not_of("0123456789", digits) != std::string::npos) continue;
      if (y.size() - digits > 12) return true;
      const std::int64_t n = std::stoll(y.substr(digits)) * (y[0] == '-' ? -1 : 1);
      if (n < -271820 || n > 275759) return true;
    }
    return false;
  }

  // A whole number at a date field, in [lo, hi]; nullopt (reported) when it is not.
  std::optional<std::int64_t> number(const record& v, std::string_view what, std::int64_t lo, std::int64_t hi) {
    std::string t = blank_trimmed(v.text);
    if (!t.empty() && t[0] == '+') t.erase(0, 1);
    const bool negative = !t.empty() && t[0] == '-';
    const std::string digits = negative ? t.substr(1) : t;
    // JSON numbers may be written 1865.0; TimelineJS parses them with parseInt.
    std::string whole = digits;
    if (const std::size_t dot = whole.find('.'); dot != std::string::npos &&
                                                 whole.find_first_not_of('0', dot + 1) == std::string::npos) {
      whole.resize(dot);
    }
    if (whole.empty() || whole.size() > 15 || !std::all_of(whole.begin(), whole.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      d_.error(in_, v.line, v.column, "timelinejs-date", std::string(what) + " '" + blank_trimmed(v.text) + "' is not a whole number");
      return std::nullopt;
    }
    const std::int64_t n = (negative ? -1 : 1) * std::stoll(whole);
    if (n < lo || n > hi) {
      d_.error(in_, v.line, v.column, "timelinejs-date",
               std::string(what) + " " + std::to_string(n) + " is out of range (" + std::to_string(lo) + "-" + std::to_string(hi) + ")");
      return std::nullopt;
    }
    return n;
  }

  // A date field as the input names it: `start_date month` in JSON, the column `End Month`
  // in a sheet.
  std::string field_name(std::string_view date, std::string_view key) const {
    if (in_.columns != timeline_builder::columns::cells) return std::string(date) + " " + std::string(key);
    std::string column(key);
    column[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(column[0])));
    return date == "end_date" ? "End " + column : column;
  }

  // The EDTF text of a TimelineJS date object, to the finest field given.
  date_fields fields_of(const record& obj, std::string_view name) {
    date_fields out;
    const record* y = field(&obj, "year");
    if (!y) {
      d_.error(in_, obj.line, obj.column, "timelinejs-date", std::string(name) + " has no year");
      return out;
    }
    const auto year = number(*y, field_name(name, "year"), -999'999'999'999, 999'999'999'999);
    if (!year) return out;
    if (*year == 0) {
      d_.warning(in_, y->line, y->column, "timelinejs-date",
                 "TimelineJS numbers years with no year 0 (-1 is 1 BC); year 0 is read as 1 BC");
    }
    out.text = year_text(*year < 0 ? *year + 1 : *year);
    out.ok = true;
    if (cosmological_) return out;  // TimelineJS's BigDate: years only
    struct part {
      const char* key;
      std::int64_t lo, hi;
    };
    constexpr part parts[] = {{"month", 1, 12}, {"day", 1, 31}, {"hour", 0, 23}, {"minute", 0, 59}, {"second", 0, 59}};
    std::int64_t got[5] = {};
    int n = 0;
    for (; n < 5; ++n) {
      const record* v = field(&obj, parts[n].key);
      if (!v) break;
      const auto x = number(*v, field_name(name, parts[n].key), parts[n].lo, parts[n].hi);
      if (!x) {
        out.ok = false;
        return out;
      }
      got[n] = *x;
    }
    // A finer field without the coarser one TimelineJS would default (a day with no month).
    for (int k = n + 1; k < 5; ++k) {
      if (const record* v = field(&obj, parts[k].key)) {
        d_.warning(in_, v->line, v->column, "timelinejs-date",
                   field_name(name, parts[k].key) + " without a " + parts[n].key + ": left out");
        break;
      }
    }
    if (n >= 1) out.text += "-" + two(got[0]);
    if (n >= 2) out.text += "-" + two(got[1]);
    if (n >= 3) {
      out.text += "T" + two(got[2]) + ":" + two(n >= 4 ? got[3] : 0);
      out.has_time = true;
    }
    if (n >= 5) out.text += ":" + two(got[4]);
    return out;
  }

  // The date of a slide from its start_date and end_date; its position is the start year's.
  std::optional<record> date_of(const record& slide, std::string_view display, bool annals_slide, std::uint32_t& note) {
    const record* start = slide.get("start_date");
    if (!start || start->kind != record::type::mapping) {
      d_.error(in_, slide.line, slide.column, "timelinejs-date", "the slide has no start_date",
               "every slide but the title needs a start date with at least a year");
      return std::nullopt;
    }
    const date_fields s = fields_of(*start, "start_date");
    std::optional<date_fields> e;
    if (const record* end = slide.get("end_date"); end && end->kind == record::type::mapping && field(end, "year")) {
      e = fields_of(*end, "end_date");
      if (!e->ok) return std::nullopt;
    }
    if (!s.ok) return std::nullopt;
    std::string text = s.text;
    if (e && e->text != s.text) text += "/" + e->text;
    bool has_time = s.has_time || (e && e->has_time);
    const record* at = field(start, "year");
    if (!display.empty()) {
      if (const std::string written = display_date_of(text, display, annals_slide); !written.empty()) {
        text = written;
        date_context utc;
        utc.timezone = "UTC";
        const date_result r = normalize_date(text, utc);
        has_time = r.ok() && r.value.has_time && !r.value.has_offset;
      } else {
        note = d_.note("TimelineJS display_date: " + std::string(display));
      }
    }
    need_zone_ = need_zone_ || has_time;
    return record::string(text, at->line, at->column);
  }

  // Whether the display_date, read by the date grammar, is the fields' date: the same
  // interval, or (on annals' own slides, whose display_date is the label of the date the
  // fields place) an interval that holds it.
  static bool takes_display(const std::string& fields, std::string_view display, bool annals_slide) {
    date_context utc;
    utc.timezone = "UTC";  // wall time, as the fields are read
    const date_result f = normalize_date(fields, utc), shown = normalize_date(display, utc);
    if (!f.ok() || !shown.ok() || shown.value.form == date_form::relative) return false;
    // A display with its zone ("21:49 CDT") is compared on its wall clock, as the fields are.
    const std::chrono::seconds wall{shown.value.has_offset ? shown.value.offset : 0};
    const auto on_wall = [&](instant t) { return t == open_start || t == open_end ? t : t + wall; };
    if (on_wall(shown.value.stated_earliest) == f.value.stated_earliest &&
        on_wall(shown.value.stated_latest) == f.value.stated_latest) {
      return true;
    }
    return annals_slide && on_wall(shown.value.earliest) <= f.value.stated_earliest &&
           f.value.stated_latest <= on_wall(shown.value.latest);
  }

  // The display_date as a date: itself, or the date before " = " where annals' label
  // gives a date of another calendar with its Gregorian equivalent ("25 Oct 1917 (Julian)
  // = 7 Nov 1917"); "" when neither is the fields' date.
  static std::string display_date_of(const std::string& fields, std::string_view display, bool annals_slide) {
    // annals follows the label with what links narrowed it to: "Nov 2015 (inferred from links: 23–30 Nov 2015)".
    if (const std::size_t at = display.find(" (inferred from links: "); annals_slide && at != std::string_view::npos)
      display = display.substr(0, at);
    if (takes_display(fields, display, annals_slide)) return std::string(display);
    if (const std::size_t eq = display.find(" = "); eq != std::string_view::npos) {
      const std::string written = blank_trimmed(display.substr(0, eq));
      if (takes_display(fields, written, annals_slide)) return written;
    }
    return {};
  }

  // A slide's text: its description; on annals' own slides, without the paragraphs annals
  // writes from other fields (how it was dated, who and where, links, sources), whose
  // who-and-where line ("kind · actors · place") is given apart.
  struct body {
    std::string description;
    std::vector<std::string> who;  // the who-and-where line's items, when there is one
  };
  static std::vector<std::string> items_of(const std::string& line) {
    std::vector<std::string> items;
    for (std::size_t from = 0;;) {
      const std::size_t at = line.find(" \xC2\xB7 ", from);
      items.push_back(line.substr(from, at == std::string::npos ? std::string::npos : at - from));
      if (at == std::string::npos) return items;
      from = at + 4;
    }
  }
  static body body_of(std::string_view html, bool annals_slide, std::string_view group) {
    std::vector<std::string> ps = html_paragraphs(html);
    if (!annals_slide) return {join(ps, "\n\n"), {}};
    const auto derived = [](const std::string& p) {
      for (const std::string_view prefix : {"As written: ", "Dated by source: ", "Inferred from links: ", "Source: "}) {
        if (p.starts_with(prefix)) return true;
      }
      return false;
    };
    std::erase_if(ps, derived);
    // What is left: the description, then the who-and-where line (which names the group,
    // a lane's kind or actor), then links as "caused by: Title".
    std::erase_if(ps, is_link_line);
    if (ps.empty()) return {};
    if (ps.size() >= 2) return {ps[0], items_of(ps[1])};
    // One paragraph: the line when it names the group or is names (joined by " · ", or not
    // ending as a sentence does), else the description.
    const std::string& only = ps.front();
    std::vector<std::string> items = items_of(only);
    const auto same = [&](const std::string& item) {
      return item.size() == group.size() &&
             std::equal(item.begin(), item.end(), group.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
             });
    };
    const char last = only.back();
    const bool sentence = last == '.' || last == '!' || last == '?' || last == ')' || last == '"' ||
                          only.ends_with("\xE2\x80\x9D");
    if ((!group.empty() && std::any_of(items.begin(), items.end(), same)) || items.size() > 1 || !sentence) {
      return {{}, std::move(items)};
    }
    return {only, {}};
  }

  static bool valid_id(std::string_view s) {
    const auto ok = [](char c, bool first) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '.' || c == '_' || c == '-'));
    };
    if (s.empty() || !ok(s[0], true)) return false;
    return std::all_of(s.begin() + 1, s.end(), [&](char c) { return ok(c, false); });
  }

  // annals' link lines: "caused by: Title" (the link table's words, then the other event's title).
  static bool is_link_line(const std::string& p) {
    for (int k = 0; k <= static_cast<int>(link_kind::before); ++k) {
      const std::string words = std::string(link_words(static_cast<link_kind>(k))) + ": ";
      if (p.starts_with(words)) return true;
    }
    return false;
  }

  // The id a group becomes: a kind, or an actor added to `actors:` (named by the group).
  std::string group_id(const std::string& group, const record& at) {
    if (const auto it = group_ids_.find(group); it != group_ids_.end()) return it->second;
    std::string id;
    if (options_.group_as == "actor") {
      id = named_entity(d_, in_, "actors", group, at.line, at.column);
    } else {
      id = kind_ids_.unique_id(group, "group");
    }
    group_ids_.emplace(group, id);
    return id;
  }

  std::optional<record> event_of(const record& slide) {
    const std::string uid = field_text(&slide, "unique_id");
    const bool annals_slide = is_annals_slide(slide);
    const record* words = slide.get("text");
    std::string title = text_of(field_text(words, "headline"));
    std::string display = twice_text_of(field_text(&slide, "display_date"));
    if (display.empty()) display = twice_text_of(field_text(slide.get("start_date"), "display_date"));
    std::uint32_t display_note = 0;
    std::optional<record> date = date_of(slide, display, annals_slide, display_note);
    if (!date) return std::nullopt;
    if (title.empty()) {
      title = !display.empty() ? display : "Untitled";
      d_.warning(in_, slide.line, slide.column, "timelinejs", "the slide has no headline: titled '" + title + "'");
    }
    record e = record::mapping(slide.line, slide.column);
    const std::string wanted = annals_slide ? uid.substr(6) : uid;
    const record* uid_at = field(&slide, "unique_id");
    e.set("id", record::string(wanted.empty() ? d_.unique_id(title, "slide") : d_.keep_id(wanted, "slide"),
                               uid_at ? uid_at->line : slide.line, uid_at ? uid_at->column : slide.column));
    const record* headline_at = field(words, "headline");
    e.set("title", record::string(title, headline_at ? headline_at->line : slide.line,
                                  headline_at ? headline_at->column : slide.column));
    record& d = e.set("date", std::move(*date));
    d.note = display_note;
    std::string group = twice_text_of(field_text(&slide, "group"));
    // annals' own lanes for events of no kind or no actor.
    if (annals_slide && (group == "Other" || group == "No actor")) group.clear();
    const record* body_at = field(words, "text");
    const body b = body_at ? body_of(blank_trimmed(body_at->text), annals_slide, group) : body{};
    const record* g = field(&slide, "group");
    if (annals_slide) {
      // annals writes an event's kind first on its who-and-where line, whatever its lanes
      // were (kinds or actors): the kind comes back from there; no id there, no kind.
      if (!b.who.empty() && valid_id(b.who.front())) {
        const record& at = g ? *g : slide;
        e.set("kind", record::string(b.who.front(), at.line, at.column));
      }
    }
    if (!group.empty() && (!annals_slide || options_.group_as == "actor")) {
      const std::string id = group_id(group, *g);
      if (options_.group_as == "actor") {
        record& list = e.set("actors", record::sequence(g->line, g->column));
        list.push(record::string(id, g->line, g->column));
      } else {
        e.set("kind", record::string(id, g->line, g->column));
      }
    }
    if (!b.description.empty()) e.set("description", record::string(b.description, body_at->line, body_at->column));
    if (std::optional<record> m = media_of(slide.get("media"), title)) e.set("media", std::move(*m));
    if (const record* bg = slide.get("background"); bg && bg->kind != record::type::null) {
      const std::string shown = bg->kind == record::type::mapping
                                    ? (field_text(bg, "url").empty() ? field_text(bg, "color") : field_text(bg, "url"))
                                    : blank_trimmed(bg->text);
      if (!shown.empty()) e.children.front().note = d_.note("TimelineJS background: " + shown);
    }
    return e;
  }

  std::optional<record> media_of(const record* m, const std::string& title) {
    const std::string url = field_text(m, "url");
    if (url.empty()) return std::nullopt;
    const record* url_at = field(m, "url");
    if (const std::optional<std::string> problem = media_url_problem(url)) {
      d_.warning(in_, url_at->line, url_at->column, "timelinejs-media",
                 "media left out: " + *problem, "annals links http(s) media and image files beside the timeline");
      return std::nullopt;
    }
    record out = record::mapping(m->line, m->column);
    out.set("url", record::string(url, url_at->line, url_at->column));
    for (const char* key : {"caption", "credit"}) {
      if (const record* v = field(m, key)) out.set(key, record::string(text_of(blank_trimmed(v->text)), v->line, v->column));
    }
    std::string alt = field_text(m, "alt");
    const record* alt_at = field(m, "alt");
    if (alt.empty()) {
      const record* caption = field(m, "caption");
      alt = caption ? text_of(blank_trimmed(caption->text)) : title;
      d_.warning(in_, url_at->line, url_at->column, "timelinejs-media",
                 "the media has no alt text: its " + std::string(caption ? "caption" : "slide's headline") + " stands in",
                 "describe it in the media's 'alt'");
      alt_at = url_at;
    }
    out.set("alt", record::string(alt, alt_at->line, alt_at->column));
    return out;
  }

  std::optional<record> era_of(const record& era) {
    std::uint32_t unused = 0;
    std::optional<record> date = date_of(era, "", false, unused);
    if (!date) return std::nullopt;
    std::string title = text_of(field_text(era.get("text"), "headline"));
    if (title.empty()) title = "Era";
    record out = record::mapping(era.line, era.column);
    out.set("id", record::string(d_.unique_id(title, "era"), era.line, era.column));
    out.set("title", record::string(title, era.line, era.column));
    out.set("date", std::move(*date));
    return out;
  }
};

bool is_json(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const std::size_t k = bytes.find_first_not_of(" \t\r\n");
  return k != std::string_view::npos && (bytes[k] == '{' || bytes[k] == '[');
}

}  // namespace

void import_timelinejs(std::string_view bytes, const import_options& options, draft::input& in, draft& d) {
  timelinejs_config config;
  if (is_json(bytes)) {
    if (const auto bad = check_encoding(bytes)) {
      d.error(in, bad->line, bad->column, "encoding", bad->message, "save the file as UTF-8");
      return;
    }
    json_read read;
    read_json(bytes, 1, read, json_text::document, max_json_depth);
    if (!read.ok()) {
      d.error(in, read.error_line, read.error_column, read.error_code, "invalid JSON: " + read.error);
      return;
    }
    const record& doc = read.value;
    if (doc.kind != record::type::mapping) {
      d.error(in, doc.line, doc.column, "timelinejs", "not a TimelineJS file: its JSON is not an object with 'events'");
      return;
    }
    const record* events = doc.get("events");
    if (!events || events->kind != record::type::sequence) {
      d.error(in, events ? events->line : doc.line, events ? events->column : doc.column, "timelinejs",
              "not a TimelineJS file: no 'events' list", "TimelineJS JSON is {\"title\": {...}, \"events\": [...]}");
      return;
    }
    config.events = *events;
    if (const record* t = doc.get("title")) config.title = *t;
    if (const record* eras = doc.get("eras"); eras && eras->kind == record::type::sequence) config.eras = *eras;
    if (const record* scale = doc.get("scale")) config.cosmological = blank_trimmed(scale->text) == "cosmological";
  } else {
    in.columns = timeline_builder::columns::cells;
    if (!read_timelinejs_sheet(bytes, in, d, config)) return;
  }
  timelinejs_importer(options, in, d).run(config);
}

}  // namespace annals
