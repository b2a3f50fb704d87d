#pragma once

// Timelines built in code for the gaps and claims tests, with a chronology made
// straight from the stated bounds (ordered by earliest start, then file order).

#include <algorithm>
#include <initializer_list>
#include <numeric>
#include <string>

#include <date/date.h>

#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals::testing {

inline instant at(int y, unsigned m, unsigned d) {
  const auto days = date::sys_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count();
  return instant{std::chrono::seconds{std::int64_t{days} * 86400}};
}
inline std::chrono::sys_days day(int y, unsigned m, unsigned d) {
  return std::chrono::floor<std::chrono::days>(at(y, m, d));
}
inline instant end_of(instant day_start) { return day_start + std::chrono::seconds{86399}; }

/// A point event somewhere within [first day, last day].
inline event_bounds within(instant first, instant last) {
  return {first, end_of(last), first, end_of(last)};
}
/// One day.
inline event_bounds on(int y, unsigned m, unsigned d) { return within(at(y, m, d), at(y, m, d)); }
/// A span from one day to another.
inline event_bounds from_to(instant first, instant last) {
  return {first, end_of(first), last, end_of(last)};
}

struct timeline_builder {
  timeline tl;
  std::vector<event_bounds> bounds;

  timeline_builder() { tl.files.push_back(file_header{"input", no_symbol, "", {}, "", {}}); }

  event& add(std::string_view id, event_bounds b, std::string_view kind = "visit",
             std::initializer_list<std::string_view> actors = {"putin"}, std::string_view where = "tehran") {
    for (std::string_view a : actors) {
      const symbol s = tl.names.intern(a);
      if (std::none_of(tl.actors.begin(), tl.actors.end(), [&](const actor& x) { return x.id == s; })) {
        tl.actors.push_back(actor{s, std::string(a), "", {}});
      }
    }
    event e;
    e.id = tl.names.intern(id);
    e.title = tl.store.store(id);
    e.date.earliest = b.start_min;
    e.date.latest = b.end_max;
    e.date.stated_earliest = b.start_min;
    e.date.stated_latest = b.end_max;
    if (!kind.empty()) e.kind = tl.names.intern(kind);
    for (std::string_view a : actors) e.actors = tl.store.append(e.actors, tl.names.intern(a));
    if (!where.empty()) {
      e.place = tl.names.intern(where);
      if (std::none_of(tl.places.begin(), tl.places.end(), [&](const place& x) { return x.id == e.place; })) {
        tl.places.push_back(place{e.place, std::string(where), "", {}});
      }
    }
    e.pos = source_pos{0, static_cast<std::uint32_t>(tl.events.size() * 10 + 3), 5};
    tl.events.push_back(std::move(e));
    bounds.push_back(b);
    tl.index_events();
    return tl.events.back();
  }

  chronology chron() const {
    chronology c;
    c.bounds = bounds;
    c.order.resize(bounds.size());
    std::iota(c.order.begin(), c.order.end(), 0u);
    std::stable_sort(c.order.begin(), c.order.end(),
                     [&](auto a, auto b) { return bounds[a].start_min < bounds[b].start_min; });
    c.narrowed.assign(bounds.size(), false);
    c.order_uncertain.assign(bounds.size(), false);
    return c;
  }
};

}  // namespace annals::testing
