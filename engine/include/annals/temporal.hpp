#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;  // date/tz.h: only zones.cpp includes it (it is heavy)
}

namespace annals {

/// How finely a date is known, finest first.
enum class precision : std::uint8_t { second, minute, hour, day, week, month, season, year, decade, century, millennium };

/// What a precision means: the one table (temporal.cpp) that normalizing, widening,
/// constraints, labels and every renderer read.
struct precision_info {
  std::string_view name;     // the JSON `precision` field: "day"
  std::int64_t months = 0;   // one unit in calendar months (month and coarser), else 0
  std::int64_t seconds = 0;  // one unit in seconds (week and finer), else 0
  /// The longest one unit can last, in seconds (a month 31 days, a year 366): a span
  /// longer than this is more than one unit.
  std::int64_t max_seconds = 0;
};

/// The row of `p`. An EDTF qualifier widens a date by one such unit on each side (two for `%`).
const precision_info& info(precision p);

/// The calendar a date was written in.
enum class calendar : std::uint8_t { gregorian, julian, solar_hijri, islamic, hebrew, rumi, french_republican };

/// An instant; seconds since 1970-01-01T00:00:00Z (int64: years far outside ±9999 fit).
using instant = std::chrono::sys_seconds;

/// The first and last instants of an open-ended interval end.
inline constexpr instant open_start = instant::min();
inline constexpr instant open_end = instant::max();

/// A zone of the tz database; nullptr when none applies (days are UTC days, and a
/// time of day needs an explicit offset). Zones live as long as the process.
using zone = const date::time_zone*;

/// How sure one end of a date is: EDTF `?` (uncertain), `~` (approximate), `%` (both).
enum class qualifier : std::uint8_t { none = 0, uncertain = 1, approximate = 2, both = 3 };

/// Whether an end of a date is known: EDTF `..` is open (it runs on), an empty end is unknown.
enum class end_kind : std::uint8_t { known, open, unknown };

/// One end of a date, as written.
struct date_end {
  precision prec = precision::day;
  qualifier qual = qualifier::none;
  end_kind kind = end_kind::known;

  friend bool operator==(const date_end&, const date_end&) = default;
};

/// The shape a date was written in.
enum class date_form : std::uint8_t {
  single,    // one date: `2015-11-23`, `mid-December`, `c. 1500`
  interval,  // a span: `A/B`, `from A to B`
  between,   // somewhere between two dates: `between A and B`
  before,    // `before A`
  after,     // `after A`
  relative,  // `{after: ID, by: 3 days}`: its bounds come from ordering
  either,    // one of two dates, uncertain which: `12 or 13 July`, `1914 or 1915`
  night,     // a night, evening of one day to morning of the next: `the night of 24–25 October`
};

/// A normalized date: the interval in which the event can lie, and how it was written.
/// The machine bounds are UTC instants; a day written in a zone is that calendar day
/// there (2010-04-20 in America/Chicago begins at 05:00Z).
struct temporal_value {
  instant earliest = open_start;  // first second it can begin; open_start when unbounded
  instant latest = open_end;      // last second it can end (inclusive); open_end when unbounded
  instant stated_earliest = open_start;  // as written, before qualifiers widened it
  instant stated_latest = open_end;
  zone tz = nullptr;              // the writer's zone: the event's `tz`, else the file's `timezone`
  std::int32_t offset = 0;        // seconds east of UTC written with a time (`+03:30`), when has_offset
  precision prec = precision::day;
  calendar cal = calendar::gregorian;
  date_form form = date_form::single;
  date_end start, end;            // a single date: both ends are the date's own
  bool approximate = false;
  bool uncertain = false;
  bool interval = false;    // a span (A/B, a season?) rather than a single moment somewhere inside
  bool has_time = false;    // a time of day was written: labels show wall time
  bool has_offset = false;  // ... with an explicit UTC offset (`Z`, `+03:30`)

  bool ok() const { return earliest <= latest; }
  bool bounded_start() const { return earliest != open_start; }
  bool bounded_end() const { return latest != open_end; }

  friend bool operator==(const temporal_value&, const temporal_value&) = default;
};

/// How a phrase is placed against its reference (`--reading`).
enum class reading : std::uint8_t {
  news,       // an article looks back from its date: "April" is the latest April begun by four months after it
  narrative,  // a history moves forward from the last date it named: "April" is the first not ended before it
};

/// What a date is read against.
struct date_context {
  std::optional<std::chrono::sys_days> reference;  // anchors "November 23rd", "last week": its first day
  std::optional<std::chrono::sys_days> reference_last;  // its last day, when it is more than a day ("1862")
  precision reference_prec = precision::day;       // how finely the reference was written ("1862": year)
  reading mode = reading::news;
  std::string_view timezone;                       // IANA zone of days and times without offset; "" = none
  zone tz = nullptr;                               // `timezone` already looked up (faster), when not null
  calendar cal = calendar::gregorian;
};

/// Why a date could not be normalized.
struct date_error {
  std::string code;     // unparsed-date, invalid-date, unknown-timezone, ambiguous-timezone, missing-timezone
  std::string message;  // lower-case, names the input
  std::string hint;     // nearest accepted form, when there is one
  std::uint32_t offset = 0;  // 0-based offset in the text where reading stopped

  friend bool operator==(const date_error&, const date_error&) = default;
};

/// A normalized date or the reason there is none.
struct date_result {
  temporal_value value;
  std::optional<date_error> error;

  bool ok() const { return !error; }
};

/// Normalizes one date text: ISO 8601 / EDTF level 0 and 1, or English (SPEC §3).
date_result normalize_date(std::string_view text, const date_context& context);

/// A bound as output writes it: at day precision or coarser the calendar date `YYYY-MM-DD`
/// it falls on in zone `tz` (UTC when null), else the UTC timestamp `YYYY-MM-DDThh:mm:ssZ`;
/// expanded astronomical years outside 1..9999 (44 BC is -0043); ".." for an open end.
std::string format_bound(instant t, precision p, zone tz = nullptr);

/// `day`, `month`, … as the JSON `precision` field writes it.
std::string_view to_string(precision p);
/// `gregorian`, `julian`, `solar_hijri`, `islamic`, `hebrew`, `rumi`, `french_republican` (calendars.cpp).
std::string_view to_string(calendar c);
/// The calendar named `name` (as `to_string` writes it); nullopt for any other name.
std::optional<calendar> parse_calendar(std::string_view name);
/// `none`, `uncertain`, `approximate`, `both`.
std::string_view to_string(qualifier q);
/// `known`, `open`, `unknown`.
std::string_view to_string(end_kind k);
/// `single`, `interval`, `between`, `before`, `after`, `relative`, `either`, `night`.
std::string_view to_string(date_form f);

/// The IANA name of a zone; "" for none.
std::string_view zone_name(zone tz);
/// The zone named `name`, or nullptr when the tz database has none of that name.
zone find_zone(std::string_view name);

}  // namespace annals
