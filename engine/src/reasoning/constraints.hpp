#pragma once

// The simple temporal network behind ordering: two time points per event (its
// start and end) and the constraints that links and relative dates put between them.
// Private to the engine; order.cpp is its only user.

#include <cstdint>
#include <limits>
#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// Time points: the start of event i is point 2i, its end 2i + 1.
inline std::uint32_t start_point(std::uint32_t event) { return 2 * event; }
inline std::uint32_t end_point(std::uint32_t event) { return 2 * event + 1; }

/// Which field of `holder` states a constraint.
inline constexpr std::uint32_t own_span = std::numeric_limits<std::uint32_t>::max();  // start <= end
inline constexpr std::uint32_t relative_anchor = own_span - 1;                          // its relative date

/// `to` is no earlier than `from`; with `by`, `to` is exactly `add(from, *by)`.
struct constraint {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  const duration* by = nullptr;  // points into the timeline's events
  std::uint32_t holder = 0;      // the event whose field states it
  std::uint32_t field = own_span;  // index into holder's links, relative_anchor or own_span
};

/// The constraints of a timeline. Links and relative dates between two events of
/// the same `cycle_of` group (not UINT32_MAX) are left out: a cycle is reported
/// on its own and must not also poison the propagation.
std::vector<constraint> build_constraints(const timeline& tl, const std::vector<std::uint32_t>& cycle_of);

/// The earliest and latest instants of a point that its own date allows.
struct point_bounds {
  instant lo = open_start;
  instant hi = open_end;
};
point_bounds stated_bounds(const event& e, bool end);

/// Bounds of every event after propagation.
struct network_result {
  std::vector<event_bounds> bounds;  // by event
  std::vector<bool> broken;          // by event: in a contradiction, so `bounds` are its stated ones
  std::vector<std::uint32_t> level;  // by event: the longest chain of links before its start
};

/// Propagates `cs` (bounds consistency, forward and backward over a topological
/// order of the points' components; O(V + E) per round). Contradictions go to
/// `out` as causal-order.
network_result propagate(const timeline& tl, const std::vector<constraint>& cs, std::vector<diagnostic>& out);

/// One step of an explanation: constraint `index`, read from `from` to the other end.
struct chain_step {
  std::uint32_t index = 0;
  std::uint32_t from = 0;  // a point
  std::uint32_t to = 0;    // a point
};

/// "'a' (2015-11-23) causes 'b' (2015-11-20), which ...": the steps in reading order.
std::string describe_chain(const timeline& tl, const std::vector<constraint>& cs, const std::vector<chain_step>& steps);

/// How a date reads in a message: its label (time/date_label), a relative one's bounds.
std::string date_label(const event& e);

/// A bound carried from date `origin`, as a message names it: on its writer's clock, at
/// its precision, in the label form ("28 Feb 2017 14:26 PST", "23 Nov 2015").
std::string bound_label(const temporal_value& origin, instant t);

}  // namespace annals
