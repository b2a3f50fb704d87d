#include "annals/diagnostic.hpp"

#include <algorithm>

namespace annals {

std::string_view to_string(severity s) { return s == severity::error ? "error" : "warning"; }

namespace {

// Appends `text` with every control character written as an escape (`\n`, `\x1b`), so
// that one diagnostic is always one line, whatever user text it quotes: a key holding
// "\n...: error: ..." cannot forge another diagnostic's line.
void append_escaped(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      // C1 controls (U+0080..U+009F) start terminal escape sequences too.
      const auto d = static_cast<unsigned char>(text[++i]);
      out += "\\u00";
      out += hex[d >> 4];
      out += hex[d & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
}

}  // namespace

std::string format_text(const diagnostic& d) {
  std::string out;
  append_escaped(out, d.file);
  if (d.line > 0) {
    out += ':' + std::to_string(d.line) + ':' + std::to_string(d.column);
  }
  out += ": ";
  out += to_string(d.level);
  out += ": ";
  append_escaped(out, d.message);
  if (!d.hint.empty()) {
    out += "; ";
    append_escaped(out, d.hint);
  }
  out += " [" + d.code + ']';
  return out;
}

std::size_t count(const std::vector<diagnostic>& ds, severity s) {
  return static_cast<std::size_t>(
      std::count_if(ds.begin(), ds.end(), [s](const diagnostic& d) { return d.level == s; }));
}

namespace {

// Optimal string alignment distance: Levenshtein plus adjacent transpositions,
// so "2051" is one edit from "2015". Distances above `max` come back as max + 1:
// only a band of 2 max + 1 diagonals is computed, so two long ids (scalars run to
// 1 MiB) cost O(length * max), not O(length^2).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max) {
  const std::size_t inf = max + 1;
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > max) return inf;
  std::vector<std::size_t> before(m + 1, inf), prev(m + 1, inf), cur(m + 1, inf);
  for (std::size_t j = 0; j <= std::min(m, max); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    // Row i covers columns [lo, hi]; the cells just outside are reset to inf, so
    // the next rows never read a value left from an older row.
    const std::size_t lo = i > max ? i - max : 1, hi = std::min(m, i + max);
    cur[lo - 1] = lo == 1 ? std::min(i, inf) : inf;
    std::size_t row_min = cur[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub, inf});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (hi + 1 <= m) cur[hi + 1] = inf;
    if (row_min > max) return inf;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], inf);
}

}  // namespace

std::string_view spellcheck(std::string_view word, const std::vector<std::string_view>& candidates) {
  // Like ninja: a third of the word's length, at least 1 and at most 3 edits.
  const std::size_t allowed = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::string_view best;
  std::size_t best_distance = allowed + 1;
  for (std::string_view c : candidates) {
    // Lengths differing by more than the allowance cannot be within it.
    const std::size_t diff = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (diff >= best_distance) continue;
    const std::size_t d = edit_distance(word, c, best_distance);
    if (d >= word.size()) continue;  // "b" for "a" is a replacement, not a typo
    if (d < best_distance || (d == best_distance && c < best)) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace annals
