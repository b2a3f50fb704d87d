#pragma once

// Checks loaded YAML against schemas/timeline.schema.json. The file is compiled
// once into a tree of checks that walks the YAML nodes directly: no JSON copy of
// the input, no regular expression built per value (see schema.cpp for why not
// valijson; tests/input/schema_test.cpp keeps valijson as the oracle).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "input/yaml_stream.hpp"

namespace annals {

/// The text of schemas/timeline.schema.json, compiled in (schema_text.cpp.in), without the
/// words only editors read (markdownDescription, examples, snippets: schema_text.cmake).
std::string_view timeline_schema_text();

/// A schema violation at a node.
struct schema_issue {
  std::string pointer;  // JSON pointer of the offending node, e.g. /events/3/date
  std::string message;  // lower-case, names the field
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string hint = {};  // what to write instead, when there is a known way

  friend bool operator==(const schema_issue&, const schema_issue&) = default;
};

/// Checks item `index` of `events:` against the schema's event definition.
std::vector<schema_issue> check_event(const record& item, std::size_t index);

/// Checks the top-level mapping; the `events` items, checked one by one as they
/// streamed, are no longer in it.
std::vector<schema_issue> check_header(const record& header);

}  // namespace annals
