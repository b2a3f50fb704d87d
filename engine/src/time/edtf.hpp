#pragma once

// ISO 8601 / EDTF level 0 and level 1 (SPEC §3 forms 1 and 2).

#include <string_view>

#include "annals/temporal.hpp"

namespace annals::detail {

/// Whether `text` is made only of characters EDTF uses (digits, `-:/.+TZXY?~%`), so that
/// it is read (and its errors reported) as EDTF rather than as English.
bool looks_like_edtf(std::string_view text);

/// Reads an EDTF date or interval.
date_result parse_edtf(std::string_view text, const date_context& context);

}  // namespace annals::detail
