#pragma once

// What several renderers share: calendar fields of an instant, honest human labels for
// dates, names of actors/places/sources, link phrases.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/order.hpp"
#include "annals/temporal.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// The proleptic Gregorian fields of an instant, in UTC (astronomical years: 44 BC is -43).
struct civil_time {
  std::int64_t year = 1970;
  unsigned month = 1, day = 1;  // [1, 12], [1, 31]
  unsigned hour = 0, minute = 0, second = 0;
};

civil_time to_civil(instant t);
/// Midnight UTC at the start of a (proleptic Gregorian) day.
instant from_civil(std::int64_t year, unsigned month, unsigned day);

/// "Nov"
std::string_view month_abbr(unsigned month);
/// The longest one unit of a precision can last, in seconds (a month: 31 days, a
/// year: 366): a span longer than this is more than one unit.
std::int64_t unit_seconds(precision p);

/// A year as a reader writes it: "2015", "AD 79", "44 BC".
std::string year_label(std::int64_t year);

/// A date as a person would write it, no more precise than it is known: "23 Nov 2015",
/// "Nov 2015", "mid-Dec 2015", "c. 1500", "44 BC", "2015-11-16 – 2015-11-23", "before 2007".
std::string date_label(const temporal_value& date);
/// The date as written, before EDTF qualifiers widened it (`1500~` is 1500, not 1499-1501).
std::pair<instant, instant> written_span(const temporal_value& date);
/// The heading an event is listed under: the year its written date lies in; a date
/// that spans years is its own heading ("5th century", "2007 – 2015"); "Undated".
std::string heading_of(const temporal_value& date);
/// The range [first, last] (both inclusive) labelled at the finest unit both ends align to.
std::string range_label(instant first, instant last);

/// "Julian calendar", "Solar Hijri calendar": for readers.
std::string_view calendar_title(calendar c);

/// The stated date and, when links narrowed it, the inferred bounds of event `i`.
struct shown_bounds {
  instant earliest, latest;
  bool inferred = false;
  instant inferred_earliest = open_start, inferred_latest = open_end;
};
shown_bounds bounds_of(const timeline& tl, const chronology& chron, std::size_t i);

/// "caused by", "causes", "enabled by", ... ; whether the link points back in time.
std::string_view link_phrase(link_kind k);
bool link_points_back(link_kind k);

std::string actor_name(const timeline& tl, symbol id);
std::string place_name(const timeline& tl, symbol id);
const source* find_source(const timeline& tl, symbol id);

/// The number of code points in UTF-8 text (its width on a terminal, near enough).
std::size_t display_width(std::string_view text);
/// `text` broken into lines of at most `width` code points at spaces (a longer word stays whole).
std::vector<std::string> wrap(std::string_view text, std::size_t width);

}  // namespace annals
