#pragma once

#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// Checks every `first_in: D` claim (SPEC §5) against the chronology. A claim holds
/// when the gap from the previous event of its series (the earlier one that ends
/// last) to the claiming event's start is at least D and under D plus one unit of D's
/// largest unit. With vague dates it holds when some dates within the bounds make it
/// hold: only a claim the dates contradict is `claim-mismatch` (error, with the real
/// gap). No earlier event in the series: `claim-unverifiable` (warning).
void check_claims(const timeline& tl, const chronology& c, std::vector<diagnostic>& out);

}  // namespace annals
