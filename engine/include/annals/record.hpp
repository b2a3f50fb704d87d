#pragma once

// What every producer of a timeline hands the builder: a small tree of fields, each node
// with the position it came from (a YAML file's line and column, a CSV's row and column,
// a JSON Lines record's line). The YAML reader makes these; so do the importers.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// A node as the builder sees it: scalars keep their text and whether they were plain
/// (unquoted), so typing follows the YAML core schema.
struct record {
  enum class type : std::uint8_t { null, scalar, sequence, mapping };
  type kind = type::null;
  bool plain = true;         // a plain scalar; quoted and !!str scalars are strings
  std::uint32_t line = 0;    // 1-based, in its origin (a file's line, a sheet's row); 0: none (the builder gives it its parent's)
  std::uint32_t column = 0;  // 1-based, in its origin (a file's column, a sheet's column)
  std::uint32_t note = 0;    // written out: a comment before it, 1-based in the writer's notes; 0 none
  std::string text;          // a scalar's value
  std::vector<record> children;  // a sequence's items; a mapping's keys and values, alternating

  /// A string at a position: always a string, never typed as a number or a boolean.
  static record string(std::string text, std::uint32_t line = 0, std::uint32_t column = 0);
  /// A plain scalar (a number, a boolean, a date) at a position.
  static record scalar(std::string text, std::uint32_t line = 0, std::uint32_t column = 0);
  static record mapping(std::uint32_t line = 0, std::uint32_t column = 0);
  static record sequence(std::uint32_t line = 0, std::uint32_t column = 0);

  /// Adds `key: value` to a mapping (the key takes the value's position); returns the value.
  record& set(std::string_view key, record value);
  /// Adds an item to a sequence; returns it.
  record& push(record item);

  /// A mapping's value for `key`, or nullptr.
  const record* get(std::string_view key) const;
  record* get(std::string_view key);
  /// The number of nodes in this tree (itself included).
  std::size_t size() const;
  /// The bytes this tree takes: its nodes and their texts.
  std::size_t bytes() const;
};

}  // namespace annals
