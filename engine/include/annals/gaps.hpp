#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/shown.hpp"
#include "annals/duration.hpp"
#include "annals/event.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// A key `--by` groups a series by; an event with several actors (tags) joins one
/// group per actor (tag), and an event without a value for a key joins none.
enum class series_key : std::uint8_t { kind, actor, place, tag };

/// A series selector read from `kind=visit actor=putin place=tehran`, or why not.
struct selector_result {
  series_selector value;
  std::string error;  // "" when ok, else e.g. "unknown actor 'putn'"
  std::string hint;   // "did you mean 'putin'?" when one is close

  bool ok() const { return error.empty(); }
};

/// Reads `key=value` words (keys kind, actor, place, tag; `actor=a,b` or repeated
/// actor= need all of them), checking each value against the timeline.
selector_result parse_selector(std::string_view text, const timeline& tl);

/// Keys read from `kind,actor,place`, or why not.
struct series_keys_result {
  std::vector<series_key> value;
  std::string error;  // "" when ok, else e.g. "unknown key 'actr'"
  std::string hint;

  bool ok() const { return error.empty(); }
};

/// Reads `--by`: a comma-separated list of kind, actor, place, tag (plurals accepted).
series_keys_result parse_series_keys(std::string_view text);

/// `kind=visit actor=putin place=tehran`: the form parse_selector reads.
std::string to_string(const series_selector& s, const name_table& names);

/// What `annals gaps` looks for.
struct gap_options {
  std::optional<series_selector> series;  // none: every event
  std::vector<series_key> by;             // group the series by these keys
  std::optional<duration> min;            // keep only gaps that may last this long
  std::optional<duration> quiet;          // report stretches surely free of events this long
  bool gaps = true;                       // false: quiet periods only (`--quiet` alone)
  std::optional<instant> from, to;        // only events that can overlap [from, to]
};

/// A stretch between the end of something and the start of something else. Between
/// dates it is counted in calendar days. The ends are known to ranges of days, so the
/// stretch is too: `min_days` runs from the latest possible end to the earliest possible
/// start (the part surely free), `max_days` from the earliest possible end to the latest
/// possible start. Between times of day (both ends written with one) it is counted in
/// seconds between the times as written (`timed`): two times written to the minute are a
/// whole number of minutes apart, and the days are the whole days of those seconds.
/// Overlaps count as 0, never negative.
struct gap_span {
  std::optional<std::chrono::sys_days> from;  // latest possible end; none when open
  std::optional<std::chrono::sys_days> to;    // earliest possible start (>= from); none when open
  std::int64_t min_days = 0;
  std::optional<std::int64_t> max_days;  // none: unbounded (an open date)
  duration shortest;                     // calendar form of min_days; PT1H58M when timed
  std::optional<duration> longest;       // calendar form of max_days
  bool approximate = false;              // an end is approximate (EDTF ~, "c.")
  bool timed = false;                    // both ends are times of day: the fields below hold
  instant from_time{}, to_time{};        // latest possible end, earliest possible start, as written
  std::int64_t min_seconds = 0;
  std::optional<std::int64_t> max_seconds;  // none: unbounded

  bool exact() const { return timed ? max_seconds == min_seconds : max_days && *max_days == min_days; }
  /// Surely no stretch at all: what follows begins before the end (or on its day, or its minute).
  bool overlaps() const { return timed ? max_seconds == 0 : max_days == 0; }
  friend bool operator==(const gap_span&, const gap_span&) = default;
};

/// The span from an end within [end_min, end_max] to a start within
/// [start_min, start_max] (instants, inclusive; open_start/open_end for open), counted
/// in the calendar days of each end's zone (a day is that day where its writer is).
gap_span measure_span(instant end_min, instant end_max, instant start_min, instant start_max, bool approximate,
                      zone end_zone = nullptr, zone start_zone = nullptr);

/// Whether an end written as `end` and a start written as `start` are both times of day,
/// so that the stretch between them is measured in seconds rather than in days.
bool timed_between(const temporal_value& end, const temporal_value& start);

/// The span between times of day: from an end within [end_min, end_max] of a date written
/// as `end` to a start within [start_min, start_max] of a date written as `start`, each at
/// the unit it was written to (written_range: an end written 13:45 is at 13:45, not
/// 13:45:59), never rounded outwards.
gap_span measure_time_span(const temporal_value& end, instant end_min, instant end_max, const temporal_value& start,
                           instant start_min, instant start_max, bool approximate);

/// The gap before event `to` in a series: `from` is the earlier event that ends last
/// (usually the one just before; a long span that outlasts later events stays `from`).
struct gap {
  std::uint32_t series = 0;  // index into gap_report::series
  std::uint32_t from = 0;    // event indices
  std::uint32_t to = 0;
  gap_span span;

  friend bool operator==(const gap&, const gap&) = default;
};

/// A stretch with no event of the selection at all.
struct quiet_period {
  std::uint32_t from = 0;  // the event whose end it runs from (the latest possible)
  std::uint32_t to = 0;    // the event whose start it runs to (the earliest possible)
  gap_span span;

  friend bool operator==(const quiet_period&, const quiet_period&) = default;
};

/// What find_gaps finds: gaps by series name, each series in chronological order.
struct gap_report {
  std::vector<std::string> series;  // names: `kind=visit actor=putin place=tehran`, or "all"
  std::vector<gap> gaps;
  std::vector<quiet_period> quiet;
};

/// The gaps between consecutive events of each series and the quiet periods of the
/// selection, read from the chronology's order and bounds. An event that surely begins
/// before what came before it has ended, or on that day (a day of an 87-day spill),
/// overlaps it and makes no gap: gaps lie between events, not inside them. O(n log n).
gap_report find_gaps(const timeline& tl, const chronology& c, const gap_options& options);

/// English: "8 years, 1 month and 7 days"; a range "between 7 and 8 years"; "about"
/// when an end is approximate; between times of day "1 hour 58 minutes", "between 19
/// and 20 minutes".
std::string gap_text(const gap_span& s);

/// `annals gaps --format text`; times of day in `shown` (--tz), else each on its writer's clock.
std::string format_gaps_text(const gap_report& r, const timeline& tl, shown_zone shown = std::nullopt);

/// `annals gaps --format json` (SPEC §6), one object and a newline.
std::string format_gaps_json(const gap_report& r, const timeline& tl);

/// The marker a text chronology prints between consecutive events `earlier` and
/// `later` (event indices) when they are surely at least `threshold` apart:
/// "— 8 years later —", "— about 3 months later —", "— 7 to 8 years later —".
std::optional<std::string> gap_marker(const timeline& tl, const chronology& c, std::size_t earlier,
                                      std::size_t later, const duration& threshold = duration{1, 0, 0, 0});

}  // namespace annals
