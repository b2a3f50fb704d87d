// Completion: field names (from the compiled-in JSON Schema), ids in the fields that take
// them, link kinds (from the link table), enumerated values, and date forms.
#include <set>

#include "annals/commands.hpp"
#include "lsp/context.hpp"
#include "lsp/ids.hpp"
#include "lsp/schema_path.hpp"
#include "lsp/state.hpp"
#include "model/link_table.hpp"

namespace annals::lsp {
namespace {

// LSP's CompletionItemKind.
constexpr int kind_field = 5, kind_value = 12, kind_enum_member = 20, kind_reference = 18, kind_snippet = 15;

json item(std::string label, int kind, std::string detail = {}, std::string doc = {}) {
  json i = {{"label", std::move(label)}, {"kind", kind}};
  if (!detail.empty()) i["detail"] = std::move(detail);
  if (!doc.empty()) i["documentation"] = {{"kind", "markdown"}, {"value", std::move(doc)}};
  return i;
}

void field_names(const yaml_path& path, json& out) {
  const json* node = schema_at(path);
  if (!node || !node->is_object() || !node->contains("properties")) return;
  for (const auto& [name, sub] : (*node)["properties"].items()) {
    std::string detail;
    if (const auto k = parse_link_kind(name); k && path.size() == 2 && path[0] == "events")
      detail = "link: " + std::string(link_words(*k, true)) + " (the other event: " +
               std::string(link_words(*k, false)) + ")";
    json i = item(name, kind_field, std::move(detail), schema_description(sub));
    i["insertText"] = name + ": ";
    out.push_back(std::move(i));
  }
}

// The date forms offered: the schema's examples when it gives them, else these; each
// shown with what annals reads it as, and only if it reads.
std::vector<std::string> date_examples(const json* node) {
  std::vector<std::string> out;
  if (node && node->is_object() && node->contains("examples") && (*node)["examples"].is_array()) {
    for (const json& e : (*node)["examples"])
      if (e.is_string()) out.push_back(e);
  }
  if (out.empty()) {
    out = {"2015-11-23",   "2015-11",          "2015",          "2015-11-23T14:00+03:30", "2015-12~",
           "2015-11-01/2015-11-30", "November 23rd", "mid-December 2015", "spring 2016", "the 1990s",
           "c. 1500",      "44 BC",            "between 2007 and 2015"};
  }
  return out;
}

void date_forms(const json* node, const workspace::file_tree* tree, json& out) {
  date_context cx;
  if (tree) {
    for (std::size_t i = 0; i + 1 < tree->header.size(); i += 2) {
      if (tree->header[i].text != "reference") continue;
      const date_result r = normalize_date(tree->header[i + 1].text, date_context{});
      if (r.ok() && r.value.bounded_start()) cx.reference = std::chrono::floor<std::chrono::days>(r.value.stated_earliest);
    }
  }
  int order = 0;
  for (const std::string& example : date_examples(node)) {
    const date_result r = normalize_date(example, cx);
    if (!r.ok()) continue;
    json i = item(example, kind_value, describe_date(r.value));
    i["sortText"] = std::to_string(1000 + order++);
    out.push_back(std::move(i));
  }
  json rel = item("{after: ID, by: 3 days}", kind_snippet, "a date relative to another event");
  rel["insertText"] = "{after: ${1:id}, by: ${2:3 days}}";
  rel["insertTextFormat"] = 2;
  out.push_back(std::move(rel));
}

}  // namespace

json completion(server_state& s, const json& params) {
  const std::string path = document_path(params);
  const text_position at = document_position(s, path, params);
  const std::string* text = s.ws.text(path);
  json items = json::array();
  if (!text) return items;
  const line_index lines(*text);
  // The word being typed ends at the cursor.
  const context cx = context_at(lines, at.line, at.column);
  if (cx.at_key) {
    field_names(cx.path, items);
    if (const id_kind k = id_at(cx.path, true); k != id_kind::none) {
      std::set<std::string> seen;
      for (const occurrence& o : occurrences(s.ws))
        if (o.defines && o.kind == k && seen.insert(o.id).second) items.push_back(item(o.id, kind_reference, o.detail));
    }
    return items;
  }
  if (const id_kind k = id_at(cx.path, false); k != id_kind::none) {
    std::set<std::string> seen;
    for (const occurrence& o : occurrences(s.ws)) {
      if (!o.defines || o.kind != k || !seen.insert(o.id).second) continue;
      items.push_back(item(o.id, kind_reference, o.detail.empty() ? std::string(to_string(k)) : o.detail));
    }
    return items;
  }
  const json* node = schema_at(cx.path);
  if (node && node->is_object() && node->contains("enum") && (*node)["enum"].is_array()) {
    for (const json& v : (*node)["enum"])
      if (v.is_string()) items.push_back(item(v, kind_enum_member));
    return items;
  }
  const std::string& last = cx.path.empty() ? std::string() : cx.path.back();
  if (last == "date" || last == "on" || last == "born" || last == "died") date_forms(node, s.ws.tree(path), items);
  return items;
}

}  // namespace annals::lsp
