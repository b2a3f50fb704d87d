#pragma once

// The calendars annals reads (SPEC §3, the mapping form's `calendar`), each one row of one
// table: its names, era words, month names with every spelling reading accepts, the
// months of its years, and its conversion to and from day numbers. The grammar (words.cpp,
// grammar_absolute.cpp), the labels (date_label.cpp), the spelling hints and the schema's
// list read the rows; a new calendar is one file (calendar_<id>.cpp) and one row.
//
// Days count from 1970-01-01 like date::sys_days, in int64 so that the Gregorian calendar
// reaches EDTF long years. A month is named by its slot: the place of its name in the
// row's month list (Gregorian 1..12 from January; Hebrew 1..13 from Tishri, slot 6 Adar I
// only in leap years). A month index counts the months that exist, in time order, so that
// stepping by months never assumes twelve to a year.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "annals/temporal.hpp"
#include "time/civil.hpp"

namespace annals::detail {

/// One month's names: what labels print and every other spelling reading accepts.
struct month_name {
  std::string_view full;       // "Jumada al-Akhirah"
  std::string_view abbr;       // "Jumada II": what labels print
  std::string_view spellings;  // more, '|'-separated: "Jumada al-Thani|Jumada al-Akhira|Jumada II"
  std::string_view leap = {};  // the label in a leap year, when it differs ("Adar II")
};

/// A calendar: one row of the table (calendars.cpp lists the rows, one file each).
struct calendar_row {
  calendar cal;
  std::string_view id;     // files and JSON: "solar_hijri"
  std::string_view title;  // labels and the "(Solar Hijri)" suffix
  std::string_view names;  // more suffix names, '|'-separated: "Persian|Jalali"
  std::string_view eras;   // era words after a year, '|'-separated, without dots: "SH|AP"
  std::span<const month_name> months;  // by slot
  bool lunar = false;          // months follow the moon: a season has no months in it
  bool english_years = false;  // years as English writes them: "44 BC", "AD 79"
  std::int64_t min_year = 0, max_year = 0;
  /// The days (Gregorian day numbers) the calendar was the civil one; proleptic outside.
  std::int64_t official_first = 0, official_last = 0;
  // The arithmetic. Months by slot; days_in_month is 0 where the year has no such month.
  std::optional<std::int64_t> (*to_days)(std::int64_t y, unsigned m, unsigned d);
  unsigned (*days_in_month)(std::int64_t y, unsigned m);
  civil::ymd (*from_days)(std::int64_t z);
  /// The month index of year y's first month; null: 12 * y.
  std::int64_t (*months_before)(std::int64_t y) = nullptr;
  /// The slot of the year's k-th month (k from 1), and back; null: the slot is k.
  unsigned (*slot_at)(std::int64_t y, unsigned k) = nullptr;
  unsigned (*position_of)(std::int64_t y, unsigned slot) = nullptr;  // 0: no such month that year
  bool (*leap)(std::int64_t y) = nullptr;  // for month_name::leap
  /// A year as a label writes it ("an VIII"); null: its number (or English years).
  std::string (*year_text)(std::int64_t y) = nullptr;
  double months_per_year = 12;  // on average, to find a month index's year
  /// The first month of spring, the seasons following by threes (Gregorian: March, winter
  /// December to February; Solar Hijri: Farvardin, winter Dey to Esfand).
  unsigned spring = 3;
  /// Why the calendar cannot convert in this run (a library that could not be loaded); null: it can.
  const char* (*unavailable)() = nullptr;
};

/// Every calendar's row, in the enum's order.
std::span<const calendar_row* const> calendar_rows();
/// The row of calendar `c`.
const calendar_row& row_of(calendar c);

/// Day number of y-m-d in calendar `c`; nullopt when there is no such day or the year
/// is outside what the calendar supports.
std::optional<std::int64_t> to_days(calendar c, std::int64_t y, unsigned m, unsigned d);

/// The length of month `m` of year `y`; 0 when the year has no such month or is out of range.
unsigned days_in_month(calendar c, std::int64_t y, unsigned m);

/// The date in calendar `c` of day `z` (which must lie in the calendar's range).
civil::ymd from_days(calendar c, std::int64_t z);

/// Why calendar `c` cannot convert in this run, or nullopt.
std::optional<std::string_view> unavailable(calendar c);

/// Whether year `y` is in the calendar's range (and the calendar can convert).
bool year_in_range(calendar c, std::int64_t y);

/// The months of year `y`, slots from 1; the last slot of the year.
unsigned months_in_year(calendar c, std::int64_t y);

/// Month indexes: the months that exist, in time order. month_index is nullopt when year
/// `y` has no month `m`; month `m` beyond the year's months counts on into the next years
/// (month 14 of a Gregorian year is February of the next).
std::optional<std::int64_t> month_index(calendar c, std::int64_t y, std::int64_t m);
civil::ymd month_at(calendar c, std::int64_t index);
/// The index of year `y`'s first month.
std::int64_t first_month_index(calendar c, std::int64_t y);

/// The month indexes [first, last] of part `part` (0 early, 1 mid, 2 late) of year `y`:
/// its months 1-4, 5-8 and 9 to the end (SPEC §3), read and labelled alike.
std::pair<std::int64_t, std::int64_t> year_part(calendar c, std::int64_t y, int part);

/// The names of month `m` (a slot) of year `y`; empty names for no such slot.
const month_name& month_of(calendar c, std::int64_t y, unsigned m);
/// What a label prints for month `m` of year `y`: "Nov", "Jumada II", "Adar II".
std::string_view month_label(calendar c, std::int64_t y, unsigned m);

/// A year's number as a label writes it when the calendar has its own form ("an VIII").
std::optional<std::string> year_text(calendar c, std::int64_t y);

/// The year a Roman numeral writes ("VIII" in "an VIII"): canonical numerals only.
std::optional<std::int64_t> roman_year(std::string_view w);

/// The calendar as a label names it: "Julian", "Solar Hijri".
std::string_view calendar_title(calendar c);

/// Whether day `z` lies outside the days calendar `c` was in civil use (proleptic).
bool proleptic(calendar c, std::int64_t z);

/// A date text that names its calendar at its end, "(Julian)", "(Hijri)" (any case), or by
/// an era after its year ("1324 AH", "1298 A.H."), split into the calendar and the date
/// before it (the era removed; the suffix's parentheses too).
struct named_calendar {
  calendar cal;
  std::string_view rest;
};
std::optional<named_calendar> calendar_suffix(std::string_view text);

/// Solar Hijri by Borkowski's algorithm: the day of 1 Farvardin of year `jy` and
/// whether `jy` is a leap year; nullopt outside the algorithm's range [-61, 3177].
struct jalali_year {
  std::int64_t nowruz = 0;
  bool leap = false;
};
std::optional<jalali_year> borkowski(std::int64_t jy);

}  // namespace annals::detail
