// `first_in` claims checked against the gaps of their series (SPEC §5).

#include "annals/claims.hpp"

#include <algorithm>
#include <cassert>
#include <map>
#include <tuple>
#include <unordered_map>

#include "annals/gaps.hpp"
#include "date_label.hpp"
#include "zones.hpp"

namespace annals {

namespace {

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
bool can_hold(std::int64_t f0, std::int64_t f1, std::int64_t t0, std::int64_t t1, const duration& d,
              const duration& d_next) {
  if (t1 < t0 || f1 < f0 || add_days(f0, d) > t1) return false;
  std::int64_t lo = f0, hi = f1;
  while (lo < hi) {  // invariant: add(lo, d) <= t1
    const std::int64_t mid = lo + (hi - lo + 1) / 2;
    if (add_days(mid, d) <= t1) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return add_days(lo, d_next) > t0;
}

// The members of one series, in chronological order, with running maxima of their ends.
struct series_index {
  series_selector selector;
  std::vector<std::uint32_t> ranks;    // sorted
  std::vector<instant> end_min;        // max end_min of members [0, k]
  std::vector<std::uint32_t> latest;   // the member of [0, k] with the latest possible end
};

// The ranks of the events holding each kind, place, actor and tag, in rank order:
// a series is read from its rarest value's list, not from every event, so that
// many claims with distinct series cost their series, not the timeline each.
class postings {
 public:
  postings(const timeline& tl, const chronology& c) : count_(static_cast<std::uint32_t>(c.order.size())) {
    for (std::uint32_t r = 0; r < c.order.size(); ++r) {
      const event& e = tl.events[c.order[r]];
      if (e.kind != no_symbol) lists_[key(field::kind, e.kind)].push_back(r);
      if (e.place != no_symbol) lists_[key(field::place, e.place)].push_back(r);
      for (symbol a : e.actors) add(key(field::actor, a), r);
      for (symbol t : e.tags) add(key(field::tag, t), r);
    }
  }

  /// The ranks that can match `s`: the shortest list among its values, all ranks
  /// when it names none (nullptr), or an empty list when a value is never used.
  const std::vector<std::uint32_t>* candidates(const series_selector& s) const {
    const std::vector<std::uint32_t>* best = nullptr;
    bool constrained = false;
    auto consider = [&](std::uint64_t k) {
      constrained = true;
      auto it = lists_.find(k);
      const std::vector<std::uint32_t>* list = it == lists_.end() ? &empty_ : &it->second;
      if (!best || list->size() < best->size()) best = list;
    };
    if (s.kind != no_symbol) consider(key(field::kind, s.kind));
    if (s.place != no_symbol) consider(key(field::place, s.place));
    for (symbol a : s.actors) consider(key(field::actor, a));
    for (symbol t : s.tags) consider(key(field::tag, t));
    return constrained ? best : nullptr;
  }

  std::uint32_t count() const { return count_; }

 private:
  enum class field : std::uint64_t { kind, place, actor, tag };
  static std::uint64_t key(field f, symbol s) { return static_cast<std::uint64_t>(f) << 32 | s; }
  // An event naming one actor (tag) twice is listed once.
  void add(std::uint64_t k, std::uint32_t r) {
    auto& list = lists_[k];
    if (list.empty() || list.back() != r) list.push_back(r);
  }

  std::uint32_t count_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> lists_;
  std::vector<std::uint32_t> empty_;
};

series_index index_series(const timeline& tl, const chronology& c, const series_selector& s, const postings& p) {
  series_index x{s, {}, {}, {}};
  auto visit = [&](std::uint32_t r) {
    const std::uint32_t e = c.order[r];
    if (!matches(tl.events[e], s)) return;
    const event_bounds& b = c.bounds[e];
    const bool first = x.ranks.empty();
    x.ranks.push_back(r);
    x.end_min.push_back(first ? b.end_min : std::max(x.end_min.back(), b.end_min));
    x.latest.push_back(first || b.end_max >= c.bounds[x.latest.back()].end_max ? e : x.latest.back());
  };
  if (const std::vector<std::uint32_t>* list = p.candidates(s)) {
    for (std::uint32_t r : *list) visit(r);
  } else {
    for (std::uint32_t r = 0; r < p.count(); ++r) visit(r);
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

}  // namespace

void check_claims(const timeline& tl, const chronology& c, std::vector<diagnostic>& out) {
  assert(c.order.size() == tl.events.size() && c.bounds.size() == tl.events.size());
  std::vector<std::uint32_t> rank(tl.events.size(), 0);
  for (std::uint32_t r = 0; r < c.order.size(); ++r) rank[c.order[r]] = r;
  // One index per distinct selector.
  const postings lists(tl, c);
  std::map<std::tuple<symbol, symbol, std::vector<symbol>, std::vector<symbol>>, series_index> indexes;

  for (std::uint32_t e = 0; e < tl.events.size(); ++e) {
    for (const claim& cl : tl.events[e].claims) {
      auto key = std::tuple(cl.series.kind, cl.series.place, cl.series.actors, cl.series.tags);
      auto it = indexes.find(key);
      if (it == indexes.end()) it = indexes.emplace(std::move(key), index_series(tl, c, cl.series, lists)).first;
      const series_index& x = it->second;
      const std::string series = to_string(cl.series, tl.names);
      const event_bounds& b = c.bounds[e];
      if (cl.since != no_symbol) {  // first_since: no member certainly between the two
        const auto since = tl.find_event(cl.since);
        if (!since) continue;  // unknown-reference, reported by the loader
        const event_bounds& a = c.bounds[*since];
        const std::string claimed = "'first_since: " + std::string(tl.names.name(cl.since)) + "'";
        if (a.start_min != open_start && b.start_max != open_end && a.start_min > b.start_max) {
          out.push_back(tl.finding(cl.pos, severity::error, "claim-mismatch",
                                   "claim " + claimed + " does not hold: '" + std::string(tl.names.name(cl.since)) +
                                       "' (" + date_label(tl.events[*since].date) + ") comes after this event"));
          continue;
        }
        for (const std::uint32_t r : x.ranks) {
          const std::uint32_t m = c.order[r];
          if (m == e || m == *since) continue;
          const event_bounds& mb = c.bounds[m];
          if (a.start_max == open_end || b.start_min == open_start) break;
          if (mb.start_min > a.start_max && mb.start_max < b.start_min) {
            out.push_back(tl.finding(cl.pos, severity::error, "claim-mismatch",
                                     "claim " + claimed + " does not hold: '" + std::string(tl.names.name(tl.events[m].id)) +
                                         "' (" + date_label(tl.events[m].date) + ") of the series '" + series +
                                         "' comes between"));
            break;
          }
        }
        continue;
      }
      const std::string claimed = "'first_in: " + (cl.first_in_text.empty() ? to_english(cl.first_in) : cl.first_in_text) + "'";

      // Members strictly before the claiming event (which may itself be one): listed
      // before it and able to begin before it can. A member of the same day is no
      // earlier occurrence (the same visit, told by another file, is not the previous one).
      auto before = static_cast<std::size_t>(std::lower_bound(x.ranks.begin(), x.ranks.end(), rank[e]) - x.ranks.begin());
      while (before > 0 && c.bounds[c.order[x.ranks[before - 1]]].start_min >= b.start_min) --before;
      if (before == 0) {
        out.push_back(tl.finding(cl.pos, severity::warning, "claim-unverifiable",
                         "claim " + claimed + " cannot be checked: no earlier event in the series '" + series + "'"));
        continue;
      }
      const std::uint32_t prev = x.latest[before - 1];
      const instant end_min = x.end_min[before - 1];
      const instant end_max = c.bounds[prev].end_max;
      // Days where each writer is: a day is that day in its event's zone.
      const zone from_zone = tl.events[prev].date.tz, to_zone = tl.events[e].date.tz;
      const std::int64_t f0 = detail::local_day(from_zone, end_min), f1 = detail::local_day(from_zone, end_max);
      const std::int64_t t0 = detail::local_day(to_zone, b.start_min), t1 = detail::local_day(to_zone, b.start_max);
      // at_least: some reading has the gap reach D; else it must also stay under D plus a unit.
      if (cl.at_least ? add_days(f0, cl.first_in) <= t1 : can_hold(f0, f1, t0, t1, cl.first_in, plus_one_unit(cl.first_in))) {
        continue;
      }
      const gap_span s = measure_span(end_min, end_max, b.start_min, b.start_max,
                                      tl.events[prev].date.approximate || tl.events[e].date.approximate, from_zone,
                                      to_zone);
      diagnostic d = tl.finding(cl.pos, severity::error, "claim-mismatch",
                        "claim " + claimed + " does not hold: the gap from '" +
                            std::string(tl.names.name(tl.events[prev].id)) + "' is " + gap_text(s) + " (" +
                            days_text(s) + ")");
      d.hint = suggestion(cl.first_in, s);
      out.push_back(std::move(d));
    }
  }
}

}  // namespace annals
