#pragma once

// Builds timelines in code for the ordering and causality tests, until they
// can be written as inline YAML.

#include <chrono>
#include <date/date.h>
#include <string>
#include <string_view>

#include "annals/timeline.hpp"

namespace annals::test {

inline instant at(int y, unsigned m, unsigned d, int hours = 0) {
  return instant{date::sys_days{date::year{y} / m / d}.time_since_epoch() + std::chrono::hours{hours}};
}

/// `v` as the loader leaves a date: its bounds as written are its bounds (labels read them).
inline temporal_value stated(temporal_value v) {
  v.stated_earliest = v.earliest;
  v.stated_latest = v.latest;
  return v;
}

/// A whole day: 2015-11-23 is 2015-11-23T00:00:00 .. 2015-11-23T23:59:59.
inline temporal_value on(int y, unsigned m, unsigned d) {
  temporal_value v;
  v.earliest = at(y, m, d);
  v.latest = at(y, m, d) + std::chrono::days{1} - std::chrono::seconds{1};
  v.prec = precision::day;
  return stated(v);
}

/// A whole month.
inline temporal_value in_month(int y, unsigned m) {
  temporal_value v;
  v.earliest = at(y, m, 1);
  const date::sys_days last = date::year_month_day_last{date::year{y} / m / date::last};
  v.latest = instant{last.time_since_epoch() + std::chrono::days{1}} - std::chrono::seconds{1};
  v.prec = precision::month;
  return stated(v);
}

/// A whole year.
inline temporal_value in_year(int y) {
  temporal_value v;
  v.earliest = at(y, 1, 1);
  v.latest = at(y + 1, 1, 1) - std::chrono::seconds{1};
  v.prec = precision::year;
  return stated(v);
}

class timeline_builder {
 public:
  timeline_builder() { tl_.files.push_back({"input", no_symbol, "", std::nullopt, "", {}}); }

  /// Appends an event at line `events + 2`, column 5, as a YAML list item would be.
  event& add(std::string_view id, const temporal_value& date, std::string_view text) {
    event e;
    e.id = tl_.names.intern(id);
    e.title = tl_.store.store(id);
    e.date = date;
    e.date_text = tl_.store.store(text);
    e.pos = {0, static_cast<std::uint32_t>(tl_.events.size() + 2), 5};
    tl_.events.push_back(std::move(e));
    return tl_.events.back();
  }

  /// An event dated relative to another: `{after: anchor, by: ...}`.
  event& add_relative(std::string_view id, relative_date::relation rel, std::string_view anchor,
                      std::optional<duration> by, std::string_view text) {
    event& e = add(id, temporal_value{}, text);
    e.relative = tl_.store.store_one(relative_date{rel, tl_.names.intern(anchor), by});
    return e;
  }

  /// `from: {kind: [to]}`.
  timeline_builder& link(std::string_view from, link_kind kind, std::string_view to) {
    const symbol f = tl_.names.intern(from);
    for (event& e : tl_.events) {
      if (e.id == f) e.links = tl_.store.append(e.links, annals::link{kind, tl_.names.intern(to), {}});
    }
    return *this;
  }

  /// The timeline built; the builder is left empty.
  timeline build() {
    tl_.index_events();
    return std::move(tl_);
  }

 private:
  timeline tl_;
};

}  // namespace annals::test
