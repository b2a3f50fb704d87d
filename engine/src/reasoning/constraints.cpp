#include "reasoning/constraints.hpp"

#include "model/link_table.hpp"

#include <chrono>

#include "annals/duration.hpp"
#include "time/zones.hpp"

namespace annals {

namespace {

// One unit of a precision, for the ends of a span: `2015-11-01/2015-11-30` starts
// within its first day and ends within its last.
duration unit_of(precision p) { return {0, info(p).months, 0, info(p).seconds}; }

constexpr std::chrono::seconds one_second{1};

struct builder {
  const timeline& tl;
  const std::vector<std::uint32_t>& cycle_of;
  std::vector<constraint> out;

  bool dropped(std::uint32_t a, std::uint32_t b) const {
    return cycle_of[a] != UINT32_MAX && cycle_of[a] == cycle_of[b];
  }
  void add(std::uint32_t from, std::uint32_t to, std::uint32_t holder, std::uint32_t field,
           const duration* by = nullptr) {
    out.push_back({from, to, by, holder, field});
  }
};

}  // namespace

point_bounds stated_bounds(const event& e, bool end) {
  const temporal_value& d = e.date;
  // A relative date is open until propagation gives it its anchor's bounds.
  if (e.relative) return {};
  point_bounds b{d.earliest, d.latest};
  // An unqualified span is its stated interval: it begins within the first unit of
  // its start's precision and ends within the last unit of its end's. A qualified
  // end (`~`, `?`) only says where its widened bound lies, so it is not held to it.
  if (!d.interval) return b;
  // Units on the writer's wall clock: a month of Chicago days, not of UTC seconds.
  if (!end && d.bounded_start() && d.start.qual == qualifier::none) {
    const instant first_unit_end = detail::add_local(d.tz, d.earliest, unit_of(d.start.prec)) - one_second;
    if (first_unit_end < b.hi) b.hi = first_unit_end;
  }
  if (end && d.bounded_end() && d.end.qual == qualifier::none) {
    const duration u = unit_of(d.end.prec);
    const instant last_unit_start = detail::add_local(d.tz, d.latest + one_second, {-u.years, -u.months, -u.days, -u.seconds});
    if (last_unit_start > b.lo) b.lo = last_unit_start;
  }
  return b;
}

namespace {

// The constraints of a relation between an earlier and a later event (for `within`:
// the whole and the part), stated by field `field` of `holder`.
void add_relation(builder& b, time_relation r, std::uint32_t earlier, std::uint32_t later, std::uint32_t holder,
                  std::uint32_t field) {
  switch (r) {
    case time_relation::none: break;
    case time_relation::start_after_start: b.add(start_point(earlier), start_point(later), holder, field); break;
    case time_relation::start_after_end: b.add(end_point(earlier), start_point(later), holder, field); break;
    case time_relation::within:
      b.add(start_point(earlier), start_point(later), holder, field);
      b.add(end_point(later), end_point(earlier), holder, field);
      break;
  }
}

}  // namespace

std::vector<constraint> build_constraints(const timeline& tl, const std::vector<std::uint32_t>& cycle_of) {
  builder b{tl, cycle_of, {}};
  b.out.reserve(tl.events.size() * 2);
  for (std::uint32_t h = 0; h < tl.events.size(); ++h) {
    const event& e = tl.events[h];
    b.add(start_point(h), end_point(h), h, own_span);
    for (std::uint32_t i = 0; i < e.links.size(); ++i) {
      const auto found = tl.find_event(e.links[i].target);
      if (!found) continue;  // unknown-reference is the loader's
      const auto t = static_cast<std::uint32_t>(*found);
      if (b.dropped(h, t)) continue;
      const link_info& k = info(e.links[i].kind);
      const auto [source, target] = ends(e.links[i].kind, h, t);
      add_relation(b, k.relation, source, target, h, i);
    }
    if (!e.relative) continue;
    const auto found = tl.find_event(e.relative->anchor);
    if (!found) continue;
    const auto x = static_cast<std::uint32_t>(*found);
    if (b.dropped(h, x)) continue;
    const bool after = e.relative->rel == relative_date::relation::after;
    if (e.relative->by && e.relative->rel != relative_date::relation::during) {
      // The anchor's interval shifted later (after) or earlier (before), keeping its uncertainty.
      const duration* by = &*e.relative->by;
      const std::uint32_t earlier = after ? x : h, later = after ? h : x;
      b.add(start_point(earlier), start_point(later), h, relative_anchor, by);
      b.add(end_point(earlier), end_point(later), h, relative_anchor, by);
      continue;
    }
    // Without `by`, a relative date is a link to its anchor: after, before or part of it.
    const link_kind as_link = relation_link(e.relative->rel);
    const auto [source, target] = ends(as_link, h, x);
    add_relation(b, info(as_link).relation, source, target, h, relative_anchor);
  }
  return std::move(b.out);
}

}  // namespace annals
