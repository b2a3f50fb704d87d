#include "zones.hpp"

#include <date/tz.h>

#include <stdexcept>

#include "spans.hpp"

namespace annals::detail {
namespace {

const date::time_zone* find_zone(std::string_view zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::exception&) {
    return nullptr;
  }
}

// date::local_seconds works on date::days; keep to years the tz database can speak of.
constexpr std::int64_t max_local_seconds = 32000LL * 366 * 86400;

}  // namespace

bool known_zone(std::string_view zone) { return !zone.empty() && find_zone(zone) != nullptr; }

std::optional<date_error> zoned_span(std::string_view zone, std::int64_t local_first, std::int64_t local_last,
                                     std::string_view text, instant& first, instant& last) {
  const date::time_zone* tz = find_zone(zone);
  if (tz == nullptr)
    return make_error("unknown-timezone", "unknown time zone " + quoted(zone) + " for date " + quoted(text),
                      "use an IANA zone name such as 'Asia/Tehran' or 'Europe/London'", 0);
  if (local_first < -max_local_seconds || local_last > max_local_seconds)
    return make_error("invalid-date", "date " + quoted(text) + " is too far from today for time zone rules",
                      "give the time with a UTC offset, e.g. '+03:30'", 0);
  const date::local_seconds lf{std::chrono::seconds{local_first}};
  const date::local_seconds ll{std::chrono::seconds{local_last}};
  const date::local_info a = tz->get_info(lf);
  const date::local_info b = tz->get_info(ll);
  if (a.result == date::local_info::nonexistent || b.result == date::local_info::nonexistent)
    return make_error("invalid-date",
                      "time " + quoted(text) + " does not exist in " + std::string(zone) +
                          ": the clocks skip it at a daylight-saving change",
                      "give the time with a UTC offset", 0);
  // Ambiguous: `first` holds the reading before the change (the earlier instant),
  // `second` the one after (the later instant).
  first = instant{std::chrono::seconds{local_first} - a.first.offset};
  const auto& b_info = b.result == date::local_info::ambiguous ? b.second : b.first;
  last = instant{std::chrono::seconds{local_last} - b_info.offset};
  return std::nullopt;
}

}  // namespace annals::detail
