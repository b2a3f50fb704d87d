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

/// How links hold one event's start against another's: bits, both when they start together.
enum start_side : std::uint8_t {
  side_unknown = 0,
  side_no_earlier = 1,  // it starts no earlier (a chain of links runs from the other to it)
  side_no_later = 2,    // it starts no later (a chain runs from it to the other)
  side_same = side_no_earlier | side_no_later,
};

/// A timeline put in order: what renderers, gaps and `why` read.
///
/// Each event has a start and an end instant (SPEC §4). A moment (`interval` false)
/// starts and ends anywhere within its stated bounds, start <= end. An unqualified
/// span starts within the first unit of its precision and ends within the last
/// (`2015-11-01/2015-11-30`: starts on the 1st, ends on the 30th); a qualified
/// span (`~`, `?`) is treated like a moment. A relative date `{after: X, by: P}`
/// is X's start and end shifted by P; `{after: X}` starts once X has ended;
/// `{before: X}` ends before X starts; `{during: X}` lies within X.
///
/// `order` is a topological order of the links consistent with the sort by position: no
/// event comes before one its links or relative date put first (a cause, what it
/// responds to, what it is `after`), unless a cycle or a contradiction leaves no such
/// order; events no link joins keep the sort's order.
struct chronology {
  std::vector<std::uint32_t> order;   // event indices: by position, latest end, chain of links before it, file order; links first among equal positions
  std::vector<event_bounds> bounds;   // by event index: propagated bounds (stated ones for an event in a contradiction)
  std::vector<instant> position;      // by event index: where it falls in time (open_end: nowhere, it is undated)
  std::vector<bool> narrowed;         // by event index: start_min or end_max is tighter than the stated date (show as inferred)
  std::vector<bool> order_uncertain;  // by event index: overlaps a neighbour in `order` and no link joins the two directly
  // Offsets from impact start are differences of two starts, which the two events' bounds
  // alone cannot give: a response to a c. 23:00 impact start, also c. 23:00, starts 0 to
  // 60 minutes after it, never before. By event: how links hold its start against the
  // impact start's (the first event marked impact_start); empty when there is none.
  std::uint32_t impact = UINT32_MAX;
  std::vector<start_side> impact_side;
};

/// Where event `e` falls in time, the one rule that order, headings and summaries follow:
/// its start as written (an approximate December falls in December, not in the November
/// its widened bounds reach), kept within the bounds its links allow; an event with an
/// open start falls at the start of the last unit it can end in (`until 16 Nov 2015`: on
/// 16 November, before what follows it); one with no bound at all is undated
/// (open_end), and comes last.
instant position_of(const event& e, const event_bounds& b);

/// Orders the events and propagates the constraints of their links and relative
/// dates; contradictions (causal-order) and cycles (causal-cycle) go to `out`.
/// O((V + E) log V); iterative, so chains of any length are safe.
chronology order_events(const timeline& tl, std::vector<diagnostic>& out);

/// The cycles among ordering links (causes, enables, responds_to, after, before)
/// and relative dates (after, before): one per strongly connected group, as event
/// indices from the group's first event in file order, which closes the cycle.
/// part_of and during only contain, so they form no cycle of their own.
std::vector<std::vector<std::uint32_t>> find_cycles(const timeline& tl);

/// `cycle of links: 'a' → 'b' → 'a' [causal-cycle]`, at the cycle's first event.
diagnostic cycle_diagnostic(const timeline& tl, const std::vector<std::uint32_t>& cycle);

}  // namespace annals
