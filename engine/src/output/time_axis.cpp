#include "output/time_axis.hpp"

#include "time/civil.hpp"
#include "time/date_label.hpp"
#include "time/zones.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

namespace annals::axis {

namespace {

constexpr std::int64_t day_s = civil::seconds_per_day;

std::int64_t secs(instant t) { return t.time_since_epoch().count(); }

// Wall time in zone `tz` and back (the earlier reading where the clocks repeat).
std::int64_t wall(zone tz, instant t) { return detail::local_seconds(tz, t); }
instant from_wall(zone tz, std::int64_t local) { return detail::from_local(tz, local); }

}  // namespace

// --- the scale -------------------------------------------------------------
//
// Extents merge into clusters (overlapping or touching); some empty stretches between
// clusters become gap bands; the clusters between two bands form one segment, drawn on one
// linear scale. Two rules choose the bands:
// - an empty stretch longer than all the time drawn besides it (2007 and a month of 2015);
// - an empty stretch that gives a busy stretch room: bands are added one at a time, the one
//   that most widens the densest run of events (in pixels per event), while it widens it by
//   a quarter at least: 28 events of 2010 in a chronology of 1979-2015 get a segment of their
//   own, a chronology of evenly spread years none.
// Segments share the width by the events they hold. One scale per stretch that never makes
// a known day look uncertain: the finest unit of a segment (its shortest extent, a day for
// events dated to the day) is drawn at most `unit_px` wide, unless the segment draws time
// no more than `max_scale_ratio` times as densely as the sparsest segment (then days are
// wide on every side, and read as days against their ticks). A segment over the cap shows
// more time around its events, or, without room for that, is drawn narrower.

namespace {

struct cluster {
  instant lo, hi;
  double px = 0;              // its widest label
  std::int64_t min_s = 0;     // the least time its segment shows
  double n = 0;               // events in it
  std::int64_t unit = 0;      // its shortest extent, in seconds
};

struct run {
  instant lo, hi;
  double min_px = 0;
  std::int64_t min_s = 0;
  double weight = 0;
  std::int64_t unit = 0;
  std::size_t first = 0, last = 0;  // its clusters [first, last]
};

double len_s(instant a, instant b) { return static_cast<double>(secs(b) - secs(a)); }

std::vector<cluster> clusters_of(std::vector<extent> extents) {
  // A long range (a tenth to a half of all the time shown) counts by its middle only: its
  // whisker may cross a band, but it does not keep a cluster of short events squeezed.
  instant first = extents.front().lo, last = extents.front().hi;
  for (const auto& e : extents) first = std::min(first, e.lo), last = std::max(last, e.hi);
  const double total = len_s(first, last);
  std::vector<std::int64_t> unit(extents.size());
  for (std::size_t i = 0; i < extents.size(); ++i) {
    extent& e = extents[i];
    unit[i] = secs(e.hi) - secs(e.lo) + 1;
    if (len_s(e.lo, e.hi) > total / 10 && len_s(e.lo, e.hi) < total / 2) e.lo = e.hi = e.lo + (e.hi - e.lo) / 2;
  }
  std::vector<std::size_t> order(extents.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return extents[a].lo != extents[b].lo ? extents[a].lo < extents[b].lo : extents[a].hi < extents[b].hi;
  });
  std::vector<cluster> out;
  for (std::size_t i : order) {
    const extent& e = extents[i];
    if (!out.empty() && e.lo <= out.back().hi + std::chrono::seconds{1}) {
      cluster& c = out.back();
      c.hi = std::max(c.hi, e.hi);
      c.px = std::max(c.px, e.min_px);
      c.min_s = std::max(c.min_s, e.min_seconds);
      c.n += 1;
      c.unit = std::min(c.unit, unit[i]);
    } else {
      out.push_back({e.lo, e.hi, e.min_px, e.min_seconds, 1, unit[i]});
    }
  }
  return out;
}

// The runs of clusters between bands (broken[i]: a band after cluster i).
std::vector<run> runs_of(const std::vector<cluster>& c, const std::vector<bool>& broken) {
  std::vector<run> runs;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (i == 0 || broken[i - 1]) {
      runs.push_back({c[i].lo, c[i].hi, c[i].px, c[i].min_s, c[i].n, c[i].unit, i, i});
    } else {
      run& r = runs.back();
      r.hi = c[i].hi;
      r.min_px = std::max(r.min_px, c[i].px);
      r.min_s = std::max(r.min_s, c[i].min_s);
      r.weight += c[i].n;
      r.unit = std::min(r.unit, c[i].unit);
      r.last = i;
    }
  }
  return runs;
}

// Each run's segment: the run padded a little each side, at most 40% into the gaps beside
// it, and never past the window.
std::vector<segment> segments_of(const std::vector<run>& runs, const window& cut) {
  std::vector<segment> out;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const double room_lo = i == 0 ? 1e18 : len_s(runs[i - 1].hi, runs[i].lo) * 0.4;
    const double room_hi = i + 1 == runs.size() ? 1e18 : len_s(runs[i].hi, runs[i + 1].lo) * 0.4;
    const double s = len_s(runs[i].lo, runs[i].hi);
    // A short run shows at least min_s of time, mostly after it: labels run rightwards.
    const double widen = std::max(0.0, static_cast<double>(runs[i].min_s) - s);
    const double pad_lo = std::max({s * 0.06, 1800.0, widen * 0.1});
    const double pad_hi = std::max({s * 0.06, 1800.0, widen * 0.9});
    segment sg{runs[i].lo - std::chrono::seconds{static_cast<std::int64_t>(std::min(pad_lo, room_lo))},
               runs[i].hi + std::chrono::seconds{static_cast<std::int64_t>(std::min(pad_hi, room_hi))}};
    if (cut.from) sg.from = std::max(sg.from, *cut.from);
    if (cut.to) sg.to = std::min(sg.to, *cut.to);
    if (sg.to <= sg.from) sg.to = sg.from + std::chrono::seconds{1};
    out.push_back(sg);
  }
  return out;
}

// The widths of the runs over `avail` pixels: by the events each holds (a busy month gets
// the room, a lone day its minimum), each at least 150 px or its widest label, the minimums
// together at most 60% of the width.
std::vector<double> widths_of(const std::vector<run>& runs, double avail) {
  std::vector<double> min_w(runs.size());
  double min_sum = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) min_sum += min_w[i] = std::max(150.0, runs[i].min_px);
  for (double& m : min_w) m *= std::min(1.0, 0.6 * avail / min_sum);
  std::vector<double> w(runs.size(), 0);
  std::vector<bool> fixed(runs.size(), false);
  for (bool changed = true; changed;) {
    changed = false;
    double rest = avail, rest_weight = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (fixed[i]) rest -= min_w[i];
      else rest_weight += runs[i].weight;
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (fixed[i]) { w[i] = min_w[i]; continue; }
      w[i] = rest_weight > 0 ? rest * runs[i].weight / rest_weight : min_w[i];
      if (w[i] < min_w[i]) fixed[i] = changed = true;
    }
  }
  return w;
}

constexpr std::size_t max_bands = 3;
constexpr double crowd_events = 8;  // the densest run of this many events measures a layout

// Pixels per event over the densest `crowd_events` events, with bands after the clusters
// `broken` marks: what a band must improve.
double room_per_event(const std::vector<cluster>& c, const std::vector<bool>& broken, double width, const window& cut) {
  const std::vector<run> runs = runs_of(c, broken);
  const std::vector<segment> segs = segments_of(runs, cut);
  const std::vector<double> w = widths_of(runs, width - band_width * static_cast<double>(runs.size() - 1));
  // Each cluster's [x_lo, x_hi] along one line (bands count their width).
  std::vector<std::pair<double, double>> xs(c.size());
  double x = 0;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const double rate = w[r] / std::max(1.0, len_s(segs[r].from, segs[r].to));
    for (std::size_t i = runs[r].first; i <= runs[r].last; ++i) {
      xs[i] = {x + len_s(segs[r].from, c[i].lo) * rate, x + len_s(segs[r].from, c[i].hi) * rate};
    }
    x += w[r] + band_width;
  }
  const double total_n = std::accumulate(c.begin(), c.end(), 0.0, [](double a, const cluster& k) { return a + k.n; });
  const double k = std::min(crowd_events, total_n);
  double best = 1e18, n = 0;
  for (std::size_t lo = 0, hi = 0; hi < c.size(); ++hi) {  // windows [lo, hi] of k events at least
    n += c[hi].n;
    while (lo < hi && n - c[lo].n >= k) n -= c[lo++].n;
    if (n >= k) best = std::min(best, (xs[hi].second - xs[lo].first) / n);
  }
  return best;
}

std::vector<bool> choose_bands(const std::vector<cluster>& c, double total, double width, const window& cut) {
  std::vector<bool> broken(c.size(), false);
  if (c.size() < 2) return broken;
  auto gap_len = [&](std::size_t i) { return len_s(c[i].hi, c[i + 1].lo); };
  std::vector<std::size_t> gaps(c.size() - 1);
  std::iota(gaps.begin(), gaps.end(), std::size_t{0});
  std::stable_sort(gaps.begin(), gaps.end(), [&](std::size_t a, std::size_t b) { return gap_len(a) > gap_len(b); });
  // A gap longer than all the time drawn besides it, a tenth of the whole and two days at least.
  double drawn = len_s(c.front().lo, c.back().hi);
  std::size_t nbands = 0;
  for (std::size_t g : gaps) {
    const double len = gap_len(g);
    if (nbands == max_bands || len < 2.0 * day_s || len < total / 10 || len <= drawn - len) break;
    broken[g] = true;
    drawn -= len;
    ++nbands;
  }
  // Bands for busy stretches, among the longest gaps that are many times the time per event
  // beside them on one side (where the events are dense), while each widens the densest run
  // by a quarter.
  auto per_event = [&](std::size_t g, bool after) {  // time per event of the 4 events beside g
    double n = 0, span = 0;
    for (std::size_t j = after ? g + 1 : g; j < c.size() && n < 4; j = after ? j + 1 : j - 1) {
      n += c[j].n;
      span = after ? len_s(c[g + 1].lo, c[j].hi) : len_s(c[j].lo, c[g].hi);
      if (j == 0 && !after) break;
    }
    return n < 2 ? 1e300 : std::max(span, 1.0) / n;
  };
  std::erase_if(gaps, [&](std::size_t g) { return gap_len(g) < 4 * std::min(per_event(g, false), per_event(g, true)); });
  gaps.resize(std::min<std::size_t>(gaps.size(), 24));
  double now = room_per_event(c, broken, width, cut);
  while (nbands < max_bands) {
    std::optional<std::size_t> pick;
    double best = now * 1.25;
    for (std::size_t g : gaps) {
      if (broken[g] || gap_len(g) < 600) continue;
      broken[g] = true;
      const double r = room_per_event(c, broken, width, cut);
      broken[g] = false;
      if (r > best) best = r, pick = g;
    }
    if (!pick) break;
    broken[*pick] = true;
    now = best;
    ++nbands;
  }
  return broken;
}


// The unit cap (see above): a segment that draws its finest unit wider than `unit_px` while
// another draws time more than `max_scale_ratio` times as sparsely shows more time (into the
// room the gaps beside it leave, mostly after it), or else is drawn narrower; the width
// freed goes to the other segments by their events.
void cap_units(const std::vector<run>& runs, std::vector<segment>& segs, std::vector<double>& w, const window& cut) {
  const std::size_t n = runs.size();
  std::vector<bool> capped(n, false);
  for (int pass = 0; pass < 8; ++pass) {
    double min_rate = 1e300;
    for (std::size_t i = 0; i < n; ++i) min_rate = std::min(min_rate, w[i] / std::max(1.0, len_s(segs[i].from, segs[i].to)));
    double freed = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double span = std::max(1.0, len_s(segs[i].from, segs[i].to));
      const double cap = std::max(unit_px / static_cast<double>(std::max<std::int64_t>(1, runs[i].unit)), max_scale_ratio * min_rate);
      if (w[i] / span <= cap * 1.0001) continue;
      double extra = w[i] / cap - span;
      // Room after, then before: up to 40% of the gap beside it, never past the window.
      double after = i + 1 < n ? len_s(runs[i].hi, runs[i + 1].lo) * 0.4 - len_s(runs[i].hi, segs[i].to) : 1e15;
      if (cut.to) after = std::min(after, len_s(segs[i].to, *cut.to));
      after = std::clamp(std::min(after, extra * 0.9), 0.0, 1e15);
      segs[i].to += std::chrono::seconds{static_cast<std::int64_t>(after)};
      extra -= after;
      double before = i > 0 ? len_s(runs[i - 1].hi, runs[i].lo) * 0.4 - len_s(segs[i].from, runs[i].lo) : 1e15;
      if (cut.from) before = std::min(before, len_s(*cut.from, segs[i].from));
      before = std::clamp(std::min(before, extra), 0.0, 1e15);
      segs[i].from -= std::chrono::seconds{static_cast<std::int64_t>(before)};
      const double wide = cap * len_s(segs[i].from, segs[i].to);
      if (wide < w[i]) freed += w[i] - wide, w[i] = wide, capped[i] = true;
    }
    if (freed <= 0.01) break;
    double weight = 0;
    for (std::size_t i = 0; i < n; ++i) weight += capped[i] ? 0 : std::max(runs[i].weight, 1e-9);
    if (weight <= 0) break;
    for (std::size_t i = 0; i < n; ++i) {
      if (!capped[i]) w[i] += freed * std::max(runs[i].weight, 1e-9) / weight;
    }
  }
}

}  // namespace

scale::scale(std::vector<extent> extents, double x0, double x1, window cut) {
  if (cut.from && cut.to && *cut.to < *cut.from) cut = {};
  // The window asked for cuts every extent at its ends; one wholly outside is not drawn.
  std::erase_if(extents, [&](const extent& e) { return (cut.from && e.hi < *cut.from) || (cut.to && e.lo > *cut.to); });
  for (extent& e : extents) {
    if (cut.from) e.lo = std::max(e.lo, *cut.from);
    if (cut.to) e.hi = std::min(e.hi, *cut.to);
  }
  if (extents.empty()) {
    const instant lo = cut.from ? *cut.from
                       : cut.to ? *cut.to - std::chrono::days{1}
                                : civil::day_start(civil::days_from_civil(2000, 1, 1));
    const instant hi = cut.to ? *cut.to : cut.from ? lo + std::chrono::days{1} : civil::day_start(civil::days_from_civil(2001, 1, 1));
    extents.push_back({lo, hi});
  }
  const std::vector<cluster> clusters = clusters_of(extents);
  const double total = len_s(clusters.front().lo, clusters.back().hi);
  const std::vector<run> runs = runs_of(clusters, choose_bands(clusters, total, x1 - x0, cut));
  segments_ = segments_of(runs, cut);
  const double avail = (x1 - x0) - band_width * static_cast<double>(runs.size() - 1);
  std::vector<double> w = widths_of(runs, avail);
  cap_units(runs, segments_, w, cut);
  double x = x0;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (i > 0) {
      bands_.push_back({runs[i - 1].hi, runs[i].lo, x, x + band_width});
      x += band_width;
    }
    segments_[i].x0 = x;
    segments_[i].x1 = x + w[i];
    x += w[i];
  }
}

double scale::x(instant t) const {
  auto lerp = [](instant t, instant a, instant b, double xa, double xb) {
    const double f = static_cast<double>(secs(t) - secs(a)) / static_cast<double>(std::max<std::int64_t>(1, secs(b) - secs(a)));
    return xa + f * (xb - xa);
  };
  const segment& first = segments_.front();
  const segment& last = segments_.back();
  if (t <= first.from) return std::max(first.x0 - 24, lerp(t, first.from, first.to, first.x0, first.x1));
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const segment& s = segments_[i];
    if (t <= s.to) {
      if (t >= s.from) return lerp(t, s.from, s.to, s.x0, s.x1);
      const segment& p = segments_[i - 1];  // t lies in the band before s
      return lerp(t, p.to, s.from, p.x1, s.x0);
    }
  }
  return std::min(last.x1 + 24, lerp(t, last.from, last.to, last.x0, last.x1));
}

// --- the ticks -------------------------------------------------------------

namespace {

// Ticks every `count` units of precision `unit`: its length and alignment come from the
// precision table (`info`), the calendar arithmetic from civil.
struct step {
  precision unit;
  std::int64_t count;
  // The longest such a step lasts: ticks at least this far apart are at least min_px apart.
  double seconds() const {
    const precision_info& u = info(unit);
    return static_cast<double>(u.seconds > 0 ? u.seconds : u.max_seconds) * static_cast<double>(count);
  }
};

const std::vector<step>& steps() {
  static const std::vector<step> all = [] {
    std::vector<step> s;
    for (std::int64_t n : {1, 2, 5, 10, 15, 30}) s.push_back({precision::minute, n});
    for (std::int64_t n : {1, 3, 6, 12}) s.push_back({precision::hour, n});
    for (std::int64_t n : {1, 2}) s.push_back({precision::day, n});
    for (std::int64_t n : {1, 2}) s.push_back({precision::week, n});
    for (std::int64_t n : {1, 3, 6}) s.push_back({precision::month, n});
    for (std::int64_t mag = 1; mag <= 1'000'000'000; mag *= 10) {  // years: 1, 2, 5, 10, 20, 50 ...
      for (std::int64_t k : {1, 2, 5}) s.push_back({precision::year, k * mag});
    }
    return s;
  }();
  return all;
}

// The years in [y0, y1] (astronomical numbers) whose number as written is divisible by `n`:
// 800 BC, 600 BC ... 200 BC, then AD 1 (the first year of the era: there is no year 0),
// AD 200. The BC year b is the astronomical year 1 - b.
std::vector<std::int64_t> round_years(std::int64_t y0, std::int64_t y1, std::int64_t n) {
  std::vector<std::int64_t> out;
  for (std::int64_t b = civil::floor_div(1 - y0, n) * n; b >= n && 1 - b <= y1; b -= n) {
    if (1 - b >= y0) out.push_back(1 - b);
  }
  if (y0 <= 1 && y1 >= 1) out.push_back(1);
  for (std::int64_t y = std::max<std::int64_t>(n, (civil::floor_div(y0 - 1, n) + 1) * n); y <= y1; y += n) {
    if (y != 1) out.push_back(y);
  }
  return out;
}

// The local wall times (seconds) in [lo, hi] where steps of `st` fall, oldest first.
std::vector<std::int64_t> boundaries(const step& st, std::int64_t lo, std::int64_t hi) {
  std::vector<std::int64_t> out;
  const precision_info& u = info(st.unit);
  constexpr std::size_t most = 2000;  // a segment holds a few dozen at the chosen step
  if (st.unit < precision::day) {  // minutes and hours: multiples of the step from midnight
    const std::int64_t n = u.seconds * st.count;
    for (std::int64_t t = civil::floor_div(lo + n - 1, n) * n; t <= hi && out.size() < most; t += n) out.push_back(t);
  } else if (st.unit <= precision::week) {  // midnights: every day, every other, four or two a month
    for (std::int64_t z = civil::floor_div(lo + day_s - 1, day_s); z * day_s <= hi && out.size() < most; ++z) {
      const unsigned d = civil::civil_from_days(z).d;
      const bool keep = st.unit == precision::week ? (st.count == 1 ? d <= 22 && d % 7 == 1 : d == 1 || d == 15)
                                                   : st.count == 1 || (d % 2 == 1 && d < 31);
      if (keep) out.push_back(z * day_s);
    }
  } else if (st.unit < precision::year) {  // first days of months whose index is divisible
    const civil::ymd a = civil::civil_from_days(civil::floor_div(lo, day_s));
    const std::int64_t months = u.months * st.count;
    for (std::int64_t m = civil::floor_div(a.y * 12 + a.m - 1, months) * months;; m += months) {
      const civil::ymd d = civil::month_of_index(m);
      const std::int64_t t = civil::days_from_civil(d.y, d.m, 1) * day_s;
      if (t > hi || out.size() >= most) break;
      if (t >= lo) out.push_back(t);
    }
  } else {
    const std::int64_t y0 = civil::civil_from_days(civil::floor_div(lo, day_s)).y;
    const std::int64_t y1 = civil::civil_from_days(civil::floor_div(hi, day_s)).y;
    for (std::int64_t y : round_years(y0, y1, st.count)) {
      const std::int64_t t = civil::days_from_civil(y, 1, 1) * day_s;
      if (t >= lo && t <= hi && out.size() < most) out.push_back(t);
    }
  }
  return out;
}

// A tick worth a stronger line: at a boundary of the next larger unit.
bool is_major(const step& st, std::int64_t local) {
  const civil::date_time c = civil::to_date_time(local);
  switch (st.unit) {
    case precision::minute: return c.minute == 0;
    case precision::hour: return c.hour == 0 && c.minute == 0;
    case precision::day:
    case precision::week: return c.date.d == 1;
    case precision::month: return c.date.m == 1;
    default: return false;
  }
}

}  // namespace

std::vector<tick> scale::ticks(double min_px, zone tz) const {
  const std::vector<step>& all = steps();
  std::vector<tick> out;
  for (const segment& s : segments_) {
    const double px_per_s = (s.x1 - s.x0) / static_cast<double>(std::max<std::int64_t>(1, secs(s.to) - secs(s.from)));
    std::size_t k = 0;
    while (k + 1 < all.size() && all[k].seconds() * px_per_s < min_px) ++k;
    // A segment too short for one tick at that step takes the coarsest step that has one.
    const std::int64_t lo = wall(tz, s.from), hi = wall(tz, s.to);
    std::vector<std::int64_t> at = boundaries(all[k], lo, hi);
    while (at.empty() && k > 0) at = boundaries(all[--k], lo, hi);
    std::optional<instant> previous;
    for (std::int64_t local : at) {
      const instant t = from_wall(tz, local);
      if (t < s.from || t > s.to) continue;
      out.push_back({t, s.x0 + static_cast<double>(secs(t) - secs(s.from)) * px_per_s,
                     tick_label(t, all[k].unit, tz, previous), is_major(all[k], local)});
      previous = t;
    }
  }
  return out;
}

}  // namespace annals::axis
