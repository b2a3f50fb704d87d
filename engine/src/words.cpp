#include "words.hpp"

#include "calendars.hpp"

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

bool ordinal_suffix(std::string_view s) { return s == "st" || s == "nd" || s == "rd" || s == "th"; }

}  // namespace

std::size_t tokenize(std::string_view text, token* out) {
  std::size_t n = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == ',' || c == '-' || c == '\t' || c == '\'') {
      ++i;
      continue;
    }
    if (n == max_tokens) return max_tokens + 1;
    token& t = out[n++];
    t = token{};
    t.pos = static_cast<std::uint32_t>(i);
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
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::optional<std::string> nearest_word(std::string_view w) {
  static constexpr std::string_view vocabulary[] = {
      "spring", "summer",  "autumn",    "fall",     "winter", "early",  "mid",     "late",   "the",    "of",
      "century", "circa",  "about",     "around",   "before", "after",  "between", "and",    "today",  "yesterday",
      "tomorrow", "past",  "last",      "next",     "this",   "week",   "weeks",   "month",  "months", "year",
      "years",   "day",    "days",      "ago",      "in",     "bc",     "bce",     "ad",     "ce",     "from",
      "to",      "until",  "hours",     "minutes",  "seconds", "decade", "decades", "fortnight"};
  std::optional<std::string> best;
  std::size_t best_distance = w.size() <= 4 ? 1 : 2;  // beyond this a "did you mean" misleads
  const auto consider = [&](std::string_view v) {
    const std::size_t d = edit_distance(w, v);
    if (d != 0 && d <= best_distance && (!best || d < best_distance)) {
      best = std::string(v);
      for (char& c : *best) c = lower(c);
      best_distance = d;
    }
  };
  for (const std::string_view m : months_of(calendar::gregorian).full) consider(m);  // the calendar's own names
  for (const std::string_view v : vocabulary) consider(v);
  return best;
}

}  // namespace annals::detail
