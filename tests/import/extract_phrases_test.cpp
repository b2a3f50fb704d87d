#include <catch2/catch.hpp>

#include "import/extract_phrases.hpp"

using namespace annals;
using namespace annals::extract;

namespace {

date_context news() {
  date_context c;
  c.reference = std::chrono::sys_days{std::chrono::year{2015} / 11 / 25};
  return c;
}

// The phrases of a sentence as written, without their leading signal.
std::vector<std::string> cores(std::string_view s) {
  std::vector<std::string> out;
  for (const found_phrase& f : find_phrases(s, news())) out.emplace_back(s.substr(f.core, f.end - f.core));
  return out;
}

}  // namespace

TEST_CASE("the longest span the grammar reads is the phrase, without the signal before it", "[extract]") {
  CHECK(cores("On November 23rd, the Russian President Vladimir Putin visited Tehran.") ==
            std::vector<std::string>{"November 23rd"});
  CHECK(cores("In the past week, cooperation became more active.") == std::vector<std::string>{"the past week"});
  CHECK(cores("He will visit Iran in mid-December.") == std::vector<std::string>{"mid-December"});
  CHECK(cores("Heavy rain fell on Monday, and by Tuesday evening the river rose.") ==
        std::vector<std::string>{"Monday", "Tuesday evening"});
  CHECK(cores("Talks ran from 23 to 25 November 2015 in Vienna.") == std::vector<std::string>{"23 to 25 November 2015"});
  CHECK(cores("Prices rose three days ago and again last week.") == std::vector<std::string>{"three days ago", "last week"});
  CHECK(cores("It opened in 1954 and closed in the 1990s.") == std::vector<std::string>{"1954", "the 1990s"});
  CHECK(cores("It has been shut since 2007.") == std::vector<std::string>{"2007"});
  CHECK(cores("It will reopen in 3 days.") == std::vector<std::string>{"in 3 days"});
  CHECK(cores("Last year's level fell below Friday's and this week\u2019s.") ==
        std::vector<std::string>{"Last year", "Friday", "this week"});
  CHECK(cores("It happened on the 23rd, in the summer.") == std::vector<std::string>{"the 23rd", "the summer"});
}

TEST_CASE("what the grammar reads but prose does not mean as a date is left out", "[extract]") {
  CHECK(cores("There may be some differences.").empty());
  CHECK(cores("May I add that 2,000 people came, 57% of them on foot, for $35 billion?").empty());
  CHECK(cores("Putin's visit to Tehran is his first in eight years.").empty());
  CHECK(cores("At the same time, Iraq is an observer.").empty());
  CHECK(cores("And then it rained; the spring was dry.").empty());
  CHECK(cores("The F-14 Tomcats and Mig-29 Fulcrums flew 1500 km.").empty());
  CHECK(cores("Recently, cooperation intensified.").empty());
  CHECK(cores("The deal was done within months.").empty());
  CHECK(cores("About 100 people came, around 300 left.").empty());
}

TEST_CASE("a phrase is anchored by what it names", "[extract]") {
  const auto f = find_phrases("In 2007 he came, two years later he left, last week he wrote, and on Friday he said so.", news());
  REQUIRE(f.size() == 4);
  CHECK(f[0].anchor == anchoring::absolute);
  CHECK(f[1].anchor == anchoring::anaphoric);
  CHECK(f[1].by == "two years");
  CHECK_FALSE(f[1].before);
  CHECK(f[2].anchor == anchoring::deictic);
  CHECK(f[3].anchor == anchoring::cyclic);
  CHECK(f[3].weekday);
  const auto next = find_phrases("The next day, they met.", news());
  REQUIRE(next.size() == 1);
  CHECK(next[0].by == "1 day");
  const auto earlier = find_phrases("A week earlier, they had met.", news());
  REQUIRE(earlier.size() == 1);
  CHECK(earlier[0].by == "a week");
  CHECK(earlier[0].before);
}

TEST_CASE("the tense of the verb nearest a phrase", "[extract]") {
  CHECK(tense_of("Officials said on Friday that it was over.") == tense::past);
  CHECK(tense_of("Leaders will meet on Friday.") == tense::future);
  CHECK(tense_of("The summit is due to open on Friday.") == tense::future);
  CHECK(tense_of("A vote is expected in September.") == tense::future);
  CHECK(tense_of("Russia plans to send weapons.") == tense::future);
  CHECK(tense_of("Iran supports its allies.") == tense::present);
  CHECK(tense_of("The rain stopped.") == tense::past);
  const std::string s = "On November 16th, the minister said that Russia plans to expand cooperation.";
  CHECK(tense_at(s, 0) == tense::past);
  CHECK(tense_at(s, s.find("cooperation")) == tense::future);
}

TEST_CASE("a first in N years or since a date is a claim", "[extract]") {
  CHECK(first_claim("Putin's visit to Tehran is his first in eight years.") == "in eight years");
  CHECK(first_claim("It was the first strike since 2011, he said.") == "since 2011");
  CHECK(first_claim("He came first.").empty());
}
