#pragma once

// Text layout that several renderers share: widths and wrapping of UTF-8 text.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// The number of code points in UTF-8 text (its width on a terminal, near enough).
std::size_t display_width(std::string_view text);
/// `text` broken into lines of at most `width` code points at spaces (a longer word stays whole).
std::vector<std::string> wrap(std::string_view text, std::size_t width);
/// `text` cut to at most `n` code points, with an ellipsis when cut.
std::string clip(std::string_view text, std::size_t n);

}  // namespace annals
