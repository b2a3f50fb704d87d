#pragma once

// One JSON Lines record (RFC 8259 text on one line) read into a record tree, each node at
// its line and column (characters from 1), so that the builder's diagnostics point into
// the line. The top-level members keep where their values lie in the line's bytes, so that
// a writer can pass the line through and replace one value. Nothing is allocated beyond
// the tree itself: numbers and literals keep their text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/record.hpp"

namespace annals {

/// A top-level member's value: its key and its bytes [begin, end) in the line.
struct jsonl_member {
  std::string_view key;  // into the record's key node
  std::size_t begin = 0, end = 0;
};

/// What reading a line gives: an object, or where and why reading stopped.
struct jsonl_result {
  record value;                       // a mapping when ok
  std::vector<jsonl_member> members;  // the object's members in order
  std::uint32_t error_column = 0;     // 0: ok
  std::string error_code;             // json-syntax, not-an-object, duplicate-key, too-deep
  std::string error;                  // lower-case, names what was found
  bool ok() const { return error_column == 0; }
};

/// Reads `line` (without its newline) as one JSON object, at line `number` of its origin.
/// Nesting deeper than `max_depth` is refused. `out` is reused between lines.
void read_jsonl_record(std::string_view line, std::uint32_t number, jsonl_result& out, std::size_t max_depth = 64);

}  // namespace annals
