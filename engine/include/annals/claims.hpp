#pragma once

#include <cstdint>
#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// Checks every claim (SPEC §5) against the chronology. `first_in: D` holds when the
/// gap from the previous event of its series (the earlier one that ends last) to the
/// claiming event's start is at least D and under D plus one unit of D's largest unit
/// (`{at_least: D}`: at least D; `about D`, `nearly D`, `more than D`, ...: the gaps
/// claims.cpp `allowed` gives, README "Claims"); `first_since: ID` holds when no event of the series
/// certainly lies between ID and this one. With vague dates a claim holds when some
/// dates within the bounds make it hold: only a claim the dates contradict is
/// `claim-mismatch` (error, with the real gap or the event between). No earlier event in
/// the series: `claim-unverifiable` (warning). Each series is read once, from its
/// rarest value's events, and its claims answered together: O((read + claims) log
/// events) whatever the dates, where what is read stays within
/// `claim_reading_limit(events)`.
void check_claims(const timeline& tl, const chronology& c, std::vector<diagnostic>& out);

/// The same, reading at most `limit` events from the claims' series (each event of a
/// series' rarest value, once for each value the series names): past it, `too-large`
/// at the first claim on the series that crosses it, and that series and those first
/// named after it go unchecked.
void check_claims(const timeline& tl, const chronology& c, std::vector<diagnostic>& out, std::uint64_t limit);

/// The reading limit of a run over `events` events: 100,000,000 plus 16 per event, so
/// that claims naming many distinct series made only of very common values cost time
/// linear in the input.
std::uint64_t claim_reading_limit(std::size_t events);

}  // namespace annals
