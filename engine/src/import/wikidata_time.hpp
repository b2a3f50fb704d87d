#pragma once

// Wikidata's time values as the query service gives them, and the annals dates they become.
//
// A Wikibase time value (mw:Wikibase/DataModel/JSON#time) is a timestamp, a precision
// (0 a billion years, 1 a hundred million, 2 ten million, 3 a million, 4 a hundred
// thousand, 5 ten thousand years, 6 a millennium, 7 a century, 8 a decade, 9 a year, 10 a
// month, 11 a day, 12 an hour, 13 a minute, 14 a second) and a calendar model (Q1985727
// proleptic Gregorian, Q1985786 proleptic Julian). The query service writes the timestamp
// as an xsd:dateTime cleaned by Wikibase's RDF builder (repo/includes/Rdf/
// DateTimeValueCleaner.php, JulianDateTimeValueCleaner.php):
// - at year precision or finer a year BCE is numbered astronomically (XSD 1.1: 44 BC is
//   -0043); coarser, it keeps Wikibase's historical numbering (the 8th century BC is -0800);
// - a Julian value to the day or finer is converted to the Gregorian calendar (the October
//   Revolution, 25 October 1917 Julian, is 1917-11-07), a coarser one is not;
// - month and day are 01 below their precision.
// A decade is floor(year / 10), a century ceil(year / 100), a millennium ceil(year / 1000),
// as Wikidata shows them (lib/includes/Formatters/MwTimeIsoFormatter.php), and ten
// thousand years or more the year rounded to the unit.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annals/record.hpp"
#include "annals/temporal.hpp"

namespace annals::wikidata {

inline constexpr int max_precision = 14;

/// A time value read: its calendar and parts at year precision or finer, the years it
/// covers at any precision (astronomical, so 44 BC is -43).
struct time_value {
  int precision = 11;
  calendar cal = calendar::gregorian;  // only at year precision or finer: coarser values name no calendar
  std::int64_t y = 0;                  // year precision or finer: the date in `cal`
  unsigned m = 1, d = 1, hh = 0, mi = 0, ss = 0;
  std::int64_t first_year = 0, last_year = 0;
};

struct time_read {
  std::optional<time_value> value;
  std::string error;    // why it could not be read
  std::string warning;  // a reading chosen among several (an ambiguous century)
};

/// Reads a value as the query service writes it (`+1917-11-07T00:00:00Z`), at
/// `precision` (0..14) in calendar `cal` (gregorian or julian).
time_read read_time(std::string_view text, int precision, calendar cal);

/// `v` moved by `n` units of its precision (Wikibase's before/after), or nullopt when that
/// leaves the years annals reads.
std::optional<time_value> shifted(const time_value& v, std::int64_t n);

/// The first and the last second `v` covers (UTC, days counted as the Gregorian calendar
/// counts them), to compare values.
std::int64_t first_second(const time_value& v);
std::int64_t last_second(const time_value& v);

/// The date of an event at one value.
record single_date(const time_value& v, std::uint32_t line, std::uint32_t column);
/// A date somewhere between `lo` and `hi` (either may be null: open on that side).
record between_dates(const time_value* lo, const time_value* hi, std::uint32_t line, std::uint32_t column);
/// A span from `start` to `end` (either may be null: an unknown end).
record span_dates(const time_value* start, const time_value* end, std::uint32_t line, std::uint32_t column);

}  // namespace annals::wikidata
