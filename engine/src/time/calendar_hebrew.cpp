// The Hebrew calendar: ICU's HebrewCalendar gives the day of each 1 Tishri (the molad and
// its postponements); the months follow from the year's length. Years count from the
// Creation (Anno Mundi; 5670 began on 16 September 1909). The ICU headers stay in this file.

#include <cmath>
#include <memory>

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include "time/calendar_rows.hpp"

namespace annals::detail {
namespace {

constexpr double ms_per_day = 86400000.0;

// A leap year has Adar I: years 3, 6, 8, 11, 14, 17 and 19 of the 19-year cycle.
bool leap(std::int64_t y) { return civil::floor_mod(7 * y + 1, 19) < 7; }

// The day of 1 Tishri of year y, from ICU (one calendar per thread: ICU calendars are not
// shared across threads).
std::optional<std::int64_t> new_year(std::int64_t y) {
  thread_local std::unique_ptr<icu::Calendar> cal = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> c(
        icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=hebrew"), status));
    return U_SUCCESS(status) ? std::move(c) : nullptr;
  }();
  if (!cal) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  cal->clear();
  cal->set(static_cast<std::int32_t>(y), 0, 1);  // 1 Tishri (ICU's month 0)
  const UDate ms = cal->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return static_cast<std::int64_t>(std::floor(ms / ms_per_day));
}

// The lengths of the slots: Heshvan and Kislev follow the year's length (353..355 days, or
// 383..385 in a leap year: deficient, regular, complete); slot 6, Adar I, only in a leap year.
unsigned slot_length(std::int64_t y, unsigned m, unsigned year_days) {
  static constexpr unsigned fixed[] = {30, 0, 0, 29, 30, 30, 29, 30, 29, 30, 29, 30, 29};
  const unsigned kind = year_days % 10;  // 3 deficient, 4 regular, 5 complete
  if (m == 2) return kind == 5 ? 30 : 29;
  if (m == 3) return kind == 3 ? 29 : 30;
  if (m == 6 && !leap(y)) return 0;
  return fixed[m - 1];
}

std::optional<unsigned> year_days(std::int64_t y) {
  const auto a = new_year(y), b = new_year(y + 1);
  if (!a || !b) return std::nullopt;
  return static_cast<unsigned>(*b - *a);
}

std::optional<std::int64_t> to_days(std::int64_t y, unsigned m, unsigned d) {
  const auto start = new_year(y);
  const auto days = year_days(y);
  if (!start || !days || d > slot_length(y, m, *days)) return std::nullopt;
  std::int64_t z = *start;
  for (unsigned k = 1; k < m; ++k) z += slot_length(y, k, *days);
  return z + d - 1;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  const auto days = year_days(y);
  return days ? slot_length(y, m, *days) : 0;
}

civil::ymd from_days(std::int64_t z) {
  std::int64_t y = civil::civil_from_days(z).y + 3761;  // Tishri falls in September or October
  auto start = new_year(y);
  while (start && *start > z) start = new_year(--y);
  const unsigned days = *year_days(y);
  auto rest = static_cast<unsigned>(z - *start);
  unsigned m = 1;
  while (rest >= slot_length(y, m, days)) rest -= slot_length(y, m++, days);
  return {y, m, rest + 1};
}

// Months elapsed before year y: 235 in each 19-year cycle, 12 or 13 a year.
std::int64_t months_before(std::int64_t y) { return civil::floor_div(235 * y - 234, 19); }

unsigned slot_at(std::int64_t y, unsigned k) { return leap(y) || k <= 5 ? k : k + 1; }

unsigned position_of(std::int64_t y, unsigned slot) {
  if (leap(y)) return slot;
  return slot == 6 ? 0 : slot < 6 ? slot : slot - 1;
}

// Slot 7 is Adar in a common year and Adar II in a leap year (ICU's ADAR); plain "Adar"
// reads as it, as ICU reads it.
constexpr month_name months[] = {
    {"Tishri", "Tishri", "Tishrei|Tishre|Tisri|Tishrey"},
    {"Heshvan", "Heshvan", "Cheshvan|Marcheshvan|Marheshvan|Hesvan|Khesvan|Mar Cheshvan|Chesvan|Marchesvan"},
    {"Kislev", "Kislev", "Chislev|Kislew|Kislef|Chisleu"},
    {"Tevet", "Tevet", "Teves|Tebeth|Tebet|Teveth"},
    {"Shevat", "Shevat", "Shvat|Shebat|Sebat|Shevet"},
    {"Adar I", "Adar I", "Adar Aleph|Adar Alef|Adar Rishon|Adar 1|First Adar"},
    {"Adar", "Adar", "Adar II|Adar Bet|Adar Beth|Adar Sheni|Veadar|Ve Adar|Second Adar|Adar 2", "Adar II"},
    {"Nisan", "Nisan", "Nissan|Nisn"},
    {"Iyar", "Iyar", "Iyyar|Iyyor|Ijar"},
    {"Sivan", "Sivan", "Siwan|Sivn"},
    {"Tammuz", "Tammuz", "Tamuz|Tamus"},
    {"Av", "Av", "Ab|Menachem Av"},
    {"Elul", "Elul", ""},
};

}  // namespace

extern const calendar_row hebrew_calendar{
    .cal = calendar::hebrew, .id = "hebrew", .title = "Hebrew", .names = "Jewish",
    .eras = "AM", .months = months, .lunar = true, .english_years = false,
    .min_year = 1, .max_year = 9999,
    .official_first = -civil::max_day, .official_last = civil::max_day,
    .to_days = to_days, .days_in_month = days_in_month, .from_days = from_days,
    .months_before = months_before, .slot_at = slot_at, .position_of = position_of, .leap = leap,
    .year_text = nullptr, .months_per_year = 235.0 / 19.0};

}  // namespace annals::detail
