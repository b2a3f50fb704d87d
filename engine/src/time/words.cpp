#include "time/words.hpp"

#include "time/calendars.hpp"
#include "time/date_words.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace annals::detail {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::string_view units[] = {"zero",    "one",     "two",       "three",    "four",
                                      "five",    "six",     "seven",     "eight",    "nine",
                                      "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::string_view tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::string_view unit_ordinals[] = {
    "",            "first",      "second",     "third",      "fourth",    "fifth",    "sixth",
    "seventh",     "eighth",     "ninth",      "tenth",      "eleventh",  "twelfth",  "thirteenth",
    "fourteenth",  "fifteenth",  "sixteenth",  "seventeenth", "eighteenth", "nineteenth"};
constexpr std::string_view tens_ordinals[] = {"",          "",          "twentieth", "thirtieth", "fortieth",
                                              "fiftieth",  "sixtieth",  "seventieth", "eightieth", "ninetieth"};

template <std::size_t N>
int index_of(const std::string_view (&table)[N], std::string_view w) {
  for (std::size_t i = 0; i < N; ++i)
    if (!table[i].empty() && table[i] == w) return static_cast<int>(i);
  return -1;
}

// The length of a hyphen or an en dash (U+2013) at text[i], else 0.
std::size_t dash_at(std::string_view text, std::size_t i) {
  if (text[i] == '-') return 1;
  if (text.substr(i, 3) == "\xE2\x80\x93") return 3;
  return 0;
}

bool only_spaces(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool ordinal_suffix(std::string_view s) { return s == "st" || s == "nd" || s == "rd" || s == "th"; }

}  // namespace

std::size_t tokenize(std::string_view text, token* out) {
  std::size_t n = 0;
  std::size_t i = 0;
  bool dash = false;  // a dash since the last token
  while (i < text.size()) {
    const char c = text[i];
    if (const std::size_t d = dash_at(text, i)) {
      // A sign, not a separator: first or last in the text, or spaced before and glued
      // to the digits after it.
      const bool first = n == 0, last = i + d >= text.size() || only_spaces(text.substr(i + d));
      const bool glued_sign = i > 0 && text[i - 1] == ' ' && i + d < text.size() && is_digit(text[i + d]);
      if (!(first || last || glued_sign)) {
        dash = true;
        i += d;
        continue;
      }
    } else if (c == ' ' || c == ',' || c == '\t' || c == '\'') {
      ++i;
      continue;
    }
    if (n == max_tokens) return max_tokens + 1;
    token& t = out[n++];
    t = token{};
    t.pos = static_cast<std::uint32_t>(i);
    t.dash_before = dash;
    dash = false;
    if (const std::size_t d = dash_at(text, i)) {  // a sign: read by nothing
      i += d;
      t.size = static_cast<std::uint32_t>(d);
      continue;
    }
    const std::size_t start = i;
    if (is_digit(c)) {
      t.k = token::kind::number;
      while (i < text.size() && is_digit(text[i])) {
        if (t.digits < 18) t.value = t.value * 10 + (text[i] - '0');
        ++t.digits;
        ++i;
      }
      if (t.digits > 18) t.k = token::kind::other;
      // A suffix glued to the digits: 23rd, 1990s, 1990's.
      if (i < text.size() && text[i] == '\'' && i + 1 < text.size() && lower(text[i + 1]) == 's') ++i;
      while (i < text.size() && is_letter(text[i])) {
        if (t.len < sizeof t.low) t.low[t.len] = lower(text[i]);
        ++t.len;
        ++i;
      }
      if (t.len > sizeof t.low) t.k = token::kind::other;
    } else if (is_letter(c)) {
      t.k = token::kind::word;
      while (i < text.size() && (is_letter(text[i]) || text[i] == '.')) {
        if (text[i] != '.') {
          if (t.len < sizeof t.low) t.low[t.len] = lower(text[i]);
          ++t.len;
        }
        ++i;
      }
      if (t.len > sizeof t.low) t.len = 0;  // too long to be any word we know
    } else {
      t.k = token::kind::other;
      ++i;
      // Keep a run of non-ASCII bytes (one UTF-8 character or more) together.
      while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) ++i;
    }
    t.size = static_cast<std::uint32_t>(i - start);
  }
  return n;
}

std::optional<unsigned> month_word(std::string_view w, calendar c) {
  if (w.size() < 3) return std::nullopt;
  const bool english = c == calendar::gregorian || c == calendar::julian;
  if (english && w == "sept") return 9;
  if (c == calendar::solar_hijri && w == "amordad") return 5;  // Mordad's other spelling
  const auto same = [&](std::string_view name) {
    return name.size() == w.size() && std::equal(w.begin(), w.end(), name.begin(), [](char a, char b) {
             return a == lower(b);
           });
  };
  const month_names& names = months_of(c);
  for (unsigned m = 0; m < 12; ++m) {
    if (same(names.full[m]) || same(names.abbr[m])) return m + 1;
  }
  return std::nullopt;
}

std::optional<std::int64_t> number_words(const token* tokens, std::size_t n, std::size_t& i) {
  if (i >= n || tokens[i].k != token::kind::word) return std::nullopt;
  const std::string_view w = tokens[i].word();
  if (w == "a" || w == "an") {
    ++i;
    return 1;
  }
  if (const int u = index_of(units, w); u >= 0) {
    ++i;
    return u;
  }
  if (const int t = index_of(tens, w); t >= 0) {
    ++i;
    if (i < n && tokens[i].k == token::kind::word) {
      const int u = index_of(units, tokens[i].word());
      if (u >= 1 && u <= 9) {
        ++i;
        return t * 10 + u;
      }
    }
    return t * 10;
  }
  return std::nullopt;
}

std::optional<std::int64_t> ordinal(const token* tokens, std::size_t n, std::size_t& i, bool allow_bare) {
  if (i >= n) return std::nullopt;
  const token& t = tokens[i];
  if (t.k == token::kind::number) {
    if (t.len == 0 ? !allow_bare : !ordinal_suffix(t.suffix())) return std::nullopt;
    ++i;
    return t.value;
  }
  if (t.k != token::kind::word) return std::nullopt;
  if (const int u = index_of(unit_ordinals, t.word()); u >= 0) {
    ++i;
    return u;
  }
  if (const int d = index_of(tens_ordinals, t.word()); d >= 0) {
    ++i;
    return d * 10;
  }
  if (const int d = index_of(tens, t.word()); d >= 0 && i + 1 < n && tokens[i + 1].k == token::kind::word) {
    const int u = index_of(unit_ordinals, tokens[i + 1].word());
    if (u >= 1 && u <= 9) {
      i += 2;
      return d * 10 + u;
    }
  }
  return std::nullopt;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Levenshtein with adjacent transpositions counted once ("Mya" is one edit from "May").
  std::vector<std::size_t> before(b.size() + 1), row(b.size() + 1), next(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    next[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        next[j] = std::min(next[j], before[j - 2] + 1);
    }
    std::swap(before, row);
    std::swap(row, next);
  }
  return row[b.size()];
}

std::optional<std::string> nearest_word(std::string_view w) {
  // Beside the date words: "fall" for autumn, and the units only durations read.
  static constexpr std::string_view more[] = {"fall", "hours", "minutes", "seconds", "fortnight"};
  std::optional<std::string> best;
  std::size_t best_distance = w.size() <= 4 ? 1 : 2;  // beyond this a "did you mean" misleads
  const auto consider = [&](std::string_view v) {
    if (v.empty()) return;
    const std::size_t d = edit_distance(w, v);
    if (d != 0 && d <= best_distance && (!best || d < best_distance)) {
      best = std::string(v);
      for (char& c : *best) c = lower(c);
      best_distance = d;
    }
  };
  for (const std::string_view m : months_of(calendar::gregorian).full) consider(m);  // the calendar's own names
  for (const auto& names : weekday_names) consider(names[0]);
  for (const std::string_view v : season_names) consider(v);
  for (const part_word& v : part_words) consider(v.word);
  for (const std::string_view v : day_parts) consider(v);
  for (const std::string_view v : decade_words) consider(v);
  for (const holiday& h : holidays) {  // each word of a name
    for (std::size_t at = 0; at < h.words.size();) {
      const std::size_t end = std::min(h.words.find(' ', at), h.words.size());
      if (end - at > 2) consider(h.words.substr(at, end - at));
      at = end + 1;
    }
  }
  for (const std::string_view v : keywords) consider(v);
  for (const std::string_view v : more) consider(v);
  return best;
}

}  // namespace annals::detail
