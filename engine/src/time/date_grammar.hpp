#pragma once

// English dates (SPEC §3 form 3); the table of accepted phrases heads date_grammar.cpp.

#include <string_view>

#include "annals/temporal.hpp"

namespace annals::detail {

/// Reads an English date phrase, anchored to context.reference.
date_result parse_english(std::string_view text, const date_context& context);

}  // namespace annals::detail
