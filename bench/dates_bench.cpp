// Nanoseconds per date for each form normalize_date reads (issue 3: plain ISO day dates
// at >= 10 million per second on one core, English phrases at >= 1 million per second).
//   build/bin/annals_bench

#include <benchmark/benchmark.h>

#include <array>
#include <string_view>

#include "annals/duration.hpp"
#include "annals/temporal.hpp"

namespace {

annals::date_context context(std::string_view tz = "") {
  annals::date_context c;
  c.reference = std::chrono::sys_days{std::chrono::year{2015} / 11 / 25};
  c.timezone = tz;
  return c;
}

template <std::size_t N>
void run(benchmark::State& state, const std::array<std::string_view, N>& texts, const annals::date_context& ctx) {
  std::size_t i = 0;
  for (auto _ : state) {
    annals::date_result r = annals::normalize_date(texts[i], ctx);
    benchmark::DoNotOptimize(r);
    if (++i == N) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void iso_day(benchmark::State& state) {
  run(state, std::array<std::string_view, 4>{"2015-11-23", "2007-10-16", "1917-11-07", "2024-02-29"}, context());
}
void iso_month_year(benchmark::State& state) {
  run(state, std::array<std::string_view, 2>{"2015-11", "2015"}, context());
}
void iso_time_offset(benchmark::State& state) {
  run(state, std::array<std::string_view, 2>{"2015-11-23T14:00:00+03:30", "2015-11-23T10:30Z"}, context());
}
void iso_time_zone(benchmark::State& state) {
  run(state, std::array<std::string_view, 1>{"2015-11-23T14:00"}, context("Asia/Tehran"));
}
void edtf_level1(benchmark::State& state) {
  run(state, std::array<std::string_view, 6>{"2015-12~", "201X", "2015-24", "1964/2008", "../1985", "Y-12000"},
      context());
}
void english_day(benchmark::State& state) {
  run(state, std::array<std::string_view, 4>{"23 November 2015", "November 23, 2015", "Nov. 23rd 2015", "the 23rd of November"},
      context());
}
void english_vague(benchmark::State& state) {
  run(state, std::array<std::string_view, 6>{"mid-December", "spring 2016", "the 1990s", "the 20th century", "c. 1500", "44 BC"},
      context());
}
void english_relative(benchmark::State& state) {
  run(state, std::array<std::string_view, 6>{"today", "the past week", "last month", "three weeks ago", "in 3 days",
                                             "between 2007 and 2015"},
      context());
}
void english_unparsed(benchmark::State& state) {
  run(state, std::array<std::string_view, 1>{"Novmber 23"}, context());
}
void duration_words(benchmark::State& state) {
  std::size_t i = 0;
  constexpr std::array<std::string_view, 3> texts{"P8Y1M7D", "eight years", "a week"};
  for (auto _ : state) {
    auto d = annals::parse_duration(texts[i]);
    benchmark::DoNotOptimize(d);
    if (++i == texts.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(iso_day);
BENCHMARK(iso_month_year);
BENCHMARK(iso_time_offset);
BENCHMARK(iso_time_zone);
BENCHMARK(edtf_level1);
BENCHMARK(english_day);
BENCHMARK(english_vague);
BENCHMARK(english_relative);
BENCHMARK(english_unparsed);
BENCHMARK(duration_words);

BENCHMARK_MAIN();
