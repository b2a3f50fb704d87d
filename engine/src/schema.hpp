#pragma once

// Checks loaded YAML against schemas/timeline.schema.json with valijson.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yaml_stream.hpp"

namespace annals {

/// The text of schemas/timeline.schema.json, compiled in (schema_text.cpp.in).
std::string_view timeline_schema_text();

/// A schema violation at a node.
struct schema_issue {
  std::string pointer;  // JSON pointer of the offending node, e.g. /events/3/date
  std::string message;  // lower-case, names the field
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend bool operator==(const schema_issue&, const schema_issue&) = default;
};

/// Checks one item of `events:` against the schema's event definition;
/// `pointer` is the item's JSON pointer (/events/3).
std::vector<schema_issue> check_event(const ynode& item, const std::string& pointer);

/// Checks the top-level mapping: every entry except the `events` items, which
/// are checked one by one (`events_streamed`: the list itself was a sequence).
std::vector<schema_issue> check_header(const ynode& header, bool events_streamed);

}  // namespace annals
