#pragma once

// Positions between annals and LSP. annals counts lines and columns from 1, columns in
// bytes; LSP counts both from 0, columns in UTF-16 code units unless the client and the
// server agreed on UTF-8 (`positionEncoding`, LSP 3.17).

#include <cstdint>
#include <string_view>
#include <vector>

namespace annals::lsp {

enum class encoding : unsigned char { utf16, utf8 };

/// An LSP position: 0-based line, 0-based character in the agreed code units.
struct position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const position&, const position&) = default;
};

/// The lines of a text (ended by LF; a CR before it is part of no line's content).
class line_index {
 public:
  explicit line_index(std::string_view text);
  std::size_t lines() const { return starts_.size(); }
  /// The text of 0-based line `line` without its line end; empty past the last.
  std::string_view line(std::size_t line) const;
  /// The byte offset of an LSP position (clamped into the text; inside a character: its start).
  std::size_t offset(position p, encoding e) const;
  /// The LSP position of 1-based `line` and byte `column` (clamped to the line).
  position to_lsp(std::uint32_t line, std::uint32_t column, encoding e) const;
  /// The 1-based byte column of an LSP position on its line.
  std::uint32_t byte_column(position p, encoding e) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

/// The code units of `bytes` (UTF-8) in encoding `e`.
std::uint32_t code_units(std::string_view bytes, encoding e);

}  // namespace annals::lsp
