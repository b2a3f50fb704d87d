#include "constraints.hpp"

#include <chrono>

#include "annals/duration.hpp"

namespace annals {

namespace {

// One unit of a precision, for the ends of a span: `2015-11-01/2015-11-30` starts
// within its first day and ends within its last.
duration unit_of(precision p) {
  switch (p) {
    case precision::second: return {0, 0, 0, 1};
    case precision::minute: return {0, 0, 0, 60};
    case precision::hour: return {0, 0, 0, 3600};
    case precision::day: return {0, 0, 1, 0};
    case precision::month: return {0, 1, 0, 0};
    case precision::season: return {0, 3, 0, 0};
    case precision::year: return {1, 0, 0, 0};
    case precision::decade: return {10, 0, 0, 0};
    case precision::century: return {100, 0, 0, 0};
    case precision::millennium: return {1000, 0, 0, 0};
  }
  return {0, 0, 1, 0};
}

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
  // An unqualified span is its stated interval: it begins within the first unit
  // of its precision and ends within the last. A qualified one (`~`, `?`) only
  // says where its widened ends lie, so it is treated like a moment inside them.
  if (!d.interval || d.approximate || d.uncertain) return b;
  const duration unit = unit_of(d.prec);
  if (!end && d.bounded_start()) {
    const instant first_unit_end = annals::add(d.earliest, unit) - one_second;
    if (first_unit_end < b.hi) b.hi = first_unit_end;
  }
  if (end && d.bounded_end()) {
    const instant last_unit_start = annals::subtract(d.latest + one_second, unit);
    if (last_unit_start > b.lo) b.lo = last_unit_start;
  }
  return b;
}

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
      switch (e.links[i].kind) {
        case link_kind::causes:
        case link_kind::enables:  // the effect does not begin before the cause begins
          b.add(start_point(h), start_point(t), h, i);
          break;
        case link_kind::caused_by:
        case link_kind::enabled_by:
        case link_kind::responds_to:
          b.add(start_point(t), start_point(h), h, i);
          break;
        case link_kind::part_of:  // the part lies within the whole
          b.add(start_point(t), start_point(h), h, i);
          b.add(end_point(h), end_point(t), h, i);
          break;
        case link_kind::after:  // begins no earlier than the target ends
          b.add(end_point(t), start_point(h), h, i);
          break;
        case link_kind::before:
          b.add(end_point(h), start_point(t), h, i);
          break;
      }
    }
    if (!e.relative) continue;
    const auto found = tl.find_event(e.relative->anchor);
    if (!found) continue;
    const auto x = static_cast<std::uint32_t>(*found);
    if (b.dropped(h, x)) continue;
    const duration* by = e.relative->by ? &*e.relative->by : nullptr;
    switch (e.relative->rel) {
      case relative_date::relation::after:
        if (by) {  // the anchor's interval shifted later, keeping its uncertainty
          b.add(start_point(x), start_point(h), h, relative_anchor, by);
          b.add(end_point(x), end_point(h), h, relative_anchor, by);
        } else {
          b.add(end_point(x), start_point(h), h, relative_anchor);
        }
        break;
      case relative_date::relation::before:
        if (by) {  // shifted earlier: the anchor is this event shifted later by `by`
          b.add(start_point(h), start_point(x), h, relative_anchor, by);
          b.add(end_point(h), end_point(x), h, relative_anchor, by);
        } else {
          b.add(end_point(h), start_point(x), h, relative_anchor);
        }
        break;
      case relative_date::relation::during:
        b.add(start_point(x), start_point(h), h, relative_anchor);
        b.add(end_point(h), end_point(x), h, relative_anchor);
        break;
    }
  }
  return std::move(b.out);
}

}  // namespace annals
