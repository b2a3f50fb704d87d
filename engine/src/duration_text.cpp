// calendar_difference, to_iso and to_english of duration.hpp; parse_duration, add and
// subtract live in duration.cpp.

#include <algorithm>
#include <cassert>
#include <limits>
#include <string>
#include <vector>

#include <date/date.h>

#include "annals/duration.hpp"
#include "calendar_days.hpp"

namespace annals {

namespace detail {

namespace {

// Far enough outside any date (about ±2.7e13 years) to act as "never", near
// enough that adding a few cycles cannot overflow int64 days.
constexpr std::int64_t saturated_days = std::int64_t{1} << 53;
constexpr std::int64_t saturated_months = std::int64_t{1} << 48;

// Within one cycle of 1970 both ends fit date::days and date::year.
std::chrono::sys_days add_months_near_epoch(std::int64_t day, std::int64_t months) {
  const date::sys_days d{date::days{static_cast<int>(day)}};
  const date::year_month_day ymd{d};
  // [0, 4800) months from a date in 1970..2369: the year stays below 2770.
  const date::year_month_day moved = ymd + date::months{static_cast<int>(months)};
  const date::year_month_day clamped =
      moved.ok() ? moved : date::year_month_day{moved.year() / moved.month() / date::last};
  return std::chrono::sys_days{std::chrono::days{date::sys_days{clamped}.time_since_epoch().count()}};
}

}  // namespace

std::int64_t total_months(const duration& d) {
  const auto limit = saturated_months / 12;
  if (d.years > limit || d.years < -limit || d.months > limit || d.months < -limit) {
    return (d.years < 0 || (d.years == 0 && d.months < 0)) ? -saturated_months : saturated_months;
  }
  return d.years * 12 + d.months;
}

std::chrono::sys_days add_months(std::chrono::sys_days d, std::int64_t months) {
  const std::int64_t day = d.time_since_epoch().count();
  if (day >= saturated_days || day <= -saturated_days || months >= saturated_months ||
      months <= -saturated_months) {
    const bool up = months > 0 || (months == 0 && day > 0);
    return std::chrono::sys_days{std::chrono::days{up ? saturated_days : -saturated_days}};
  }
  const std::int64_t day_cycles = floor_div(day, cycle_days);
  const std::int64_t month_cycles = floor_div(months, cycle_months);
  const std::int64_t base = day - day_cycles * cycle_days;           // [0, 146097)
  const std::int64_t rest = months - month_cycles * cycle_months;    // [0, 4800)
  const std::int64_t moved = add_months_near_epoch(base, rest).time_since_epoch().count();
  return std::chrono::sys_days{std::chrono::days{moved + (day_cycles + month_cycles) * cycle_days}};
}

std::chrono::sys_days add_days(std::chrono::sys_days d, const duration& dur) {
  auto clamp_days = [](std::int64_t v) { return std::min(std::max(v, -saturated_days), saturated_days); };
  const std::int64_t months = total_months(dur);
  std::int64_t day = add_months(d, months).time_since_epoch().count();
  day = clamp_days(day + clamp_days(dur.days));
  // Seconds round up: a stretch of 36 hours needs 2 calendar days.
  const std::int64_t second_days = dur.seconds >= 0 ? (dur.seconds + 86399) / 86400 : -((-dur.seconds) / 86400);
  day = clamp_days(day + second_days);
  return std::chrono::sys_days{std::chrono::days{day}};
}

}  // namespace detail

duration calendar_difference(std::chrono::sys_days from, std::chrono::sys_days to) {
  assert(from <= to);
  if (to <= from) return {};
  const std::int64_t f = from.time_since_epoch().count();
  const std::int64_t t = to.time_since_epoch().count();
  // Shift `from` into [1970, 2370) and `to` to within one cycle after it; the cycles
  // taken off the span come back as 400 years each.
  const std::int64_t shift = detail::floor_div(f, detail::cycle_days);
  const std::int64_t span_cycles = detail::floor_div(t - f, detail::cycle_days);
  const std::int64_t f0 = f - shift * detail::cycle_days;                       // [0, 146097)
  const std::int64_t t0 = t - (shift + span_cycles) * detail::cycle_days;  // [f0, f0 + 146097)

  const date::year_month_day a{date::sys_days{date::days{static_cast<int>(f0)}}};
  const date::year_month_day b{date::sys_days{date::days{static_cast<int>(t0)}}};
  const std::chrono::sys_days from0{std::chrono::days{f0}};
  const std::chrono::sys_days to0{std::chrono::days{t0}};
  // Whole months: the most m with from + m months (clamped) <= to, so that
  // add(from, result) == to and 2015-01-31 -> 2015-02-28 is exactly 1 month.
  std::int64_t months = (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
                        (static_cast<int>(static_cast<unsigned>(b.month())) -
                         static_cast<int>(static_cast<unsigned>(a.month())));
  if (detail::add_months(from0, months) > to0) --months;
  const std::int64_t days = (to0 - detail::add_months(from0, months)).count();  // [0, 31)
  return duration{months / 12 + 400 * span_cycles, months % 12, days, 0};
}

std::string to_iso(const duration& d) {
  std::string out = "P";
  auto part = [&out](std::int64_t n, char unit) {
    if (n != 0) out += std::to_string(n) + unit;
  };
  part(d.years, 'Y');
  part(d.months, 'M');
  part(d.days, 'D');
  if (d.seconds != 0) {
    out += 'T';
    part(d.seconds / 3600, 'H');
    part(d.seconds % 3600 / 60, 'M');
    part(d.seconds % 60, 'S');
  }
  return out == "P" ? "P0D" : out;
}

std::string to_english(const duration& d) {
  std::vector<std::string> parts;
  auto part = [&parts](std::int64_t n, const char* unit) {
    if (n == 0) return;
    std::string p = std::to_string(n) + ' ' + unit;
    if (n != 1 && n != -1) p += 's';
    parts.push_back(std::move(p));
  };
  part(d.years, "year");
  part(d.months, "month");
  part(d.days, "day");
  part(d.seconds / 3600, "hour");
  part(d.seconds % 3600 / 60, "minute");
  part(d.seconds % 60, "second");
  if (parts.empty()) return "0 days";
  std::string out = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) {
    out += (i + 1 == parts.size()) ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

}  // namespace annals
