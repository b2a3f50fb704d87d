#include "time/calendars.hpp"

#include <algorithm>
#include <iterator>

#include <date/date.h>
#include <date/islamic.h>
#include <date/julian.h>
#include <date/solar_hijri.h>

namespace annals::detail {
namespace {

constexpr std::int64_t library_max_year = 32767;  // date::year's range

bool in_library_range(std::int64_t y) { return y >= -library_max_year && y <= library_max_year; }

// Julian, Islamic (the tabular civil calendar of islamic.h) and, outside Borkowski's
// range, Solar Hijri share the date library's shape: Cal::year_month_day <-> sys_days.
template <class Ymd, class Year, class Month, class Day>
std::optional<std::int64_t> library_to_days(std::int64_t y, unsigned m, unsigned d) {
  if (!in_library_range(y)) return std::nullopt;
  const Ymd ymd{Year{static_cast<int>(y)}, Month{m}, Day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd}.time_since_epoch().count();
}

template <class Ymd>
civil::ymd library_from_days(std::int64_t z) {
  const Ymd ymd{date::sys_days{date::days{z}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

template <class Ymdl, class Year, class Month, class Mdl>
unsigned library_days_in_month(std::int64_t y, unsigned m) {
  if (!in_library_range(y)) return 0;
  return static_cast<unsigned>(Ymdl{Year{static_cast<int>(y)}, Mdl{Month{m}}}.day());
}

// Solar Hijri month m starts this many days after 1 Farvardin: six months of 31 days,
// five of 30, then Esfand (29, 30 in a leap year).
constexpr unsigned jalali_month_start(unsigned m) { return m <= 7 ? (m - 1) * 31 : 186 + (m - 7) * 30; }

unsigned jalali_days_in_month(unsigned m, bool leap) { return m <= 6 ? 31 : m <= 11 ? 30 : leap ? 30 : 29; }

constexpr month_names english = {
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
     "December"},
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}};
// The common transliterations of the Solar Hijri months.
constexpr month_names persian = {
    {"Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman",
     "Esfand"},
    {"Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman",
     "Esfand"}};
constexpr month_names hijri = {
    {"Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah", "Rajab", "Shaban",
     "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah"},
    {"Muharram", "Safar", "Rabi I", "Rabi II", "Jumada I", "Jumada II", "Rajab", "Shaban", "Ramadan", "Shawwal",
     "Dhu al-Qadah", "Dhu al-Hijjah"}};

}  // namespace

const month_names& months_of(calendar c) {
  switch (c) {
    case calendar::gregorian:
    case calendar::julian: return english;
    case calendar::solar_hijri: return persian;
    case calendar::islamic: return hijri;
  }
  return english;
}

namespace {

// Each calendar's two names, in the enum's order: the one files and JSON write, and the
// one a label and a "(Julian)" suffix use.
struct calendar_name {
  calendar cal;
  std::string_view id;
  std::string_view title;
  std::string_view era;  // written after a year to name the calendar: "1 Muharram 1437 AH"
};
constexpr calendar_name calendar_names[] = {
    {calendar::gregorian, "gregorian", "Gregorian", ""},
    {calendar::julian, "julian", "Julian", ""},
    {calendar::solar_hijri, "solar_hijri", "Solar Hijri", "SH"},
    {calendar::islamic, "islamic", "Islamic", "AH"},
};
static_assert(std::size(calendar_names) == static_cast<std::size_t>(calendar::islamic) + 1);

const calendar_name& names_of(calendar c) { return calendar_names[static_cast<std::size_t>(c)]; }

}  // namespace

std::string_view calendar_title(calendar c) { return names_of(c).title; }

std::optional<named_calendar> calendar_suffix(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  // "1437 AH", "1394 A.H.": the calendar's era after the year.
  if (const std::size_t space = text.rfind(' '); space != std::string_view::npos && space > 0 &&
                                                 text[space - 1] >= '0' && text[space - 1] <= '9') {
    std::string era;
    for (const char c : text.substr(space + 1))
      if (c != '.') era += static_cast<char>(c & ~0x20);
    for (const calendar_name& n : calendar_names)
      if (!n.era.empty() && era == n.era) return named_calendar{n.cal, text.substr(0, space)};
  }
  if (text.empty() || text.back() != ')') return std::nullopt;
  const std::size_t open = text.rfind('(');
  if (open == std::string_view::npos) return std::nullopt;
  const std::string_view name = text.substr(open + 1, text.size() - open - 2);
  for (const calendar_name& n : calendar_names) {
    const std::string_view title = n.title;
    const bool same = name.size() == title.size() && std::equal(name.begin(), name.end(), title.begin(), [](char a, char b) {
                        return (a | 0x20) == (b | 0x20);
                      });
    if (!same) continue;
    std::string_view rest = text.substr(0, open);
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    return named_calendar{n.cal, rest};
  }
  return std::nullopt;
}

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

std::optional<std::int64_t> to_days(calendar c, std::int64_t y, unsigned m, unsigned d) {
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  switch (c) {
    case calendar::gregorian:
      if (y < -civil::max_year || y > civil::max_year || d > civil::last_day(y, m)) return std::nullopt;
      return civil::days_from_civil(y, m, d);
    case calendar::julian:
      return library_to_days<julian::year_month_day, julian::year, julian::month, julian::day>(y, m, d);
    case calendar::islamic:
      return library_to_days<islamic::year_month_day, islamic::year, islamic::month, islamic::day>(y, m, d);
    case calendar::solar_hijri:
      if (const auto jy = borkowski(y)) {
        if (d > jalali_days_in_month(m, jy->leap)) return std::nullopt;
        return jy->nowruz + jalali_month_start(m) + d - 1;
      }
      return library_to_days<solar_hijri::year_month_day, solar_hijri::year, solar_hijri::month, solar_hijri::day>(
          y, m, d);
  }
  return std::nullopt;
}

unsigned days_in_month(calendar c, std::int64_t y, unsigned m) {
  if (m < 1 || m > 12) return 0;
  switch (c) {
    case calendar::gregorian:
      return y < -civil::max_year || y > civil::max_year ? 0 : civil::last_day(y, m);
    case calendar::julian:
      return library_days_in_month<julian::year_month_day_last, julian::year, julian::month, julian::month_day_last>(
          y, m);
    case calendar::islamic:
      return library_days_in_month<islamic::year_month_day_last, islamic::year, islamic::month,
                                   islamic::month_day_last>(y, m);
    case calendar::solar_hijri:
      if (const auto jy = borkowski(y)) return jalali_days_in_month(m, jy->leap);
      return library_days_in_month<solar_hijri::year_month_day_last, solar_hijri::year, solar_hijri::month,
                                   solar_hijri::month_day_last>(y, m);
  }
  return 0;
}

civil::ymd from_days(calendar c, std::int64_t z) {
  switch (c) {
    case calendar::gregorian:
      return civil::civil_from_days(z);
    case calendar::julian:
      return library_from_days<julian::year_month_day>(z);
    case calendar::islamic:
      return library_from_days<islamic::year_month_day>(z);
    case calendar::solar_hijri: {
      std::int64_t jy = civil::civil_from_days(z).y - 621;  // 1 Farvardin falls in March
      auto year = borkowski(jy);
      if (year && z < year->nowruz) year = borkowski(--jy);
      if (!year) return library_from_days<solar_hijri::year_month_day>(z);
      const auto doy = static_cast<unsigned>(z - year->nowruz);  // [0, 365]
      if (doy < 186) return {jy, doy / 31 + 1, doy % 31 + 1};
      return {jy, (doy - 186) / 30 + 7, (doy - 186) % 30 + 1};
    }
  }
  return civil::civil_from_days(z);
}

}  // namespace annals::detail

namespace annals {

std::string_view to_string(calendar c) { return detail::names_of(c).id; }

std::optional<calendar> parse_calendar(std::string_view name) {
  for (const detail::calendar_name& n : detail::calendar_names)
    if (n.id == name) return n.cal;
  return std::nullopt;
}

}  // namespace annals
