// timelinejs: TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html): a title
// slide and one slide per event with start_date/end_date objects, a display_date for
// vague dates, a group per actor or kind, astronomical (negative) years.
//
// TimelineJS renders headline and text as HTML, so user text is HTML-escaped first,
// then JSON-escaped: a title of <script> arrives as the text "<script>", never markup.
// `group` and `display_date` it first strips of markup by reading the textContent of the
// parsed string (which decodes entities once) and then sets as innerHTML (TimelineJS
// 3.9 TimelineConfig STRIP_MARKUP_FIELDS, TimeGroup): those are escaped twice.

#include <ostream>
#include <string>

#include "escape.hpp"
#include "render_common.hpp"
#include "render_formats.hpp"
#include "svg_drawing.hpp"
#include "time_axis.hpp"

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

// A TimelineJS date object: only the fields the precision knows.
std::string date_object(instant t, precision p, bool cosmological, const std::string& display, const std::string& pad) {
  const axis::civil c = axis::to_civil(t);
  std::string s = "{\n" + pad + "  \"year\": " + std::to_string(c.year);
  if (!cosmological) {
    if (p <= precision::month) s += ",\n" + pad + "  \"month\": " + std::to_string(c.month);
    if (p <= precision::day) s += ",\n" + pad + "  \"day\": " + std::to_string(c.day);
    if (p <= precision::hour) s += ",\n" + pad + "  \"hour\": " + std::to_string(c.hour);
    if (p <= precision::minute) s += ",\n" + pad + "  \"minute\": " + std::to_string(c.minute);
    if (p <= precision::second) s += ",\n" + pad + "  \"second\": " + std::to_string(c.second);
  }
  if (!display.empty()) s += ",\n" + pad + "  \"display_date\": " + stripped_html(display);
  return s + "\n" + pad + "}";
}


// The finest TimelineJS field a precision fills: a season gives a month, a decade a year.
precision date_fields(precision p) {
  return p == precision::season ? precision::month : p > precision::year ? precision::year : p;
}

class timelinejs_renderer final : public renderer {
 public:
  void render(const timeline& tl, const chronology& chron, const render_options& options,
              std::ostream& out) const override {
    const svg::lane_assignment lanes = svg::assign_lanes(tl, chron, options);
    struct slide {
      std::size_t index;
      instant start, last;  // last: the final second, or start when it has no end date
      bool has_end;
    };
    std::vector<slide> slides;
    bool cosmological = false;
    for (std::uint32_t i : chron.order) {
      const event& e = tl.events[i];
      auto [lo, end] = written_span(e.date);
      if (end != open_end) end += std::chrono::seconds{1};  // exclusive from here on
      // An open end takes the bound the links inferred, else the other end.
      const bool has_bounds = i < chron.bounds.size();
      if (lo == open_start && has_bounds && chron.bounds[i].start_min != open_start) lo = chron.bounds[i].start_min;
      if (end == open_end && has_bounds && chron.bounds[i].end_max != open_end) end = chron.bounds[i].end_max + std::chrono::seconds{1};
      if (lo == open_start && end == open_end) continue;  // no date at all: nothing TimelineJS can place
      if (lo == open_start) lo = end - std::chrono::seconds{1};
      if (end == open_end) end = lo + std::chrono::seconds{1};
      const instant last = end - std::chrono::seconds{1};
      const bool has_end = (end - lo).count() > unit_seconds(date_fields(e.date.prec));
      slides.push_back({i, lo, has_end ? last : lo, has_end});
      cosmological = cosmological || !human_scale(axis::to_civil(lo).year) || !human_scale(axis::to_civil(last).year);
    }

    const std::string title = tl.files.empty() || tl.files.front().title.empty() ? "Timeline" : tl.files.front().title;
    out << "{\n";
    if (cosmological) out << "  \"scale\": \"cosmological\",\n";
    out << "  \"title\": {\n    \"text\": {\n      \"headline\": " << html(title) << ",\n      \"text\": "
        << html(std::to_string(slides.size()) + (slides.size() == 1 ? " event" : " events")) << "\n    }\n  },\n";
    out << "  \"events\": [";
    for (std::size_t k = 0; k < slides.size(); ++k) {
      const slide& s = slides[k];
      const event& e = tl.events[s.index];
      const temporal_value& v = e.date;
      // Vague dates say how vague in words; TimelineJS would show false precision.
      const bool vague = v.approximate || v.uncertain || !v.bounded_start() || !v.bounded_end() ||
                         (s.has_end && !v.interval) || date_fields(v.prec) != v.prec ||
                         axis::to_civil(s.start).year <= 0;
      const std::string label = date_label(v);
      out << (k ? ",\n" : "\n") << "    {\n      \"unique_id\": " << str(std::string("event-") + std::string(tl.names.name(e.id)))
          << ",\n      \"start_date\": " << date_object(s.start, date_fields(v.prec), cosmological, vague ? label : "", "      ");
      if (s.has_end) out << ",\n      \"end_date\": " << date_object(s.last, date_fields(v.prec), cosmological, "", "      ");
      if (vague) out << ",\n      \"display_date\": " << stripped_html(label);
      // Body: description, who and where, links written out, sources.
      std::string body;
      if (!e.description.empty()) body += "<p>" + escape_xml(e.description) + "</p>";
      std::string meta;
      if (e.kind != no_symbol) meta += escape_xml(tl.names.name(e.kind));
      for (symbol a : e.actors) meta += (meta.empty() ? "" : " · ") + escape_xml(actor_name(tl, a));
      if (e.place != no_symbol) meta += (meta.empty() ? "" : " · ") + escape_xml(place_name(tl, e.place));
      if (!meta.empty()) body += "<p>" + meta + "</p>";
      for (const link& l : e.links) {
        const auto t = tl.find_event(l.target);
        body += "<p>" + escape_xml(std::string(to_string(l.kind))) + ": " +
                escape_xml(t ? tl.events[*t].title : std::string(tl.names.name(l.target))) + "</p>";
      }
      if (s.index < chron.narrowed.size() && chron.narrowed[s.index] && s.index < chron.bounds.size()) {
        body += "<p>Inferred from links: " +
                escape_xml(range_label(chron.bounds[s.index].start_min, chron.bounds[s.index].end_max)) + "</p>";
      }
      for (symbol src : e.sources) {
        for (const auto& x : tl.sources) {
          if (x.id == src) body += "<p>Source: " + escape_xml(x.title.empty() ? std::string(tl.names.name(src)) : x.title) + "</p>";
        }
      }
      out << ",\n      \"text\": {\n        \"headline\": " << html(e.title) << ",\n        \"text\": " << str(body)
          << "\n      }";
      if (lanes.of_event[s.index] != svg::lane_assignment::npos) {
        out << ",\n      \"group\": " << stripped_html(lanes.lanes[lanes.of_event[s.index]].label);
      }
      out << "\n    }";
    }
    out << (slides.empty() ? "]\n" : "\n  ]\n") << "}\n";
  }
};

}  // namespace

std::unique_ptr<renderer> make_timelinejs_renderer() { return std::make_unique<timelinejs_renderer>(); }

}  // namespace annals
