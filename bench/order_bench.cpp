// Orders 1,000,000 events joined by 300,000 links (issue 4: under 2 s); and the same on
// one day, where every link is decided among events at one position (issue 20).
// Built with the project, run by hand: build/bin/order_bench
#include <benchmark/benchmark.h>

#include <chrono>
#include <random>
#include <string>

#include "annals/order.hpp"

namespace {

annals::timeline make_timeline(std::size_t events, std::size_t links, bool one_day = false) {
  using namespace std::chrono;
  annals::timeline tl;
  tl.files.push_back({"bench", annals::no_symbol, "", std::nullopt, "", {}});
  tl.events.reserve(events);
  std::mt19937_64 rng(42);  // fixed: the same timeline every run
  const annals::instant base{sys_days{days{16000}}.time_since_epoch()};
  for (std::size_t i = 0; i < events; ++i) {
    annals::event e;
    std::string id = "e";
    id += std::to_string(i);
    e.id = tl.names.intern(id);
    // Dates rise with the index, a day to a year wide: links go forward in time.
    // On one day: all start together, and a link's later event is written first half the time.
    const auto start = one_day ? base : base + hours{static_cast<long>(i)};
    const auto width = one_day ? days{1} : days{1 + static_cast<long>(rng() % 365)};
    e.date.earliest = start;
    e.date.latest = start + width - seconds{1};
    tl.events.push_back(std::move(e));
  }
  const annals::link_kind kinds[] = {annals::link_kind::causes, annals::link_kind::caused_by,
                                     annals::link_kind::after, annals::link_kind::before};
  for (std::size_t k = 0; k < links; ++k) {
    std::size_t a = rng() % events;
    const std::size_t span = 1 + rng() % 1000;
    std::size_t b = a + span < events ? a + span : events - 1;
    if (a == b) continue;
    const annals::link_kind kind = kinds[k % 4];
    if (one_day && k % 2) std::swap(a, b);
    // Every link orders the earlier event `a` before the later `b`.
    const bool held_by_later = kind == annals::link_kind::caused_by || kind == annals::link_kind::after;
    annals::event& holder = tl.events[held_by_later ? b : a];
    const annals::symbol target = tl.events[held_by_later ? a : b].id;
    holder.links = tl.store.append(holder.links, annals::link{kind, target, {}});
  }
  tl.index_events();
  return tl;
}

// Arg 1: every event on one day, so that links decide the order among them.
void order_a_million_events(benchmark::State& state) {
  const annals::timeline tl = make_timeline(1'000'000, 300'000, state.range(0) != 0);
  std::size_t problems = 0;
  for (auto _ : state) {
    std::vector<annals::diagnostic> out;
    const annals::chronology ch = annals::order_events(tl, out);
    benchmark::DoNotOptimize(ch.order.data());
    problems = out.size();
  }
  state.counters["diagnostics"] = static_cast<double>(problems);
}

}  // namespace

BENCHMARK(order_a_million_events)->ArgName("one_day")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_MAIN();
