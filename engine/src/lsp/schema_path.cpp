#include "lsp/schema_path.hpp"

#include "input/schema.hpp"

namespace annals::lsp {
namespace {

const json& schema() {
  static const json s = json::parse(timeline_schema_text());
  return s;
}

// Follows `$ref`s (local JSON pointers) to the node they name.
const json* resolve(const json* node) {
  for (int hops = 0; node && node->is_object() && node->contains("$ref") && hops < 16; ++hops) {
    const json& ref = (*node)["$ref"];
    if (!ref.is_string() || !ref.get_ref<const std::string&>().starts_with("#")) return nullptr;
    try {
      node = &schema().at(json::json_pointer(ref.get<std::string>().substr(1)));
    } catch (const json::exception&) {
      return nullptr;
    }
  }
  return node;
}

}  // namespace

const json* schema_at(const yaml_path& path) {
  const json* node = &schema();
  for (const std::string& seg : path) {
    node = resolve(node);
    if (!node || !node->is_object()) return nullptr;
    if (seg == "-") {
      node = node->contains("items") ? &(*node)["items"] : nullptr;
    } else if (node->contains("properties") && (*node)["properties"].contains(seg)) {
      node = &(*node)["properties"][seg];
    } else if (node->contains("additionalProperties") && (*node)["additionalProperties"].is_object()) {
      node = &(*node)["additionalProperties"];
    } else {
      return nullptr;
    }
  }
  return resolve(node);
}

std::string schema_description(const json& node) {
  // The node's own words first (a field's description beside its $ref), then its target's.
  for (const json* n : {&node, resolve(&node)}) {
    if (!n || !n->is_object()) continue;
    for (const char* field : {"markdownDescription", "description"})
      if (n->contains(field) && (*n)[field].is_string()) return (*n)[field];
  }
  return {};
}

}  // namespace annals::lsp
