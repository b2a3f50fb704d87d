#include "output/render_common.hpp"

#include <algorithm>
#include <array>

#include "output/char_width.hpp"
#include "output/escape.hpp"

namespace annals {

namespace {

// Line breaking beside East Asian wide text (UAX #14, its classes CL, CP, EX, IS, NS and
// OP as far as CJK text meets them): a line may break between two characters when one of
// them is wide, but never before closing punctuation or after opening.
constexpr std::array<char32_t, 36> no_line_start{
    U'!', U')', U',', U'.', U':', U';', U'?', U']', U'}', U'\u3001', U'\u3002', U'\u3005', U'\u3009',
    U'\u300B', U'\u300D', U'\u300F', U'\u3011', U'\u3015', U'\u3017', U'\u3019', U'\u301C', U'\u309D',
    U'\u30FB', U'\u30FC', U'\u30FD', U'\uFF01', U'\uFF09', U'\uFF0C', U'\uFF0E', U'\uFF1A', U'\uFF1B',
    U'\uFF1F', U'\uFF3D', U'\uFF5D', U'\u2019', U'\u201D'};
constexpr std::array<char32_t, 15> no_line_end{U'(', U'[', U'{', U'\u3008', U'\u300A', U'\u300C', U'\u300E',
                                               U'\u3010', U'\u3014', U'\u3016', U'\u3018', U'\uFF08',
                                               U'\uFF3B', U'\uFF5B', U'\u201C'};

bool is_in(char32_t c, const auto& set) { return std::find(set.begin(), set.end(), c) != set.end(); }

// The first code point of the cluster at text[i] (U+FFFD when invalid).
char32_t first_char(std::string_view text, std::size_t i) {
  const utf8_char c = decode_utf8(text, i);
  return c.size ? c.cp : U'\uFFFD';
}

// A piece of a line that is never broken but by a hard cut: a word, or one wide
// character with what must stay beside it.
struct segment {
  std::string_view text;
  std::size_t width;
  bool after_space;  // joined to the segment before by a space (else by nothing)
};

// The segments of `text`, split at spaces and at the breaks wide characters allow.
std::vector<segment> segments(std::string_view text) {
  std::vector<segment> out;
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      space = !out.empty();
      ++i;
      continue;
    }
    // One word: cut between clusters where a wide one allows it.
    std::size_t start = i, width = 0;
    bool prev_wide = false, prev_opening = false;
    for (; i < text.size() && text[i] != ' ';) {
      const grapheme g = next_grapheme(text, i);
      const bool wide = g.width == 2;
      if (i > start && (wide || prev_wide) && !prev_opening && !is_in(first_char(text, i), no_line_start)) {
        out.push_back({text.substr(start, i - start), width, space});
        space = false;
        start = i, width = 0;
      }
      prev_wide = wide;
      prev_opening = is_in(first_char(text, i), no_line_end);
      width += g.width;
      i += g.size;
    }
    out.push_back({text.substr(start, i - start), width, space});
    space = false;
  }
  return out;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const grapheme g = next_grapheme(text, i);
    width += g.width;
    i += g.size;
  }
  return width;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  width = std::max<std::size_t>(width, 1);
  std::vector<std::string> lines;
  std::string line;
  std::size_t used = 0;  // the columns of `line`
  const auto end_line = [&] {
    if (line.empty()) return;
    lines.push_back(std::move(line));
    line.clear();
    used = 0;
  };
  for (const segment& s : segments(text)) {
    const std::size_t gap = !line.empty() && s.after_space ? 1 : 0;
    if (used + gap + s.width <= width) {
      if (gap) line += ' ';
      line += s.text;
      used += gap + s.width;
      continue;
    }
    end_line();
    // A token wider than a line is cut at the width, between clusters.
    for (std::size_t i = 0; i < s.text.size();) {
      const grapheme g = next_grapheme(s.text, i);
      if (!line.empty() && used + g.width > width) end_line();
      line += s.text.substr(i, g.size);
      used += g.width;
      i += g.size;
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string clip(std::string_view text, std::size_t n) {
  std::size_t used = 0, i = 0;
  while (i < text.size()) {
    const grapheme g = next_grapheme(text, i);
    if (used + g.width > n) return std::string(text.substr(0, i)) + "…";
    used += g.width;
    i += g.size;
  }
  return std::string(text);
}

}  // namespace annals
