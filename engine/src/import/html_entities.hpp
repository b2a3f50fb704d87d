#pragma once

// Characters as HTML and JSON write them: a code point as UTF-8, and the HTML character
// references (`&amp;`, `&#8217;`, `&#x2019;`) the importers and extract decode — one table.

#include <cstdint>
#include <string>
#include <string_view>

namespace annals {

/// `cp` as UTF-8; a surrogate, zero or a value past U+10FFFF as U+FFFD.
void append_utf8(std::string& out, std::uint32_t cp);

/// What the space-like references (`&nbsp;`, `&thinsp;`, `&ensp;`, `&emsp;`) become: the
/// characters they name, or a plain space for text read word by word.
enum class entity_spaces : std::uint8_t { kept, plain };

/// The reference at s[i] == '&' appended decoded to `out`; returns its length, 0 when it
/// is none (a lone '&' is text).
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out, entity_spaces spaces = entity_spaces::kept);

}  // namespace annals
