#pragma once

#include <optional>
#include <string>
#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// Checks actors' lifespans (`born`, `died`) against their events: an event that
/// cannot fall within the life of one of its actors, for any reading of the vague
/// bounds on both sides, is the warning outside-lifespan; a death before the birth is
/// the error invalid-lifespan.
void check_lifespans(const timeline& tl, const chronology& c, std::vector<diagnostic>& out);

/// The actor's age, in whole years, over an event that starts within [start_min,
/// start_max] and is dated `event_date` (whose clock counts its days): "55", or "55–56"
/// when the dates allow two; nullopt without a birth date, when the event is undated, or
/// when either is vaguer than a year.
std::optional<std::string> age_at(const actor& a, const event_bounds& b, const temporal_value& event_date);

/// "12 Jul 100 BC – 15 Mar 44 BC", "b. 1952", "d. 1616": the lifespan, labelled; empty without one.
std::string lifespan_label(const actor& a);
/// The same in years, as a lane names it: "100 BC – 44 BC", "c. 115 BC – 53 BC", "1900? – 1989"
/// (uncertain: the first year it may be), "b. 1952"; a Hijri end in Gregorian years, so
/// that both ends count alike ("1843 – 1909").
std::string lifespan_years(const actor& a);

}  // namespace annals
