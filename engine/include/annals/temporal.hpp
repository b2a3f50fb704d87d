#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace annals {

/// How finely a date is known, finest first.
enum class precision : std::uint8_t { second, minute, hour, day, week, month, season, year, decade, century, millennium };

/// The calendar a date was written in.
enum class calendar : std::uint8_t { gregorian, julian, solar_hijri, islamic };

/// An instant; seconds since 1970-01-01T00:00:00Z (int64: years far outside ±9999 fit).
using instant = std::chrono::sys_seconds;

/// The first and last instants of an open-ended interval end.
inline constexpr instant open_start = instant::min();
inline constexpr instant open_end = instant::max();

/// A normalized date: the interval in which the event can lie.
struct temporal_value {
  instant earliest = open_start;  // first second it can begin; open_start when unbounded
  instant latest = open_end;      // last second it can end (inclusive); open_end when unbounded
  precision prec = precision::day;
  calendar cal = calendar::gregorian;
  bool approximate = false;
  bool uncertain = false;
  bool interval = false;  // a span (A/B, a season?) rather than a single moment somewhere inside

  bool ok() const { return earliest <= latest; }
  bool bounded_start() const { return earliest != open_start; }
  bool bounded_end() const { return latest != open_end; }

  friend bool operator==(const temporal_value&, const temporal_value&) = default;
};

/// What a date is read against.
struct date_context {
  std::optional<std::chrono::sys_days> reference;  // anchors "November 23rd", "last week"
  std::string_view timezone;                       // IANA zone for times without offset; "" = none
  calendar cal = calendar::gregorian;
};

/// Why a date could not be normalized.
struct date_error {
  std::string code;     // unparsed-date, invalid-date, unknown-timezone, missing-timezone
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

/// A bound as output writes it: `YYYY-MM-DD` at day precision or coarser, else
/// `YYYY-MM-DDThh:mm:ssZ`; expanded astronomical years outside 1..9999 (44 BC is -0043).
std::string format_bound(instant t, precision p);

/// `day`, `month`, … as the JSON `precision` field writes it.
std::string_view to_string(precision p);
/// `gregorian`, `julian`, `solar_hijri`, `islamic`.
std::string_view to_string(calendar c);
/// The calendar named `name` (as `to_string` writes it); nullopt for any other name.
std::optional<calendar> parse_calendar(std::string_view name);

}  // namespace annals
