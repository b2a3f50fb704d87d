// Gaps over 1,000,000 events grouped by kind, actor and place (issue 5: O(n log n)).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>

#include "annals/gaps.hpp"

namespace {

using namespace annals;

struct fixture {
  timeline tl;
  chronology c;
};

// 8 kinds, 2,000 actors, 300 places; one or two actors an event; day-precision dates
// over 1900..2020 (fixed seed: the same events every run).
const fixture& million() {
  static const fixture f = [] {
    fixture f;
    constexpr std::size_t n = 1'000'000;
    std::mt19937_64 rng(42);
    std::vector<symbol> kinds, actors, places;
    // name(prefix, i), not prefix + to_string(i): GCC 12 warns falsely on the latter.
    auto name = [](const char* prefix, std::size_t i) {
      std::string s = prefix;
      s += std::to_string(i);
      return s;
    };
    for (int i = 0; i < 8; ++i) kinds.push_back(f.tl.names.intern(name("kind", i)));
    for (int i = 0; i < 2000; ++i) {
      actors.push_back(f.tl.names.intern(name("actor", i)));
      f.tl.actors.push_back(actor{actors.back(), "", "", {}});
    }
    for (int i = 0; i < 300; ++i) {
      places.push_back(f.tl.names.intern(name("place", i)));
      f.tl.places.push_back(place{places.back(), "", "", {}});
    }
    const std::int64_t first_day = -25567;  // 1900-01-01
    std::uniform_int_distribution<std::int64_t> day(first_day, first_day + 120 * 365);
    f.tl.events.resize(n);
    f.c.bounds.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      event& e = f.tl.events[i];
      e.id = f.tl.names.intern(name("e", i));
      e.kind = kinds[rng() % kinds.size()];
      e.place = places[rng() % places.size()];
      e.actors = f.tl.store.store({actors[rng() % actors.size()]});
      if (rng() % 4 == 0) e.actors = f.tl.store.append(e.actors, actors[rng() % actors.size()]);
      const instant start{std::chrono::seconds{day(rng) * 86400}};
      const instant end = start + std::chrono::seconds{86399};
      e.date.earliest = start;
      e.date.latest = end;
      f.c.bounds[i] = event_bounds{start, end, start, end};
    }
    f.c.order.resize(n);
    std::iota(f.c.order.begin(), f.c.order.end(), 0u);
    std::stable_sort(f.c.order.begin(), f.c.order.end(),
                     [&](auto a, auto b) { return f.c.bounds[a].start_min < f.c.bounds[b].start_min; });
    f.c.narrowed.assign(n, false);
    f.c.order_uncertain.assign(n, false);
    f.tl.index_events();
    return f;
  }();
  return f;
}

void gaps_by_kind_actor_place(benchmark::State& state) {
  const fixture& f = million();
  gap_options o;
  o.by = {series_key::kind, series_key::actor, series_key::place};
  std::size_t found = 0;
  for (auto _ : state) {
    const gap_report r = find_gaps(f.tl, f.c, o);
    found = r.gaps.size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["events"] = static_cast<double>(f.tl.events.size());
  state.counters["gaps"] = static_cast<double>(found);
}
BENCHMARK(gaps_by_kind_actor_place)->Unit(benchmark::kMillisecond)->Iterations(3);

void gaps_with_quiet_periods(benchmark::State& state) {
  const fixture& f = million();
  gap_options o;
  o.quiet = duration{0, 0, 2, 0};
  for (auto _ : state) {
    const gap_report r = find_gaps(f.tl, f.c, o);
    benchmark::DoNotOptimize(r.quiet.size());
  }
}
BENCHMARK(gaps_with_quiet_periods)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
