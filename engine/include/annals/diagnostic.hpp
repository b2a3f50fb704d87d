#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

enum class severity : std::uint8_t { warning, error };

/// One problem found in the input, at a 1-based file position (columns count bytes), with
/// the range of text it is about.
struct diagnostic {
  severity level = severity::error;
  std::string code;  // stable, e.g. "unparsed-date"
  std::string file;
  std::uint32_t line = 0;    // 0 when the problem has no position (a whole file)
  std::uint32_t column = 0;
  std::string message;  // lower-case, names the offending item in quotes
  std::string hint;     // optional: "did you mean 'x'?"
  /// Where the offending text ends: the position just past its last byte, on `end_line`.
  /// 0 when unknown: the problem is then at the point line:column (see add_ranges).
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;

  friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

/// "error" or "warning".
std::string_view to_string(severity s);

/// The most characters of user text one quotation in a message shows ('…' ends it).
inline constexpr std::size_t max_quoted_chars = 200;
/// The most characters one message shows.
inline constexpr std::size_t max_message_chars = 2000;

/// `text` as it can be shown safely on one line of a terminal: control characters, bidi
/// controls and line separators written as escapes (`\n`, `\x1b`, `\u202e`), each quoted
/// stretch ('…') capped at max_quoted_chars and the whole at max_message_chars. Every
/// diagnostic and warning passes through it.
std::string display_text(std::string_view text);

/// `file:line:col: error: message; hint [code]`, one line.
std::string format_text(const diagnostic& d);

/// The number of diagnostics of a severity.
std::size_t count(const std::vector<diagnostic>& ds, severity s);

/// The entry of `candidates` nearest to `word` by edit distance, or "" when none
/// is close enough to be a plausible typo (ninja's SpellcheckString).
std::string_view spellcheck(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace annals
