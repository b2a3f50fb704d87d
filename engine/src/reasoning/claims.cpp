// `first_in` and `first_since` claims checked against their series (SPEC §5); the
// series and the questions asked of them are in claim_index.cpp.

#include "annals/claims.hpp"

#include <algorithm>
#include <cassert>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "annals/gaps.hpp"
#include "reasoning/claim_index.hpp"
#include "time/date_label.hpp"
#include "time/zones.hpp"

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

// The gaps a bounded `first_in` allows: [lo, hi), no hi for no upper bound. The
// tolerance of `about` and `nearly` is a tenth of the duration, and at least half of its
// largest unit when that is years or months (about 3 years: 2 years 6 months to 3 years 6
// months), one day below (README "Claims").
struct allowed_gaps {
  duration lo;
  std::optional<duration> hi;
};

duration tolerance(const duration& d) {
  if (d.years != 0 || d.months != 0) {
    const std::int64_t m = total_months(d);
    const std::int64_t tenth = (m + 5) / 10;  // rounded
    if (d.years != 0) return {0, std::max<std::int64_t>(tenth, 6), 0, 0};
    return tenth >= 1 && m >= 5 ? duration{0, tenth, 0, 0} : duration{0, 0, 15, 0};
  }
  const std::int64_t days = d.days + (d.seconds + 86'399) / 86'400;
  return {0, 0, std::max<std::int64_t>((days + 5) / 10, 1), 0};
}

duration minus(const duration& a, const duration& b) {
  duration r{a.years - b.years, a.months - b.months, a.days - b.days, a.seconds - b.seconds};
  if (total_months(r) < 0 || (total_months(r) == 0 && r.days < 0)) return {};
  const std::int64_t m = total_months(r);  // whole years and months, for messages
  return {m / 12, m % 12, r.days, r.seconds};
}

duration plus(const duration& a, const duration& b) {
  const std::int64_t m = total_months(a) + total_months(b);
  return {m / 12, m % 12, a.days + b.days, a.seconds + b.seconds};
}

constexpr duration one_day{0, 0, 1, 0};

allowed_gaps allowed(duration_bound bound, const duration& d) {
  switch (bound) {
    case duration_bound::in: return {d, plus_one_unit(d)};
    case duration_bound::at_least: return {d, std::nullopt};
    case duration_bound::more_than: return {plus(d, one_day), std::nullopt};
    case duration_bound::less_than: return {{}, d};
    case duration_bound::at_most: return {{}, plus(d, one_day)};
    case duration_bound::about: return {minus(d, tolerance(d)), plus(plus(d, tolerance(d)), one_day)};
    case duration_bound::nearly: return {minus(d, tolerance(d)), d};
  }
  return {d, std::nullopt};
}

// "2 years and 6 months to 3 years and 6 months": what a bounded claim allows, in words.
std::string allowed_text(duration_bound bound, const duration& d) {
  const allowed_gaps a = allowed(bound, d);
  switch (bound) {
    case duration_bound::about: return "from " + to_english(a.lo) + " to " + to_english(plus(d, tolerance(d)));
    case duration_bound::nearly: return "from " + to_english(a.lo) + " up to, not including, " + to_english(d);
    case duration_bound::more_than: return "more than " + to_english(d);
    case duration_bound::less_than: return "less than " + to_english(d);
    case duration_bound::at_most: return "at most " + to_english(d);
    default: return {};
  }
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

// The claims on one series, by their number in claim order, and what each asks.
struct asked {
  const series_selector* selector = nullptr;  // as its first claim names it
  std::vector<std::uint32_t> earlier_claims, between_claims;
  std::vector<detail::earlier_question> earlier;  // first_in
  std::vector<detail::between_question> between;  // first_since
};

// What a claim's question found: first_in, the previous member (the earlier one that
// ends last) and the latest of the earlier members' earliest ends; first_since, the
// member between. no_member: none. Past the reading limit a claim is not checked, and
// the first claim on the series that crossed it says so.
struct found {
  std::uint32_t event = detail::no_member;
  instant end_min = open_start;
  bool checked = true;
  bool crossed_limit = false;
};

// Asks each claim's question of its series, then answers them one series at a time, in
// the order the series are first named (so that only one series' members are in memory
// at once, and the reading limit falls at the same claim every run).
std::vector<found> ask(const timeline& tl, const chronology& c, std::uint64_t limit) {
  std::vector<std::uint32_t> rank(tl.events.size(), 0);
  for (std::uint32_t r = 0; r < c.order.size(); ++r) rank[c.order[r]] = r;
  std::map<std::tuple<symbol, symbol, std::vector<symbol>, std::vector<symbol>>, std::uint32_t> series_ids;
  std::vector<asked> series;
  std::uint32_t claims = 0;
  for (std::uint32_t e = 0; e < tl.events.size(); ++e) {
    for (const claim& cl : tl.events[e].claims) {
      const auto [it, added] = series_ids.try_emplace(
          std::tuple(cl.series.kind, cl.series.place, cl.series.actors, cl.series.tags),
          static_cast<std::uint32_t>(series.size()));
      if (added) series.push_back({&cl.series, {}, {}, {}, {}});
      asked& x = series[it->second];
      const event_bounds& b = c.bounds[e];
      if (cl.since == no_symbol) {
        x.earlier_claims.push_back(claims++);
        x.earlier.push_back({rank[e], b.start_min, 0});
        continue;
      }
      x.between_claims.push_back(claims++);
      detail::between_question q;  // asks nothing (finds no member) for an unknown event
      if (const auto since = tl.find_event(cl.since)) {
        q = {c.bounds[*since].start_max, b.start_min, static_cast<std::uint32_t>(*since), e,
             detail::no_member};
      }
      x.between.push_back(q);
    }
  }
  std::vector<found> out(claims);
  const detail::postings postings(tl, c);
  std::uint64_t read = 0;
  for (std::size_t i = 0; i < series.size(); ++i) {
    asked& x = series[i];
    const auto lists = postings.lists(*x.selector);
    read += detail::reading_cost(lists, postings.count());
    if (read > limit) {  // this series and those named after it go unchecked
      const std::uint32_t first = std::min(x.earlier_claims.empty() ? claims : x.earlier_claims.front(),
                                           x.between_claims.empty() ? claims : x.between_claims.front());
      out[first].crossed_limit = true;
      for (std::size_t j = i; j < series.size(); ++j) {
        for (std::uint32_t k : series[j].earlier_claims) out[k].checked = false;
        for (std::uint32_t k : series[j].between_claims) out[k].checked = false;
      }
      break;
    }
    const detail::series_members members = detail::members_of(c, lists);
    detail::answer(members, c, x.earlier);
    detail::answer(members, c, x.between);
    for (std::size_t q = 0; q < x.earlier.size(); ++q) {
      if (const std::uint32_t before = x.earlier[q].answer) {
        out[x.earlier_claims[q]] = {members.latest[before - 1], members.end_min[before - 1]};
      }
    }
    for (std::size_t q = 0; q < x.between.size(); ++q) out[x.between_claims[q]].event = x.between[q].answer;
  }
  return out;
}

}  // namespace

std::uint64_t claim_reading_limit(std::size_t events) { return 100'000'000 + 16 * std::uint64_t{events}; }

void check_claims(const timeline& tl, const chronology& c, std::vector<diagnostic>& out) {
  check_claims(tl, c, out, claim_reading_limit(tl.events.size()));
}

void check_claims(const timeline& tl, const chronology& c, std::vector<diagnostic>& out,
                  std::uint64_t limit) {
  assert(c.order.size() == tl.events.size() && c.bounds.size() == tl.events.size());
  const std::vector<found> answers = ask(tl, c, limit);
  std::size_t next = 0;
  for (std::uint32_t e = 0; e < tl.events.size(); ++e) {
    for (const claim& cl : tl.events[e].claims) {
      const found& f = answers[next++];
      if (f.crossed_limit) {
        out.push_back(tl.finding(cl.pos, severity::error, "too-large",
                                 "checking claims reads more than the limit of " + std::to_string(limit) +
                                     " events of their series in one run: the claims on this series and on "
                                     "those first named after it are not checked"));
      }
      if (!f.checked) continue;
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
        const std::uint32_t m = f.event;
        if (a.start_max == open_end || b.start_min == open_start || m == detail::no_member) continue;
        out.push_back(tl.finding(cl.pos, severity::error, "claim-mismatch",
                                 "claim " + claimed + " does not hold: '" +
                                     std::string(tl.names.name(tl.events[m].id)) + "' (" +
                                     date_label(tl.events[m].date) + ") of the series '" +
                                     to_string(cl.series, tl.names) + "' comes between"));
        continue;
      }
      const std::string claimed = "'first_in: " + (cl.first_in_text.empty() ? to_english(cl.first_in) : cl.first_in_text) + "'";

      // Members strictly before the claiming event (which may itself be one): listed
      // before it and able to begin before it can. A member of the same day is no
      // earlier occurrence (the same visit, told by another file, is not the previous one).
      if (f.event == detail::no_member) {
        out.push_back(tl.finding(cl.pos, severity::warning, "claim-unverifiable",
                                 "claim " + claimed + " cannot be checked: no earlier event in the series '" +
                                     to_string(cl.series, tl.names) + "'"));
        continue;
      }
      const std::uint32_t prev = f.event;
      const instant end_min = f.end_min;
      const instant end_max = c.bounds[prev].end_max;
      // Days where each writer is: a day is that day in its event's zone.
      const zone from_zone = tl.events[prev].date.tz, to_zone = tl.events[e].date.tz;
      const std::int64_t f0 = detail::local_day(from_zone, end_min), f1 = detail::local_day(from_zone, end_max);
      const std::int64_t t0 = detail::local_day(to_zone, b.start_min), t1 = detail::local_day(to_zone, b.start_max);
      // No upper bound: some reading has the gap reach lo; else it must also stay under hi.
      const allowed_gaps gaps = allowed(cl.bound, cl.first_in);
      if (gaps.hi ? can_hold(f0, f1, t0, t1, gaps.lo, *gaps.hi) : add_days(f0, gaps.lo) <= t1) continue;
      const gap_span s = measure_span(end_min, end_max, b.start_min, b.start_max,
                                      tl.events[prev].date.approximate || tl.events[e].date.approximate, from_zone,
                                      to_zone);
      diagnostic d = tl.finding(cl.pos, severity::error, "claim-mismatch",
                        "claim " + claimed + " does not hold: the gap from '" +
                            std::string(tl.names.name(tl.events[prev].id)) + "' is " + gap_text(s) + " (" +
                            days_text(s) + ")" +
                            (cl.bound == duration_bound::in || cl.bound == duration_bound::at_least
                                 ? std::string()
                                 : "; '" + cl.first_in_text + "' allows " + allowed_text(cl.bound, cl.first_in)));
      if (cl.bound == duration_bound::in) d.hint = suggestion(cl.first_in, s);
      out.push_back(std::move(d));
    }
  }
}

}  // namespace annals
