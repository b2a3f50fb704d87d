// timelinejs: TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html): a title
// slide and one slide per event with start_date/end_date objects in the writer's wall
// time, the label as display_date (with the range links narrowed it to), a group per
// actor or kind.
//
// TimelineJS numbers years historically (year -44 is 44 BCE; there is no year 0), and
// builds its dates from the fields as local time, so wall time is what it shows. It
// renders headline and text as HTML, so user text is HTML-escaped first, then
// JSON-escaped: a title of <script> arrives as the text "<script>", never markup.
// `group` and `display_date` it first strips of markup by reading the textContent of
// the parsed string (which decodes entities once) and then sets as innerHTML
// (TimelineJS 3.9 TimelineConfig STRIP_MARKUP_FIELDS, TimeGroup): those are escaped
// twice. Its autolink (URLs in text become links) is turned off on every slide.
//
// TimelineJS sorts the slides by start_date itself, keeping the given order among equal
// starts (a stable sort, TimelineJS 3.9 DateUtil sortByDate). So each slide starts where
// the order puts its event (the chronology's position): a day-only response to a blowout
// at 21:49 starts at 21:49 too, written with the hour and minute it needs, and follows the
// blowout as it does in every other format, where 00:00 would have put it first.

#include <algorithm>
#include <ostream>
#include <string>

#include "time/civil.hpp"
#include "time/date_label.hpp"
#include "output/escape.hpp"
#include "output/render_formats.hpp"
#include "output/lanes.hpp"

namespace annals {

namespace {

std::string str(std::string_view s) {
  std::string r(1, '"');
  r += escape_json(s);
  r += '"';
  return r;
}
std::string html(std::string_view s) { return str(escape_xml(s)); }
std::string stripped_html(std::string_view s) { return str(escape_xml(escape_xml(s))); }

// JavaScript's Date covers ±100,000,000 days around 1970; beyond it only "cosmological" works.
bool human_scale(std::int64_t year) { return year > -271820 && year < 275759; }

// TimelineJS's year for an astronomical year: 44 BC is -43 astronomically, -44 to it.
std::int64_t timelinejs_year(std::int64_t year) { return year <= 0 ? year - 1 : year; }

// The finest TimelineJS field a precision fills: a week gives a day, a season a month, a decade a year.
precision fields_of(precision p) {
  if (p == precision::week) return precision::day;
  if (p == precision::season) return precision::month;
  return p > precision::year ? precision::year : p;
}

// The fields a date of precision `p` in calendar `c` fills: its months and years are the
// calendar's own, which Gregorian fields cannot name (1333 AH runs 19 Nov 1914 – 8 Nov 1915;
// a Julian year starts on 14 January), so a month or coarser there is given to the day.
precision fields_of(precision p, calendar c) {
  return c != calendar::gregorian && p > precision::day ? precision::day : fields_of(p);
}

// A TimelineJS date object at wall time `local` (seconds): only the fields the precision knows.
std::string date_object(std::int64_t local, precision p, bool cosmological, const std::string& display,
                        const std::string& pad) {
  const civil::date_time c = civil::to_date_time(local);
  std::string s = "{\n" + pad + "  \"year\": " + std::to_string(timelinejs_year(c.date.y));
  if (!cosmological) {
    if (p <= precision::month) s += ",\n" + pad + "  \"month\": " + std::to_string(c.date.m);
    if (p <= precision::day) s += ",\n" + pad + "  \"day\": " + std::to_string(c.date.d);
    if (p <= precision::hour) s += ",\n" + pad + "  \"hour\": " + std::to_string(c.hour);
    if (p <= precision::minute) s += ",\n" + pad + "  \"minute\": " + std::to_string(c.minute);
    if (p <= precision::second) s += ",\n" + pad + "  \"second\": " + std::to_string(c.second);
  }
  if (!display.empty()) s += ",\n" + pad + "  \"display_date\": " + stripped_html(display);
  return s + "\n" + pad + "}";
}

// The wall times of a date's first and last units between bounds lo and hi, and whether
// it needs an end date (it is longer than one unit of its precision). TimelineJS knows no
// zones: every time of day is placed on one clock, `shown` (the drawing's zone: --tz,
// else the first file's), so that times written in several zones keep their order; the
// display_date keeps the label, on its writer's clock unless --tz.
struct wall_span {
  std::int64_t start, last;
  bool has_end;
};
wall_span wall_span_of(const temporal_value& d, instant lo, instant hi, shown_zone shown) {
  const auto wall = [&](instant t) { return wall_seconds(d, t, shown); };
  const precision f = fields_of(d.prec, d.cal);
  // The start of the last unit, so that an end date names the unit it lies in.
  const std::int64_t unit = f < precision::day ? info(f).seconds : civil::seconds_per_day;
  const std::int64_t start = wall(lo), last = std::max(start, wall(hi) - unit + 1);
  return {start, last, wall(hi) - start + 1 > info(f).max_seconds};
}

// The fields a start at wall time `local` needs: those of precision `p` when it is at the
// start of a unit of `p`, else down to the minute (or the second) it falls at.
precision start_fields(std::int64_t local, precision p) {
  const civil::date_time c = civil::to_date_time(local);
  if (c.second != 0) return std::min(p, precision::second);
  if (c.minute != 0 || c.hour != 0) return std::min(p, precision::minute);
  if (c.date.d != 1) return std::min(p, precision::day);
  if (c.date.m != 1) return std::min(p, precision::month);
  return p;
}

// What a slide shows as its date. TimelineJS would show the start and end fields as an
// exact day or span; the label says what is known: "c. 1500", "before 1917", "mid-Dec
// 2015", "23 or 24 Nov 2015", on its writer's calendar and clock; and a date its links
// narrowed says to what, as every format does.
std::string display_date(const event_view& v) {
  return v.inferred.empty() ? v.label : v.label + " (inferred from links: " + v.inferred + ")";
}

struct slide {
  std::size_t k;                  // position in the presentation
  std::int64_t start, last;       // wall time, seconds: where it falls and the last unit shown
  precision start_prec;           // the fields its start_date needs
  bool has_end;
  bool human;                     // within JavaScript's dates
};

}  // namespace

void write_timelinejs(const presentation& p, std::ostream& out) {
  const svg::lane_assignment lanes = svg::assign_lanes(p);
  std::vector<slide> slides;
  bool any_human = false;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const std::uint32_t i = p.index(k);
    const temporal_value d = p.shown_date(i);
    instant lo = d.stated_earliest, hi = d.stated_latest;
    // An open end takes the bound the links inferred, else the other end.
    const event_bounds& b = p.bounds(i);
    if (lo == open_start) lo = b.start_min;
    if (hi == open_end) hi = b.end_max;
    if (lo == open_start && hi == open_end) {
      p.leave_out(i, "TimelineJS cannot place an event with no date");
      continue;
    }
    if (lo == open_start) lo = hi;
    if (hi == open_end) hi = lo;
    const wall_span w = wall_span_of(d, lo, hi, p.display_zone());
    // Where the order puts it: its written start, kept within what its links allow.
    const instant at = p.position(i);
    const std::int64_t start = at == open_end ? w.start : wall_seconds(d, at, p.display_zone());
    const bool human = human_scale(civil::to_date_time(start).date.y) && human_scale(civil::to_date_time(w.last).date.y);
    any_human = any_human || human;
    slides.push_back({k, start, w.has_end ? std::max(w.last, start) : start, start_fields(start, fields_of(d.prec, d.cal)),
                      w.has_end, human});
  }
  // One scale for all: a far-away event must not turn every other date into a bare year,
  // so when some events are within JavaScript's dates the others are left out.
  const bool cosmological = !any_human;
  if (any_human) {
    std::erase_if(slides, [&](const slide& s) {
      if (!s.human) p.leave_out(p.index(s.k), "TimelineJS dates reach only about 271,000 years from 1970");
      return !s.human;
    });
  }

  out << "{\n";
  if (cosmological && !slides.empty()) out << "  \"scale\": \"cosmological\",\n";
  out << "  \"title\": {\n    \"text\": {\n      \"headline\": " << html(p.title(" · ", "Timeline"))
      << ",\n      \"text\": " << html(std::to_string(slides.size()) + (slides.size() == 1 ? " event" : " events"))
      << "\n    }\n  },\n";
  out << "  \"events\": [";
  for (std::size_t n = 0; n < slides.size(); ++n) {
    const slide& s = slides[n];
    const event_view v = p.view(s.k);
    const event& e = *v.e;
    const precision f = fields_of(v.date.prec, v.date.cal);
    const std::string shown = display_date(v);
    out << (n ? ",\n" : "\n") << "    {\n      \"unique_id\": " << str("event-" + std::string(p.name(e.id)))
        << ",\n      \"start_date\": " << date_object(s.start, s.start_prec, cosmological, shown, "      ");
    if (s.has_end) out << ",\n      \"end_date\": " << date_object(s.last, f, cosmological, "", "      ");
    out << ",\n      \"display_date\": " << stripped_html(shown);
    // Body: description, who and where, links written out, sources.
    std::string body;
    if (!v.relation.empty()) body += "<p>As written: " + escape_xml(v.relation) + "</p>";
    if (const std::string r = p.readings(e); !r.empty()) body += "<p>Dated by source: " + escape_xml(r) + "</p>";
    if (!e.description.empty()) body += "<p>" + escape_xml(e.description) + "</p>";
    std::string meta;
    if (e.kind != no_symbol) meta += escape_xml(p.name(e.kind));
    for (symbol a : e.actors) meta += (meta.empty() ? "" : " · ") + escape_xml(p.actor_name(a));
    if (e.place != no_symbol) meta += (meta.empty() ? "" : " · ") + escape_xml(p.place_name(e.place, v.index));
    if (!meta.empty()) body += "<p>" + meta + "</p>";
    for (const shown_link& l : v.links) {
      body += "<p>" + escape_xml(std::string(link_words(l.kind))) + ": " +
              escape_xml(l.target ? p.event_of(*l.target).title : l.target_id) + "</p>";
    }
    // What links narrowed its date to is in display_date.
    for (const shown_source& src : v.sources) body += "<p>Source: " + escape_xml(src.cited) + "</p>";
    out << ",\n      \"text\": {\n        \"headline\": " << html(e.title) << ",\n        \"text\": " << str(body)
        << "\n      }";
    if (const media_item* m = v.media; m && !m->url.empty()) {  // a slide's media: only a link TimelineJS may load
      const std::string_view uri = p.embedded(m->url);
      out << ",\n      \"media\": {\n        \"url\": " << str(uri.empty() ? std::string_view(m->url) : uri)
          << ",\n        \"caption\": " << html(m->caption) << ",\n        \"credit\": " << html(m->credit)
          << ",\n        \"alt\": " << str(m->alt) << "\n      }";
    }
    if (lanes.of_event[v.index] != svg::lane_assignment::npos) {
      out << ",\n      \"group\": " << stripped_html(lanes.lanes[lanes.of_event[v.index]].label);
    }
    out << ",\n      \"autolink\": false\n    }";
  }
  out << (slides.empty() ? "]" : "\n  ]");
  // Eras: a band each, from its first unit to its last (only bounded ones on this scale).
  std::string eras;
  for (const presentation::shown_era& era : p.eras()) {
    const temporal_value& d = *era.e->date.value;
    if (!d.bounded_start() || !d.bounded_end()) continue;
    const wall_span w = wall_span_of(d, d.stated_earliest, d.stated_latest, p.display_zone());
    const bool human = human_scale(civil::to_date_time(w.start).date.y) && human_scale(civil::to_date_time(w.last).date.y);
    if (human == cosmological) continue;
    // Each end with the fields its own precision knows: `from November 1917 to 1922`
    // starts in November 1917 and ends in 1922.
    eras += std::string(eras.empty() ? "\n" : ",\n") + "    {\n      \"start_date\": " +
            date_object(w.start, fields_of(d.start.prec, d.cal), cosmological, "", "      ") + ",\n      \"end_date\": " +
            date_object(w.last, fields_of(d.end.prec, d.cal), cosmological, "", "      ") +
            ",\n      \"text\": {\n        \"headline\": " +
            html(era.e->title) + "\n      }\n    }";
  }
  if (!eras.empty()) out << ",\n  \"eras\": [" << eras << "\n  ]";
  out << "\n}\n";
}

}  // namespace annals
