#include "output/char_width.hpp"

#include <algorithm>

#include "output/escape.hpp"

namespace annals {

char_props props_of(char32_t c) {
  const std::uint32_t* end = char_width_runs + char_width_run_count;
  // The last run starting at or before c (the first run starts at U+0000).
  const std::uint32_t* run = std::upper_bound(char_width_runs, end, static_cast<std::uint32_t>(c) << 8 | 0xFF) - 1;
  const std::uint32_t p = *run & 0xFF;
  return {p & 3, static_cast<cluster_break>(p >> 2 & 0xF), (p & 1u << 6) != 0, (p & 1u << 7) != 0};
}

namespace {

constexpr char32_t vs16 = 0xFE0F;  // VARIATION SELECTOR-16: emoji presentation

// Whether UAX #29 keeps `next` in the cluster that `prev` ended (rules GB3 to GB13;
// GB11 and GB12/13 take the state of the cluster so far).
bool joins(cluster_break prev, cluster_break next, bool after_pict_zwj, bool odd_regional, bool next_ext_pict) {
  using b = cluster_break;
  if (prev == b::control || next == b::control) return false;  // GB4, GB5 (a CR LF pair is never shown here)
  if (prev == b::hangul_l) return next == b::hangul_l || next == b::hangul_v || next == b::hangul_lv || next == b::hangul_lvt;  // GB6
  if ((prev == b::hangul_lv || prev == b::hangul_v) && (next == b::hangul_v || next == b::hangul_t)) return true;  // GB7
  if ((prev == b::hangul_lvt || prev == b::hangul_t) && next == b::hangul_t) return true;  // GB8
  if (next == b::extend || next == b::zwj || next == b::spacing_mark) return true;  // GB9, GB9a
  if (prev == b::prepend) return true;                                               // GB9b
  if (after_pict_zwj && next_ext_pict) return true;                                  // GB11
  return prev == b::regional_indicator && next == b::regional_indicator && odd_regional;  // GB12, GB13
}

}  // namespace

grapheme next_grapheme(std::string_view text, std::size_t i) {
  const auto ascii = [&](std::size_t k) { return static_cast<unsigned char>(text[k]) < 0x80; };
  // ASCII followed by ASCII (or nothing) is a cluster of its own: the common case, fast.
  if (ascii(i) && (i + 1 == text.size() || ascii(i + 1))) {
    const auto c = static_cast<unsigned char>(text[i]);
    return {1, c < 0x20 || c == 0x7F ? 0u : 1u};
  }
  const utf8_char first = decode_utf8(text, i);
  if (first.size == 0) return {1, 1};
  const char_props base = props_of(first.cp);
  grapheme g{first.size, base.width};
  cluster_break prev = base.brk;
  bool pict_run = base.ext_pict;       // GB11: the cluster ends in ExtPict Extend*
  bool pict_zwj = false;               // ... followed by a ZWJ
  std::size_t regional = prev == cluster_break::regional_indicator;  // GB12/13: how many in a row
  bool presentation = false;           // VS16 seen
  bool wide_pict = base.ext_pict && base.width == 2;
  while (i + g.size < text.size()) {
    const utf8_char next = decode_utf8(text, i + g.size);
    if (next.size == 0) break;
    const char_props p = props_of(next.cp);
    if (!joins(prev, p.brk, pict_zwj, regional % 2 == 1, p.ext_pict)) break;
    g.size += next.size;
    // A spacing mark takes its own column (as wcwidth counts it); a Hangul jamo joins its
    // syllable; marks, joiners and what an emoji sequence joins add nothing.
    if (p.brk == cluster_break::spacing_mark || prev == cluster_break::prepend) g.width += p.width;
    if (next.cp == vs16) presentation = true;
    if (p.ext_pict && p.width == 2) wide_pict = true;
    if (p.brk == cluster_break::regional_indicator) ++regional;
    pict_zwj = pict_run && p.brk == cluster_break::zwj;
    pict_run = p.ext_pict || (pict_run && p.brk == cluster_break::extend);
    prev = p.brk;
  }
  // An emoji is two columns: one with emoji presentation (a flag's regional indicators
  // too), one VS16 asks for, a ZWJ sequence that joins one.
  if ((base.ext_pict || base.emoji_text) && (presentation || wide_pict)) g.width = 2;
  return g;
}

}  // namespace annals
