// The Gregorian calendar (the civil-time core's, civil.hpp) and the Julian (date's julian.h).

#include <date/date.h>
#include <date/julian.h>

#include "time/calendar_rows.hpp"

namespace annals::detail {
namespace {

std::optional<std::int64_t> gregorian_to_days(std::int64_t y, unsigned m, unsigned d) {
  if (d > civil::last_day(y, m)) return std::nullopt;
  return civil::days_from_civil(y, m, d);
}

unsigned gregorian_days_in_month(std::int64_t y, unsigned m) { return civil::last_day(y, m); }

civil::ymd gregorian_from_days(std::int64_t z) { return civil::civil_from_days(z); }

std::optional<std::int64_t> julian_to_days(std::int64_t y, unsigned m, unsigned d) {
  const julian::year_month_day ymd{julian::year{static_cast<int>(y)}, julian::month{m}, julian::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd}.time_since_epoch().count();
}

unsigned julian_days_in_month(std::int64_t y, unsigned m) {
  const julian::year_month_day_last last{julian::year{static_cast<int>(y)}, julian::month_day_last{julian::month{m}}};
  return static_cast<unsigned>(last.day());
}

civil::ymd julian_from_days(std::int64_t z) {
  const julian::year_month_day ymd{date::sys_days{date::days{z}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

constexpr std::int64_t library_max_year = 32767;  // date::year's range

}  // namespace

extern const month_name english_months[12] = {
    {"January", "Jan", ""},  {"February", "Feb", ""}, {"March", "Mar", ""},     {"April", "Apr", ""},
    {"May", "May", ""},      {"June", "Jun", ""},     {"July", "Jul", ""},      {"August", "Aug", ""},
    {"September", "Sep", "Sept"}, {"October", "Oct", ""}, {"November", "Nov", ""}, {"December", "Dec", ""}};

// In civil use from 15 October 1582 (Inter gravissimas); proleptic before.
extern const calendar_row gregorian_calendar{
    .cal = calendar::gregorian, .id = "gregorian", .title = "Gregorian", .names = "", .eras = "",
    .months = english_months, .lunar = false, .english_years = true,
    .min_year = -civil::max_year, .max_year = civil::max_year,
    .official_first = civil::days_from_civil(1582, 10, 15), .official_last = civil::max_day,
    .to_days = gregorian_to_days, .days_in_month = gregorian_days_in_month, .from_days = gregorian_from_days};

// Caesar's calendar from 45 BC (its leap years kept regularly only from AD 8; annals
// counts them proleptically, as julian.h does).
extern const calendar_row julian_calendar{
    .cal = calendar::julian, .id = "julian", .title = "Julian", .names = "", .eras = "",
    .months = english_months, .lunar = false, .english_years = true,
    .min_year = -library_max_year, .max_year = library_max_year,
    .official_first = civil::days_from_civil(-44, 1, 1) - 2, .official_last = civil::max_day,
    .to_days = julian_to_days, .days_in_month = julian_days_in_month, .from_days = julian_from_days};

}  // namespace annals::detail
