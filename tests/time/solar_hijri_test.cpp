#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

#include <date/solar_hijri.h>

#include <chrono>
#include <cstdio>
#include <vector>

#include "annals/temporal.hpp"

using annals::calendar;

namespace {

// The March day of 1 Farvardin for Solar Hijri years 1300..1501 as jalaali-js gives it
// (0 = 20 March, 1 = 21, 2 = 22). tests/solar_hijri_check.js checks that this table
// reproduces jalaali-js for every day of 1300..1500.
constexpr std::string_view nowruz_march_days =
    "122112211121112111211121112111211121112111111111111111111111"
    "111111111111111011101110111011101110111011101110011001100110"
    "011001100110011001100010001000100010001000100010001000000001"
    "1111111111111111111111";

constexpr int first_year = 1300;

std::int64_t nowruz(int jy) {
  const unsigned d = 20u + static_cast<unsigned>(nowruz_march_days[jy - first_year] - '0');
  return std::chrono::sys_days{std::chrono::year{jy + 621} / 3 / d}.time_since_epoch().count();
}

annals::date_context solar_hijri_context() {
  annals::date_context c;
  c.cal = calendar::solar_hijri;
  return c;
}

// The day number of a Solar Hijri y-m-d through normalize_date, or nullopt when invalid.
std::optional<std::int64_t> to_days(int y, unsigned m, unsigned d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", y, m, d);
  const auto r = annals::normalize_date(text, solar_hijri_context());
  if (!r.ok()) return std::nullopt;
  return std::chrono::floor<std::chrono::days>(r.value.earliest).time_since_epoch().count();
}

}  // namespace

TEST_CASE("every Solar Hijri day of 1300-1500 falls where jalaali-js puts it", "[calendar][solar_hijri]") {
  REQUIRE(nowruz_march_days.size() == 202);
  int days = 0;
  for (int jy = first_year; jy <= 1500; ++jy) {
    const std::int64_t length = nowruz(jy + 1) - nowruz(jy);  // 365 or 366
    for (unsigned m = 1; m <= 12; ++m) {
      const unsigned month_length = m <= 6 ? 31 : m <= 11 ? 30 : static_cast<unsigned>(length - 336);
      for (unsigned d = 1; d <= month_length; ++d) {
        const std::int64_t expected = nowruz(jy) + (m <= 7 ? (m - 1) * 31 : 186 + (m - 7) * 30) + d - 1;
        const auto got = to_days(jy, m, d);
        REQUIRE(got);
        REQUIRE(*got == expected);
        ++days;
      }
      if (month_length < 31) REQUIRE_FALSE(to_days(jy, m, month_length + 1));
    }
  }
  CHECK(days == 73414);
}

TEST_CASE("solar_hijri.h's arithmetic cycle misses the official calendar in some years", "[calendar][solar_hijri]") {
  // Why annals uses Borkowski's algorithm: the library's Nowruz differs in these years.
  std::vector<int> differing;
  for (int jy = first_year; jy <= 1500; ++jy) {
    const solar_hijri::year_month_day library{solar_hijri::year{jy}, solar_hijri::month{1}, solar_hijri::day{1}};
    if (date::sys_days{library}.time_since_epoch().count() != nowruz(jy)) differing.push_back(jy);
  }
  CHECK(std::find(differing.begin(), differing.end(), 1404) != differing.end());
  CHECK(to_days(1404, 1, 1) == std::chrono::sys_days{std::chrono::year{2025} / 3 / 21}.time_since_epoch().count());
  CHECK(to_days(1403, 12, 30).has_value());
  CHECK_FALSE(to_days(1404, 12, 30).has_value());
  INFO("years where solar_hijri.h differs: " << differing.size());
  CHECK(differing.size() > 0);
}

TEST_CASE("Solar Hijri anchor days of SPEC and history", "[calendar][solar_hijri]") {
  const annals::date_context c = solar_hijri_context();
  const auto day = [&](const char* text) {
    const auto r = annals::normalize_date(text, c);
    REQUIRE(r.ok());
    return annals::format_bound(r.value.earliest, r.value.prec);
  };
  CHECK(day("1394-09-02") == "2015-11-23");
  CHECK(day("1357-11-22") == "1979-02-11");
  CHECK(day("1404-01-01") == "2025-03-21");
  CHECK(day("22 Bahman 1357") == "1979-02-11");
  CHECK(day("1 Farvardin 1404") == "2025-03-21");
  // Widening works in Solar Hijri months: Esfand 1403 (30 days, a leap year) +- one month.
  CHECK(day("1403-12~") == "2025-01-20");
}
