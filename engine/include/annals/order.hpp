#pragma once

#include <cstdint>
#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/temporal.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// The bounds of an event's start and end after its links were propagated.
struct event_bounds {
  instant start_min = open_start;  // the event starts no earlier than this
  instant start_max = open_end;    // ... and no later than this
  instant end_min = open_start;    // it ends no earlier than this
  instant end_max = open_end;      // ... and no later than this

  friend bool operator==(const event_bounds&, const event_bounds&) = default;
};

/// A timeline put in order: what renderers, gaps and `why` read.
struct chronology {
  std::vector<std::uint32_t> order;   // event indices, chronological (SPEC §4 / issue 4 order)
  std::vector<event_bounds> bounds;   // by event index: propagated bounds
  std::vector<bool> narrowed;         // by event index: links narrowed the stated bounds (shown as inferred)
  std::vector<bool> order_uncertain;  // by event index: overlaps a neighbour in `order` that no link orders
};

/// Orders the events and propagates the constraints of their links and relative
/// dates; contradictions (causal-order) and cycles (causal-cycle) go to `out`.
chronology order_events(const timeline& tl, std::vector<diagnostic>& out);

}  // namespace annals
