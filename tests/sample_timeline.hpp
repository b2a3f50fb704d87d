#pragma once

// A timeline built in memory for the renderer tests: the seed chronology of
// russia-iran-2015 plus hostile titles, vague and BC dates, so that renderer tests
// need neither the loader nor the ordering pass.

#include <algorithm>
#include <chrono>
#include <numeric>
#include <string>

#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals::testing {

inline instant day_start(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return instant{sys_days{year{y} / month{m} / day{d}}.time_since_epoch()};
}

/// A date stated as [first, last] at precision `p`, as the readers build one.
inline temporal_value stated(instant first, instant last, precision p) {
  temporal_value v;
  v.earliest = v.stated_earliest = first;
  v.latest = v.stated_latest = last;
  v.prec = p;
  v.start = v.end = date_end{p, qualifier::none, end_kind::known};
  return v;
}

inline temporal_value day_value(int y, unsigned m, unsigned d) {
  return stated(day_start(y, m, d), day_start(y, m, d) + std::chrono::seconds{86399}, precision::day);
}

inline temporal_value days_value(instant from, instant last_day_start, precision p = precision::day) {
  return stated(from, last_day_start + std::chrono::seconds{86399}, p);
}

/// Builds the timeline and a chronology in order of earliest start.
struct sample {
  timeline tl;
  chronology chron;

  explicit sample(std::string title = "Russia and Iran, November 2015") {
    tl.files.push_back({"sample.yaml", tl.names.intern("sample"), std::move(title), std::chrono::sys_days{std::chrono::year{2015} / 11 / 25}, "", {}});
  }

  symbol actor(std::string_view id, std::string name) {
    const symbol s = tl.names.intern(id);
    tl.actors.push_back({s, std::move(name), "", {}});
    return s;
  }
  symbol place(std::string_view id, std::string name, std::string country) {
    const symbol s = tl.names.intern(id);
    tl.places.push_back({s, std::move(name), std::move(country), {}});
    return s;
  }
  event& add(std::string_view id, std::string title, temporal_value date, std::string_view kind = {},
             std::vector<symbol> actors = {}) {
    event e;
    e.id = tl.names.intern(id);
    e.title = tl.store.store(title);
    e.date = date;
    e.kind = kind.empty() ? no_symbol : tl.names.intern(kind);
    e.actors = tl.store.store(std::span<const symbol>(actors));
    tl.events.push_back(std::move(e));
    return tl.events.back();
  }
  void link_to(std::string_view from, link_kind k, std::string_view to) {
    tl.index_events();
    event& e = tl.events[*tl.find_event(from)];
    e.links = tl.store.append(e.links, link{k, tl.names.intern(to), {}});
  }
  /// Indexes the events and orders them by start; every event bounded by its stated date.
  void finish() {
    tl.index_events();
    chron.order.resize(tl.events.size());
    std::iota(chron.order.begin(), chron.order.end(), 0U);
    std::stable_sort(chron.order.begin(), chron.order.end(), [&](auto a, auto b) {
      return tl.events[a].date.earliest < tl.events[b].date.earliest;
    });
    chron.bounds.clear();
    for (const auto& e : tl.events) chron.bounds.push_back({e.date.earliest, e.date.latest, e.date.earliest, e.date.latest});
    chron.position.clear();
    for (std::size_t i = 0; i < tl.events.size(); ++i) chron.position.push_back(position_of(tl.events[i], chron.bounds[i]));
    chron.narrowed.assign(tl.events.size(), false);
    chron.order_uncertain.assign(tl.events.size(), false);
  }
};

/// The seed chronology: Putin's visits to Tehran and what surrounded the second.
inline sample seed_sample() {
  sample s;
  const symbol putin = s.actor("putin", "Vladimir Putin");
  const symbol siluanov = s.actor("siluanov", "Anton Siluanov");
  const symbol manturov = s.actor("manturov", "Denis Manturov");
  const symbol iran = s.actor("iran-air-force", "Iranian Air Force");
  const symbol mohtashami = s.actor("mohtashami", "Mehdi Mohtashami");
  const symbol tehran = s.place("tehran", "Tehran", "Iran");
  s.tl.sources.push_back({s.tl.names.intern("seed"), "Putin's visit to Tehran", "https://example.org/article", "", {}});
  event& first = s.add("putin-tehran-2007", "Putin attends the Caspian summit in Tehran", day_value(2007, 10, 16), "visit", {putin});
  first.place = tehran;
  event& visit = s.add("putin-tehran-2015", "Putin visits Tehran for the GECF summit", day_value(2015, 11, 23), "visit", {putin});
  visit.place = tehran;
  visit.sources = s.tl.store.store({s.tl.names.intern("seed")});
  visit.description = "His first visit in eight years; he meets President Rouhani and Ayatollah Khamenei.";
  s.add("ban-lifted", "Decree lifts the ban on supplying goods to Iran", day_value(2015, 11, 23), "decree", {putin});
  s.add("escort", "Iranian fighters escort Russian bombers over Iran",
        days_value(day_start(2015, 11, 18), day_start(2015, 11, 25)), "military", {iran});
  s.add("credit-line", "Siluanov: Russia plans to expand cooperation with Iran", day_value(2015, 11, 16), "statement", {siluanov});
  s.add("bank-proposal", "Iran backs a Russian–Iranian investment bank", day_value(2015, 11, 23), "statement", {mohtashami});
  s.add("manturov-visit", "Manturov leads a trade delegation to Iran",
        days_value(day_start(2015, 12, 11), day_start(2015, 12, 20)), "visit", {manturov});
  s.link_to("ban-lifted", link_kind::caused_by, "putin-tehran-2015");
  s.link_to("bank-proposal", link_kind::responds_to, "credit-line");
  s.link_to("manturov-visit", link_kind::after, "putin-tehran-2015");
  s.finish();
  // The decree follows the visit: its bounds narrowed to the afternoon of the 23rd.
  const auto d = *s.tl.find_event("ban-lifted");
  s.chron.narrowed[d] = true;
  s.chron.bounds[d].start_min = day_start(2015, 11, 23) + std::chrono::hours{12};
  s.chron.order_uncertain[d] = true;
  return s;
}

}  // namespace annals::testing
