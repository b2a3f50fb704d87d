#pragma once

// The compiled-in JSON Schema (timeline_schema_text), walked along a YAML path: what
// completion offers at a key or a value, and what hover says of a field.

#include <string>

#include "lsp/context.hpp"
#include "lsp/state.hpp"

namespace annals::lsp {

/// The schema of the node at `path` (its `$ref`s followed), or null where the schema
/// says nothing.
const json* schema_at(const yaml_path& path);

/// A schema node's description (markdownDescription first), following its `$ref`.
std::string schema_description(const json& node);

}  // namespace annals::lsp
