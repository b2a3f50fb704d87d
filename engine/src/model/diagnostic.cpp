#include "annals/diagnostic.hpp"

#include <algorithm>
#include <cctype>

namespace annals {

std::string_view to_string(severity s) { return s == severity::error ? "error" : "warning"; }

namespace {

constexpr char hex[] = "0123456789abcdef";
constexpr std::size_t npos_chars = static_cast<std::size_t>(-1);

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t sequence_length(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// Whether the code point `c` is one a terminal acts on rather than shows: C0 and C1
// controls and DEL (escape sequences, line breaks that forge lines), the bidi embeddings,
// overrides, isolates and marks (which reorder what follows: "Trojan Source"), and the
// line and paragraph separators.
bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f ||
         (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

// Appends `c` as an escape: the common ones by name, the rest as \xHH or \uHHHH.
void append_escape(std::string& out, char32_t c) {
  if (c == '\n') {
    out += "\\n";
  } else if (c == '\r') {
    out += "\\r";
  } else if (c == '\t') {
    out += "\\t";
  } else if (c < 0x80) {
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 15];
  } else {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c >> shift) & 15];
  }
}

// Whether a `'` at `i` of `text` opens a quotation: it starts the text or follows a
// character that cannot end a word ("didn't" is not a quotation).
bool opens_quote(std::string_view text, std::size_t i) {
  if (text[i] != '\'') return false;
  if (i == 0) return true;
  const auto before = static_cast<unsigned char>(text[i - 1]);
  return before < 0x80 && !std::isalnum(before);
}

}  // namespace

std::string display_text(std::string_view text) {
  std::string out;
  out.reserve(std::min(text.size(), max_message_chars * 4) + 8);
  std::size_t chars = 0;          // characters of the message written
  std::size_t quoted = npos_chars;  // characters of the open quotation written, or npos_chars
  for (std::size_t i = 0; i < text.size();) {
    if (chars >= max_message_chars) {
      out += "\u2026";
      break;
    }
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t n = std::min(sequence_length(lead), text.size() - i);
    char32_t c = lead;
    if (n == 2) c = (lead & 0x1f) << 6 | (text[i + 1] & 0x3f);
    if (n == 3) c = (lead & 0x0f) << 12 | (text[i + 1] & 0x3f) << 6 | (text[i + 2] & 0x3f);
    if (n == 4) c = (lead & 0x07) << 18 | (text[i + 1] & 0x3f) << 12 | (text[i + 2] & 0x3f) << 6 | (text[i + 3] & 0x3f);
    if (quoted == npos_chars && opens_quote(text, i)) {
      quoted = 0;
    } else if (quoted != npos_chars && lead == '\'') {
      quoted = npos_chars;
    } else if (quoted != npos_chars && ++quoted > max_quoted_chars) {
      // A long quotation is cut; reading resumes at its closing quote, if it has one.
      out += "\u2026";
      const std::size_t close = text.find('\'', i);
      if (close == std::string_view::npos) break;
      i = close;
      quoted = npos_chars;
      continue;
    }
    if (is_control(c)) {
      append_escape(out, c);
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
    ++chars;
  }
  return out;
}

std::string format_text(const diagnostic& d) {
  std::string out;
  out += display_text(d.file);
  if (d.line > 0) {
    out += ':' + std::to_string(d.line) + ':' + std::to_string(d.column);
  }
  out += ": ";
  out += to_string(d.level);
  out += ": ";
  out += display_text(d.message);
  if (!d.hint.empty()) {
    out += "; ";
    out += display_text(d.hint);
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
