#pragma once

// Incident timelines: events marked `milestone: impact_start | detected | acknowledged |
// mitigated | resolved | impact_end`, checked for order, and the times between them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annals/shown.hpp"
#include "annals/diagnostic.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// A second milestone of a kind is duplicate-milestone; a milestone that must come
/// before another (impact before detection, mitigation before resolution) but starts
/// after it for every reading of their bounds is milestone-order. Both errors.
void check_milestones(const timeline& tl, const chronology& c, std::vector<diagnostic>& out);

/// The time from impact start to a milestone, in seconds: [min, max] over the readings
/// of the two events' starts. A milestone no event is marked with is kept, unmarked, so
/// that reports name it ("time to mitigate     not marked").
struct incident_metric {
  milestone to = milestone::detected;
  bool marked = true;  // false: no event carries this milestone; the rest is empty
  std::uint32_t event = 0;
  std::string label;  // the event's date as shown: a relative date at its resolved time
  std::int64_t min_seconds = 0, max_seconds = 0;
};
struct incident_metrics {
  std::optional<std::uint32_t> impact_start;  // its event index
  std::string impact_label;                   // its date as shown
  std::vector<incident_metric> metrics;       // detected .. resolved, in that order
  /// The impact's duration: impact start to `impact_end`, or to `resolved` when no event
  /// is marked impact_end (`to` says which); unmarked when neither is.
  incident_metric impact{milestone::impact_end, false, 0, {}, 0, 0};
};
/// The labels show times in `shown` (--tz), else each in its writer's zone.
incident_metrics measure_incident(const timeline& tl, const chronology& c, shown_zone shown = std::nullopt);

/// From the start of event a to the start of event b, in seconds: [lo, hi] between the
/// times as written (two times written to the minute are a whole number of minutes
/// apart). From the impact start, the links narrow it: what responds to it is 0 or more.
/// nullopt when a start is unbounded.
std::optional<std::pair<std::int64_t, std::int64_t>> time_between(const timeline& tl, const chronology& c,
                                                                  std::uint32_t a, std::uint32_t b);

/// The event marked with milestone `m` (the first such mark), if any.
std::optional<std::uint32_t> marked_event(const timeline& tl, milestone m);

/// "0:42", "26:05", "3d 04:10": a span of seconds as a clock reads it.
std::string clock_span(std::int64_t seconds);
/// A range of such spans, as precise as its width allows: "0:40–0:45"; to the minute
/// when it is wider than two; in whole days, "9d–10d", when it spans days.
std::string clock_range(std::int64_t lo, std::int64_t hi);

/// "T+0:42": where event `i` starts after impact start, when the timeline has one and
/// both starts are bounded ("T+0:40–0:45" when vague; "T−0:10" before it).
std::optional<std::string> offset_from_impact(const timeline& tl, const chronology& c, std::uint32_t i);

/// `annals metrics`: the report as text or JSON.
std::string format_metrics_text(const timeline& tl, const incident_metrics& m);
std::string format_metrics_json(const timeline& tl, const incident_metrics& m);

}  // namespace annals
