// calendar_difference, to_iso, to_english, elapsed_english and the compact spans of
// duration.hpp; parse_duration, add and subtract live in duration.cpp.

#include <algorithm>
#include <array>
#include <cassert>
#include <utility>
#include <string>
#include <vector>

#include "annals/duration.hpp"
#include "time/civil.hpp"

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

namespace {

// The units of a compact span below days: hours, minutes, seconds.
constexpr char compact_units[] = {'h', 'm', 's'};

// |seconds| as days and [hours, minutes, seconds]; unsigned, as the most negative count
// has no positive twin.
std::pair<std::uint64_t, std::array<std::uint64_t, 3>> compact_parts(std::int64_t seconds) {
  const std::uint64_t s = seconds < 0 ? 0 - static_cast<std::uint64_t>(seconds) : static_cast<std::uint64_t>(seconds);
  return {s / 86400, {s % 86400 / 3600, s % 3600 / 60, s % 60}};  // [0, 24), [0, 60), [0, 60)
}

// The last unit below days that is not zero: 0 hours, 1 minutes, 2 seconds; -1 when none.
int finest_unit(std::int64_t seconds) {
  const auto units = compact_parts(seconds).second;
  int last = 2;
  while (last >= 0 && units[static_cast<std::size_t>(last)] == 0) --last;
  return last;
}

// The span written down to unit `finest` at least (-1: to its own finest unit).
std::string compact(std::int64_t seconds, int finest) {
  const auto [days, units] = compact_parts(seconds);
  std::string out = seconds < 0 ? "\u2212" : "";
  if (days != 0) out += std::to_string(days) + 'd';
  int first = 0;
  while (first < 3 && units[static_cast<std::size_t>(first)] == 0) ++first;
  const int last = std::max(finest, finest_unit(seconds));
  if (last < 0) return days != 0 ? out : out + "0m";
  first = std::min(first, last);  // a zero unit asked for: "0m" in "0m–10h17m", "2d 0h"
  if (days != 0) out += ' ';
  for (int i = first; i <= last; ++i) {
    const std::uint64_t n = units[static_cast<std::size_t>(i)];
    if (i != first && n < 10) out += '0';
    out += std::to_string(n);
    out += compact_units[i];
  }
  return out;
}

}  // namespace

std::string compact_span(std::int64_t seconds) { return compact(seconds, -1); }

std::string compact_range(std::int64_t lo, std::int64_t hi) {
  if (lo == hi) return compact_span(lo);
  // Both ends down to the same unit: "1h58m–2h00m", not "1h58m–2h".
  const int finest = std::max(finest_unit(lo), finest_unit(hi));
  return compact(lo, finest) + "\u2013" + compact(hi, finest);
}

}  // namespace annals
