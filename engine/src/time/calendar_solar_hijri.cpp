// The Solar Hijri (Persian) calendar: Borkowski's algorithm where it reaches, date's
// solar_hijri.h beyond.

#include <date/date.h>
#include <date/solar_hijri.h>

#include "time/calendar_rows.hpp"

namespace annals::detail {
namespace {

// Solar Hijri month m starts this many days after 1 Farvardin: six months of 31 days,
// five of 30, then Esfand (29, 30 in a leap year).
constexpr unsigned month_start(unsigned m) { return m <= 7 ? (m - 1) * 31 : 186 + (m - 7) * 30; }

unsigned month_length(unsigned m, bool leap) { return m <= 6 ? 31 : m <= 11 ? 30 : leap ? 30 : 29; }

constexpr std::int64_t library_max_year = 32767;  // date::year's range

std::optional<std::int64_t> to_days(std::int64_t y, unsigned m, unsigned d) {
  if (const auto jy = borkowski(y)) {
    if (d > month_length(m, jy->leap)) return std::nullopt;
    return jy->nowruz + month_start(m) + d - 1;
  }
  const solar_hijri::year_month_day ymd{solar_hijri::year{static_cast<int>(y)}, solar_hijri::month{m},
                                        solar_hijri::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd}.time_since_epoch().count();
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  if (const auto jy = borkowski(y)) return month_length(m, jy->leap);
  const solar_hijri::year_month_day_last last{solar_hijri::year{static_cast<int>(y)},
                                              solar_hijri::month_day_last{solar_hijri::month{m}}};
  return static_cast<unsigned>(last.day());
}

civil::ymd from_days(std::int64_t z) {
  std::int64_t jy = civil::civil_from_days(z).y - 621;  // 1 Farvardin falls in March
  auto year = borkowski(jy);
  if (year && z < year->nowruz) year = borkowski(--jy);
  if (!year) {
    const solar_hijri::year_month_day ymd{date::sys_days{date::days{z}}};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
  }
  const auto doy = static_cast<unsigned>(z - year->nowruz);  // [0, 365]
  if (doy < 186) return {jy, doy / 31 + 1, doy % 31 + 1};
  return {jy, (doy - 186) / 30 + 7, (doy - 186) % 30 + 1};
}

// The common transliterations, and the older and Dari-influenced ones (Khurdad, Amordad,
// Isfand); diacritics (Farvardīn) are folded by the tokenizer.
constexpr month_name months[] = {
    {"Farvardin", "Farvardin", "Farwardin|Fravardin"},
    {"Ordibehesht", "Ordibehesht", "Ordibehisht|Ordibehesht|Ardibehesht|Urdibihisht|Ardibahisht"},
    {"Khordad", "Khordad", "Khurdad|Xordad|Khordaad"},
    {"Tir", "Tir", ""},
    {"Mordad", "Mordad", "Amordad|Murdad|Amurdad"},
    {"Shahrivar", "Shahrivar", "Shahrewar|Shahriwar|Shahrivur"},
    {"Mehr", "Mehr", "Mihr"},
    {"Aban", "Aban", "Abaan"},
    {"Azar", "Azar", "Adhar|Azer"},
    {"Dey", "Dey", "Dei"},  // not "Day", which English reads
    {"Bahman", "Bahman", ""},
    {"Esfand", "Esfand", "Isfand|Esfandarmad|Espand"},
};

}  // namespace

// solar_hijri.h (3.0.1) places leap years by a 2820-year arithmetic cycle; the official
// Iranian calendar follows the astronomical vernal equinox at Tehran, which the
// arithmetic cycle misses in some years (it makes 1404 leap instead of 1403, putting
// 1 Farvardin 1404 on 2025-03-20 where Iran kept 2025-03-21). Borkowski's algorithm
// ("The Persian calendar for 3000 years", Earth, Moon and Planets 74, 1996) tracks the
// equinox with a table of break years where the 33-year leap pattern shifts; it is what
// jalaali-js implements, and tests/time/solar_hijri_test.cpp checks every day of 1300-1500
// against jalaali-js. Written here from the published description.
std::optional<jalali_year> borkowski(std::int64_t jy) {
  // Years (Solar Hijri) where the 33-year cycle restarts with a different phase.
  static constexpr int breaks[] = {-61,  9,    38,   199,  426,  686,  756,  818,  1111, 1181,
                                   1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178};
  constexpr int count = sizeof breaks / sizeof breaks[0];
  if (jy < breaks[0] || jy >= breaks[count - 1]) return std::nullopt;
  const int y = static_cast<int>(jy);
  const int gy = y + 621;
  int leap_j = -14;  // leap days in the Solar Hijri calendar before year y, offset
  int jp = breaks[0];
  int jump = 0;
  for (int i = 1; i < count; ++i) {
    const int jm = breaks[i];
    jump = jm - jp;
    if (y < jm) break;
    leap_j += jump / 33 * 8 + jump % 33 / 4;  // 8 leap years per 33, plus the remainder's
    jp = jm;
  }
  int n = y - jp;  // years since the last break, >= 0
  leap_j += n / 33 * 8 + (n % 33 + 3) / 4;
  if (jump % 33 == 4 && jump - n == 4) ++leap_j;
  const int leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;  // Gregorian leap days, same offset
  const int march = 20 + leap_j - leap_g;                    // 1 Farvardin is this day of March
  if (jump - n < 6) n = n - jump + (jump + 4) / 33 * 33;
  int leap = ((n + 1) % 33 - 1) % 4;  // 0: a leap year
  if (leap == -1) leap = 4;
  return jalali_year{civil::days_from_civil(gy, 3, static_cast<unsigned>(march)), leap == 0};
}

// The civil calendar of Iran from 1 Farvardin 1304 (21 March 1925, the law of 31 March
// 1925); proleptic before.
extern const calendar_row solar_hijri_calendar{
    .cal = calendar::solar_hijri, .id = "solar_hijri", .title = "Solar Hijri", .names = "Persian|Jalali|Shamsi",
    .eras = "SH|AP|HS", .months = months, .lunar = false, .english_years = false,
    .min_year = -library_max_year, .max_year = library_max_year,
    .official_first = civil::days_from_civil(1925, 3, 21), .official_last = civil::max_day,
    .to_days = to_days, .days_in_month = days_in_month, .from_days = from_days, .spring = 1};

}  // namespace annals::detail
