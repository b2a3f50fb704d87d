// `first_in` claims checked against the gaps of their series (SPEC §5).

#include "annals/claims.hpp"

#include <algorithm>
#include <cassert>

#include "annals/gaps.hpp"
#include "calendar_days.hpp"

namespace annals {

namespace {

using std::chrono::sys_days;

// D plus one unit of its largest unit: 8 years -> 9 years, 1 year 6 months -> 2 years
// 6 months, 3 days -> 4 days, 3 hours -> 4 hours.
duration plus_one_unit(duration d) {
  if (d.years != 0) {
    ++d.years;
  } else if (d.months != 0) {
    ++d.months;
  } else if (d.days != 0 || d.seconds == 0) {
    ++d.days;
  } else {
    d.seconds += d.seconds >= 3600 ? 3600 : d.seconds >= 60 ? 60 : 1;
  }
  return d;
}

// Whether some end day f in [f0, f1] and start day t in [t0, t1] make
// add(f, d) <= t < add(f, d_next). add(f, x) grows with f, so the first condition
// holds for a prefix of [f0, f1] and the second for a suffix: take the last f of the
// prefix (binary search) and test the second condition there.
bool can_hold(sys_days f0, sys_days f1, sys_days t0, sys_days t1, const duration& d, const duration& d_next) {
  if (t1 < t0 || f1 < f0 || detail::add_days(f0, d) > t1) return false;
  std::int64_t lo = f0.time_since_epoch().count(), hi = f1.time_since_epoch().count();
  while (lo < hi) {  // invariant: add(lo, d) <= t1
    const std::int64_t mid = lo + (hi - lo + 1) / 2;
    if (detail::add_days(sys_days{std::chrono::days{mid}}, d) <= t1) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return detail::add_days(sys_days{std::chrono::days{lo}}, d_next) > t0;
}

// The members of one series, in chronological order, with running maxima of their ends.
struct series_index {
  series_selector selector;
  std::vector<std::uint32_t> ranks;    // sorted
  std::vector<instant> end_min;        // max end_min of members [0, k]
  std::vector<std::uint32_t> latest;   // the member of [0, k] with the latest possible end
};

series_index index_series(const timeline& tl, const chronology& c, const series_selector& s) {
  series_index x{s, {}, {}, {}};
  for (std::uint32_t r = 0; r < c.order.size(); ++r) {
    const std::uint32_t e = c.order[r];
    if (!matches(tl.events[e], s)) continue;
    const event_bounds& b = c.bounds[e];
    const bool first = x.ranks.empty();
    x.ranks.push_back(r);
    x.end_min.push_back(first ? b.end_min : std::max(x.end_min.back(), b.end_min));
    x.latest.push_back(first || b.end_max >= c.bounds[x.latest.back()].end_max ? e : x.latest.back());
  }
  return x;
}

std::string days_text(const gap_span& s) {
  if (s.exact()) return std::to_string(s.min_days) + (s.min_days == 1 ? " day" : " days");
  if (!s.max_days) return "at least " + std::to_string(s.min_days) + " days";
  return std::to_string(s.min_days) + " to " + std::to_string(*s.max_days) + " days";
}

// "did you mean 'first_in: 5 years'?" when the real gap is known exactly.
std::string suggestion(const duration& claimed, const gap_span& s) {
  if (!s.exact()) return {};
  duration fit;
  if (claimed.years != 0) {
    fit.years = s.shortest.years;
  } else if (claimed.months != 0) {
    fit.months = s.shortest.years * 12 + s.shortest.months;
  } else {
    fit.days = s.min_days;
  }
  if (fit == duration{}) return {};
  return "did you mean 'first_in: " + to_english(fit) + "'?";
}

diagnostic at(const timeline& tl, const claim& cl, severity level, std::string code, std::string message) {
  diagnostic d;
  d.level = level;
  d.code = std::move(code);
  d.file = cl.pos.file < tl.files.size() ? tl.file_of(cl.pos) : std::string{};
  d.line = cl.pos.line;
  d.column = cl.pos.column;
  d.message = std::move(message);
  return d;
}

}  // namespace

void check_claims(const timeline& tl, const chronology& c, std::vector<diagnostic>& out) {
  assert(c.order.size() == tl.events.size() && c.bounds.size() == tl.events.size());
  std::vector<std::uint32_t> rank(tl.events.size(), 0);
  for (std::uint32_t r = 0; r < c.order.size(); ++r) rank[c.order[r]] = r;
  // One index per distinct selector; files hold few of them.
  std::vector<series_index> indexes;

  for (std::uint32_t e = 0; e < tl.events.size(); ++e) {
    for (const claim& cl : tl.events[e].claims) {
      auto it = std::find_if(indexes.begin(), indexes.end(), [&](const series_index& x) { return x.selector == cl.series; });
      if (it == indexes.end()) it = indexes.insert(indexes.end(), index_series(tl, c, cl.series));
      const series_index& x = *it;
      const std::string claimed = "'first_in: " + (cl.first_in_text.empty() ? to_english(cl.first_in) : cl.first_in_text) + "'";
      const std::string series = to_string(cl.series, tl.names);

      // Members strictly before the claiming event (which may itself be one).
      const auto before = static_cast<std::size_t>(std::lower_bound(x.ranks.begin(), x.ranks.end(), rank[e]) - x.ranks.begin());
      if (before == 0) {
        out.push_back(at(tl, cl, severity::warning, "claim-unverifiable",
                         "claim " + claimed + " cannot be checked: no earlier event in the series '" + series + "'"));
        continue;
      }
      const std::uint32_t prev = x.latest[before - 1];
      const instant end_min = x.end_min[before - 1];
      const instant end_max = c.bounds[prev].end_max;
      const event_bounds& b = c.bounds[e];
      if (can_hold(detail::day_of(end_min), detail::day_of(end_max), detail::day_of(b.start_min),
                   detail::day_of(b.start_max), cl.first_in, plus_one_unit(cl.first_in))) {
        continue;
      }
      const gap_span s = measure_span(end_min, end_max, b.start_min, b.start_max,
                                      tl.events[prev].date.approximate || tl.events[e].date.approximate);
      diagnostic d = at(tl, cl, severity::error, "claim-mismatch",
                        "claim " + claimed + " does not hold: the gap from '" +
                            std::string(tl.names.name(tl.events[prev].id)) + "' is " + gap_text(s) + " (" +
                            days_text(s) + ")");
      d.hint = suggestion(cl.first_in, s);
      out.push_back(std::move(d));
    }
  }
}

}  // namespace annals
