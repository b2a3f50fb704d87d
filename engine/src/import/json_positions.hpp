#pragma once

// Where each value of a JSON text begins (1-based line, and column in characters), for
// diagnostics that point into the file: nlohmann's parser gives the values but not their
// positions. The text must be valid JSON (parse it first); the tree mirrors it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annals {

struct json_position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  /// An object's members: each key as written (escapes kept) and its value's position.
  std::vector<std::pair<std::string, json_position>> members;
  /// An array's items.
  std::vector<json_position> items;

  /// The position of member `key`'s value (the first one of that name), or nullptr.
  const json_position* member(std::string_view key) const;
  /// The position of item `i`, or nullptr.
  const json_position* item(std::size_t i) const;
};

/// The positions of the values of `text` (valid JSON; a UTF-8 byte order mark is skipped).
/// Values nested deeper than `max_depth` are skipped, their containers' positions kept.
json_position json_positions(std::string_view text, std::size_t max_depth = 64);

/// The line and column (characters) of byte `offset` of `text`.
std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view text, std::size_t offset);

}  // namespace annals
