#pragma once

// A diagnostic as JSON: one home for `validate --format json`, `normalize`'s `diagnostics`
// and every other report that lists problems as objects.

#include "annals/diagnostic.hpp"
#include "output/json_writer.hpp"

namespace annals {

/// Writes `d` as one object, its members always present and in this order: file, line,
/// column, end_line, end_column (the range: the point line:column when its end is
/// unknown), severity, code, message, hint ("" when none). File, message and hint are
/// shown as display_text shows them.
void write_diagnostic(json_writer& w, const diagnostic& d);

/// The end of `d`'s range: its end, or the point line:column when that is unknown.
std::pair<std::uint32_t, std::uint32_t> range_end(const diagnostic& d);

}  // namespace annals
