#pragma once

// JSON (RFC 8259) read into a record tree, each node at its line and column (characters
// from 1), so that every diagnostic points into the text: the one JSON reader of the
// import layer (TimelineJS files, Wikidata results, JSON Lines records). An object's
// top-level members keep where their values lie in the bytes, so that a writer can pass
// a line through and replace one value. Numbers and literals keep their text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/record.hpp"

namespace annals {

/// A top-level member's value: its key and its bytes [begin, end) in the text.
struct json_member {
  std::string_view key;  // into the record's key node
  std::size_t begin = 0, end = 0;
};

/// What reading gives: the value, or where and why reading stopped.
struct json_read {
  record value;
  std::vector<json_member> members;  // the top-level object's members in order
  std::uint32_t error_line = 0;      // 0: ok
  std::uint32_t error_column = 0;
  std::string error_code;            // json-syntax, not-an-object, duplicate-key, too-deep
  std::string error;                 // lower-case, names what was found
  bool ok() const { return error_line == 0; }
};

/// What is read: a whole document (any value, over any number of lines, a UTF-8 byte
/// order mark skipped) or one JSON Lines record (an object on one line).
enum class json_text : std::uint8_t { document, line_record };

/// Reads `text`, its first line being line `first_line` of its origin. Nesting deeper
/// than `max_depth` is refused. `out` is reused between calls.
void read_json(std::string_view text, std::uint32_t first_line, json_read& out, json_text kind = json_text::document,
               std::size_t max_depth = 64);

}  // namespace annals
