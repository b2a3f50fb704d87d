#pragma once

// The JSON form of a date, one home for `annals date --format json` and the `date` of
// `render --format json` (schemas/render.schema.json describes it).

#include "annals/temporal.hpp"
#include "output/json_writer.hpp"

namespace annals {

/// Writes the members of a date into the open object of `w`, in order: earliest, latest
/// (SPEC §3: calendar dates in the writer's zone at day precision or coarser, else UTC
/// timestamps; null when open), precision, approximate, uncertain, interval, calendar,
/// zone, form, stated {earliest, latest} (before qualifiers widened them), start and end
/// {bound: known|open|unknown, precision, qualifier}, utc {earliest, latest} (the
/// instants the engine compares, as UTC timestamps).
void write_date_fields(json_writer& w, const temporal_value& v);

}  // namespace annals
