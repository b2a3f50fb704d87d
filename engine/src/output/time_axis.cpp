#include "output/time_axis.hpp"

#include "time/civil.hpp"
#include "time/date_label.hpp"
#include "time/zones.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace annals::axis {

namespace {

constexpr std::int64_t day_s = civil::seconds_per_day;

std::int64_t secs(instant t) { return t.time_since_epoch().count(); }

// Wall time in zone `tz` and back (the earlier reading where the clocks repeat).
std::int64_t wall(zone tz, instant t) { return detail::local_seconds(tz, t); }
instant from_wall(zone tz, std::int64_t local) { return detail::from_local(tz, local); }

std::string two(unsigned v) { return {static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)}; }

std::string day_month(const civil::ymd& d) { return std::to_string(d.d) + " " + std::string(month_abbr(d.m)); }
std::string month_year(const civil::ymd& d) { return std::string(month_abbr(d.m)) + " " + year_label(d.y); }
std::string time_of_day(const civil::date_time& c) { return two(c.hour) + ":" + two(c.minute); }

}  // namespace

// --- the scale -------------------------------------------------------------

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
  // A long range (a tenth to a half of all the time shown) counts by its middle only: its
  // whisker may cross a band, but it does not keep a cluster of short events squeezed.
  instant first = extents.front().lo, last = extents.front().hi;
  for (const auto& e : extents) first = std::min(first, e.lo), last = std::max(last, e.hi);
  const double total = static_cast<double>(secs(last) - secs(first));
  for (auto& e : extents) {
    const auto len = static_cast<double>(secs(e.hi) - secs(e.lo));
    if (len > total / 10 && len < total / 2) e.lo = e.hi = e.lo + (e.hi - e.lo) / 2;
  }
  std::sort(extents.begin(), extents.end(), [](const extent& a, const extent& b) {
    return a.lo != b.lo ? a.lo < b.lo : a.hi < b.hi;
  });
  // Merge overlapping or touching extents into clusters, keeping the widest label of each.
  std::vector<std::pair<instant, instant>> clusters;
  std::vector<double> cluster_px;
  std::vector<std::int64_t> cluster_min_s;
  std::vector<double> cluster_n;  // events in the cluster
  for (const auto& [lo, hi, px, min_s] : extents) {
    if (!clusters.empty() && lo <= clusters.back().second + std::chrono::seconds{1}) {
      clusters.back().second = std::max(clusters.back().second, hi);
      cluster_px.back() = std::max(cluster_px.back(), px);
      cluster_min_s.back() = std::max(cluster_min_s.back(), min_s);
      cluster_n.back() += 1;
    } else {
      clusters.emplace_back(lo, hi);
      cluster_px.push_back(px);
      cluster_min_s.push_back(min_s);
      cluster_n.push_back(1);
    }
  }
  // A gap becomes a band when it is longer than all the time drawn besides it:
  // 2007 and a month of 2015 leave the month legible. Two days at least, three bands at most.
  std::vector<std::size_t> gaps(clusters.size() > 0 ? clusters.size() - 1 : 0);
  std::iota(gaps.begin(), gaps.end(), std::size_t{0});
  auto gap_len = [&](std::size_t i) {
    return static_cast<double>(secs(clusters[i + 1].first) - secs(clusters[i].second));
  };
  std::stable_sort(gaps.begin(), gaps.end(), [&](std::size_t a, std::size_t b) { return gap_len(a) > gap_len(b); });
  double drawn = static_cast<double>(secs(clusters.back().second) - secs(clusters.front().first));
  std::vector<bool> broken(clusters.size(), false);  // broken[i]: a band after cluster i
  int nbands = 0;
  for (std::size_t g : gaps) {
    const double len = gap_len(g);
    // A band for a gap of a tenth of the whole at least: a shorter one is drawn to scale.
    if (nbands == 3 || len < 2.0 * day_s || len < total / 10) break;
    // Or when beside it several events happen within hours and it is ten times as long:
    // the hours of an incident stay legible beside its follow-ups days later.
    // busy_hours(c, -1): the day of events that ends at cluster c; (c, 1): that starts there.
    auto busy_hours = [&](std::size_t c, int step) {
      double n = 0, s = 0;
      for (std::size_t j = c; j < clusters.size(); j += static_cast<std::size_t>(step)) {
        const double from_c = step < 0 ? static_cast<double>(secs(clusters[c].second) - secs(clusters[j].first))
                                       : static_cast<double>(secs(clusters[j].second) - secs(clusters[c].first));
        if (from_c >= day_s) break;
        n += cluster_n[j], s = from_c;
        if (j == 0 && step < 0) break;
      }
      return n >= 3 && len >= 10 * std::max(s, 3600.0);
    };
    if (len <= drawn - len && !busy_hours(g, -1) && !busy_hours(g + 1, 1)) continue;
    broken[g] = true;
    drawn -= len;
    ++nbands;
  }
  // Segments: runs of clusters between bands, padded a little each side.
  struct run { instant lo, hi; double min_px; std::int64_t min_s; double weight; };
  std::vector<run> runs;
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    if (i == 0 || broken[i - 1]) {
      runs.push_back({clusters[i].first, clusters[i].second, cluster_px[i], cluster_min_s[i], cluster_n[i]});
    } else {
      runs.back().hi = clusters[i].second;
      runs.back().min_px = std::max(runs.back().min_px, cluster_px[i]);
      runs.back().min_s = std::max(runs.back().min_s, cluster_min_s[i]);
      runs.back().weight += cluster_n[i];
    }
  }
  // Room each run may take from the gaps beside it: at most 40% of each.
  std::vector<double> room_lo(runs.size(), 1e18), room_hi(runs.size(), 1e18);
  for (std::size_t i = 0; i + 1 < runs.size(); ++i) {
    const double g = static_cast<double>(secs(runs[i + 1].lo) - secs(runs[i].hi)) * 0.4;
    room_hi[i] = room_lo[i + 1] = g;
  }
  std::vector<double> span(runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto s = static_cast<double>(secs(runs[i].hi) - secs(runs[i].lo));
    // A short run shows at least min_s of time, mostly after it: labels run rightwards.
    const double widen = std::max(0.0, static_cast<double>(runs[i].min_s) - s);
    const double pad_lo = std::max({s * 0.06, 1800.0, widen * 0.1});
    const double pad_hi = std::max({s * 0.06, 1800.0, widen * 0.9});
    segments_.push_back({runs[i].lo - std::chrono::seconds{static_cast<std::int64_t>(std::min(pad_lo, room_lo[i]))},
                         runs[i].hi + std::chrono::seconds{static_cast<std::int64_t>(std::min(pad_hi, room_hi[i]))}});
    segment& sg = segments_.back();
    // Padding stops at the window: the axis shows no time that was not asked for.
    if (cut.from) sg.from = std::max(sg.from, *cut.from);
    if (cut.to) sg.to = std::min(sg.to, *cut.to);
    if (sg.to <= sg.from) sg.to = sg.from + std::chrono::seconds{1};
    span[i] = static_cast<double>(secs(sg.to) - secs(sg.from));
  }
  // Across bands the scale is broken anyway: widths go by the events each segment
  // holds (a busy month gets the room, a lone day its minimum). Each at least its minimum: 150px or its widest label,
  // the minimums together at most 60% of the width.
  const double avail = (x1 - x0) - band_width * static_cast<double>(runs.size() - 1);
  std::vector<double> min_w(runs.size());
  double min_sum = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) min_sum += min_w[i] = std::max(150.0, runs[i].min_px);
  for (double& m : min_w) m *= std::min(1.0, 0.6 * avail / min_sum);
  std::vector<double> w(runs.size(), 0);
  std::vector<bool> fixed(runs.size(), false);
  for (bool changed = true; changed;) {
    changed = false;
    double rest = avail, rest_span = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (fixed[i]) rest -= min_w[i];
      else rest_span += runs[i].weight;
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (fixed[i]) { w[i] = min_w[i]; continue; }
      w[i] = rest_span > 0 ? rest * runs[i].weight / rest_span : min_w[i];
      if (w[i] < min_w[i]) fixed[i] = changed = true;
    }
  }
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

std::vector<tick> scale::ticks(double min_px, zone tz) const {
  enum class unit { minute, hour, day, month, year };
  struct step { unit u; std::int64_t n; double approx; };
  std::vector<step> steps = {{unit::minute, 1, 60},        {unit::minute, 2, 120},      {unit::minute, 5, 300},
                             {unit::minute, 10, 600},      {unit::minute, 15, 900},     {unit::minute, 30, 1800},
                             {unit::hour, 1, 3600},      {unit::hour, 3, 3 * 3600.0}, {unit::hour, 6, 6 * 3600.0},
                             {unit::hour, 12, 12 * 3600.0}, {unit::day, 1, day_s},     {unit::day, 2, 2.0 * day_s},
                             {unit::day, 7, 7.0 * day_s}, {unit::day, 14, 14.0 * day_s}, {unit::month, 1, 30.44 * day_s},
                             {unit::month, 3, 91.3 * day_s}, {unit::month, 6, 182.6 * day_s}};
  // Years: 1, 2, 5, 10, 20, 50 ... up to millions of years.
  for (std::int64_t mag = 1; mag <= 1'000'000'000; mag *= 10) {
    for (std::int64_t k : {1, 2, 5}) steps.push_back({unit::year, k * mag, 365.2425 * day_s * static_cast<double>(k * mag)});
  }
  std::vector<tick> out;
  for (const segment& s : segments_) {
    const double px_per_s = (s.x1 - s.x0) / static_cast<double>(std::max<std::int64_t>(1, secs(s.to) - secs(s.from)));
    step st = steps.back();
    for (const step& c : steps) {
      if (c.approx * px_per_s >= min_px) { st = c; break; }
    }
    // Candidates run in wall time: from the first aligned one at or before the segment's start.
    const civil::date_time a = civil::to_date_time(wall(tz, s.from));
    std::int64_t local = 0;
    switch (st.u) {
      case unit::minute:
        local = civil::to_seconds(a.date.y, a.date.m, a.date.d, a.hour, static_cast<unsigned>(a.minute / st.n * st.n));
        break;
      case unit::hour: local = civil::to_seconds(a.date.y, a.date.m, a.date.d, static_cast<unsigned>(a.hour / st.n * st.n)); break;
      case unit::day: local = civil::to_seconds(a.date.y, a.date.m, 1); break;
      case unit::month: local = civil::to_seconds(a.date.y, static_cast<unsigned>((a.date.m - 1) / st.n * st.n + 1), 1); break;
      case unit::year: local = civil::to_seconds(civil::floor_div(a.date.y, st.n) * st.n, 1, 1); break;
    }
    const std::int64_t last = wall(tz, s.to);
    bool first = true;
    for (int guard = 0; guard < 400 && local <= last; ++guard) {
      const civil::date_time c = civil::to_date_time(local);
      const civil::ymd& d = c.date;
      std::int64_t next = local;
      bool keep = true;
      switch (st.u) {
        case unit::minute: next = local + 60 * st.n; break;
        case unit::hour: next = local + 3600 * st.n; break;
        case unit::day:
          next = local + day_s;
          // Weekly ticks on the 1st, 8th, 15th and 22nd; fortnightly on the 1st and 15th.
          keep = st.n == 1 || (st.n == 2 && d.d % 2 == 1 && d.d < 31) || (st.n == 7 && d.d <= 22 && d.d % 7 == 1) ||
                 (st.n == 14 && (d.d == 1 || d.d == 15));
          break;
        case unit::month: next = civil::add_months(civil::floor_div(local, day_s), st.n) * day_s; break;
        case unit::year: next = civil::add_months(civil::floor_div(local, day_s), 12 * st.n) * day_s; break;
      }
      const instant t = from_wall(tz, local);
      if (keep && t >= s.from) {
        tick k{t, s.x0 + static_cast<double>(secs(t) - secs(s.from)) * px_per_s, "", false};
        const bool midnight = c.hour == 0 && c.minute == 0;
        switch (st.u) {
          case unit::minute:
          case unit::hour:
            // Minute ticks stress the hours; hour ticks the midnights.
            k.major = st.u == unit::minute ? c.minute == 0 : midnight;
            k.label = first ? day_label(civil::floor_div(local, day_s)) + ", " + time_of_day(c)
                            : midnight ? day_month(d) : time_of_day(c);
            break;
          case unit::day:
            k.major = d.d == 1;
            k.label = first || (d.m == 1 && d.d == 1) ? day_label(civil::floor_div(local, day_s)) : day_month(d);
            break;
          case unit::month:
            k.major = d.m == 1;
            k.label = d.m == 1 ? year_label(d.y) : first ? month_year(d) : std::string(month_abbr(d.m));
            break;
          case unit::year: k.label = year_label(d.y); break;
        }
        out.push_back(std::move(k));
        first = false;
      }
      local = next;
    }
    if (first) {  // no boundary inside a short segment: name its middle
      const instant mid = s.from + (s.to - s.from) / 2;
      out.push_back({mid, (s.x0 + s.x1) / 2, day_label(detail::local_day(tz, mid)), false});
    }
  }
  return out;
}

}  // namespace annals::axis
