// Issue 14's families of English date phrases, one test case each. Cases come from the
// peers' published test suites, pinned:
//   [DUC] facebook/duckling @2c226585, Duckling/Time/EN/Corpus.hs (reference 2013-02-12, a Tuesday)
//   [CHR] wanasit/chrono @82c0e5bc, test/en/*.test.ts
//   [SUT] stanfordnlp/CoreNLP @1b7edd19, itest/src/edu/stanford/nlp/time/SUTimeITest.java
//   [HT]  HeidelTime: CoreNLP HeidelTimeITest.java, and the EXAMPLE comments of
//         HeidelTime/heideltime @4ef5002e resources/english/rules/resources_rules_daterules.txt
//   [NEWS] the issue's own cases from news text, reference Wed 2015-11-25 (the seed article's day)
// Each expectation is annals' interval. Where a peer's rule differs (it reads a bare month
// forward, or "this Monday" as the next one) the case says so and gives annals' reading.

#include <catch2/catch.hpp>

#include "annals/temporal.hpp"
#include "time/date_label.hpp"

using namespace annals;

namespace {

date_context at(int y, unsigned m, unsigned d, std::string_view tz = {}) {
  date_context c;
  c.reference = std::chrono::sys_days{std::chrono::year{y} / m / d};
  c.timezone = tz;
  return c;
}

const date_context news = at(2015, 11, 25);
const date_context duckling = at(2013, 2, 12, "UTC");

// "first .. last precision", or "code@offset".
std::string read(std::string_view text, const date_context& ctx = news) {
  const date_result r = normalize_date(text, ctx);
  if (!r.ok()) return r.error->code + "@" + std::to_string(r.error->offset);
  auto b = [&](instant t) { return t == open_start || t == open_end ? std::string("..") : format_bound(t, r.value.prec, r.value.tz); };
  return b(r.value.earliest) + " " + b(r.value.latest);
}

std::string label(std::string_view text, const date_context& ctx = news) {
  const date_result r = normalize_date(text, ctx);
  REQUIRE(r.ok());
  return date_label(r.value);
}

}  // namespace

TEST_CASE("1 weekdays: the nearest within three days, last/next strictly before/after", "[date_families]") {
  CHECK(read("on Monday") == "2015-11-23 2015-11-23");                    // [NEWS]
  CHECK(read("Monday", at(2012, 8, 9)) == "2012-08-06 2012-08-06");       // [CHR] en_weekday.test.ts:5
  CHECK(read("Sunday", at(2012, 8, 9)) == "2012-08-12 2012-08-12");       // [CHR] en_weekday.test.ts:36
  CHECK(read("last Friday", at(2012, 8, 9)) == "2012-08-03 2012-08-03");  // [CHR] en_weekday.test.ts:49
  CHECK(read("Last Saturday", at(2022, 8, 2)) == "2022-07-30 2022-07-30");  // [CHR] en_weekday.test.ts:146
  CHECK(read("last sunday", duckling) == "2013-02-10 2013-02-10");        // [DUC] Corpus.hs:411
  CHECK(read("last tuesday", duckling) == "2013-02-05 2013-02-05");       // [DUC] Corpus.hs:416
  CHECK(read("next tuesday", duckling) == "2013-02-19 2013-02-19");       // [DUC] Corpus.hs:312
  CHECK(read("next monday", at(2010, 11, 23)) == "2010-11-29 2010-11-29");  // [SUT] testResolve2
  CHECK(read("this friday", at(2010, 11, 23)) == "2010-11-26 2010-11-26");  // [SUT] testResolve2
  CHECK(read("Thursday", at(1995, 7, 20)) == "1995-07-20 1995-07-20");    // [SUT] SUTimeITest.java:470
  CHECK(read("this weekend", at(2024, 10, 18)) == "2024-10-19 2024-10-20");  // [CHR] 'weekend' test, lines 225-236
  CHECK(read("last weekend", at(2024, 10, 18)) == "2024-10-12 2024-10-13");
  CHECK(read("next weekend", at(2024, 10, 18)) == "2024-10-26 2024-10-27");
  CHECK(read("over the weekend") == "2015-11-21 2015-11-22");             // [NEWS]: the weekend past
  CHECK(read("Monday, November 23, 2015") == "2015-11-23 2015-11-23");
  CHECK(read("Tuesday, November 23, 2015") == "invalid-date@0");
}

TEST_CASE("2 offsets read against the reference", "[date_families]") {
  CHECK(read("the day after tomorrow", duckling) == "2013-02-14 2013-02-14");   // [DUC] Corpus.hs:439
  CHECK(read("the day before yesterday", duckling) == "2013-02-10 2013-02-10");  // [DUC] Corpus.hs:445
  CHECK(read("three months ago", duckling) == "2012-11-01 2012-11-30");         // [DUC] Corpus.hs:771 (the month)
  CHECK(read("2 days later", at(2012, 8, 10)) == "2012-08-12 2012-08-12");      // [CHR] en_time_units_later:6
  CHECK(read("5 days from now", at(2012, 8, 10)) == "2012-08-15 2012-08-15");   // [CHR] en_time_units_later:73
  CHECK(read("10 days ago", at(2012, 8, 10)) == "2012-07-31 2012-07-31");       // [CHR] en_time_units_ago:19
  CHECK(read("next day", at(2016, 10, 1)) == "2016-10-02 2016-10-02");          // [CHR] en_relative:98
  CHECK(read("two days ago", at(2010, 2, 17)) == "2010-02-15 2010-02-15");      // [SUT] SUTimeITest.java:120
  CHECK(read("the next day") == "2015-11-26 2015-11-26");                       // [NEWS]
  CHECK(read("the following week") == "2015-11-30 2015-12-06");
  CHECK(read("a year earlier") == "2014-01-01 2014-12-31");
  CHECK(read("the previous year") == "2014-01-01 2014-12-31");
  CHECK(read("a decade ago") == "2005-01-01 2005-12-31");                       // the year a decade back
}

TEST_CASE("3 ranges share their parts, an en dash is a hyphen", "[date_families]") {
  CHECK(read("23-25 November") == "2015-11-23 2015-11-25");  // [NEWS]
  CHECK(read("23\u201325 November") == "2015-11-23 2015-11-25");
  CHECK(read("November 23-25, 2015") == "2015-11-23 2015-11-25");
  CHECK(read("Nov. 23 to 25") == "2015-11-23 2015-11-25");
  CHECK(read("23 November to 2 December 2015") == "2015-11-23 2015-12-02");
  CHECK(read("March to May 2015") == "2015-03-01 2015-05-31");
  CHECK(read("from May to December 2022") == "2022-05-01 2022-12-31");
  CHECK(read("between November 2014 and March") == "2014-11-01 2015-03-31");
  // [DUC] Corpus.hs:1084-1112, 1419-1428; Duckling reads a month forward (2013), annals' year rule gives 2012.
  CHECK(read("July 13-15", duckling) == "2012-07-13 2012-07-15");
  CHECK(read("July 13 - July 15", duckling) == "2012-07-13 2012-07-15");
  CHECK(read("from the 13th to the 15th of July", duckling) == "2012-07-13 2012-07-15");
  CHECK(read("23rd to 26th Oct", duckling) == "2012-10-23 2012-10-26");
  CHECK(read("1-8 september", duckling) == "2012-09-01 2012-09-08");
  CHECK(read("10 - 22 August 2012") == "2012-08-10 2012-08-22");                         // [CHR] little_endian:154
  CHECK(read("10 August - 12 September", at(2012, 8, 10)) == "2012-08-10 2012-09-12");   // [CHR] little_endian:192
  CHECK(read("Eighth to eleventh May 2010") == "2010-05-08 2010-05-11");                 // [CHR] little_endian:311
  CHECK(read("August 10 - 22, 2012") == "2012-08-10 2012-08-22");                        // [CHR] middle_endian:177
  CHECK(read("May eighth - tenth, 2010") == "2010-05-08 2010-05-10");                    // [CHR] middle_endian:313
  CHECK(read("From May to December", at(2023, 4, 9)) == "2023-05-01 2023-12-31");        // [CHR] en_month:140
  CHECK(read("From December to May", at(2023, 4, 9)) == "2022-12-01 2023-05-31");        // [CHR] en_month:147
  CHECK(read("From December to May 2022") == "2021-12-01 2022-05-31");                   // [CHR] en_month:161
  CHECK(label("23-25 November") == "23\u201325 Nov 2015");
  CHECK(read("25-23 November") == "invalid-date@14");
}

TEST_CASE("4 quarters and halves", "[date_families]") {
  CHECK(read("Q3 2015") == "2015-07-01 2015-09-30");  // [NEWS]
  CHECK(read("3Q 2015") == "2015-07-01 2015-09-30");
  CHECK(read("third-quarter") == "2015-07-01 2015-09-30");
  CHECK(read("H1 2015") == "2015-01-01 2015-06-30");
  CHECK(read("the first half of 2015") == "2015-01-01 2015-06-30");
  CHECK(read("the second half of the year") == "2015-07-01 2015-12-31");
  CHECK(read("third quarter", duckling) == "2013-07-01 2013-09-30");         // [DUC] Corpus.hs:373
  CHECK(read("the 4th qtr of 2018", duckling) == "2018-10-01 2018-12-31");   // [DUC] Corpus.hs:382
  CHECK(read("next quarter", duckling) == "2013-04-01 2013-06-30");          // [DUC] Corpus.hs:369
  CHECK(read("last quarter", at(2010, 11, 23)) == "2010-07-01 2010-09-30");  // [SUT] testResolve2
  CHECK(read("Q5 2015") == "invalid-date@0");
}

TEST_CASE("5 since, until, through, by", "[date_families]") {
  CHECK(read("since 2007") == "2007-01-01 2015-11-25");  // [NEWS]: to the reference
  CHECK(read("until 2016") == ".. 2016-12-31");
  CHECK(read("through 2014") == ".. 2014-12-31");  // [DUC] Corpus.hs:1272 reads it as "before 2014"; through includes it
  CHECK(read("by 1945") == ".. 1945-12-31");
  CHECK(read("by the end of the year", duckling) == ".. 2013-12-31");  // [DUC] Corpus.hs:1453-1456 (the same end)
  CHECK(read("since 2016") == "invalid-date@0");                       // after the reference
  CHECK(label("until 2016") == "until 2016");
}

TEST_CASE("6 year ranges", "[date_families]") {
  CHECK(read("2007-2015") == "2007-01-01 2015-12-31");  // [NEWS]
  CHECK(read("2007\u20132015") == "2007-01-01 2015-12-31");
  CHECK(read("1939\u201345") == "1939-01-01 1945-12-31");
  CHECK(read("1914-18") == "1914-01-01 1918-12-31");
  CHECK(read("winter 2015-16") == "2015-12-01 2016-02-29");
  CHECK(read("1960 - 1961") == "1960-01-01 1961-12-31");      // [DUC] Corpus.hs:170 (latent)
  CHECK(read("1850-58") == "1850-01-01 1858-12-31");          // [HT] daterules.txt:241 "1850-58"
  CHECK(read("from 1632 to 1646") == "1632-01-01 1646-12-31");  // [SUT] testSUTimeDurations3
  CHECK(read("2015-13") == "invalid-date@5");                 // ISO: no month 13; 13 is not after 15
}

TEST_CASE("7 parts of a day are read as their hours: morning 6-12, afternoon 12-18, evening 18-24, night 18-06", "[date_families]") {
  // Duckling reads these as hour intervals too (its morning 04-12, night 18-00); annals'
  // hours are the README's. Without a zone (news) they are UTC's hours, as a day is UTC's.
  CHECK(read("last night", duckling) == "2013-02-11T18:00:00Z 2013-02-12T05:59:59Z");      // [DUC] Corpus.hs:838
  CHECK(read("this morning", duckling) == "2013-02-12T06:00:00Z 2013-02-12T11:59:59Z");    // [DUC] Corpus.hs:1309
  CHECK(read("tonight", duckling) == "2013-02-12T18:00:00Z 2013-02-13T05:59:59Z");         // [DUC] Corpus.hs:985
  CHECK(read("tomorrow evening", duckling) == "2013-02-13T18:00:00Z 2013-02-13T23:59:59Z");  // [DUC] Corpus.hs:993
  CHECK(read("Saturday night", at(1995, 7, 20)) == "1995-07-22T18:00:00Z 1995-07-23T05:59:59Z");     // [SUT] SUTimeITest.java:485
  CHECK(read("yesterday afternoon", at(1995, 7, 20)) == "1995-07-19T12:00:00Z 1995-07-19T17:59:59Z");  // [SUT] line 486
  CHECK(read("Wednesday afternoon", at(2003, 4, 14)) == "2003-04-16T12:00:00Z 2003-04-16T17:59:59Z");  // [SUT] line 863
  CHECK(read("Monday night") == "2015-11-23T18:00:00Z 2015-11-24T05:59:59Z");                         // [NEWS]
  // In the writer's zone: Los Angeles is UTC-8 in February.
  CHECK(read("the morning of February 28, 2017", at(2017, 2, 28, "America/Los_Angeles")) ==
        "2017-02-28T14:00:00Z 2017-02-28T19:59:59Z");
  CHECK(read("February 28, 2017 afternoon", at(2017, 2, 28, "America/Los_Angeles")) ==
        "2017-02-28T20:00:00Z 2017-03-01T01:59:59Z");
  CHECK(label("the evening of 2017/01/31", at(2017, 2, 28, "America/Los_Angeles")) == "31 Jan 2017 18:00 – 23:59 PST");
}

TEST_CASE("8 edges of a period: its first, middle or last third", "[date_families]") {
  CHECK(read("end of the month", duckling) == "2013-02-21 2013-02-28");        // [DUC] Corpus.hs:1196
  CHECK(read("beginning of the month", duckling) == "2013-02-01 2013-02-10");  // [DUC] Corpus.hs:1203
  CHECK(read("end of April", duckling) == "2013-04-21 2013-04-30");            // [DUC] Corpus.hs:1431
  CHECK(read("end of 2012", duckling) == "2012-09-01 2012-12-31");             // [DUC] Corpus.hs:1439
  CHECK(read("the end of the year", duckling) == "2013-09-01 2013-12-31");     // [DUC] Corpus.hs:1447
  CHECK(read("mid March", duckling) == "2013-03-11 2013-03-20");               // [DUC] Corpus.hs:1392
  CHECK(read("earlier this month") == "2015-11-01 2015-11-25");                // [NEWS]
  CHECK(read("later this year") == "2015-11-25 2015-12-31");
  CHECK(read("earlier this week") == "2015-11-23 2015-11-25");
  CHECK(read("late last year") == "2014-09-01 2014-12-31");
  CHECK(read("early next year") == "2016-01-01 2016-04-30");
  CHECK(read("the end of May") == "2015-05-21 2015-05-31");
  CHECK(read("the beginning of 2016") == "2016-01-01 2016-04-30");
  CHECK(read("the middle of March") == "2016-03-11 2016-03-20");  // March begins within four months
}

TEST_CASE("9 this, last and next with a month or a season", "[date_families]") {
  const date_context sut = at(2011, 6, 3);  // [SUT] testResolve2, SUTimeITest.java:1501-1746
  CHECK(read("last summer", sut) == "2010-06-01 2010-08-31");
  CHECK(read("this summer", sut) == "2011-06-01 2011-08-31");
  CHECK(read("next summer", sut) == "2012-06-01 2012-08-31");
  CHECK(read("last winter", sut) == "2010-12-01 2011-02-28");
  CHECK(read("this May", sut) == "2011-05-01 2011-05-31");
  CHECK(read("next May", sut) == "2012-05-01 2012-05-31");
  CHECK(read("last May", sut) == "2011-05-01 2011-05-31");  // SUTime: 2010-05; annals: the last May that has ended
  CHECK(read("last fall", at(2010, 11, 23)) == "2009-09-01 2009-11-30");
  CHECK(read("next spring", at(2010, 11, 23)) == "2011-03-01 2011-05-31");
  CHECK(read("August last year", at(1999, 12, 30)) == "1998-08-01 1998-08-31");  // [SUT] SUTimeITest.java:562
  CHECK(read("next March", duckling) == "2013-03-01 2013-03-31");                // [DUC] Corpus.hs:319
  CHECK(read("this November") == "2015-11-01 2015-11-30");                      // [NEWS]
  CHECK(read("May last year") == "2014-05-01 2014-05-31");
  CHECK(read("November next year") == "2016-11-01 2016-11-30");
}

TEST_CASE("10 'of' and other orders", "[date_families]") {
  CHECK(read("the summer of 1964") == "1964-06-01 1964-08-31");  // [SUT] SUTimeITest.java:550
  CHECK(read("October of 1963") == "1963-10-01 1963-10-31");     // [SUT] line 483
  CHECK(read("December of 2002") == "2002-12-01 2002-12-31");    // [SUT] line 853
  CHECK(read("the winter of nineteen ninety five") == "1995-12-01 1996-02-29");  // [SUT] testSeasons
  CHECK(read("2005 fall") == "2005-09-01 2005-11-30");                           // [SUT] testSeasons
  CHECK(read("in June of 2022") == "2022-06-01 2022-06-30");                     // [CHR] en_month:72
  CHECK(read("the fall of 2011") == "2011-09-01 2011-11-30");                    // [HT] en_boston_marathon
  CHECK(read("the winter of 1944-45") == "1944-12-01 1945-02-28");               // [NEWS]
}

TEST_CASE("11 decades and centuries", "[date_families]") {
  CHECK(read("The 1960s") == "1960-01-01 1969-12-31");                  // [SUT] SUTimeITest.java:855
  CHECK(read("The early nineteen fifties") == "1950-01-01 1953-12-31");  // [SUT] line 1048
  CHECK(read("the late 5th century B.C.") == "-0433-01-01 -0400-12-31");  // [SUT] line 564: 434-401 BC
  CHECK(read("the 3rd century A.D.") == "0201-01-01 0300-12-31");         // [SUT] line 565
  const date_context sut = at(2011, 6, 3);                                // [SUT] testResolve2
  CHECK(read("last decade", sut) == "2000-01-01 2009-12-31");
  CHECK(read("this decade", sut) == "2010-01-01 2019-12-31");
  CHECK(read("next century", sut) == "2101-01-01 2200-12-31");  // SUTime counts 2100-2199; annals 2101-2200
  CHECK(read("the 90s") == "1990-01-01 1999-12-31");            // [HT] r13b
  CHECK(read("the seventies") == "1970-01-01 1979-12-31");      // [HT] r13c
  CHECK(read("the mid-90s") == "1994-01-01 1996-12-31");        // [HT] r14
  CHECK(read("the late seventies") == "1977-01-01 1979-12-31");
  CHECK(read("90s BC") == "-0098-01-01 -0089-12-31");           // [HT] historic_6: 99-90 BC
  CHECK(read("the 1800s") == "1800-01-01 1899-12-31");          // [NEWS]
  CHECK(read("the late 19th century") == "1867-01-01 1900-12-31");
  CHECK(read("the first half of the 20th century") == "1901-01-01 1950-12-31");
  CHECK(read("the last century") == "1901-01-01 2000-12-31");
  CHECK(read("the past three decades") == "1985-11-25 2015-11-25");
  CHECK(label("the 50s BC") == "50s BC");
}

TEST_CASE("12 holidays", "[date_families]") {
  CHECK(read("Christmas", at(2017, 7, 7)) == "2016-12-25 2016-12-25");  // [HT] HeidelTimeITest.java:54
  CHECK(read("easter 2010", duckling) == "2010-04-04 2010-04-04");      // [DUC] Corpus.hs:928
  CHECK(read("Easter 2011") == "2011-04-24 2011-04-24");                // [SUT] SUTimeITest.java:1260
  CHECK(read("Christmas 2010") == "2010-12-25 2010-12-25");             // [SUT] line 1259
  CHECK(read("thanksgiving 2016", duckling) == "2016-11-24 2016-11-24");  // [DUC] Corpus.hs:76
  CHECK(read("new year's eve") == "2015-12-31 2015-12-31");             // [DUC] Corpus.hs:858 (reference moved)
  CHECK(read("New Year's Day") == "2016-01-01 2016-01-01");
  CHECK(read("Christmas Eve") == "2015-12-24 2015-12-24");              // [NEWS]
  CHECK(read("Thanksgiving") == "2015-11-26 2015-11-26");
  CHECK(read("Bastille Day") == "2015-07-14 2015-07-14");
  CHECK(read("Nowruz 2016") == "2016-03-20 2016-03-20");
  CHECK(read("Easter Sunday two thousand ten") == "2010-04-04 2010-04-04");  // [DUC] Corpus.hs:929
  date_context julian = news;
  julian.cal = calendar::julian;
  CHECK(read("Easter 2016", julian) == "2016-05-01 2016-05-01");  // Orthodox Easter, 1 May 2016
}

TEST_CASE("13 a time with the date, in the writer's zone", "[date_families]") {
  CHECK(read("tomorrow at 5pm", duckling) == "2013-02-13T17:00:00Z 2013-02-13T17:59:59Z");  // [DUC] Corpus.hs:1340
  CHECK(read("at 5pm tomorrow", duckling) == "2013-02-13T17:00:00Z 2013-02-13T17:59:59Z");
  CHECK(read("3pm tomorrow", duckling) == "2013-02-13T15:00:00Z 2013-02-13T15:59:59Z");     // [DUC] Corpus.hs:1249
  CHECK(read("3:30pm", duckling) == "2013-02-12T15:30:00Z 2013-02-12T15:30:59Z");           // [DUC] Corpus.hs:570
  CHECK(read("Tomorrow at noon", at(2012, 8, 10, "UTC")) == "2012-08-11T12:00:00Z 2012-08-11T12:00:59Z");  // [CHR] casual:182
  CHECK(read("today 5PM", at(2012, 8, 10, "UTC")) == "2012-08-10T17:00:00Z 2012-08-10T17:59:59Z");        // [CHR] casual:170
  CHECK(read("12th of July at 19:00", at(2012, 8, 10, "UTC")) == "2012-07-12T19:00:00Z 2012-07-12T19:00:59Z");
  CHECK(read("8:00 pm on Friday", at(1995, 7, 20, "UTC")) == "1995-07-21T20:00:00Z 1995-07-21T20:00:59Z");  // [SUT] 474
  CHECK(read("9 a.m. Friday, October 1, 1999", at(1998, 4, 17, "UTC")) == "1999-10-01T09:00:00Z 1999-10-01T09:59:59Z");
  CHECK(read("12:34 p.m.", at(2010, 2, 17, "UTC")) == "2010-02-17T12:34:00Z 2010-02-17T12:34:59Z");  // [SUT] 1325
  CHECK(read("at 9:49 p.m. on April 20, 2010", at(2015, 11, 25, "America/Chicago")) ==
        "2010-04-21T02:49:00Z 2010-04-21T02:49:59Z");  // [NEWS] Deepwater Horizon, 21:49 CDT
  CHECK(read("24 October, 9 pm", at(2017, 7, 7, "UTC")) == "2017-10-24T21:00:00Z 2017-10-24T21:59:59Z");  // [CHR] 348
  CHECK(read("2010-04-20 21:49", at(2015, 11, 25, "UTC")) == "2010-04-20T21:49:00Z 2010-04-20T21:49:59Z");
  CHECK(read("9:49 p.m.") == "missing-timezone@0");
  CHECK(read("13 pm", duckling) == "invalid-date@0");
}

TEST_CASE("14 ordinal weeks and days of a month", "[date_families]") {
  CHECK(read("third tuesday of september 2014") == "2014-09-16 2014-09-16");   // [DUC] Corpus.hs:493
  CHECK(read("second wednesday of october 2014") == "2014-10-08 2014-10-08");  // [DUC] Corpus.hs:499
  CHECK(read("last day of october 2015") == "2015-10-31 2015-10-31");          // [DUC] Corpus.hs:482
  CHECK(read("last day in october 2015") == "2015-10-31 2015-10-31");          // [DUC] Corpus.hs:483
  CHECK(read("last friday of october 2013") == "2013-10-25 2013-10-25");       // [DUC] Corpus.hs:1876
  CHECK(read("the first Monday of this month", duckling) == "2013-02-04 2013-02-04");  // [DUC] Corpus.hs:774
  CHECK(read("first monday of last month", duckling) == "2013-01-07 2013-01-07");      // [DUC] Corpus.hs:1934
  CHECK(read("third day of october 2013") == "2013-10-03 2013-10-03");                 // [DUC] Corpus.hs:457
  CHECK(read("3rd wednesday in november", at(2009, 8, 12)) == "2009-11-18 2009-11-18");  // [SUT] line 1117
  CHECK(read("the first week of December") == "2015-12-01 2015-12-07");  // [NEWS]: days 1-7
  CHECK(read("the last week of October") == "2015-10-25 2015-10-31");
  CHECK(read("the week of Nov. 23") == "2015-11-23 2015-11-29");
  CHECK(read("the first Monday in October") == "2015-10-05 2015-10-05");
  CHECK(read("the fifth Monday in February 2015") == "invalid-date@4");
}

TEST_CASE("15 spelled years and eras, a calendar named in the text", "[date_families]") {
  CHECK(read("nineteen ninety-one") == "1991-01-01 1991-12-31");    // [SUT] SUTimeITest.java:487
  CHECK(read("nineteen ninety six") == "1996-01-01 1996-12-31");    // [SUT] line 559
  CHECK(read("The year two thousand") == "2000-01-01 2000-12-31");  // [SUT] line 556
  CHECK(read("The year twenty ten") == "2010-01-01 2010-12-31");    // [SUT] line 1215
  CHECK(read("567 bc") == "-0566-01-01 -0566-12-31");               // [SUT] line 563 (astronomical)
  CHECK(read("in 14 a.d.") == "0014-01-01 0014-12-31");             // [DUC] Corpus.hs:408
  CHECK(read("10 August 234 BCE") == "-0233-08-10 -0233-08-10");    // [CHR] en_year:6 (chrono: -234, not astronomical)
  CHECK(read("March 44 BC") == "-0043-03-01 -0043-03-31");          // [NEWS]
  CHECK(read("December 9 BCE") == "-0008-12-01 -0008-12-31");
  CHECK(read("the year 2000") == "2000-01-01 2000-12-31");
  CHECK(read("60 BC?") == "-0060-01-01 -0058-12-31");  // uncertain, widened one year as EDTF's '?'
  CHECK(read("25 October 1917 (Julian)") == "1917-11-07 1917-11-07");
  CHECK(read("2 Azar 1394 (Solar Hijri)") == "2015-11-23 2015-11-23");
  CHECK(read("1 Muharram 1437 AH") == "2015-10-15 2015-10-15");
}

TEST_CASE("16 alternatives: the interval covering both, uncertain", "[date_families]") {
  CHECK(read("12 or 13 July") == "2015-07-12 2015-07-13");  // [NEWS]
  CHECK(read("August or September 54 BC") == "-0053-08-01 -0053-09-30");
  CHECK(read("1914 or 1915") == "1914-01-01 1915-12-31");
  CHECK(read("190 or 180 BC") == "-0189-01-01 -0179-12-31");  // [HT] daterules.txt:17
  CHECK(label("12 or 13 July") == "12 or 13 Jul 2015");
  CHECK(label("August or September 54 BC") == "Aug or Sep 54 BC");
  // The shared head is said once too: the day of two times, the month of two years.
  CHECK(label("July 2015 or 2016") == "Jul 2015 or 2016");
  const date_result r = normalize_date("1914 or 1915", news);
  REQUIRE(r.ok());
  CHECK(r.value.uncertain);
  CHECK(r.value.form == date_form::either);
}

TEST_CASE("issue 14's bugs: signs, long years, bare plurals, non-days, a February 29 without its year", "[date_families]") {
  CHECK(read("November -1") == "unparsed-date@9");
  CHECK(read("-5 days ago") == "unparsed-date@0");
  CHECK(read("2015 -") == "unparsed-date@5");
  CHECK(read("February 151998") == "unparsed-date@9");
  CHECK(read("past years") == "unparsed-date@5");
  CHECK(read("next weeks") == "unparsed-date@5");
  CHECK(read("2007-2015") == "2007-01-01 2015-12-31");  // was "month 20"
  CHECK(read("February 29", at(2015, 3, 1)) == "invalid-date@0");  // February 2015 has 28 days
  CHECK(read("February 29") == "2016-02-29 2016-02-29");
  const date_result r = normalize_date("the end of Mya", news);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->hint == "did you mean 'may'?");
}

TEST_CASE("the same text and reference read the same interval every time", "[date_families]") {
  for (const char* text : {"12 or 13 July", "over the weekend", "the 90s", "Easter", "tomorrow at 5pm"}) {
    const date_result a = normalize_date(text, duckling), b = normalize_date(text, duckling);
    CHECK(a.ok() == b.ok());
    if (a.ok() && b.ok()) CHECK(a.value == b.value);
  }
}

TEST_CASE("the seed article's dated phrases read to their intervals", "[date_families]") {
  // shared/seed/putin-visit-to-tehran.txt, written on 25 November 2015.
  CHECK(read("On November 23rd") == "2015-11-23 2015-11-23");
  CHECK(read("In the past week") == "2015-11-18 2015-11-25");
  CHECK(read("On November 16th") == "2015-11-16 2015-11-16");
  CHECK(read("in mid-December") == "2015-12-11 2015-12-20");
  CHECK(read("Recently") == "unparsed-date@0");  // no interval the text states: never a guess
}
