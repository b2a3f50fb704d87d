// The seed chronology and the visits to Iran through the loader, gaps and claims.

#include <catch2/catch.hpp>

#include "annals/claims.hpp"
#include "annals/gaps.hpp"
#include "annals/load.hpp"
#include "annals/order.hpp"

using namespace annals;

namespace {

timeline load_timeline(const std::string& name) {
  auto reader = make_disk_reader();
  load_result r = load({std::string(ANNALS_SOURCE_DIR) + "/timelines/" + name}, *reader, {});
  REQUIRE(count(r.diagnostics, severity::error) == 0);
  return std::move(r.tl);
}

chronology ordered(const timeline& tl) {
  std::vector<diagnostic> out;
  chronology c = order_events(tl, out);
  REQUIRE(count(out, severity::error) == 0);
  return c;
}

}  // namespace

TEST_CASE("the seed's visits to Tehran are 8 years, 1 month and 7 days (2960 days) apart", "[gaps][seed]") {
  const timeline tl = load_timeline("russia-iran-2015.yaml");
  const chronology c = ordered(tl);
  gap_options o;
  const selector_result s = parse_selector("kind=visit actor=putin place=tehran", tl);
  REQUIRE(s.ok());
  o.series = s.value;
  const gap_report r = find_gaps(tl, c, o);
  REQUIRE(r.gaps.size() == 1);
  CHECK(r.gaps[0].span.min_days == 2960);
  CHECK(r.gaps[0].span.max_days == 2960);
  CHECK(to_iso(r.gaps[0].span.shortest) == "P8Y1M7D");
  CHECK(gap_text(r.gaps[0].span) == "8 years, 1 month and 7 days");
}

TEST_CASE("the seed's claim 'first in eight years' holds", "[claims][seed]") {
  const timeline tl = load_timeline("russia-iran-2015.yaml");
  std::vector<diagnostic> out;
  check_claims(tl, ordered(tl), out);
  CHECK(out.empty());
}

TEST_CASE("Putin's visits to Iran come out as gaps between consecutive visits", "[gaps][seed]") {
  const timeline tl = load_timeline("putin-visits-iran.yaml");
  gap_options o;
  const series_keys_result keys = parse_series_keys("kind,actor");
  REQUIRE(keys.ok());
  o.by = keys.value;
  const gap_report r = find_gaps(tl, ordered(tl), o);
  REQUIRE_FALSE(r.gaps.empty());
  CHECK(r.gaps[0].span.min_days == 2960);
  std::vector<diagnostic> out;
  check_claims(tl, ordered(tl), out);
  CHECK(count(out, severity::error) == 0);
}
