#pragma once

// Local times in IANA zones (date/tz.h stays inside zones.cpp: it is heavy).

#include <cstdint>
#include <optional>
#include <string_view>

#include "annals/temporal.hpp"

namespace annals::detail {

/// Converts the local span [local_first, local_last] (seconds since 1970-01-01 local) in
/// `zone` to UTC seconds. The DST rule:
/// - a local time that occurs twice (clocks go back) covers both readings: the first
///   bound takes the earlier instant, the last bound the later one;
/// - a local time that never occurs (clocks go forward) is `invalid-date`, naming the zone.
/// An unknown zone is `unknown-timezone`. `text` is the date as written, for messages.
std::optional<date_error> zoned_span(std::string_view zone, std::int64_t local_first, std::int64_t local_last,
                                     std::string_view text, instant& first, instant& last);

/// Whether `zone` names a zone of the tz database.
bool known_zone(std::string_view zone);

}  // namespace annals::detail
