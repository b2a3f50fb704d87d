// calendar_difference, to_iso, to_english and elapsed_english of duration.hpp;
// parse_duration, add and subtract live in duration.cpp.

#include <cassert>
#include <string>
#include <vector>

#include "annals/duration.hpp"
#include "civil.hpp"

namespace annals {

duration calendar_difference(std::int64_t from, std::int64_t to) {
  assert(from <= to);
  if (to <= from) return {};
  const civil::ymd a = civil::civil_from_days(from), b = civil::civil_from_days(to);
  // Whole months: the most m with from + m months (clamped) <= to, so that
  // add(from, result) == to and 2015-01-31 -> 2015-02-28 is exactly 1 month.
  std::int64_t months = (b.y - a.y) * 12 + (static_cast<std::int64_t>(b.m) - a.m);
  if (civil::add_months(from, months) > to) --months;
  const std::int64_t days = to - civil::add_months(from, months);  // [0, 31)
  return duration{months / 12, months % 12, days, 0};
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

std::string elapsed_english(std::int64_t seconds) {
  assert(seconds >= 0);
  std::string out;
  auto part = [&out](std::int64_t n, const char* unit) {
    if (n == 0) return;
    if (!out.empty()) out += ' ';
    out += std::to_string(n) + ' ' + unit;
    if (n != 1) out += 's';
  };
  part(seconds / 86400, "day");
  part(seconds % 86400 / 3600, "hour");
  part(seconds % 3600 / 60, "minute");
  part(seconds % 60, "second");
  return out.empty() ? "0 minutes" : out;
}

}  // namespace annals
