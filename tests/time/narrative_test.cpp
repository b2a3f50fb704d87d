// History prose read as narrative (`annals date TEXT --reference DATE --reading narrative`):
// a corpus of phrases as histories write them, each with the last date the text named
// and the interval a historian reads, checked by hand; run through the CLI.

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_run.hpp"

using namespace annals::testing;

namespace {

struct reading_case {
  const char* reference;
  const char* text;
  const char* earliest;  // as `annals date --format json` prints the bounds; "null" when open
  const char* latest;
};

// Hand-checked: 17 September 1862 was a Wednesday; 489 BC is astronomical -488, in the 480s
// BC (489-480 BC); the 5th century BC is 500-401 BC.
const reading_case corpus[] = {
    // A year-only reference: months, days and seasons fall in it, forward; it has no day.
    {"1862", "August", "1862-08-01", "1862-08-31"},
    {"1862", "in August", "1862-08-01", "1862-08-31"},
    {"1862", "on 3 March", "1862-03-03", "1862-03-03"},
    {"1862", "in March", "1862-03-01", "1862-03-31"},
    {"1862", "in the autumn", "1862-09-01", "1862-11-30"},
    {"1862", "in the late autumn", "1862-11-01", "1862-11-30"},
    {"1862", "that winter", "1862-12-01", "1863-02-28"},
    {"1862", "August of that year", "1862-08-01", "1862-08-31"},
    {"1862", "in August that year", "1862-08-01", "1862-08-31"},
    {"1862", "the spring of that year", "1862-03-01", "1862-05-31"},
    {"1862", "the summer of the same year", "1862-06-01", "1862-08-31"},
    {"1862", "the following spring", "1863-03-01", "1863-05-31"},
    {"1862", "the following year", "1863-01-01", "1863-12-31"},
    {"1862", "the same year", "1862-01-01", "1862-12-31"},
    {"1862", "the year before", "1861-01-01", "1861-12-31"},
    {"1862", "two years later", "1864-01-01", "1864-12-31"},
    {"1862", "two years before", "1860-01-01", "1860-12-31"},
    {"1862", "the previous April", "1861-04-01", "1861-04-30"},
    {"1862", "that same day", "1862-01-01", "1862-12-31"},
    {"1862", "the next day", "1862-01-02", "1863-01-01"},
    {"1862", "a month later", "1862-02-01", "1863-01-31"},
    {"1862", "by the end of the year", "null", "1862-12-31"},
    {"1862", "early the next year", "1863-01-01", "1863-04-30"},
    {"1862", "the following decade", "1870-01-01", "1879-12-31"},
    // A day: the narrative moves forward from it.
    {"17 September 1862", "that same day", "1862-09-17", "1862-09-17"},
    {"17 September 1862", "the same day", "1862-09-17", "1862-09-17"},
    {"17 September 1862", "that day", "1862-09-17", "1862-09-17"},
    {"17 September 1862", "later that day", "1862-09-17", "1862-09-17"},
    {"17 September 1862", "at that time", "1862-09-17", "1862-09-17"},
    {"17 September 1862", "the next day", "1862-09-18", "1862-09-18"},
    {"17 September 1862", "the next morning", "1862-09-18T06:00:00Z", "1862-09-18T11:59:59Z"},
    {"17 September 1862", "that evening", "1862-09-17T18:00:00Z", "1862-09-17T23:59:59Z"},
    {"17 September 1862", "three days earlier", "1862-09-14", "1862-09-14"},
    {"17 September 1862", "two days after", "1862-09-19", "1862-09-19"},
    {"17 September 1862", "a few days later", "1862-09-19", "1862-09-21"},
    {"17 September 1862", "some weeks later", "1862-09-29", "1862-11-23"},
    {"17 September 1862", "within a week", "1862-09-17", "1862-09-24"},
    {"17 September 1862", "the week after", "1862-09-22", "1862-09-28"},
    {"17 September 1862", "the next three days", "1862-09-18", "1862-09-20"},
    {"17 September 1862", "later that month", "1862-09-17", "1862-09-30"},
    {"17 September 1862", "earlier that year", "1862-01-01", "1862-09-17"},
    {"17 September 1862", "a month later", "1862-10-01", "1862-10-31"},
    {"17 September 1862", "two years later", "1864-01-01", "1864-12-31"},
    {"17 September 1862", "in September", "1862-09-01", "1862-09-30"},
    {"17 September 1862", "in December", "1862-12-01", "1862-12-31"},
    {"17 September 1862", "in March", "1863-03-01", "1863-03-31"},
    {"17 September 1862", "on 3 March", "1863-03-03", "1863-03-03"},
    {"17 September 1862", "on 20 September", "1862-09-20", "1862-09-20"},
    {"17 September 1862", "that August", "1862-08-01", "1862-08-31"},
    {"17 September 1862", "the previous April", "1862-04-01", "1862-04-30"},
    {"17 September 1862", "the following spring", "1863-03-01", "1863-05-31"},
    {"17 September 1862", "during the following winter", "1862-12-01", "1863-02-28"},
    {"17 September 1862", "on Monday", "1862-09-22", "1862-09-22"},
    {"17 September 1862", "the following Monday", "1862-09-22", "1862-09-22"},
    {"17 September 1862", "the previous Monday", "1862-09-15", "1862-09-15"},
    {"17 September 1862", "the end of that year", "1862-09-01", "1862-12-31"},
    {"17 September 1862", "early the following year", "1863-01-01", "1863-04-30"},
    {"17 September 1862", "the spring of the following year", "1863-03-01", "1863-05-31"},
    {"17 September 1862", "the next two years", "1863-01-01", "1864-12-31"},
    {"17 September 1862", "the night before", "1862-09-16T18:00:00Z", "1862-09-17T05:59:59Z"},
    {"17 September 1862", "the morning after", "1862-09-18T06:00:00Z", "1862-09-18T11:59:59Z"},
    {"17 September 1862", "in the evening", "1862-09-17T18:00:00Z", "1862-09-17T23:59:59Z"},
    {"17 September 1862", "that same evening", "1862-09-17T18:00:00Z", "1862-09-17T23:59:59Z"},
    {"17 September 1862", "on the 19th", "1862-09-19", "1862-09-19"},
    {"17 September 1862", "on the 10th", "1862-10-10", "1862-10-10"},
    {"17 September 1862", "a fortnight later", "1862-09-29", "1862-10-05"},
    {"17 September 1862", "years later", "1864-01-01", "1871-12-31"},
    {"17 September 1862", "the next few days", "1862-09-18", "1862-09-21"},
    {"17 September 1862", "the following weeks", "1862-09-22", "1862-11-23"},
    {"17 September 1862", "later in 1863", "1863-01-01", "1863-12-31"},
    {"17 September 1862", "later in 1862", "1862-09-17", "1862-12-31"},
    {"17 September 1862", "later that autumn", "1862-09-17", "1862-11-30"},
    {"17 September 1862", "late that autumn", "1862-11-01", "1862-11-30"},
    {"17 September 1862", "by that time", "null", "1862-09-17"},
    {"17 September 1862", "towards the end of the month", "1862-09-21", "1862-09-30"},
    {"17 September 1862", "late in the year", "1862-09-01", "1862-12-31"},
    {"17 September 1862", "the following year", "1863-01-01", "1863-12-31"},
    {"17 September 1862", "in the following year", "1863-01-01", "1863-12-31"},
    {"17 September 1862", "the month before", "1862-08-01", "1862-08-31"},
    {"17 September 1862", "Christmas Day", "1862-12-25", "1862-12-25"},
    {"17 September 1862", "within weeks", "1862-09-17", "1862-11-19"},
    {"17 September 1862", "for the next two years", "1863-01-01", "1864-12-31"},
    {"17 September 1862", "over the next few weeks", "1862-09-22", "1862-10-19"},
    {"17 September 1862", "in the months that followed", "1862-10-01", "1863-06-30"},
    {"17 September 1862", "the year that followed", "1863-01-01", "1863-12-31"},
    {"17 September 1862", "that Sunday", "1862-09-21", "1862-09-21"},
    {"17 September 1862", "less than a month later", "1862-09-17", "1862-10-17"},
    {"17 September 1862", "nearly two years later", "1863-01-01", "1865-12-31"},
    {"17 September 1862", "in the new year", "1863-01-01", "1863-12-31"},
    {"17 September 1862", "early in the new year", "1863-01-01", "1863-04-30"},
    {"17 September 1862", "the rest of the year", "1862-09-17", "1862-12-31"},
    {"17 September 1862", "the end of the decade", "1867-01-01", "1869-12-31"},
    {"489 BC", "the end of the decade", "-0481-01-01", "-0479-12-31"},  // 482-480 BC
    {"17 September 1862", "the last week of that month", "1862-09-24", "1862-09-30"},
    {"17 September 1862", "the first Monday of the following month", "1862-10-06", "1862-10-06"},
    {"17 September 1862", "the last day of the previous year", "1861-12-31", "1861-12-31"},
    {"17 September 1862", "by then", "null", "1862-09-17"},
    {"17 September 1862", "early the following morning", "1862-09-18T06:00:00Z", "1862-09-18T11:59:59Z"},
    {"17 September 1862", "late that night", "1862-09-17T18:00:00Z", "1862-09-18T05:59:59Z"},
    {"17 September 1862", "early on 18 September", "1862-09-18", "1862-09-18"},
    {"17 September 1862", "late that year", "1862-09-01", "1862-12-31"},
    // A month, a season.
    {"August 1862", "the next day", "1862-08-02", "1862-09-01"},
    {"August 1862", "that same day", "1862-08-01", "1862-08-31"},
    {"August 1862", "the following month", "1862-09-01", "1862-09-30"},
    {"August 1862", "in September", "1862-09-01", "1862-09-30"},
    {"August 1862", "in July", "1863-07-01", "1863-07-31"},
    {"January 1863", "that winter", "1862-12-01", "1863-02-28"},
    {"March 1863", "the preceding winter", "1862-12-01", "1863-02-28"},
    {"winter 1862", "in February", "1863-02-01", "1863-02-28"},
    // Before Christ: decades and centuries as they are named.
    {"489 BC", "the following decade", "-0478-01-01", "-0469-12-31"},
    {"489 BC", "the previous decade", "-0498-01-01", "-0489-12-31"},
    {"489 BC", "the following century", "-0399-01-01", "-0300-12-31"},
    {"489 BC", "ten years later", "-0478-01-01", "-0478-12-31"},
    {"489 BC", "the next year", "-0487-01-01", "-0487-12-31"},
    {"489 BC", "late autumn of 481 BC", "-0480-11-01", "-0480-11-30"},
    {"489 BC", "in the 480s BC", "-0488-01-01", "-0479-12-31"},
    {"489 BC", "in the 1480s BC", "-1488-01-01", "-1479-12-31"},
    {"489 BC", "in the 5th century BC", "-0499-01-01", "-0400-12-31"},
    // Absolute dates and parts of them read as in news.
    {"1905", "the first half of 1905", "1905-01-01", "1905-06-30"},
    {"2007", "the latter half of 2008", "2008-07-01", "2008-12-31"},
    {"2007", "the latter half of the year", "2007-07-01", "2007-12-31"},
    {"1916", "early spring of 1917", "1917-03-01", "1917-03-31"},
    {"1916", "the latter part of 1917", "1917-09-01", "1917-12-31"},
    {"1916", "towards the end of 1917", "1917-09-01", "1917-12-31"},
};

// The bounds `annals date` prints for each text, one run per reference.
std::map<std::string, std::pair<std::string, std::string>> read_all(const std::string& reference,
                                                                     const std::vector<std::string>& texts,
                                                                     const std::string& reading = "narrative") {
  cli_dir dir("narrative");
  std::vector<std::string> args{"date"};
  args.insert(args.end(), texts.begin(), texts.end());
  for (const char* a : {"--reference", reference.c_str(), "--reading", reading.c_str(), "--format", "json"})
    args.emplace_back(a);
  const cli_result r = run_cli(dir, args);
  std::map<std::string, std::pair<std::string, std::string>> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const auto j = nlohmann::json::parse(line);
    const auto bound = [&](const char* k) { return j.contains(k) ? (j[k].is_null() ? "null" : j[k].get<std::string>()) : "error"; };
    out[j["input"].get<std::string>()] = {bound("earliest"), bound("latest")};
  }
  return out;
}

}  // namespace

TEST_CASE("history prose read as narrative reads each phrase of the corpus to its hand-checked interval",
          "[narrative]") {
  std::map<std::string, std::vector<std::string>> by_reference;
  for (const reading_case& c : corpus) by_reference[c.reference].push_back(c.text);
  std::map<std::string, std::map<std::string, std::pair<std::string, std::string>>> read;
  for (const auto& [reference, texts] : by_reference) read[reference] = read_all(reference, texts);
  for (const reading_case& c : corpus) {
    INFO(c.text << " after " << c.reference);
    const auto& got = read[c.reference][c.text];
    CHECK(got.first == c.earliest);
    CHECK(got.second == c.latest);
  }
}

TEST_CASE("news reading keeps its rule: a month without a year looks back from the reference", "[narrative]") {
  auto news = read_all("1862", {"August"}, "news");
  CHECK(news["August"] == std::make_pair(std::string("1861-08-01"), std::string("1861-08-31")));
  news = read_all("2015-11-25", {"March", "April", "the next day", "on the 19th", "on the 26th"}, "news");
  CHECK(news["on the 19th"] == std::make_pair(std::string("2015-11-19"), std::string("2015-11-19")));
  CHECK(news["on the 26th"] == std::make_pair(std::string("2015-10-26"), std::string("2015-10-26")));
  CHECK(news["March"] == std::make_pair(std::string("2016-03-01"), std::string("2016-03-31")));
  CHECK(news["April"] == std::make_pair(std::string("2015-04-01"), std::string("2015-04-30")));
  CHECK(news["the next day"] == std::make_pair(std::string("2015-11-26"), std::string("2015-11-26")));
}

TEST_CASE("a reference without a day gives the next day no false day, in either reading", "[narrative]") {
  cli_dir dir("narrative-label");
  const cli_result r = run_cli(dir, {"date", "the next day", "--reference", "1862"});
  CHECK(r.status == 0);
  CHECK(r.out == "the next day: from 1862-01-02 to 1863-01-01, to the day: 2 Jan 1862 – 1 Jan 1863\n");
}

TEST_CASE("an unknown --reading is a usage error naming both readings", "[narrative]") {
  cli_dir dir("narrative-usage");
  const cli_result r = run_cli(dir, {"date", "August", "--reference", "1862", "--reading", "novel"});
  CHECK(r.status == 2);
  CHECK(r.err.find("unknown reading 'novel' (use news or narrative)") != std::string::npos);
}

TEST_CASE("an anaphor needs a reference like any relative date", "[narrative]") {
  cli_dir dir("narrative-missing");
  const cli_result r = run_cli(dir, {"date", "that same day", "--reference", "August", "--reading", "narrative"});
  CHECK(r.status == 2);
  CHECK(r.err.find("invalid --reference 'August'") != std::string::npos);
}

TEST_CASE("a count beyond the range annals supports is invalid-date, never a wrapped year", "[narrative]") {
  cli_dir dir("narrative-range");
  for (const char* text : {"1000000000 centuries later", "the next 1000000000 centuries", "within 1000000000 centuries"}) {
    INFO(text);
    const cli_result r = run_cli(dir, {"date", text, "--reference", "Y17000000", "--reading", "narrative"});
    CHECK(r.status == 1);
    CHECK(r.err.find("is beyond the range annals supports [invalid-date]") != std::string::npos);
  }
}

TEST_CASE("a month without a year is looked for in the years of its own calendar, in the reference's calendar",
          "[narrative]") {
  // After 14 Jumada II 1324 AH (5 Aug 1906), Shawwal is Shawwal 1324, not of the year
  // 1906 AH; a Julian reference keeps its calendar; a Gregorian month is still read.
  auto story = read_all("14 Jumada al-Thani 1324 AH", {"in Shawwal", "1 Ramadan", "the next day", "in March"},
                        "narrative");
  CHECK(story["in Shawwal"] == std::make_pair(std::string("1906-11-18"), std::string("1906-12-16")));
  CHECK(story["1 Ramadan"] == std::make_pair(std::string("1906-10-19"), std::string("1906-10-19")));
  CHECK(story["the next day"] == std::make_pair(std::string("1906-08-06"), std::string("1906-08-06")));
  CHECK(story["in March"] == std::make_pair(std::string("1907-03-01"), std::string("1907-03-31")));
  cli_dir dir("narrative-calendar");
  const cli_result os = run_cli(dir, {"date", "the next day", "--reference", "25 October 1917 O.S.", "--reading",
                                      "narrative"});
  CHECK(os.out == "the next day: 1917-11-08, to the day, read in the julian calendar: 26 Oct 1917 (Julian) = 8 Nov 1917\n");
  const cli_result persian = run_cli(dir, {"date", "Farvardin", "--reference", "2015-11-25", "--calendar", "solar_hijri"});
  CHECK(persian.out.find("from 2016-03-20 to 2016-04-19") != std::string::npos);
}
