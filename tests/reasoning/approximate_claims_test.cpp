// Approximate claims (issue 21): `first_in: about 3 years`, `nearly`/`almost`, `more
// than`/`over`, `less than`/`under`, `at most`, with the tolerance README "Claims" gives,
// through the command line; a false one says what the dates show and what the words allow.

#include <catch2/catch.hpp>

#include "cli_run.hpp"

using annals::testing::cli_dir;
using annals::testing::run_cli;

namespace {

// Two sessions of the Majlis `gap` apart: the second claims `first_in: CLAIM`.
annals::testing::cli_result claim(const std::string& second, const std::string& words) {
  cli_dir dir("approximate-claims");
  dir.write("majlis.yaml", "events:\n"
                           "  - {id: first, title: The first Majlis is closed, date: 23 June 1908, kind: majlis}\n"
                           "  - id: second\n    title: The second Majlis opens\n    date: " + second +
                           "\n    kind: majlis\n    claims:\n      - first_in: " + words + "\n");
  return run_cli(dir, {"validate", "majlis.yaml"});
}

bool holds(const std::string& second, const std::string& words) { return claim(second, words).status == 0; }

}  // namespace

TEST_CASE("about N holds within a tenth of N, and at least half its largest unit", "[claims][approximate]") {
  CHECK(holds("15 May 1911", "about 3 years"));   // 2 years 10 months
  CHECK(holds("23 May 1911", "about three years"));
  CHECK(holds("23 December 1910", "about 3 years"));  // 2 years 6 months: the edge
  CHECK_FALSE(holds("22 December 1910", "about 3 years"));
  CHECK(holds("23 December 1911", "about 3 years"));  // 3 years 6 months
  CHECK_FALSE(holds("24 December 1911", "about 3 years"));
  CHECK(holds("23 June 1935", "about 30 years"));  // 27 years: a tenth of 30
  CHECK_FALSE(holds("22 June 1935", "about 30 years"));
  CHECK(holds("3 July 1908", "about 10 days"));  // 10 days, ± 1
  CHECK(holds("4 July 1908", "about 10 days"));
  CHECK_FALSE(holds("5 July 1908", "about 10 days"));
  CHECK(holds("2 July 1908", "around 10 days"));
  CHECK(holds("8 August 1908", "roughly 6 weeks"));  // 46 days, 42 ± 4
}

TEST_CASE("nearly N is at most a tenth short of N, never N", "[claims][approximate]") {
  CHECK(holds("15 May 1911", "nearly 3 years"));
  CHECK(holds("15 May 1911", "almost 3 years"));
  CHECK_FALSE(holds("23 June 1911", "nearly 3 years"));  // 3 years: not nearly
  CHECK_FALSE(holds("1 July 1911", "almost 3 years"));
}

TEST_CASE("more than, over, less than, under and at most are strict or not as they say", "[claims][approximate]") {
  CHECK(holds("24 June 1913", "more than 5 years"));
  CHECK_FALSE(holds("23 June 1913", "more than 5 years"));
  CHECK(holds("24 June 1913", "over 5 years"));
  CHECK(holds("22 June 1913", "less than 5 years"));
  CHECK_FALSE(holds("23 June 1913", "under 5 years"));
  CHECK(holds("23 June 1913", "at most 5 years"));
  CHECK_FALSE(holds("24 June 1913", "at most 5 years"));
  CHECK(holds("24 June 1913", "at least 5 years"));
}

TEST_CASE("a false approximate claim says what the dates show and what its words allow", "[claims][approximate]") {
  const auto r = claim("15 November 1909", "about 3 years");
  CHECK(r.status == 1);
  CHECK(r.out.find("majlis.yaml:8:19: error: claim 'first_in: about 3 years' does not hold: the gap from 'first' is "
                   "1 year, 4 months and 23 days (510 days); 'about 3 years' allows from 2 years and 6 months to 3 "
                   "years and 6 months [claim-mismatch]") != std::string::npos);
  const auto nearly = claim("23 June 1911", "nearly 3 years");
  CHECK(nearly.out.find("'nearly 3 years' allows from 2 years and 6 months up to, not including, 3 years") !=
        std::string::npos);
}

TEST_CASE("a bound without a duration after it is unparsed-duration with the forms", "[claims][approximate]") {
  const auto r = claim("1911", "about three");
  CHECK(r.status == 1);
  CHECK(r.out.find("cannot read 'about three' as a duration; write it as") != std::string::npos);
  CHECK(r.out.find("'about 8 years'") != std::string::npos);
}
