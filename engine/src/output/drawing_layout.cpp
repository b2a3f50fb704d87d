#include "output/drawing_layout.hpp"

#include <algorithm>
#include <sstream>

#include "annals/gaps.hpp"
#include "model/link_table.hpp"
#include "output/render_common.hpp"

namespace annals::svg {

namespace {

constexpr double width = 1200;
constexpr double chart_x0 = lane_label_w + 26, chart_x1 = width - 40;
constexpr double row_h = 36;
constexpr double open_arrow = 34;  // length of the arrow that shows an open end
constexpr double lane_pad = 8;
constexpr double char_w = 6.7;  // average advance of 12.5px sans-serif text, for packing labels
constexpr std::size_t max_label_chars = 56;
constexpr std::chrono::seconds one_second{1};
// A lane holds at most this many rows of labels: past them a mark is drawn without its
// label (its title is in its tooltip and the event list), so ten thousand events make a
// drawing a reader can scroll, not one 260,000 units tall.
constexpr std::size_t max_rows = 12;

double label_px(std::string_view label) { return static_cast<double>(display_width(label)) * char_w; }

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

// The extents the scale must show: every event's shown bounds and inferred ones, and the eras.
std::vector<axis::extent> extents_of(const presentation& pr) {
  std::vector<axis::extent> extents;
  auto add = [&](instant lo, instant hi, double px, precision p) {
    if (lo == open_start && hi == open_end) return;
    // A lone event shows a little time around it: four days around a day, a year and a half around a year.
    const std::int64_t unit = info(p).max_seconds;
    const std::int64_t min_s = p <= precision::day ? 4 * unit : unit * 3 / 2;
    extents.push_back({lo == open_start ? hi : lo, hi == open_end ? lo : hi, px, min_s});
  };
  for (std::size_t k = 0; k < pr.size(); ++k) {
    const std::uint32_t i = pr.index(k);
    const temporal_value v = pr.shown_date(i);
    // Room for a lone event's label, within reason (a longer one may cross a band).
    const double px = std::min(200.0, label_px(clip(pr.event_of(i).title, max_label_chars)) * 1.1 + 24);
    add(v.earliest, v.latest, px, v.prec);
    if (pr.narrowed(i)) add(pr.bounds(i).start_min, pr.bounds(i).end_max, px, v.prec);
  }
  for (const presentation::shown_era& e : pr.eras()) {  // eras are drawn in full
    const temporal_value& d = *e.e->date.value;
    if (d.bounded_start() || d.bounded_end()) {
      extents.push_back({d.bounded_start() ? d.earliest : d.latest, d.bounded_end() ? d.latest : d.earliest, 0, 0});
    }
  }
  return extents;
}

// Where one event is drawn, before it is given a lane row: its stretches, dot and label.
mark place(const presentation& pr, const axis::scale& sc, std::uint32_t position, bool windowed) {
  const std::uint32_t i = pr.index(position);
  const event& e = pr.event_of(i);
  const instant axis_first = sc.first(), axis_last = sc.last();
  mark m;
  m.event = i;
  m.position = position;
  const temporal_value shown = pr.shown_date(i);
  instant lo = shown.earliest, hi = shown.latest;
  const bool narrowed = pr.narrowed(i);
  if (narrowed) {
    const event_bounds b = pr.bounds(i);
    if (b.start_min != open_start) lo = std::max(lo == open_start ? b.start_min : lo, b.start_min);
    if (b.end_max != open_end) hi = std::min(hi == open_end ? b.end_max : hi, b.end_max);
  }
  const bool open_lo = lo == open_start, open_hi = hi == open_end;
  bool cut_lo = false, cut_hi = false;
  if (windowed) {  // a range that runs past the window is drawn to the axis's end, with a break mark
    if (!open_lo && lo < axis_first) cut_lo = true, lo = axis_first;
    if (!open_hi && hi + one_second > axis_last) cut_hi = true, hi = axis_last - one_second;
    if (hi < lo) hi = lo;
  }
  if (open_lo && open_hi) {
    m.x_lo = m.x_hi = chart_x0;
  } else {
    // An open end is drawn as a short arrow away from the known end.
    m.x_lo = open_lo ? sc.x(hi + one_second) - open_arrow : sc.x(lo);
    m.x_hi = open_hi ? sc.x(lo) + open_arrow : sc.x(hi + one_second);
  }
  m.x = open_lo ? m.x_hi : open_hi ? m.x_lo : (m.x_lo + m.x_hi) / 2;
  const bool wide = m.x_hi - m.x_lo >= 9 || open_lo || open_hi || cut_lo || cut_hi;
  const bool vague = shown.approximate || shown.uncertain;
  if (narrowed) {
    // The stated bounds, pale; the bounds the links imply, dashed in the lane's colour.
    stretch st{0, 0, stretch_kind::superseded, e.date.earliest == open_start, e.date.latest == open_end};
    st.x0 = st.open0 ? 0 : sc.x(e.date.earliest);
    st.x1 = st.open1 ? 0 : sc.x(e.date.latest + one_second);
    // An open stated end: an arrow just beyond the inferred bounds.
    const double lo_known = st.open1 ? m.x_lo : std::min(m.x_lo, st.x1);
    const double hi_known = st.open0 ? m.x_hi : std::max(m.x_hi, st.x0);
    if (st.open0) st.x0 = lo_known - open_arrow;
    if (st.open1) st.x1 = hi_known + open_arrow;
    m.stretches.push_back(st);
    if (wide) m.stretches.push_back({m.x_lo, m.x_hi, stretch_kind::inferred});
    m.hollow = true;
    m.inferred = true;
  } else {
    // What a qualifier added around the stated dates is faded; the stated range is solid.
    const instant s_lo = std::max(lo, shown.stated_earliest), s_hi = std::min(hi, shown.stated_latest);
    const bool widened = !open_lo && !open_hi && s_lo <= s_hi && (s_lo > lo || s_hi < hi) &&
                         shown.stated_earliest != open_start && shown.stated_latest != open_end;
    const double sx0 = widened ? sc.x(s_lo) : m.x_lo, sx1 = widened ? sc.x(s_hi + one_second) : m.x_hi;
    if (widened && sx1 - sx0 + 4 < m.x_hi - m.x_lo) {  // a widening too small to see is not drawn
      m.stretches.push_back({m.x_lo, m.x_hi, stretch_kind::widened});
    }
    if (shown.interval && sx1 - sx0 >= 9 && !open_lo && !open_hi && !cut_lo && !cut_hi) {
      m.stretches.push_back({sx0, sx1, stretch_kind::span});
      m.has_dot = false;
    } else if (wide) {
      const bool whole = !widened || sx1 - sx0 + 4 >= m.x_hi - m.x_lo;
      m.stretches.push_back({whole ? m.x_lo : sx0, whole ? m.x_hi : sx1, stretch_kind::possible, open_lo, open_hi,
                             cut_lo, cut_hi});
    }
    m.hollow = vague;
  }
  m.label = clip(e.title, max_label_chars);
  return m;
}

// Places a mark's label beside its dot, within its segment of the axis, and gives it the
// first row of its lane that is free there.
void pack(mark& m, const axis::scale& sc, std::vector<double>& rows) {
  const double tw = label_px(m.label);
  const double left = std::min(m.x - 6, std::max(m.x_lo, chart_x0 - 16));
  m.label_x = left;
  // A label stays in its segment: past a gap band (or the edge) it ends at the dot instead.
  double limit = width - 8;
  for (const auto& seg : sc.segments()) {
    if (m.x <= seg.x1 + 1) {
      if (&seg != &sc.segments().back()) limit = seg.x1 + 6;
      break;
    }
  }
  if (left + tw > limit && std::max(m.x + 6, std::min(m.x_hi, chart_x1 + 16)) - tw >= lane_label_w - 4) {
    m.label_end = true;
    m.label_x = std::max(m.x + 6, std::min(m.x_hi, chart_x1 + 16));
  }
  const double occ_lo = std::min(m.label_end ? m.label_x - tw : m.label_x, m.x_lo) - 4;
  const double occ_hi = std::max(m.label_end ? m.label_x : m.label_x + tw, m.x_hi) + 14;
  std::size_t r = 0;
  while (r < rows.size() && rows[r] > occ_lo) ++r;
  if (r == rows.size() && rows.size() == max_rows) {
    // The lane is full: the mark alone, in the row that frees first.
    r = static_cast<std::size_t>(std::min_element(rows.begin(), rows.end()) - rows.begin());
    m.label.clear();
    rows[r] = std::max(rows[r], m.x_hi + 4);
    m.row = r;
    return;
  }
  if (r == rows.size()) rows.push_back(0);
  rows[r] = occ_hi;
  m.row = r;
}

// The causal arrows between marks shown, each pair once, from cause to effect.
std::vector<arrow> arrows_of(const presentation& pr, const std::vector<mark>& marks, std::size_t events) {
  std::vector<std::size_t> own(events, static_cast<std::size_t>(-1));
  for (std::size_t k = 0; k < marks.size(); ++k) {
    if (!marks[k].also) own[marks[k].event] = k;
  }
  std::vector<arrow> out;
  for (const shown_edge& e : pr.edges()) {
    if (!e.followed) continue;
    const mark& a = marks[own[e.from]];
    const mark& b = marks[own[e.to]];
    // A cubic curve from the cause's dot into the effect's; the same moment loops out left.
    const bool same_x = b.x - a.x < 28;
    const double bulge = same_x ? 34 + std::abs(b.y - a.y) / 6 : -(b.x - a.x) / 2;
    out.push_back({own[e.from], own[e.to], e.kind, same_x ? a.x - 6 : a.x + 6, a.y, a.x - bulge, a.y,
                   b.x - std::abs(bulge), b.y, b.x - 7, b.y});
  }
  return out;
}

// "caused, enabled or responded to by": the legend of the arrows.
std::string arrow_words() {
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

// The legend: an entry for each way of drawing that the drawing uses, in lines that fit
// its width, then the incident's line. Returns the last line's y.
double lay_out_legend(drawing& d) {
  using icon = legend_entry::icon;
  bool used[10] = {};
  auto use = [&](icon i) { used[static_cast<int>(i)] = true; };
  use(icon::dot);
  for (const mark& m : d.marks) {
    if (m.also) use(icon::also);
    else if (m.hollow) use(icon::ring);
    for (const stretch& s : m.stretches) {
      if (s.cut0 || s.cut1) use(icon::cut);
      if (s.kind == stretch_kind::span) use(icon::span);
      if (s.kind == stretch_kind::possible) use(icon::possible);
      if (s.kind == stretch_kind::widened) use(icon::widened);
      if (s.kind == stretch_kind::inferred || s.kind == stretch_kind::superseded) use(icon::inferred);
    }
  }
  if (!d.arrows.empty()) use(icon::arrow);
  if (!d.gaps.empty()) use(icon::gap);
  const std::pair<icon, std::string> words[] = {
      {icon::dot, "date as stated"},
      {icon::ring, "approximate or uncertain"},
      {icon::span, "lasting, as stated"},
      {icon::possible, "somewhere in this range"},
      {icon::widened, "widened by c., about or ?"},
      {icon::inferred, "narrowed by links (inferred)"},
      {icon::arrow, arrow_words()},
      {icon::gap, "time left out (no events)"},
      {icon::cut, "goes on past the window asked for"},
      {icon::also, "also in this lane (its own mark is in its first actor's)"},
  };
  double x = 17, y = d.chart_bottom + 24;
  for (const auto& [shows, text] : words) {
    if (!used[static_cast<int>(shows)]) continue;
    const double icon_w = shows == icon::dot || shows == icon::ring || shows == icon::also ? 10
                          : shows == icon::gap                                         ? 26
                                                                                       : 34;
    const double w = icon_w + 8 + static_cast<double>(display_width(text)) * 6.2 + 20;
    if (x > 17 && x + w > width - 8) x = 17, y += 22;
    d.legend.push_back({shows, text, x, y, icon_w});
    x += w;
  }
  if (!d.incident.empty()) d.incident_legend_y = y += 22;
  return y;
}

}  // namespace

drawing lay_out(const presentation& pr, const drawing_options& how) {
  const zone tz = pr.display_zone();
  drawing d;
  d.width = width;
  d.chart_x0 = chart_x0;
  d.chart_x1 = chart_x1;
  d.lanes = assign_lanes(pr);

  // --from/--to: the axis spans the events shown, cut at the window asked for.
  const bool windowed = pr.options.from || pr.options.to;
  const axis::scale sc(extents_of(pr), chart_x0, chart_x1, {pr.options.from, pr.options.to});
  d.axis_first = sc.first();
  d.axis_last = sc.last();

  // Every event's own mark, then a copy in each further lane it belongs to; rows packed per lane.
  std::vector<std::vector<double>> row_ends(d.lanes.lanes.size());  // per lane, per row: occupied up to x
  auto also = d.lanes.also.begin();
  for (std::uint32_t k = 0; k < pr.size(); ++k) {
    mark m = place(pr, sc, k, windowed);
    m.lane = d.lanes.of_event[m.event];
    pack(m, sc, row_ends[m.lane]);
    d.marks.push_back(m);
    for (; also != d.lanes.also.end() && also->first == m.event; ++also) {
      mark copy = m;
      copy.also = true;
      copy.lane = also->second;
      pack(copy, sc, row_ends[copy.lane]);
      d.marks.push_back(std::move(copy));
    }
  }

  // Vertical layout.
  if (how.standalone && !pr.files().empty()) d.title = pr.files().front().title;
  d.title_h = d.title.empty() ? 0 : 44;
  std::size_t band_rows = 0;
  for (const auto& b : sc.bands()) {
    gap_mark g{b, gap_text(measure_span(b.from, b.from, b.to, b.to, false, tz, tz)), {}};
    g.lines = band_lines(g.text);
    band_rows = std::max(band_rows, g.lines.size());
    d.gaps.push_back(std::move(g));
  }
  d.axis_y = d.title_h + 34 + 15 * static_cast<double>(band_rows);
  // The incident's milestones: a strip of flags between the axis and the lanes.
  d.incident = lay_out_incident(pr, sc, chart_x0 - 16, width - 8);
  d.strip_top = d.axis_y + 6;
  double y = d.axis_y + 10 + (d.incident.rows > 0 ? strip_row_h * static_cast<double>(d.incident.rows) + 2 : 0);
  for (std::size_t l = 0; l < d.lanes.lanes.size(); ++l) {
    d.lane_top.push_back(y);
    y += lane_pad * 2 + row_h * static_cast<double>(std::max<std::size_t>(1, row_ends[l].size()));
  }
  d.lane_top.push_back(y);
  d.chart_bottom = y;
  for (mark& m : d.marks) m.y = d.lane_top[m.lane] + lane_pad + row_h * static_cast<double>(m.row) + 25;
  d.arrows = arrows_of(pr, d.marks, d.lanes.of_event.size());

  // Eras: bands behind the events, within the axis; their names packed in rows up from the
  // chart's foot, so that the names of overlapping eras never cross.
  std::vector<double> era_rows;  // per row: occupied up to x
  for (const presentation::shown_era& e : pr.eras()) {
    const temporal_value& v = *e.e->date.value;
    era_band b;
    b.e = e.e;
    b.x0 = v.bounded_start() ? sc.x(std::max(v.earliest, d.axis_first)) : chart_x0;
    b.x1 = v.bounded_end() ? sc.x(std::min(v.latest + one_second, d.axis_last)) : chart_x1;
    b.x0 = std::clamp(b.x0, chart_x0, chart_x1);
    b.x1 = std::clamp(b.x1, b.x0 + 1, chart_x1);
    b.heading = pr.era_heading(*e.e);
    b.name = clip(e.e->title, std::max<std::size_t>(4, static_cast<std::size_t>((b.x1 - b.x0) / char_w)));
    const double name_x0 = b.x0 + 4, name_x1 = name_x0 + label_px(b.name);
    while (b.row < era_rows.size() && era_rows[b.row] > name_x0) ++b.row;
    if (b.row == era_rows.size()) era_rows.push_back(0);
    era_rows[b.row] = name_x1 + 8;
    d.eras.push_back(std::move(b));
  }

  // Ticks: a label only where it does not overlap the one before (at zoom `k`).
  auto ticks_at = [&](double k) {
    std::vector<tick_mark> out;
    double last_label_end = -1e9;
    for (auto& t : sc.ticks(84 / k, tz)) {
      const double tw = static_cast<double>(display_width(t.label)) * 6.0;
      const bool fits = t.x * k - tw / 2 > last_label_end + 6;
      if (fits) last_label_end = t.x * k + tw / 2;
      out.push_back({std::move(t), fits});
    }
    return out;
  };
  d.ticks = ticks_at(1);
  // The interactive page's finer levels, up to a step of a minute or 4,000 ticks a level.
  for (double k = 2; how.interactive && k <= 4096; k *= 2) {
    std::vector<tick_mark> level = ticks_at(k);
    const std::vector<tick_mark>& coarser = d.tick_levels.empty() ? d.ticks : d.tick_levels.back().second;
    if (level.size() > 4000 || level.size() <= coarser.size()) break;
    if (level.back().at.x + 1 < coarser.back().at.x) break;  // the scale stopped short: no finer step
    d.tick_levels.emplace_back(k, std::move(level));
  }

  const double last_line = lay_out_legend(d);
  d.height = last_line + 18;
  return d;
}

}  // namespace annals::svg
