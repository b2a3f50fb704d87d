#include "output/svg_drawing.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>

#include "annals/gaps.hpp"
#include "annals/lifespans.hpp"
#include "output/escape.hpp"
#include "model/link_table.hpp"
#include "output/render_common.hpp"
#include "output/svg_incident.hpp"
#include "output/time_axis.hpp"

namespace annals::svg {

namespace {

// A restrained palette: ink blue, brick, green, ochre, plum, teal, umber, slate.
constexpr std::array<std::string_view, 8> palette = {"#1f4e79", "#b0413e", "#2e7d5b", "#b07c12",
                                                     "#6a4c93", "#2f7f8c", "#8a5a3b", "#56616b"};

constexpr double width = 1200;
constexpr double lane_label_w = 168;  // left column with the lane names
constexpr double chart_x0 = lane_label_w + 26, chart_x1 = width - 40;
constexpr double row_h = 36;
constexpr double open_arrow = 34;  // length of the arrow that shows an open end
constexpr double lane_pad = 8;
constexpr double char_w = 6.7;  // average advance of 12.5px sans-serif text, for packing labels
constexpr std::size_t max_label_chars = 56;

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

// The length of a gap band in words, counted as `annals gaps` counts (SPEC §5).
std::string band_text_of(const axis::gap_band& b, zone tz) {
  return gap_text(measure_span(b.from, b.from, b.to, b.to, false, tz, tz));
}

// Splits "8 years, 1 month and 7 days" into lines that fit a gap band, at its commas
// and before its "and".
std::vector<std::string> band_lines(const std::string& text) {
  std::vector<std::string> phrases(1);
  std::istringstream in(text);
  for (std::string w; in >> w;) {
    if (w == "and" && !phrases.back().empty()) phrases.emplace_back();
    phrases.back() += (phrases.back().empty() ? "" : " ") + w;
    if (w.back() == ',') phrases.emplace_back();
  }
  std::vector<std::string> lines;
  for (const auto& ph : phrases) {
    if (ph.empty()) continue;
    if (!lines.empty() && lines.back().size() + 1 + ph.size() <= 19) lines.back() += " " + ph;
    else lines.push_back(ph);
  }
  return lines;
}

// Two slanted strokes across a range at x: it goes on past the window asked for.
std::string break_mark(double x, double y, std::string_view color) {
  std::string out;
  for (double dx : {-2.5, 2.5}) {
    out += "<path class=\"cut\" d=\"M" + num(x + dx - 3) + ',' + num(y + 6) + " L" + num(x + dx + 3) + ',' + num(y - 6) +
           "\" stroke=\"" + std::string(color) + "\" stroke-width=\"1.4\" fill=\"none\"/>";
  }
  return out;
}

struct placed {
  std::size_t index = 0;     // event index
  std::size_t position = 0;  // in the chronology's order
  std::size_t lane = 0;
  std::size_t row = 0;
  double x_lo = 0, x_hi = 0, x_mark = 0;  // drawn range and mark
  bool open_lo = false, open_hi = false;  // the range runs off the chart
  bool cut_lo = false, cut_hi = false;    // the range runs past the --from/--to window: cut at the axis
  double stated_lo = 0, stated_hi = 0;    // the stated whisker when it differs (inferred)
  bool has_stated = false, stated_open_lo = false, stated_open_hi = false;
  std::string label;
  double label_x = 0;
  bool label_right = false;  // anchored at its end, left of the mark
  double occ_lo = 0, occ_hi = 0;
  double y = 0;  // centre line of the mark
};

}  // namespace

lane_assignment assign_lanes(const presentation& p) {
  const timeline& tl = p.tl;
  const chronology& chron = p.chron;
  const render_options& options = p.options;
  lane_assignment out;
  out.of_event.assign(tl.events.size(), lane_assignment::npos);
  // Lane keys in order of first appearance; no_symbol ("other") goes last.
  std::vector<symbol> keys;
  std::map<symbol, std::size_t> count;
  auto key_of = [&](const event& e) {
    if (options.lanes == render_options::lane_key::kind) return e.kind;
    return e.actors.empty() ? no_symbol : e.actors.front();
  };
  for (std::uint32_t i : chron.order) {
    const symbol k = key_of(tl.events[i]);
    if (count[k]++ == 0) keys.push_back(k);
  }
  std::stable_sort(keys.begin(), keys.end(), [&](symbol a, symbol b) {
    if ((a == no_symbol) != (b == no_symbol)) return b == no_symbol;
    return count[a] > count[b];
  });
  std::map<symbol, std::size_t> lane_of;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const symbol k = keys[i];
    std::string label = k == no_symbol ? (options.lanes == render_options::lane_key::kind ? "Other" : "No actor")
                        : options.lanes == render_options::lane_key::kind ? std::string(tl.names.name(k))
                                                                           : p.actor_name(k);
    if (options.lanes == render_options::lane_key::kind && !label.empty() && label[0] >= 'a' && label[0] <= 'z') {
      label[0] = static_cast<char>(label[0] - 'a' + 'A');
    }
    std::string detail;
    if (options.lanes == render_options::lane_key::actor && k != no_symbol) {
      if (const actor* a = p.find_actor(k)) detail = lifespan_years(*a);
    }
    out.lanes.push_back({std::move(label), palette[i % palette.size()], std::move(detail)});
    lane_of[k] = i;
  }
  for (std::uint32_t i : chron.order) out.of_event[i] = lane_of[key_of(tl.events[i])];
  return out;
}

namespace {

// "caused, enabled or responded to by": the legend of the arrows.
std::string arrow_legend() {
  std::vector<std::string_view> words;
  for (const link_info& k : link_kinds()) {
    if (k.followed && std::find(words.begin(), words.end(), k.source_words) == words.end()) words.push_back(k.source_words);
  }
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += i == 0 ? "" : i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace

std::vector<causal_edge> causal_edges(const presentation& p) {
  const timeline& tl = p.tl;
  std::vector<bool> shown(tl.events.size(), false);
  for (std::uint32_t i : p.chron.order) shown[i] = true;
  std::vector<causal_edge> out;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (std::uint32_t i : p.chron.order) {
    for (const link& l : tl.events[i].links) {
      if (!is_followed(l.kind)) continue;
      const auto t = tl.find_event(l.target);
      if (!t || !shown[*t]) continue;
      const auto [cause, effect] = ends<std::size_t>(l.kind, i, *t);
      if (cause != effect && seen.insert({cause, effect}).second) out.push_back({cause, effect, l.kind});
    }
  }
  return out;
}

void draw(const presentation& pr, const drawing_options& how, std::ostream& out) {
  const timeline& tl = pr.tl;
  const chronology& chron = pr.chron;
  const zone tz = pr.display_zone();
  const lane_assignment lanes = assign_lanes(pr);

  // The extents that the scale must show: shown bounds and inferred ones.
  std::vector<axis::extent> extents;
  auto add_extent = [&](instant lo, instant hi, double px, precision p) {
    if (lo == open_start && hi == open_end) return;
    // A lone event shows a little time around it: four days around a day, a year and a half around a year.
    const std::int64_t unit = info(p).max_seconds;
    const std::int64_t min_s = p <= precision::day ? 4 * unit : unit * 3 / 2;
    extents.push_back({lo == open_start ? hi : lo, hi == open_end ? lo : hi, px, min_s});
  };
  auto label_px = [](std::string_view label) { return static_cast<double>(display_width(label)) * char_w; };
  for (std::uint32_t i : chron.order) {
    const temporal_value v = pr.shown_date(i);
    // Room for a lone event's label, within reason (a longer one may cross a band).
    const double px = std::min(200.0, label_px(clip(tl.events[i].title, max_label_chars)) * 1.1 + 24);
    add_extent(v.earliest, v.latest, px, v.prec);
    if (chron.narrowed[i] && !tl.events[i].relative) add_extent(chron.bounds[i].start_min, chron.bounds[i].end_max, px, v.prec);
  }
  for (const presentation::shown_era& e : pr.eras()) {  // eras are drawn in full
    const temporal_value& d = *e.e->date.value;
    if (d.bounded_start() || d.bounded_end()) extents.push_back({d.bounded_start() ? d.earliest : d.latest,
                                                                 d.bounded_end() ? d.latest : d.earliest, 0, 0});
  }
  // --from/--to: the axis spans the events shown, cut at the window asked for.
  const bool windowed = pr.options.from || pr.options.to;
  const axis::scale sc(extents, chart_x0, chart_x1, {pr.options.from, pr.options.to});
  const instant axis_first = sc.first(), axis_last = sc.last();

  // Place every event: its range, its mark, its label, then pack rows per lane.
  std::vector<placed> marks;
  std::vector<std::vector<double>> row_ends(lanes.lanes.size());  // per lane, per row: occupied up to x
  for (std::size_t k = 0; k < chron.order.size(); ++k) {
    const std::uint32_t i = chron.order[k];
    const event& e = tl.events[i];
    placed p;
    p.index = i;
    p.position = k;
    p.lane = lanes.of_event[i];
    const temporal_value shown = pr.shown_date(i);
    instant lo = shown.earliest, hi = shown.latest;
    if (chron.narrowed[i] && !e.relative) {
      const event_bounds b = chron.bounds[i];
      if (b.start_min != open_start) lo = std::max(lo == open_start ? b.start_min : lo, b.start_min);
      if (b.end_max != open_end) hi = std::min(hi == open_end ? b.end_max : hi, b.end_max);
      p.has_stated = true;
      p.stated_open_lo = e.date.earliest == open_start;
      p.stated_open_hi = e.date.latest == open_end;
      p.stated_lo = p.stated_open_lo ? 0 : sc.x(e.date.earliest);
      p.stated_hi = p.stated_open_hi ? 0 : sc.x(e.date.latest + std::chrono::seconds{1});
    }
    p.open_lo = lo == open_start;
    p.open_hi = hi == open_end;
    if (windowed) {  // a range that runs past the window is drawn to the axis's end, with a break mark
      if (!p.open_lo && lo < axis_first) p.cut_lo = true, lo = axis_first;
      if (!p.open_hi && hi + std::chrono::seconds{1} > axis_last) p.cut_hi = true, hi = axis_last - std::chrono::seconds{1};
      if (hi < lo) hi = lo;
    }
    if (p.open_lo && p.open_hi) {
      p.x_lo = p.x_hi = chart_x0;
    } else {
      // An open end is drawn as a short arrow away from the known end.
      p.x_lo = p.open_lo ? sc.x(hi + std::chrono::seconds{1}) - open_arrow : sc.x(lo);
      p.x_hi = p.open_hi ? sc.x(lo) + open_arrow : sc.x(hi + std::chrono::seconds{1});
    }
    p.x_mark = p.open_lo ? p.x_hi : p.open_hi ? p.x_lo : (p.x_lo + p.x_hi) / 2;
    if (p.has_stated) {
      // An open stated end: an arrow just beyond the inferred bounds.
      const double lo_known = p.stated_open_hi ? p.x_lo : std::min(p.x_lo, p.stated_hi);
      const double hi_known = p.stated_open_lo ? p.x_hi : std::max(p.x_hi, p.stated_lo);
      if (p.stated_open_lo) p.stated_lo = lo_known - open_arrow;
      if (p.stated_open_hi) p.stated_hi = hi_known + open_arrow;
    }
    p.label = clip(e.title, max_label_chars);
    const double tw = label_px(p.label);
    const double left = std::min(p.x_mark - 6, std::max(p.x_lo, chart_x0 - 16));
    p.label_x = left;
    // A label stays in its segment: past a gap band (or the edge) it ends at the mark instead.
    double limit = width - 8;
    for (const auto& seg : sc.segments()) {
      if (p.x_mark <= seg.x1 + 1) {
        if (&seg != &sc.segments().back()) limit = seg.x1 + 6;
        break;
      }
    }
    if (left + tw > limit && std::max(p.x_mark + 6, std::min(p.x_hi, chart_x1 + 16)) - tw >= lane_label_w - 4) {
      p.label_right = true;
      p.label_x = std::max(p.x_mark + 6, std::min(p.x_hi, chart_x1 + 16));
    }
    p.occ_lo = std::min(p.label_right ? p.label_x - tw : p.label_x, p.x_lo) - 4;
    p.occ_hi = std::max(p.label_right ? p.label_x : p.label_x + tw, p.x_hi) + 14;
    auto& rows = row_ends[p.lane];
    std::size_t r = 0;
    while (r < rows.size() && rows[r] > p.occ_lo) ++r;
    if (r == rows.size()) rows.push_back(0);
    rows[r] = p.occ_hi;
    p.row = r;
    marks.push_back(std::move(p));
  }

  // Vertical layout.
  const double title_h = how.standalone && !tl.files.empty() && !tl.files.front().title.empty() ? 44 : 0;
  std::vector<std::vector<std::string>> band_text;
  std::size_t band_rows = 0;
  for (const auto& b : sc.bands()) {
    band_text.push_back(band_lines(band_text_of(b, tz)));
    band_rows = std::max(band_rows, band_text.back().size());
  }
  const double axis_y = title_h + 34 + 15 * static_cast<double>(band_rows);
  // The incident's milestones: a strip of flags between the axis and the lanes.
  const incident_layout incident = lay_out_incident(pr, sc, chart_x0 - 16, width - 8);
  const double strip_top = axis_y + 6;
  std::vector<double> lane_top(lanes.lanes.size() + 1);
  double y = axis_y + 10 + (incident.rows > 0 ? strip_row_h * static_cast<double>(incident.rows) + 2 : 0);
  for (std::size_t l = 0; l < lanes.lanes.size(); ++l) {
    lane_top[l] = y;
    y += lane_pad * 2 + row_h * static_cast<double>(std::max<std::size_t>(1, row_ends[l].size()));
  }
  lane_top[lanes.lanes.size()] = y;
  const double chart_bottom = y;
  const bool any_cut = std::any_of(marks.begin(), marks.end(), [](const placed& p) { return p.cut_lo || p.cut_hi; });
  const bool legend2 = !incident.empty() || any_cut;  // a second legend line: the incident, cut ranges
  const double height = chart_bottom + 46 + (legend2 ? 22 : 0);
  for (auto& p : marks) p.y = lane_top[p.lane] + lane_pad + row_h * static_cast<double>(p.row) + 25;
  std::vector<std::optional<std::size_t>> mark_of(tl.events.size());
  for (std::size_t k = 0; k < marks.size(); ++k) mark_of[marks[k].index] = k;

  // --- output --------------------------------------------------------------
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"annals-timeline\" viewBox=\"0 0 " << num(width) << ' '
      << num(height) << "\" width=\"" << num(width) << "\" height=\"" << num(height)
      // An image, unless its marks are links (html): an image's parts cannot be focused.
      << "\" role=\"" << (how.link_to_list ? "group" : "img") << "\" aria-label=\"Timeline\">\n";
  if (!tl.files.empty() && !tl.files.front().title.empty()) out << "<title>" << escape_xml(tl.files.front().title) << "</title>\n";
  out << "<style>\n"
         ".annals-timeline{font-family:\"Helvetica Neue\",Helvetica,Arial,\"Liberation Sans\",sans-serif}\n"
         ".annals-timeline text{fill:#1a1a1a}\n"
         ".annals-timeline .tick text{font-size:11px;fill:#6b6b6b}\n"
         ".annals-timeline .lane-name{font-size:12px;font-weight:700;letter-spacing:.02em}\n"
         ".annals-timeline .lane-life{font-size:10px;fill:#6b675f}\n"
         ".annals-timeline .era-name{font-size:11px;font-style:italic;fill:#7a6a3f}\n"
         ".annals-timeline .event text{font-size:12.5px}\n"
         ".annals-timeline .event:hover text{text-decoration:underline}\n"
         ".annals-timeline .band text{font-size:11px;font-style:italic;fill:#555}\n"
         ".annals-timeline .legend text{font-size:11px;fill:#555}\n"
         ".annals-timeline .doc-title{font-family:Georgia,\"Times New Roman\",serif;font-size:22px;font-weight:700}\n";
  if (!incident.empty()) out << incident_css();
  out << "</style>\n"
         "<defs>\n"
         "<marker id=\"annals-arrow\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" "
         "orient=\"auto-start-reverse\"><path d=\"M0,0.5 L8,4 L0,7.5 z\" fill=\"#5a5a5a\"/></marker>\n"
         "<pattern id=\"annals-hatch\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"7\" height=\"7\" fill=\"#f6f5f1\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"#e2dfd6\" stroke-width=\"2\"/></pattern>\n";
  if (!incident.empty()) out << incident_defs();
  out << "</defs>\n";
  if (how.standalone) out << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  if (title_h > 0) {
    out << "<text class=\"doc-title\" x=\"16\" y=\"32\">" << escape_xml(tl.files.front().title) << "</text>\n";
  }

  // Lanes: alternate shading and names.
  out << "<g class=\"lanes\">\n";
  for (std::size_t l = 0; l < lanes.lanes.size(); ++l) {
    const double top = lane_top[l], h = lane_top[l + 1] - top;
    if (l % 2 == 0) {
      out << "<rect x=\"0\" y=\"" << num(top) << "\" width=\"" << num(width) << "\" height=\"" << num(h)
          << "\" fill=\"#f9f8f5\"/>\n";
    }
    out << "<line x1=\"0\" x2=\"" << num(width) << "\" y1=\"" << num(top + h) << "\" y2=\"" << num(top + h)
        << "\" stroke=\"#e6e3dc\"/>\n";
    out << "<text class=\"lane-name\" x=\"16\" y=\"" << num(top + lane_pad + 18) << "\" style=\"fill:"
        << lanes.lanes[l].color << "\">" << escape_xml(clip(lanes.lanes[l].label, 22));
    if (display_width(lanes.lanes[l].label) > 22) out << "<title>" << escape_xml(lanes.lanes[l].label) << "</title>";
    out << "</text>\n";
    if (!lanes.lanes[l].detail.empty()) {  // an actor's lifespan
      out << "<text class=\"lane-life\" x=\"16\" y=\"" << num(top + lane_pad + 33) << "\">"
          << escape_xml(clip(lanes.lanes[l].detail, 26));
      if (display_width(lanes.lanes[l].detail) > 26) out << "<title>" << escape_xml(lanes.lanes[l].detail) << "</title>";
      out << "</text>\n";
    }
  }
  out << "</g>\n";

  // Eras: labelled bands behind the events; their names packed in rows up from the
  // chart's foot, so that the names of overlapping eras never cross.
  std::vector<double> era_rows;  // per row: occupied up to x
  for (const presentation::shown_era& e : pr.eras()) {
    const temporal_value& d = *e.e->date.value;
    // Cut at the axis's ends when a window was asked for.
    const double x0 = d.bounded_start() ? sc.x(windowed ? std::max(d.earliest, axis_first) : d.earliest) : chart_x0;
    const double x1 = d.bounded_end() ? sc.x(windowed ? std::min(d.latest + std::chrono::seconds{1}, axis_last)
                                                      : d.latest + std::chrono::seconds{1})
                                      : chart_x1;
    const std::string heading = pr.era_heading(*e.e);
    out << "<g class=\"era\"><title>" << escape_xml(heading) << "</title><rect x=\"" << num(x0) << "\" y=\""
        << num(axis_y) << "\" width=\"" << num(std::max(1.0, x1 - x0)) << "\" height=\"" << num(chart_bottom - axis_y)
        << "\" fill=\"#e8d9b5\" fill-opacity=\"0.35\"/>";
    const std::string name = clip(e.e->title, std::max<std::size_t>(4, static_cast<std::size_t>((x1 - x0) / char_w)));
    const double name_x0 = x0 + 4, name_x1 = name_x0 + static_cast<double>(display_width(name)) * char_w;
    std::size_t row = 0;
    while (row < era_rows.size() && era_rows[row] > name_x0) ++row;
    if (row == era_rows.size()) era_rows.push_back(0);
    era_rows[row] = name_x1 + 8;
    out << "<text class=\"era-name\" x=\"" << num(name_x0) << "\" y=\"" << num(chart_bottom - 6 - 14 * static_cast<double>(row))
        << "\">" << escape_xml(name) << "</text></g>\n";
  }

  draw_impact_band(incident, axis_y, chart_bottom, out);

  // Gap bands: time left out of the scale, labelled above the axis with its length.
  for (std::size_t k = 0; k < sc.bands().size(); ++k) {
    const auto& b = sc.bands()[k];
    const std::string text = band_text_of(b, tz);
    out << "<g class=\"band\"><title>" << escape_xml(text) << " without events</title>";
    out << "<rect x=\"" << num(b.x0 + 8) << "\" y=\"" << num(axis_y - 2) << "\" width=\"" << num(b.x1 - b.x0 - 16)
        << "\" height=\"" << num(chart_bottom - axis_y + 2) << "\" fill=\"url(#annals-hatch)\"/>\n";
    const auto& lines = band_text[k];
    const double cx = (b.x0 + b.x1) / 2;
    const double ty = axis_y - 24 - 13 * static_cast<double>(lines.size() - 1);
    out << "<text x=\"" << num(cx) << "\" y=\"" << num(ty) << "\" text-anchor=\"middle\">";
    for (std::size_t j = 0; j < lines.size(); ++j) {
      out << "<tspan x=\"" << num(cx) << "\" dy=\"" << (j == 0 ? "0" : "13") << "\">" << escape_xml(lines[j]) << "</tspan>";
    }
    out << "</text>";
    // Break marks where the axis line stops and starts again.
    for (double x : {b.x0 + 4, b.x1 - 4}) {
      out << "<path d=\"M" << num(x - 3) << ',' << num(axis_y + 4) << " L" << num(x + 3) << ',' << num(axis_y - 4)
          << "\" stroke=\"#8a8a8a\" fill=\"none\"/>";
    }
    out << "</g>\n";
  }

  // The axis: a line per segment, gridlines and tick labels.
  out << "<g class=\"axis\" data-from=\"" << format_bound(axis_first, precision::second) << "\" data-to=\""
      << format_bound(axis_last, precision::second) << "\">\n";
  for (const auto& s : sc.segments()) {
    out << "<line x1=\"" << num(s.x0) << "\" x2=\"" << num(s.x1) << "\" y1=\"" << num(axis_y) << "\" y2=\""
        << num(axis_y) << "\" stroke=\"#8a8a8a\"/>\n";
  }
  double last_label_end = -1e9;
  for (const auto& t : sc.ticks(84, tz)) {
    out << "<g class=\"tick\"><line x1=\"" << num(t.x) << "\" x2=\"" << num(t.x) << "\" y1=\"" << num(axis_y - 4)
        << "\" y2=\"" << num(chart_bottom) << "\" stroke=\"" << (t.major ? "#d9d6cd" : "#ebe8e1") << "\"/>";
    const double tw = static_cast<double>(display_width(t.label)) * 6.0;
    if (t.x - tw / 2 > last_label_end + 6) {  // never overlap two labels
      out << "<text x=\"" << num(t.x) << "\" y=\"" << num(axis_y - 9) << "\" text-anchor=\"middle\">"
          << escape_xml(t.label) << "</text>";
      last_label_end = t.x + tw / 2;
    }
    out << "</g>\n";
  }
  out << "</g>\n";

  draw_milestone_flags(pr, incident, strip_top, chart_bottom, out);

  // Causal arrows, beneath the marks.
  out << "<g class=\"links\" fill=\"none\" stroke=\"#5a5a5a\" stroke-opacity=\"0.6\" stroke-width=\"1.3\">\n";
  for (const causal_edge& c : causal_edges(pr)) {
    if (!mark_of[c.cause] || !mark_of[c.effect]) continue;
    const placed& a = marks[*mark_of[c.cause]];
    const placed& b = marks[*mark_of[c.effect]];
    // A cubic curve from the cause's mark into the effect's; the same moment loops out left.
    const bool same_x = b.x_mark - a.x_mark < 28;
    const double bulge = same_x ? 34 + std::abs(b.y - a.y) / 6 : -(b.x_mark - a.x_mark) / 2;
    const double ax = same_x ? a.x_mark - 6 : a.x_mark + 6;
    std::ostringstream d;
    d << 'M' << num(ax) << ',' << num(a.y) << " C" << num(a.x_mark - bulge) << ',' << num(a.y) << ' '
      << num(b.x_mark - std::abs(bulge)) << ',' << num(b.y) << ' ' << num(b.x_mark - 7) << ',' << num(b.y);
    out << "<path class=\"link\" d=\"" << d.str() << "\" marker-end=\"url(#annals-arrow)\"><title>"
        << escape_xml(std::string(tl.names.name(tl.events[c.cause].id)) + ' ' + std::string(info(c.kind).source_words) +
                      ' ' + std::string(tl.names.name(tl.events[c.effect].id)))
        << "</title></path>\n";
  }
  out << "</g>\n";

  // The events.
  out << "<g class=\"events\">\n";
  for (const placed& p : marks) {
    const event& e = tl.events[p.index];
    const std::string id(tl.names.name(e.id));
    const std::string_view color = lanes.lanes[p.lane].color;
    // Tooltip: title, date, what and who, inferred bounds.
    const event_view v = pr.view(p.position);
    std::string tip = std::string(e.title) + "\n" + v.label;
    if (e.kind != no_symbol) tip += " · " + std::string(tl.names.name(e.kind));
    for (symbol a : e.actors) tip += " · " + pr.actor_name(a);
    if (e.place != no_symbol) tip += " · " + pr.place_name(e.place, v.index);
    if (!v.relation.empty()) tip += "\nas written: " + v.relation;
    if (!v.inferred.empty()) tip += "\ninferred from links: " + v.inferred;
    if (v.order_uncertain) tip += "\norder uncertain";

    if (how.link_to_list) out << "<a href=\"#event-" << escape_xml(id) << "\">";
    out << "<g class=\"event\" data-id=\"" << escape_xml(id) << "\"><title>" << escape_xml(tip) << "</title>";
    const std::string yc = num(p.y);
    auto whisker = [&](double x0, double x1, bool open0, bool open1, const char* stroke, const char* extra,
                       bool cut0 = false, bool cut1 = false) {
      out << "<line x1=\"" << num(x0) << "\" x2=\"" << num(x1) << "\" y1=\"" << yc << "\" y2=\"" << yc
          << "\" stroke=\"" << stroke << "\" stroke-width=\"1.4\"" << extra << "/>";
      if (open0) out << "<path d=\"M" << num(x0 + 5) << ',' << num(p.y - 4) << " L" << num(x0) << ',' << yc << " L" << num(x0 + 5) << ',' << num(p.y + 4) << "\" fill=\"none\" stroke=\"" << stroke << "\" stroke-width=\"1.4\"/>";
      if (open1) out << "<path d=\"M" << num(x1 - 5) << ',' << num(p.y - 4) << " L" << num(x1) << ',' << yc << " L" << num(x1 - 5) << ',' << num(p.y + 4) << "\" fill=\"none\" stroke=\"" << stroke << "\" stroke-width=\"1.4\"/>";
      if (!open0 && !cut0) out << "<line x1=\"" << num(x0) << "\" x2=\"" << num(x0) << "\" y1=\"" << num(p.y - 5) << "\" y2=\"" << num(p.y + 5) << "\" stroke=\"" << stroke << "\" stroke-width=\"1.4\"/>";
      if (!open1 && !cut1) out << "<line x1=\"" << num(x1) << "\" x2=\"" << num(x1) << "\" y1=\"" << num(p.y - 5) << "\" y2=\"" << num(p.y + 5) << "\" stroke=\"" << stroke << "\" stroke-width=\"1.4\"/>";
    };
    const bool wide = p.x_hi - p.x_lo >= 9 || p.open_lo || p.open_hi || p.cut_lo || p.cut_hi;
    if (p.has_stated) {
      // The stated bounds, pale; the bounds the links imply, dashed in the lane's colour.
      whisker(p.stated_lo, p.stated_hi, p.stated_open_lo, p.stated_open_hi, "#b3b3b3", "");
      if (wide) {
        out << "<line class=\"inferred\" x1=\"" << num(p.x_lo) << "\" x2=\"" << num(p.x_hi) << "\" y1=\"" << yc
            << "\" y2=\"" << yc << "\" stroke=\"" << color << "\" stroke-width=\"3\" stroke-dasharray=\"4 3\"/>";
      }
      out << "<circle class=\"mark inferred\" cx=\"" << num(p.x_mark) << "\" cy=\"" << yc
          << "\" r=\"5\" fill=\"#ffffff\" stroke=\"" << color << "\" stroke-width=\"2\"/>";
    } else if (v.date.interval && wide && !p.open_lo && !p.open_hi && !p.cut_lo && !p.cut_hi) {
      out << "<rect class=\"mark span\" x=\"" << num(p.x_lo) << "\" y=\"" << num(p.y - 4.5) << "\" width=\""
          << num(p.x_hi - p.x_lo) << "\" height=\"9\" rx=\"2\" fill=\"" << color << "\" fill-opacity=\"0.85\"/>";
    } else {
      if (wide) whisker(p.x_lo, p.x_hi, p.open_lo, p.open_hi, std::string(color).c_str(), " stroke-opacity=\"0.7\"", p.cut_lo, p.cut_hi);
      const bool vague = v.date.approximate || v.date.uncertain;
      out << "<circle class=\"mark\" cx=\"" << num(p.x_mark) << "\" cy=\"" << yc << "\" r=\"5\" fill=\""
          << (vague ? "#ffffff" : color) << "\" stroke=\"" << color << "\" stroke-width=\"" << (vague ? "2" : "1")
          << "\"/>";
    }
    for (const auto& [cut, x] : {std::pair{p.cut_lo, p.x_lo}, std::pair{p.cut_hi, p.x_hi}}) {
      if (cut) out << break_mark(x, p.y, color);  // the range goes on past the window
    }
    out << "<text x=\"" << num(p.label_x) << "\" y=\"" << num(p.y - 10) << "\""
        << (p.label_right ? " text-anchor=\"end\"" : "") << ">" << escape_xml(p.label) << "</text>";
    out << "</g>";
    if (how.link_to_list) out << "</a>";
    out << "\n";
  }
  out << "</g>\n";

  // Legend. An arrow runs from a link's source: the words of every kind drawn, as the source reads them.
  const double ly = chart_bottom + 28;
  const std::string arrow_words = arrow_legend();
  const double hatch_x = 722 + static_cast<double>(display_width(arrow_words)) * 6.2 + 18;
  out << "<g class=\"legend\">\n"
      << "<circle cx=\"22\" cy=\"" << num(ly - 4) << "\" r=\"5\" fill=\"#56616b\"/><text x=\"32\" y=\"" << num(ly) << "\">date as stated</text>\n"
      << "<circle cx=\"142\" cy=\"" << num(ly - 4) << "\" r=\"5\" fill=\"#fff\" stroke=\"#56616b\" stroke-width=\"2\"/><text x=\"152\" y=\"" << num(ly) << "\">approximate or uncertain</text>\n"
      << "<line x1=\"318\" x2=\"352\" y1=\"" << num(ly - 4) << "\" y2=\"" << num(ly - 4) << "\" stroke=\"#56616b\" stroke-width=\"1.4\"/>"
      << "<line x1=\"318\" x2=\"318\" y1=\"" << num(ly - 9) << "\" y2=\"" << num(ly + 1) << "\" stroke=\"#56616b\" stroke-width=\"1.4\"/>"
      << "<line x1=\"352\" x2=\"352\" y1=\"" << num(ly - 9) << "\" y2=\"" << num(ly + 1) << "\" stroke=\"#56616b\" stroke-width=\"1.4\"/>"
      << "<text x=\"360\" y=\"" << num(ly) << "\">possible range</text>\n"
      << "<line x1=\"468\" x2=\"502\" y1=\"" << num(ly - 4) << "\" y2=\"" << num(ly - 4) << "\" stroke=\"#56616b\" stroke-width=\"3\" stroke-dasharray=\"4 3\"/>"
      << "<text x=\"510\" y=\"" << num(ly) << "\">narrowed by links (inferred)</text>\n"
      << "<path d=\"M680," << num(ly - 4) << " L712," << num(ly - 4) << "\" stroke=\"#5a5a5a\" stroke-width=\"1.3\" marker-end=\"url(#annals-arrow)\"/>"
      << "<text x=\"722\" y=\"" << num(ly) << "\">" << arrow_words << "</text>\n"
      << "<rect x=\"" << num(hatch_x) << "\" y=\"" << num(ly - 11) << "\" width=\"26\" height=\"14\" fill=\"url(#annals-hatch)\" stroke=\"#e2dfd6\"/>"
      << "<text x=\"" << num(hatch_x + 34) << "\" y=\"" << num(ly) << "\">time left out (no events)</text>\n";
  if (legend2) {  // the incident's band and flags, and ranges cut at the window
    const double ly2 = ly + 22;
    double x = draw_incident_legend(incident, 16, ly2, out);
    if (any_cut) {
      out << "<line x1=\"" << num(x) << "\" x2=\"" << num(x + 30) << "\" y1=\"" << num(ly2 - 4) << "\" y2=\""
          << num(ly2 - 4) << "\" stroke=\"#56616b\" stroke-width=\"1.4\"/>" << break_mark(x + 30, ly2 - 4, "#56616b")
          << "<text x=\"" << num(x + 42) << "\" y=\"" << num(ly2) << "\">goes on past the window asked for</text>\n";
    }
  }
  out << "</g>\n";
  out << "</svg>\n";
}

}  // namespace annals::svg
