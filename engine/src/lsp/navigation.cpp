// Go-to-definition and find-references for event, actor, place and source ids.
#include <map>

#include "lsp/context.hpp"
#include "lsp/ids.hpp"
#include "lsp/state.hpp"

namespace annals::lsp {
namespace {

// The id at the request's position and its kind; kind none when there is no id there.
struct target {
  id_kind kind = id_kind::none;
  std::string id;
};

target target_at(server_state& s, const json& params) {
  const std::string path = document_path(params);
  const text_position at = document_position(s, path, params);
  const std::string* text = s.ws.text(path);
  if (!text) return {};
  const line_index lines(*text);
  const context cx = context_at(lines, at.line, at.column);
  if (cx.word.empty()) return {};
  return {id_at(cx.path, cx.at_key), cx.word};
}

json locations(server_state& s, const std::vector<occurrence>& found) {
  json out = json::array();
  std::map<std::string, line_index> lines;
  for (const occurrence& o : found) {
    const std::string* text = s.ws.text(o.file);
    if (!text) continue;
    auto it = lines.find(o.file);
    if (it == lines.end()) it = lines.emplace(o.file, line_index(*text)).first;
    const std::uint32_t l = o.line - 1;
    const std::size_t from = o.column - 1;
    out.push_back({{"uri", path_uri(o.file)},
                   {"range", line_range(it->second, s.enc, l, from, scalar_end(it->second.line(l), from))}});
  }
  return out;
}

}  // namespace

json definition(server_state& s, const json& params) {
  const target t = target_at(s, params);
  if (t.kind == id_kind::none) return nullptr;
  std::vector<occurrence> found;
  for (occurrence& o : occurrences(s.ws))
    if (o.defines && o.kind == t.kind && o.id == t.id) found.push_back(std::move(o));
  if (found.empty()) return nullptr;
  return locations(s, found);
}

json references(server_state& s, const json& params) {
  const target t = target_at(s, params);
  if (t.kind == id_kind::none) return json::array();
  bool declaration = true;
  if (const auto c = params.find("context"); c != params.end() && c->is_object())
    declaration = c->value("includeDeclaration", true);
  std::vector<occurrence> found;
  for (occurrence& o : occurrences(s.ws))
    if (o.kind == t.kind && o.id == t.id && (declaration || !o.defines)) found.push_back(std::move(o));
  return locations(s, found);
}

}  // namespace annals::lsp
