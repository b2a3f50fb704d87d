#include "output/svg_incident.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string_view>
#include <tuple>

#include "annals/duration.hpp"
#include "annals/incidents.hpp"
#include "output/escape.hpp"
#include "output/render_common.hpp"

namespace annals::svg {

namespace {

constexpr std::string_view ink = "#8c2b26";        // flags and their words: 8.4:1 on white, 6.4:1 on the band
constexpr std::string_view band_fill = "#e8a39b";  // drawn at 30%: event text keeps 13:1 on it
constexpr double label_char_w = 6.6;               // average advance of the 11px bold labels

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

// "Impact start": a milestone's name as a label writes it.
std::string words_of(milestone m) {
  std::string s = milestone_words(m);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Whether [lo, hi] (either end open) meets the axis.
bool on_axis(const axis::scale& sc, instant lo, instant hi) {
  return (hi == open_end || hi >= sc.first()) && (lo == open_start || lo <= sc.last());
}

// [lo, hi] placed on the axis, cut at its ends (an open end is cut too).
moment place(const axis::scale& sc, std::pair<instant, instant> at) {
  const auto [lo, hi] = at;
  const instant first = sc.first(), last = sc.last();
  moment m{lo, hi};
  m.before_axis = lo == open_start || lo < first;
  m.after_axis = hi == open_end || hi > last;
  m.x_lo = sc.x(m.before_axis ? first : std::min(lo, last));
  m.x_hi = sc.x(m.after_axis ? last : std::max(hi, first));
  return m;
}

// The moments event i can start at, as its time was written (written_range, the rule the
// incident metrics count by): 13:42 is the minute 13:42, one point on the clock; "between
// 11:35 and 11:37" runs from 11:35 to 11:37; a day, any minute of it.
std::pair<instant, instant> written_start(const presentation& p, std::uint32_t i) {
  const event_bounds& b = p.bounds(i);
  if (b.start_min == open_start || b.start_max == open_end) return {b.start_min, b.start_max};
  const temporal_value& v = p.event_of(i).date;
  const auto [lo, hi] = written_range(b.start_min, b.start_max, v.prec, v.earliest);
  return {instant{std::chrono::seconds{lo}}, instant{std::chrono::seconds{hi}}};
}

// An uncertain stretch (wider than a few pixels) is hatched, not a line.
constexpr double exact_px = 3;

}  // namespace

incident_layout lay_out_incident(const presentation& p, const axis::scale& sc, double x_min, double x_max) {
  incident_layout l;
  if (p.milestones().empty()) return l;
  // The first mark of each kind whose event exists (a second is an error validate reports).
  std::vector<std::optional<std::uint32_t>> event_of(milestone_count);
  for (const milestone_mark& m : p.milestones()) {
    auto& e = event_of[static_cast<std::size_t>(m.kind)];
    if (const auto i = p.find_event(m.event); !e && i) e = *i;
  }
  for (std::size_t k = 0; k < milestone_count; ++k) {
    if (!event_of[k]) continue;
    const auto at = written_start(p, *event_of[k]);
    if (!on_axis(sc, at.first, at.second)) continue;
    l.flags.push_back(
        {static_cast<milestone>(k), *event_of[k], words_of(static_cast<milestone>(k)), place(sc, at)});
  }
  std::stable_sort(l.flags.begin(), l.flags.end(), [](const milestone_flag& a, const milestone_flag& b) {
    return a.at.x_lo + a.at.x_hi < b.at.x_lo + b.at.x_hi;
  });

  // The band: from impact start to the end the incident home measures the impact to
  // (impact_end, else resolved); with neither, open to the last event shown.
  if (const auto s = event_of[static_cast<std::size_t>(milestone::impact_start)]) {
    const auto [start_lo, start_hi] = written_start(p, *s);
    const incident_metrics m = p.incident();
    std::optional<milestone> end_kind;
    if (m.impact.marked) end_kind = m.impact.to;
    instant end_lo = open_end, end_hi = open_end;
    if (end_kind) {
      std::tie(end_lo, end_hi) = written_start(p, m.impact.event);
    } else {
      for (std::size_t k = 0; k < p.size(); ++k) {  // the latest known moment of the events shown
        const auto [lo, hi] = p.extent(p.index(k));
        const instant known = hi != open_end ? hi : lo;
        if (known != open_start && (end_lo == open_end || known > end_lo)) end_lo = known;
      }
      end_hi = end_lo;
    }
    if (end_lo != open_end && (start_lo == open_start || end_hi >= start_lo) &&
        on_axis(sc, start_lo, end_hi)) {
      impact_band b;
      b.open = !end_kind;
      b.start = place(sc, {start_lo, start_hi});
      b.end = place(sc, {end_lo, end_hi});
      // Its length from the one incident home: the time from impact start to its end milestone.
      b.title = "Impact";
      if (end_kind)
        b.title += " " + compact_range(m.impact.min_seconds, m.impact.max_seconds) + ": from " + m.impact_label +
                   " to " + m.impact.label + " (" + words_of(*end_kind) + ")";
      else
        b.title += ": from " + m.impact_label + ", no end marked (drawn to the last event shown)";
      if (b.end.x_hi > b.start.x_lo) l.band = std::move(b);
    }
  }

  auto wide = [](const moment& m) { return m.x_hi - m.x_lo >= exact_px; };
  l.uncertain =
      std::any_of(l.flags.begin(), l.flags.end(), [&](const milestone_flag& f) { return wide(f.at); }) ||
      (l.band && (wide(l.band->start) || (!l.band->open && wide(l.band->end))));

  // Labels in rows: each at its flag, rightwards, or leftwards where it would leave the chart.
  for (const milestone_flag& f : l.flags) {
    const double x = f.at.x_hi - f.at.x_lo < exact_px ? (f.at.x_lo + f.at.x_hi) / 2 : f.at.x_lo;
    l.labels.push_back({f.words, x, false, 0});
  }
  if (l.band && l.band->open && !l.band->end.after_axis)
    l.labels.push_back({"impact: no end marked", l.band->end.x_hi, true, 0});
  std::vector<double> row_end;  // per row: occupied up to x
  for (strip_label& s : l.labels) {
    const double w = static_cast<double>(display_width(s.text)) * label_char_w + 12;
    if (!s.anchor_end && s.x + w > x_max) s.anchor_end = true;
    if (s.anchor_end && s.x - w < x_min) s.anchor_end = false;  // too long either way: rightwards
    const double lo = s.anchor_end ? s.x - w : s.x, hi = s.anchor_end ? s.x : s.x + w;
    std::size_t r = 0;
    while (r < row_end.size() && row_end[r] > lo) ++r;
    if (r == row_end.size()) row_end.push_back(0);
    row_end[r] = hi + 6;
    s.row = r;
  }
  l.rows = row_end.size();
  return l;
}

std::string_view incident_css() {
  return ".annals-timeline .milestone text,.annals-timeline "
         ".milestone-note{font-size:11px;font-weight:700;fill:#8c2b26}\n";
}

std::string_view incident_defs() {
  return "<pattern id=\"annals-uncertain\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#8c2b26\" "
         "stroke-opacity=\"0.55\" stroke-width=\"1.6\"/></pattern>\n";
}

void draw_impact_band(const incident_layout& l, double top, double bottom, std::ostream& out) {
  if (!l.band) return;
  const impact_band& b = *l.band;
  const double h = bottom - top;
  // Certain impact between the latest start and the earliest end; the uncertain edges hatched.
  const double x0 = b.start.x_hi, x1 = std::max(x0, b.end.x_lo);
  out << "<g class=\"impact" << (b.open ? " open" : "") << "\" data-from=\""
      << format_bound(b.start.lo, precision::second) << "\" data-to=\""
      << (b.open ? std::string("..") : format_bound(b.end.hi, precision::second)) << "\"><title>"
      << escape_xml(b.title) << "</title>";
  out << "<rect class=\"impact-span\" x=\"" << num(x0) << "\" y=\"" << num(top) << "\" width=\""
      << num(x1 - x0) << "\" height=\"" << num(h) << "\" fill=\"" << band_fill << "\" fill-opacity=\"0.3\"/>";
  for (const moment* m : {&b.start, &b.end}) {
    if (m == &b.end && b.open) continue;
    if (m->x_hi - m->x_lo < exact_px) continue;
    out << "<rect class=\"impact-edge\" x=\"" << num(m->x_lo) << "\" y=\"" << num(top) << "\" width=\""
        << num(m->x_hi - m->x_lo) << "\" height=\"" << num(h) << "\" fill=\"url(#annals-uncertain)\"/>";
  }
  if (b.open) {  // no end marked: a dashed edge where the drawing stops knowing
    out << "<line x1=\"" << num(x1) << "\" x2=\"" << num(x1) << "\" y1=\"" << num(top) << "\" y2=\""
        << num(bottom) << "\" stroke=\"" << ink << "\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>";
  }
  out << "</g>\n";
}

void draw_milestone_flags(const presentation& p, const incident_layout& l, double strip_top, double bottom,
                          std::ostream& out) {
  if (l.labels.empty()) return;
  out << "<g class=\"milestones\">\n";
  for (std::size_t k = 0; k < l.labels.size(); ++k) {
    const strip_label& s = l.labels[k];
    const double ty = strip_top + strip_row_h * static_cast<double>(s.row) + 12;
    if (k >= l.flags.size()) {  // the open band's note
      out << "<text class=\"milestone-note\" x=\"" << num(s.anchor_end ? s.x - 4 : s.x + 4) << "\" y=\""
          << num(ty) << "\"" << (s.anchor_end ? " text-anchor=\"end\"" : "") << ">" << escape_xml(s.text)
          << "</text>\n";
      continue;
    }
    const milestone_flag& f = l.flags[k];
    const event& e = p.event_of(f.event);
    out << "<g class=\"milestone\" data-milestone=\"" << to_string(f.kind) << "\" data-event=\""
        << escape_xml(std::string(p.name(e.id))) << "\" data-from=\""
        << format_bound(f.at.lo, precision::second) << "\" data-to=\""
        << format_bound(f.at.hi, precision::second) << "\"><title>" << escape_xml(f.words) << ": "
        << escape_xml(e.title) << "</title>";
    const double pole_top = ty - 10;
    if (f.at.x_hi - f.at.x_lo < exact_px) {
      out << "<line class=\"pole\" x1=\"" << num(s.x) << "\" x2=\"" << num(s.x) << "\" y1=\"" << num(pole_top)
          << "\" y2=\"" << num(bottom) << "\" stroke=\"" << ink
          << "\" stroke-width=\"1.2\" stroke-opacity=\"0.8\"/>";
    } else {  // an uncertain time: hatched over all it can be, edged
      out << "<rect class=\"pole\" x=\"" << num(f.at.x_lo) << "\" y=\"" << num(pole_top) << "\" width=\""
          << num(f.at.x_hi - f.at.x_lo) << "\" height=\"" << num(bottom - pole_top)
          << "\" fill=\"url(#annals-uncertain)\" stroke=\"" << ink
          << "\" stroke-opacity=\"0.8\" stroke-width=\"0.8\"/>";
    }
    // The pennant, then the words beside it.
    const double px = s.x, dir = s.anchor_end ? -1 : 1;
    out << "<path d=\"M" << num(px) << ',' << num(pole_top) << " L" << num(px + dir * 7) << ','
        << num(pole_top + 3.5) << " L" << num(px) << ',' << num(pole_top + 7) << " z\" fill=\"" << ink
        << "\"/>";
    out << "<text x=\"" << num(px + dir * 10) << "\" y=\"" << num(ty) << "\""
        << (s.anchor_end ? " text-anchor=\"end\"" : "") << ">" << escape_xml(s.text) << "</text></g>\n";
  }
  out << "</g>\n";
}

double draw_incident_legend(const incident_layout& l, double x, double y, std::ostream& out) {
  if (l.empty()) return x;
  auto text = [&](double at, std::string_view words) {
    out << "<text x=\"" << num(at) << "\" y=\"" << num(y) << "\">" << words << "</text>\n";
    return at + static_cast<double>(words.size()) * 6.2 + 22;
  };
  if (l.band) {
    out << "<rect x=\"" << num(x) << "\" y=\"" << num(y - 11) << "\" width=\"26\" height=\"14\" fill=\""
        << band_fill << "\" fill-opacity=\"0.3\"/>";
    x = text(x + 34, "impact, from its start to its end (else resolved)");
  }
  if (l.flags.empty()) return x;
  out << "<path d=\"M" << num(x + 4) << ',' << num(y - 12) << " L" << num(x + 4) << ',' << num(y + 3)
      << "\" stroke=\"" << ink << "\" stroke-width=\"1.2\"/><path d=\"M" << num(x + 4) << ',' << num(y - 12)
      << " L" << num(x + 11) << ',' << num(y - 8.5) << " L" << num(x + 4) << ',' << num(y - 5)
      << " z\" fill=\"" << ink << "\"/>";
  x = text(x + 16, "milestone");
  if (!l.uncertain) return x;
  out << "<rect x=\"" << num(x) << "\" y=\"" << num(y - 11)
      << "\" width=\"26\" height=\"14\" fill=\"url(#annals-uncertain)\" stroke=\"" << ink
      << "\" stroke-width=\"0.8\"/>";
  return text(x + 34, "milestone time uncertain");
}

}  // namespace annals::svg
