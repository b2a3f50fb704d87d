#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "annals/temporal.hpp"

namespace annals {

/// A calendar duration: years and months are calendar units, days are civil days.
struct duration {
  std::int64_t years = 0;
  std::int64_t months = 0;
  std::int64_t days = 0;
  std::int64_t seconds = 0;

  friend bool operator==(const duration&, const duration&) = default;
};

/// A duration from ISO 8601 (`P8Y`, `P1M7D`, `PT3H`) or words (`8 years`,
/// `eight years`, `a week`); nullopt when the text is neither.
std::optional<duration> parse_duration(std::string_view text);

/// How a claim's duration is meant (SPEC §5, README "Claims"): `8 years` (the gap is 8
/// years, under 9), `about`, `nearly`/`almost`, `more than`/`over`, `less than`/`under`,
/// `at least`, `at most`.
enum class duration_bound : std::uint8_t { in, about, nearly, more_than, less_than, at_least, at_most };

/// A duration with the word that bounds it: "about 3 years", "more than 5 years".
struct bounded_duration {
  duration_bound bound = duration_bound::in;
  duration value;

  friend bool operator==(const bounded_duration&, const bounded_duration&) = default;
};

/// "about 3 years", "nearly three years", "over 5 years", "P3Y"; nullopt when the words
/// after the bound do not read as a duration.
std::optional<bounded_duration> parse_bounded_duration(std::string_view text);

/// The words of a bound as written first: "about", "more than"; "" for `in`.
std::string_view to_string(duration_bound b);

/// `t` plus `d`: years and months first, the day clamped to the month's end
/// (2016-02-29 + 8 years = 2024-02-29, 2015-01-31 + 1 month = 2015-02-28), then days, then seconds.
instant add(instant t, const duration& d);

/// `t` minus `d`, by the same rule.
instant subtract(instant t, const duration& d);

/// The whole months of `d` (years * 12 + months), saturated far outside any date.
std::int64_t total_months(const duration& d);

/// Day number `day` plus `d` at day resolution: months first (clamped to the month's
/// end), then days, then the seconds rounded up to whole days (36 hours need two days).
std::int64_t add_days(std::int64_t day, const duration& d);

/// Whole years, months and days from day `from` to day `to` (to >= from), counted on
/// the calendar: 2007-10-16 to 2015-11-23 is 8 years, 1 month and 7 days.
duration calendar_difference(std::int64_t from, std::int64_t to);

/// The instants in [first, last] (seconds since 1970) a date written to precision
/// `written` can be at, as its writer wrote them: a time written to the minute (13:45, or
/// readings 13:45 and 13:46) is at one of its minutes, not at any second of them; one
/// written to the second at one of its seconds; an hour, a day or a coarser date at one
/// of its minutes. So two times written to the minute are a whole number of minutes
/// apart. Returns [first, last aligned down to that unit counted from `anchor`, the
/// stated start (zones with half-hour offsets keep their hours)], never below first; an
/// open last stays open.
std::pair<std::int64_t, std::int64_t> written_range(instant first, instant last, precision written, instant anchor);

/// ISO 8601: `P8Y1M7D`; the empty duration is `P0D`.
std::string to_iso(const duration& d);

/// English: "8 years, 1 month and 7 days"; "0 days" when empty.
std::string to_english(const duration& d);

/// A stretch of `seconds` (>= 0) as a clock measures it, largest unit first, without
/// "and": "20 minutes", "1 hour 58 minutes", "2 days 3 hours"; seconds only when there
/// are some; "0 minutes" when empty. Days here are 24 hours.
std::string elapsed_english(std::int64_t seconds);

/// A span of seconds as incident reviews write it: "27m", "4h12m", "2d 3h", "1d 10h17m";
/// the units from the first to the last that is not zero, each after the first padded to
/// two digits ("4h05m"); seconds only when there are any ("3m20s"); "0m" when empty;
/// "−5m" before. Not a clock time: "4:12" reads as twelve past four.
std::string compact_span(std::int64_t seconds);

/// A range of such spans, exact at both ends and written down to the same unit:
/// "4h12m–4h17m", "1h58m–2h00m", "1d 23h–2d 0h"; one span when lo == hi.
std::string compact_range(std::int64_t lo, std::int64_t hi);

}  // namespace annals
