// The calendar table: every month of every calendar reads back from its label, the
// transliterations of the month names, eras, and the conversions checked against
// independent computations (tests/time/calendars_check.py).

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "annals/temporal.hpp"
#include "time/calendars.hpp"
#include "time/date_label.hpp"
#include "time/date_words.hpp"
#include "time/spans.hpp"

using namespace annals;

namespace {

// The bounds `text` reads as (with the calendar it names), as "YYYY-MM-DD/YYYY-MM-DD", or
// its error.
std::string reads(std::string_view text, calendar c = calendar::gregorian) {
  date_context ctx;
  ctx.cal = c;
  const date_result r = normalize_date(text, ctx);
  if (!r.ok()) return r.error->code + ": " + r.error->message;
  return format_bound(r.value.earliest, precision::day) + "/" + format_bound(r.value.latest, precision::day);
}

std::string bounds(const temporal_value& v) {
  return format_bound(v.earliest, precision::day) + "/" + format_bound(v.latest, precision::day);
}

// The label of `v` as written in its calendar: the part before its Gregorian equivalent.
std::string written(const temporal_value& v) {
  const std::string label = date_label(v);
  return label.substr(0, label.find(" = "));
}

struct sample {
  calendar cal;
  std::vector<std::int64_t> years;
};

}  // namespace

TEST_CASE("every month of every calendar reads back from the labels annals prints", "[calendar]") {
  // Years that show each calendar's shapes: Hebrew leap (5670) and common (5671) years,
  // Rumi's Julian years, its short reform year 1333 and its Gregorian years, French
  // Republican common and sextile years.
  const std::vector<sample> samples = {
      {calendar::gregorian, {2015, 2016}}, {calendar::julian, {1917, -43}},      {calendar::solar_hijri, {1394, 1303}},
      {calendar::islamic, {1324, 1329}},   {calendar::hebrew, {5670, 5671}},     {calendar::rumi, {1320, 1332, 1333, 1335}},
      {calendar::french_republican, {3, 8, 14}}};
  REQUIRE(samples.size() == detail::calendar_rows().size());
  for (const sample& s : samples) {
    for (const std::int64_t y : s.years) {
      const unsigned months = detail::months_in_year(s.cal, y);
      REQUIRE(months >= 10);
      const std::int64_t first = detail::first_month_index(s.cal, y);
      for (unsigned k = 0; k < months; ++k) {
        const civil::ymd m = detail::month_at(s.cal, first + k);
        INFO(std::string(to_string(s.cal)) << " year " << y << " month " << m.m);
        REQUIRE(m.y == y);
        const unsigned days = detail::days_in_month(s.cal, y, m.m);
        REQUIRE(days >= 5);
        const auto day1 = detail::to_days(s.cal, y, m.m, 1);
        REQUIRE(day1);
        std::vector<temporal_value> values = {
            detail::day_span(*day1, *day1, precision::day, s.cal),
            detail::day_span(*day1 + days - 1, *day1 + days - 1, precision::day, s.cal),
            *detail::index_span(s.cal, first + k, first + k, precision::month)};
        if (days >= 28)  // early, mid, late: days 1-10, 11-20, 21 to the end
          for (const auto& [a, b] : {std::pair{0u, 9u}, {10u, 19u}, {20u, days - 1}})
            values.push_back(detail::day_span(*day1 + a, *day1 + b, precision::day, s.cal));
        for (const temporal_value& v : values) {
          INFO(date_label(v));
          CHECK(detail::from_days(s.cal, civil::day_of(v.earliest)).m == m.m);
          CHECK(reads(written(v)) == bounds(v));
        }
      }
      std::vector<temporal_value> years = {*detail::year_span(s.cal, y, y, precision::year)};
      for (int part = 0; part < 3; ++part) {
        const auto [a, b] = detail::year_part(s.cal, y, part);
        years.push_back(*detail::index_span(s.cal, a, b, precision::month));
      }
      for (const temporal_value& v : years) {
        INFO(date_label(v));
        CHECK(reads(written(v)) == bounds(v));
      }
      // Seasons, in the calendars whose seasons are months of their own year (the Rumi
      // year begins in Mart, so its winter straddles two of its years: not yet read as
      // one): labelled as the season ("spring 1394") and read back as the same days. A
      // winter across two years is labelled "winter 2015/16", a form not yet read back.
      if (s.cal != calendar::gregorian && s.cal != calendar::julian && s.cal != calendar::solar_hijri) continue;
      for (int season = 1; season <= 4; ++season) {
        const auto v = detail::season_span(s.cal, y, season);
        REQUIRE(v);
        INFO(date_label(*v));
        CHECK(written(*v).starts_with(std::string(detail::season_names[season]) + ' '));
        if (written(*v).find('/') == std::string::npos) CHECK(reads(written(*v)) == bounds(*v));
      }
    }
  }
}

TEST_CASE("a season of the Solar Hijri calendar is labelled as its season, as written", "[calendar][label]") {
  // Farvardin 1, 1394 is 21 March 2015; Khordad 31 is 21 June; Dey 1 is 22 December; Esfand 29 is 19 March 2016.
  CHECK(date_label(*detail::season_span(calendar::solar_hijri, 1394, 1)) == "spring 1394 (Solar Hijri) = 21 Mar – 21 Jun 2015");
  CHECK(date_label(*detail::season_span(calendar::solar_hijri, 1394, 4)) == "winter 1394 (Solar Hijri) = 22 Dec 2015 – 19 Mar 2016");
  CHECK(reads("spring 1394 (Solar Hijri)") == "2015-03-21/2015-06-21");
}

TEST_CASE("a month's index counts the months that exist, in time order", "[calendar]") {
  SECTION("twelve to a Gregorian year") {
    CHECK(detail::month_index(calendar::gregorian, 2015, 14) == detail::month_index(calendar::gregorian, 2016, 2));
    CHECK(detail::month_index(calendar::gregorian, 2016, 0) == detail::month_index(calendar::gregorian, 2015, 12));
  }
  SECTION("twelve or thirteen to a Hebrew year: Adar I only in a leap year") {
    CHECK(detail::months_in_year(calendar::hebrew, 5670) == 13);
    CHECK(detail::months_in_year(calendar::hebrew, 5671) == 12);
    CHECK_FALSE(detail::month_index(calendar::hebrew, 5671, 6));
    CHECK(*detail::month_index(calendar::hebrew, 5671, 7) == *detail::month_index(calendar::hebrew, 5671, 5) + 1);
    const std::int64_t elul = *detail::month_index(calendar::hebrew, 5670, 13);
    CHECK(detail::month_at(calendar::hebrew, elul + 1) == civil::ymd{5671, 1, 1});
  }
  SECTION("ten in Rumi 1333, whose months were Mart to Kânunuevvel") {
    CHECK(detail::months_in_year(calendar::rumi, 1333) == 10);
    CHECK(detail::month_at(calendar::rumi, detail::first_month_index(calendar::rumi, 1332)).m == 3);
    CHECK(detail::month_at(calendar::rumi, detail::first_month_index(calendar::rumi, 1334)).m == 1);
  }
}

TEST_CASE("Islamic months read in every common transliteration", "[calendar]") {
  // 14 Jumada II 1324 AH is 5 August 1906 in the tabular calendar (calendars_check.py).
  const std::string jumada_ii = "1906-08-05/1906-08-05";
  for (const char* text :
       {"14 Jumada al-Thani 1324 AH", "14 Jumada II 1324 AH", "14 Jumada al-Akhirah 1324 AH", "14 Jumada al-Akhira 1324 AH",
        "14 Jumada al-Thaniyah 1324 AH", "14 Jumādā al-Ākhirah 1324 AH", "14 Jumada II 1324 (Islamic)",
        "14 Jumada II 1324 (Hijri)", "Jumada II 14, 1324 AH", "14 Jumada II 1324 A.H.", "14 jumada ii 1324 ah",
        "the 14th of Jumada al-Thani 1324 AH", "14 Cemaziyelahir 1324 AH"}) {
    INFO(text);
    CHECK(reads(text) == jumada_ii);
  }
  struct {
    const char* text;
    const char* first;
  } months[] = {
      {"Muharram 1324 AH", "1906-02-25"},      {"Muharrem 1324 AH", "1906-02-25"},
      {"Safar 1324 AH", "1906-03-27"},         {"Rabi al-Awwal 1324 AH", "1906-04-25"},
      {"Rabi' al-Awwal 1324 AH", "1906-04-25"}, {"Rabiʿ al-Awwal 1324 AH", "1906-04-25"},
      {"Rabi I 1324 AH", "1906-04-25"},        {"Rabi ul-Awwal 1324 AH", "1906-04-25"},
      {"Rabi al-Thani 1324 AH", "1906-05-25"}, {"Rabi al-Akhir 1324 AH", "1906-05-25"},
      {"Rabi II 1324 AH", "1906-05-25"},       {"Jumada al-Ula 1324 AH", "1906-06-23"},
      {"Jumada al-Awwal 1324 AH", "1906-06-23"}, {"Jumada I 1324 AH", "1906-06-23"},
      {"Rajab 1324 AH", "1906-08-21"},         {"Shaban 1324 AH", "1906-09-20"},
      {"Sha'ban 1324 AH", "1906-09-20"},       {"Shaʿbān 1324 AH", "1906-09-20"},
      {"Ramadan 1324 AH", "1906-10-19"},       {"Ramazan 1324 AH", "1906-10-19"},
      {"Shawwal 1324 AH", "1906-11-18"},       {"Dhu al-Qadah 1324 AH", "1906-12-17"},
      {"Dhu al-Qa'da 1324 AH", "1906-12-17"},  {"Dhu'l-Qa'da 1324 AH", "1906-12-17"},
      {"Dhul Qadah 1324 AH", "1906-12-17"},    {"Dhu al-Qaʿdah 1324 AH", "1906-12-17"},
      {"Zulkaedah 1324 AH", "1906-12-17"},     {"Dhu al-Hijjah 1324 AH", "1907-01-16"},
      {"Dhu'l-Hijja 1324 AH", "1907-01-16"},   {"Dhū al-Ḥijjah 1324 AH", "1907-01-16"},
      {"Zilhicce 1324 AH", "1907-01-16"},
  };
  for (const auto& m : months) {
    INFO(m.text);
    CHECK(reads(m.text).substr(0, 10) == m.first);
  }
}

TEST_CASE("an era before a trailing question mark still names the calendar", "[calendar]") {
  CHECK(reads("14 Jumada II 1324 AH?") == "1906-08-04/1906-08-06");  // uncertain: a day either side
  CHECK(reads("1324 AH?") == reads("1324? (Islamic)"));
}

TEST_CASE("Solar Hijri months read with and without their diacritics and older spellings", "[calendar]") {
  for (const char* text : {"1 Farvardin 1304 SH", "1 Farvardīn 1304 SH", "1 Farwardin 1304 AP", "1 Farvardin 1304 (Persian)"})
    CHECK(reads(text) == "1925-03-21/1925-03-21");
  CHECK(reads("14 Mordad 1285 SH") == reads("14 Amordad 1285 SH"));
  CHECK(reads("1 Khordad 1300 (Solar Hijri)") == reads("1 Khurdad 1300 (Solar Hijri)"));
  CHECK(reads("1 Esfand 1300 (Solar Hijri)") == reads("1 Isfand 1300 (Solar Hijri)"));
  CHECK(reads("1 Ordibehesht 1300 (Solar Hijri)") == reads("1 Ordībehesht 1300 (Solar Hijri)"));
}

TEST_CASE("the Hebrew calendar has its months by name, Adar I and Adar II in a leap year", "[calendar]") {
  // Checked against Calendrical Calculations' arithmetic (calendars_check.py).
  CHECK(reads("1 Tishri 5670 (Hebrew)") == "1909-09-16/1909-09-16");
  CHECK(reads("1 Tishrei 5670 AM") == "1909-09-16/1909-09-16");
  CHECK(reads("15 Nisan 5670 (Hebrew)") == "1910-04-24/1910-04-24");
  CHECK(reads("1 Tishri 5671 (Jewish)") == "1910-10-04/1910-10-04");
  CHECK(reads("5670 (Hebrew)") == "1909-09-16/1910-10-03");
  CHECK(reads("Adar I 5670 (Hebrew)") == reads("Adar Aleph 5670 (Hebrew)"));
  CHECK(reads("Adar II 5670 (Hebrew)") == reads("Adar 5670 (Hebrew)"));
  CHECK(reads("1 Cheshvan 5670 (Hebrew)") == reads("1 Marcheshvan 5670 (Hebrew)"));
  CHECK(reads("Adar I 5671 (Hebrew)") == "invalid-date: invalid date 'Adar I 5671': 5671 (Hebrew) has no Adar I");
  CHECK(reads("1 Adar I 5671 (Hebrew)") == "invalid-date: invalid date '1 Adar I 5671': 5671 (Hebrew) has no Adar I");
  CHECK(reads("9 AM") != "1909-09-16/1909-09-16");  // a time, not a Hebrew year
}

TEST_CASE("the Rumi calendar is Julian until its 1917 reform, Gregorian after", "[calendar]") {
  CHECK(reads("15 Mayıs 1335 (Rumi)") == "1919-05-15/1919-05-15");
  CHECK(reads("15 Mayis 1335 (Rumi)") == "1919-05-15/1919-05-15");
  CHECK(reads("7 Nisan 1327 (Rumi)") == "1911-04-20/1911-04-20");  // Julian 7 April 1911
  CHECK(reads("1 Mart 1333 (Rumi)") == "1917-03-01/1917-03-01");
  CHECK(reads("15 Şubat 1332 (Rumi)") == "1917-02-28/1917-02-28");
  CHECK(reads("16 Şubat 1332 (Rumi)").substr(0, 12) == "invalid-date");
  CHECK(reads("1 Kanunusani 1320 (Rumi)") == "1905-01-14/1905-01-14");  // Julian 1 January 1905
  CHECK(reads("1 Teşrin-i Evvel 1330 (Ottoman)") == reads("1 Tesrinievvel 1330 (Rumi)"));
}

TEST_CASE("the French Republican calendar counts its years in Roman numerals", "[calendar]") {
  CHECK(reads("18 Brumaire an VIII") == "1799-11-09/1799-11-09");
  CHECK(reads("1 Vendémiaire an XIV") == "1805-09-23/1805-09-23");
  CHECK(reads("1 Vendemiaire an I") == "1792-09-22/1792-09-22");
  CHECK(reads("9 Thermidor an II") == "1794-07-27/1794-07-27");
  CHECK(reads("6 Sansculottides an III") == "1795-09-22/1795-09-22");  // a sextile year
  CHECK(reads("6 Sansculottides an IV").substr(0, 12) == "invalid-date");
  CHECK(reads("18 Brumaire an 8 (French Republican)") == "1799-11-09/1799-11-09");
  CHECK(written(*detail::year_span(calendar::french_republican, 8, 8, precision::year)) == "an VIII (French Republican)");
}

TEST_CASE("a season in a lunar calendar is an error that says why", "[calendar]") {
  CHECK(reads("spring 1324 AH") ==
        "invalid-date: invalid date 'spring 1324': a season has no fixed months in the lunar Islamic calendar");
  CHECK(reads("the summer of 5670 (Hebrew)") ==
        "invalid-date: invalid date 'the summer of 5670': a season has no fixed months in the lunar Hebrew calendar");
  CHECK(reads("1324-21 (Islamic)").substr(0, 12) == "invalid-date");
  // Solar Hijri is solar: spring is Farvardin to Khordad, however it is written.
  CHECK(reads("spring 1394 SH") == "2015-03-21/2015-06-21");
  CHECK(reads("1394-21 (Solar Hijri)") == "2015-03-21/2015-06-21");
  CHECK(reads("1320 – 1329 (Rumi)") == "1904-03-14/1914-03-13");  // Rumi years began on 1 Mart
}

TEST_CASE("dates outside a calendar's civil use are proleptic", "[calendar]") {
  const auto day = [](int y, unsigned m, unsigned d) { return civil::days_from_civil(y, m, d); };
  CHECK(detail::proleptic(calendar::gregorian, day(1582, 10, 14)));
  CHECK_FALSE(detail::proleptic(calendar::gregorian, day(1582, 10, 15)));
  CHECK(detail::proleptic(calendar::solar_hijri, day(1906, 8, 5)));
  CHECK_FALSE(detail::proleptic(calendar::solar_hijri, day(1979, 2, 11)));
  CHECK(detail::proleptic(calendar::french_republican, day(1806, 1, 1)));
  CHECK_FALSE(detail::proleptic(calendar::french_republican, day(1799, 11, 9)));
}

// Through the command line, as a historian types them.
#include "cli_run.hpp"

namespace {

annals::testing::cli_result date_cli(std::vector<std::string> args) {
  static const annals::testing::cli_dir dir("calendars");
  args.insert(args.begin(), "date");
  return annals::testing::run_cli(dir, std::move(args));
}

}  // namespace

TEST_CASE("annals date reads every Islamic month name a history writes", "[calendar][cli]") {
  // 14 Jumada II 1324 AH (the decree of the Persian constitution) is 5 August 1906 in the
  // tabular calendar: tests/time/calendars_check.py computes it apart from annals.
  for (const char* text : {"14 Jumada al-Thani 1324 AH", "Jumada II 14, 1324 AH", "14 Jumada II 1324 (Islamic)",
                           "14 Jumada al-Akhirah 1324 AH"}) {
    const auto r = date_cli({text});
    INFO(text << "\n" << r.err);
    CHECK(r.status == 0);
    CHECK(r.out == std::string(text) +
                       ": 1906-08-05, to the day, read in the islamic calendar: 14 Jumada II 1324 (Islamic) = 5 Aug 1906\n");
  }
  const auto r = date_cli({"Dhu'l-Hijja 1324 AH"});
  CHECK(r.out.find("from 1907-01-16 to 1907-02-13, to the month") != std::string::npos);
  CHECK(r.out.find("Dhu al-Hijjah 1324 (Islamic) = 16 Jan – 13 Feb 1907") != std::string::npos);
}

TEST_CASE("a misspelt month is offered the nearest month of the calendar being written", "[calendar][cli]") {
  const auto r = date_cli({"14 Jumida al-Thani 1324 AH"});
  CHECK(r.status != 0);
  CHECK(r.err.find("unexpected 'Jumida'") != std::string::npos);
  CHECK(r.err.find("did you mean 'jumada'?") != std::string::npos);
  const auto persian = date_cli({"1 Farvardim 1304 SH"});
  CHECK(persian.err.find("did you mean 'farvardin'?") != std::string::npos);
}

TEST_CASE("a wrong month of a calendar with its own months gets that calendar's months, never a zone hint",
          "[calendar][cli]") {
  // A known word is no misspelling ('jumada' is right; 'III' is wrong); a word in capitals
  // here is a numeral or an era, not a zone abbreviation.
  for (const char* text : {"14 Jumada III 1324 AH", "14 Rabi III 1324 AH"}) {
    const auto r = date_cli({text});
    CHECK(r.status != 0);
    CHECK(r.err.find("did you mean") == std::string::npos);
    CHECK(r.err.find("zone") == std::string::npos);
    CHECK(r.err.find("the months of the Islamic calendar: Muharram, Safar, Rabi I, Rabi II, Jumada I, Jumada II,") !=
          std::string::npos);
  }
  const auto hebrew = date_cli({"13 Adar III 5679 (Hebrew)"});
  CHECK(hebrew.err.find("as '14 Tishri 5560 (Hebrew)'") != std::string::npos);
  const auto persian = date_cli({"32 Farvardin 1299 (Solar Hijri)"});
  CHECK(persian.err.find("the months of the Solar Hijri calendar: Farvardin,") != std::string::npos);
}

TEST_CASE("annals date refuses a season in a lunar calendar and says why", "[calendar][cli]") {
  const auto r = date_cli({"spring 1324 AH"});
  CHECK(r.status != 0);
  CHECK(r.err.find("a season has no fixed months in the lunar Islamic calendar [invalid-date]") != std::string::npos);
}

TEST_CASE("annals date reads the Hebrew, Rumi and French Republican calendars", "[calendar][cli]") {
  CHECK(date_cli({"1 Tishri 5670 (Hebrew)"}).out.find(": 1909-09-16, to the day") != std::string::npos);
  CHECK(date_cli({"15 Mayıs 1335 (Rumi)"}).out.find(": 1919-05-15, to the day") != std::string::npos);
  const auto brumaire = date_cli({"18 Brumaire an VIII"});
  CHECK(brumaire.out.find(": 1799-11-09, to the day") != std::string::npos);
  CHECK(brumaire.out.find("18 Brumaire an VIII (French Republican) = 9 Nov 1799") != std::string::npos);
}

TEST_CASE("annals date's JSON says when a calendar is used proleptically, and that Islamic is tabular",
          "[calendar][cli]") {
  const auto json = [](const char* text) { return date_cli({text, "--format", "json"}).out; };
  CHECK(json("1 Farvardin 1290 SH").find("\"proleptic\":true") != std::string::npos);
  CHECK(json("1 Farvardin 1304 SH").find("\"proleptic\"") == std::string::npos);
  CHECK(json("1 Brumaire an XX").find("\"proleptic\":true") != std::string::npos);
  CHECK(json("18 Brumaire an VIII").find("\"proleptic\"") == std::string::npos);
  CHECK(json("1500").find("\"proleptic\":true") != std::string::npos);
  CHECK(json("14 Jumada II 1324 AH").find("\"calendar_note\":\"tabular (arithmetic) Islamic calendar") !=
        std::string::npos);
}

TEST_CASE("a month of another calendar, its calendar not named, gets a hint that names it", "[calendar][cli]") {
  const auto r = date_cli({"14 Jumada II 1324"});
  CHECK(r.status != 0);
  CHECK(r.err.find("hint: 'Jumada' is a month of the Islamic calendar: name it at the end, as '(Islamic)'") !=
        std::string::npos);
  CHECK(date_cli({"1 Tishri 5670"}).err.find("'Tishri' is a month of the Hebrew calendar") != std::string::npos);
  // An English month misspelt is still offered the English month.
  CHECK(date_cli({"Novmber 23, 2015"}).err.find("did you mean 'november'?") != std::string::npos);
}
