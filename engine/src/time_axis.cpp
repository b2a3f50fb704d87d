#include "time_axis.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace annals::axis {

namespace {

constexpr std::int64_t day_s = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

// Howard Hinnant's days_from_civil / civil_from_days, widened to 64-bit years.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = floor_div(y, 400);
  const auto yoe = static_cast<unsigned>(y - era * 400);                   // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;    // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;              // [0, 146096]
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const auto doe = static_cast<unsigned>(z - era * 146097);                   // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                                     // [0, 11]
  civil c;
  c.day = doy - (153 * mp + 2) / 5 + 1;
  c.month = mp < 10 ? mp + 3 : mp - 9;
  c.year = static_cast<std::int64_t>(yoe) + era * 400 + (c.month <= 2);
  return c;
}

std::int64_t secs(instant t) { return t.time_since_epoch().count(); }
instant at(std::int64_t s) { return instant{std::chrono::seconds{s}}; }

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr std::array<unsigned, 12> d = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = floor_mod(y, 4) == 0 && (floor_mod(y, 100) != 0 || floor_mod(y, 400) == 0);
  return m == 2 && leap ? 29 : d[m - 1];
}

instant add_months(instant t, std::int64_t n) {
  const civil c = to_civil(t);
  const std::int64_t m0 = c.year * 12 + (c.month - 1) + n;
  const std::int64_t y = floor_div(m0, 12);
  const auto m = static_cast<unsigned>(floor_mod(m0, 12) + 1);
  return from_civil(y, m, std::min(c.day, days_in_month(y, m)), c.hour, c.minute) + std::chrono::seconds{c.second};
}

// `t` moved by `n` units of precision `p` (a qualifier widens by such units).
instant add_units(instant t, precision p, std::int64_t n) {
  switch (p) {
    case precision::second: return t + std::chrono::seconds{n};
    case precision::minute: return t + std::chrono::seconds{60 * n};
    case precision::hour: return t + std::chrono::seconds{3600 * n};
    case precision::day: return t + std::chrono::seconds{day_s * n};
    case precision::week: return t + std::chrono::seconds{7 * day_s * n};
    case precision::month: return add_months(t, n);
    case precision::season: return add_months(t, 3 * n);
    case precision::year: return add_months(t, 12 * n);
    case precision::decade: return add_months(t, 120 * n);
    case precision::century: return add_months(t, 1200 * n);
    case precision::millennium: return add_months(t, 12000 * n);
  }
  return t;
}

std::string num(std::int64_t v) { return std::to_string(v); }

std::string two(unsigned v) {
  char b[4];
  std::snprintf(b, sizeof b, "%02u", v % 100);
  return b;
}

std::string day_month(const civil& c) { return num(c.day) + " " + month_abbrev(c.month); }
std::string day_label(const civil& c) { return day_month(c) + " " + year_label(c.year); }
std::string month_label(const civil& c) { return month_abbrev(c.month) + " " + year_label(c.year); }

std::string time_of_day(const civil& c, bool with_seconds) {
  return two(c.hour) + ":" + two(c.minute) + (with_seconds ? ":" + two(c.second) : "");
}

std::string ordinal(std::int64_t n) {
  const std::int64_t t = n % 100, o = n % 10;
  const char* suffix = (t >= 11 && t <= 13) ? "th" : o == 1 ? "st" : o == 2 ? "nd" : o == 3 ? "rd" : "th";
  return num(n) + suffix;
}

bool midnight(const civil& c) { return c.hour == 0 && c.minute == 0 && c.second == 0; }

// The label of [e, end) where `end` is exclusive.
std::string span_label(instant e, instant end, precision p) {
  const civil a = to_civil(e);
  if (p <= precision::hour) {
    const bool with_s = p == precision::second;
    const std::int64_t unit = p == precision::second ? 1 : p == precision::minute ? 60 : 3600;
    if (secs(end) - secs(e) <= unit) return day_label(a) + ", " + time_of_day(a, with_s) + " UTC";
    const civil b = to_civil(end - std::chrono::seconds{unit});
    if (a.year == b.year && a.month == b.month && a.day == b.day) {
      return day_label(a) + ", " + time_of_day(a, with_s) + "–" + time_of_day(b, with_s) + " UTC";
    }
    return day_label(a) + ", " + time_of_day(a, with_s) + " – " + day_label(b) + ", " + time_of_day(b, with_s) +
           " UTC";
  }
  const civil z = to_civil(end);
  const civil b = to_civil(end - std::chrono::seconds{1});
  if (midnight(a) && midnight(z) && a.day == 1 && z.day == 1) {
    const std::int64_t months = (z.year * 12 + z.month) - (a.year * 12 + a.month);
    if (a.month == 1 && z.month == 1) {
      const std::int64_t years = z.year - a.year;
      if (years == 1) return year_label(a.year);
      if (years == 10 && floor_mod(a.year, 10) == 0 && a.year > 0) return "the " + num(a.year) + "s";
      if (years == 100 && floor_mod(a.year, 100) == 1 && a.year > 0) return "the " + ordinal(a.year / 100 + 1) + " century";
      return year_label(a.year) + " – " + year_label(b.year);
    }
    if (months == 1) return month_label(a);
    if (months == 3 && p == precision::season) {
      static constexpr std::array<const char*, 12> season = {"winter", "", "spring", "", "", "summer",
                                                             "",       "", "autumn", "", "", "winter"};
      if (*season[a.month - 1] != '\0' && a.month != 1) return std::string(season[a.month - 1]) + " " + year_label(a.year);
    }
    if (a.year == b.year) return month_abbrev(a.month) + " – " + month_label(b);
    return month_label(a) + " – " + month_label(b);
  }
  if (a.year == b.year && a.month == b.month && a.day == b.day) return day_label(a);
  if (a.year == b.year && a.month == b.month) return num(a.day) + "–" + num(b.day) + " " + month_label(a);
  if (a.year == b.year) return day_month(a) + " – " + day_label(b);
  return day_label(a) + " – " + day_label(b);
}

}  // namespace

civil to_civil(instant t) {
  const std::int64_t s = secs(t);
  const std::int64_t d = floor_div(s, day_s);
  const std::int64_t r = s - d * day_s;  // [0, 86399]
  civil c = civil_from_days(d);
  c.hour = static_cast<unsigned>(r / 3600);
  c.minute = static_cast<unsigned>(r / 60 % 60);
  c.second = static_cast<unsigned>(r % 60);
  return c;
}

instant from_civil(std::int64_t year, unsigned month, unsigned day, unsigned hour, unsigned minute) {
  return at(days_from_civil(year, month, day) * day_s + hour * 3600 + minute * 60);
}

std::string year_label(std::int64_t year) {
  const bool bc = year <= 0;
  std::int64_t y = bc ? 1 - year : year;
  std::string digits = num(y);
  if (y >= 10000) {  // 12,000 BC reads better than 12000 BC
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  }
  return bc ? digits + " BC" : digits;
}

std::string month_abbrev(unsigned month) {
  static constexpr std::array<const char*, 12> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return names[(month - 1) % 12];
}

// --- the scale -------------------------------------------------------------

scale::scale(std::vector<extent> extents, double x0, double x1) {
  if (extents.empty()) extents.push_back({from_civil(2000, 1, 1), from_civil(2001, 1, 1)});
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
    if (nbands == 3 || len < 2.0 * day_s || len <= drawn - len || len < total / 10) break;
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
    span[i] = static_cast<double>(secs(segments_[i].to) - secs(segments_[i].from));
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

std::vector<tick> scale::ticks(double min_px) const {
  enum class unit { hour, day, month, year };
  struct step { unit u; std::int64_t n; double approx; };
  std::vector<step> steps = {{unit::hour, 1, 3600},      {unit::hour, 3, 3 * 3600.0}, {unit::hour, 6, 6 * 3600.0},
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
    const civil a = to_civil(s.from);
    // The first candidate at or before s.from, aligned to the step.
    instant t;
    switch (st.u) {
      case unit::hour: t = from_civil(a.year, a.month, a.day, static_cast<unsigned>(a.hour / st.n * st.n)); break;
      case unit::day: t = from_civil(a.year, a.month, 1); break;
      case unit::month: t = from_civil(a.year, static_cast<unsigned>((a.month - 1) / st.n * st.n + 1), 1); break;
      case unit::year: t = from_civil(floor_div(a.year, st.n) * st.n, 1, 1); break;
    }
    bool first = true;
    for (int guard = 0; guard < 400 && t <= s.to; ++guard) {
      const civil c = to_civil(t);
      instant next;
      bool keep = true;
      switch (st.u) {
        case unit::hour: next = t + std::chrono::seconds{3600 * st.n}; break;
        case unit::day:
          next = t + std::chrono::seconds{day_s};
          // Weekly ticks on the 1st, 8th, 15th and 22nd; fortnightly on the 1st and 15th.
          keep = st.n == 1 || (st.n == 2 && c.day % 2 == 1 && c.day < 31) || (st.n == 7 && c.day <= 22 && c.day % 7 == 1) ||
                 (st.n == 14 && (c.day == 1 || c.day == 15));
          break;
        case unit::month: next = add_months(t, st.n); break;
        case unit::year: next = add_months(t, 12 * st.n); break;
      }
      if (keep && t >= s.from) {
        tick k{t, s.x0 + static_cast<double>(secs(t) - secs(s.from)) * px_per_s, "", false};
        switch (st.u) {
          case unit::hour:
            k.major = midnight(c);
            k.label = first ? day_label(c) + ", " + time_of_day(c, false)
                            : k.major ? day_month(c) : time_of_day(c, false);
            break;
          case unit::day:
            k.major = c.day == 1;
            k.label = first || (c.month == 1 && c.day == 1) ? day_label(c) : day_month(c);
            break;
          case unit::month:
            k.major = c.month == 1;
            k.label = c.month == 1 ? year_label(c.year) : first ? month_label(c) : month_abbrev(c.month);
            break;
          case unit::year: k.label = year_label(c.year); break;
        }
        out.push_back(std::move(k));
        first = false;
      }
      t = next;
    }
    if (first) {  // no boundary inside a short segment: name its middle
      const instant mid = s.from + (s.to - s.from) / 2;
      out.push_back({mid, (s.x0 + s.x1) / 2, span_label(mid, mid + std::chrono::seconds{1}, precision::day), false});
    }
  }
  return out;
}

}  // namespace annals::axis
