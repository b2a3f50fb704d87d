#pragma once

// The words annals reads in English dates and durations: a tokenizer that never
// allocates, and number and month words. Shared by date_grammar.cpp and duration.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annals/temporal.hpp"

namespace annals::detail {

/// One token of an English phrase. Spaces, commas, apostrophes and hyphens (or en dashes)
/// only separate tokens ("mid-December", "twenty-one", "November 23, 2015"); a token
/// remembers a dash before it ("23-25", "1939–45"). A dash that can only be a sign
/// ("-5 days", "November -1", "2015 -") is a token of its own, which nothing reads.
struct token {
  enum class kind : std::uint8_t { word, number, other };
  kind k = kind::other;
  std::uint32_t pos = 0;   // 0-based offset in the text
  std::uint32_t size = 0;  // characters in the text
  std::int64_t value = 0;  // number: the value of its digits
  std::uint8_t digits = 0; // number: how many digits
  std::uint8_t len = 0;    // word: letters in `low`; number: letters in `low` (the suffix)
  bool dash_before = false;  // a hyphen or en dash separates it from the token before
  char low[15] = {};       // word: lower case without dots ("b.c." -> "bc"); number: its suffix ("th", "s")

  std::string_view word() const { return {low, len}; }
  bool is(std::string_view w) const { return k == kind::word && word() == w; }
  bool is_number() const { return k == kind::number; }
  std::string_view suffix() const { return k == kind::number ? word() : std::string_view{}; }
};

inline constexpr std::size_t max_tokens = 16;

/// Splits `text` into at most max_tokens tokens; returns how many, or max_tokens + 1
/// when there are more (the caller reports the first one beyond).
std::size_t tokenize(std::string_view text, token* out);

/// A one-word month name or abbreviation (`november`, `nov`, `sept`) in `c`'s names
/// (calendars.hpp): its slot.
std::optional<unsigned> month_word(std::string_view w, calendar c);

/// A month name of calendar `c` at tokens[i], over as many tokens as its longest
/// spelling ("Jumada al-Thani", "Dhu'l-Qa'da", "Teşrin-i Evvel"): its slot; advances i.
std::optional<unsigned> month_words(const token* tokens, std::size_t n, std::size_t& i, calendar c);

/// The calendar other than `c` whose month names begin with the word `w` ("jumada": Islamic),
/// for the hint that names the calendar a date forgot to name.
std::optional<calendar> calendar_of_month(std::string_view w, calendar c);

/// Cardinal number words: `one`..`ninety-nine` (a compound takes two tokens), `a`/`an` as 1.
/// Reads from tokens[i]; on success advances i.
std::optional<std::int64_t> number_words(const token* tokens, std::size_t n, std::size_t& i);

/// An ordinal: `23rd`, `23`, `twenty-third`, `first`. Advances i.
std::optional<std::int64_t> ordinal(const token* tokens, std::size_t n, std::size_t& i, bool allow_bare);

/// Levenshtein distance (for "did you mean" hints).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Every word the grammars know, for spelling hints: the month names of calendar `c`.
std::optional<std::string> nearest_word(std::string_view w, calendar c = calendar::gregorian);

}  // namespace annals::detail
