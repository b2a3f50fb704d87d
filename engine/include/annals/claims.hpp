#pragma once

#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// Checks every claim (SPEC §5) against the chronology. `first_in: D` holds when the
/// gap from the previous event of its series (the earlier one that ends last) to the
/// claiming event's start is at least D and under D plus one unit of D's largest unit
/// (`{at_least: D}`: at least D); `first_since: ID` holds when no event of the series
/// certainly lies between ID and this one. With vague dates a claim holds when some
/// dates within the bounds make it hold: only a claim the dates contradict is
/// `claim-mismatch` (error, with the real gap or the event between). No earlier event in
/// the series: `claim-unverifiable` (warning). Each series is indexed once and its
/// claims answered together: O((events + claims) log events) for claims whose series
/// share no very common values, whatever the dates.
void check_claims(const timeline& tl, const chronology& c, std::vector<diagnostic>& out);

}  // namespace annals
