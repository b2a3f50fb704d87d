#pragma once

// Text layout that several renderers share: widths, wrapping and clipping of UTF-8 text,
// in terminal columns (output/char_width.hpp), never inside a grapheme cluster.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// The columns UTF-8 text takes on a terminal: 2 for an East Asian wide or fullwidth
/// character and for an emoji (a ZWJ sequence, a flag, one VS16 asks for), 0 for
/// combining marks, joiners and variation selectors, 1 for the rest (East Asian
/// ambiguous too). SVG labels are measured by it as well.
std::size_t display_width(std::string_view text);
/// `text` broken into lines of at most `width` columns: at spaces, and between East
/// Asian wide characters (not before closing punctuation, nor after opening); a token
/// wider than the line (a URL, a long word) starts a line of its own and is cut at the
/// width. Only a single character wider than `width` makes a longer line.
std::vector<std::string> wrap(std::string_view text, std::size_t width);
/// `text` cut to at most `n` columns of whole grapheme clusters, with an ellipsis after
/// it (one column more) when cut.
std::string clip(std::string_view text, std::size_t n);

}  // namespace annals
