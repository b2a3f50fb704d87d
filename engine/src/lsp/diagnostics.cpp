// publishDiagnostics: every diagnostic of the workspace's check, with its range, for all
// the files together (a change in one file can clear an error in another).
#include <map>

#include "lsp/state.hpp"

namespace annals::lsp {
namespace {

// LSP's DiagnosticSeverity: 1 error, 2 warning.
int lsp_severity(severity s) { return s == severity::error ? 1 : 2; }

}  // namespace

json diagnostic_json(const diagnostic& d, const line_index& lines, encoding e) {
  json out = {{"range", lsp_range(lines, e, d.line, d.column, d.end_line, d.end_column)},
              {"severity", lsp_severity(d.level)},
              {"code", d.code},
              {"source", "annals"},
              {"message", d.hint.empty() ? d.message : d.message + "; " + d.hint}};
  if (!d.hint.empty()) out["data"] = {{"hint", d.hint}};
  return out;
}

void publish_diagnostics(server_state& s, const std::string& always) {
  const validation& checked = s.ws.check();
  std::map<std::string, std::vector<json>> now;
  for (const std::string& path : s.ws.paths()) now[path];
  std::map<std::string, line_index> lines;
  for (const diagnostic& d : checked.diagnostics) {
    const std::string* text = s.ws.text(d.file);
    if (!text) continue;  // a file the workspace does not hold
    auto it = lines.find(d.file);
    if (it == lines.end()) it = lines.emplace(d.file, line_index(*text)).first;
    now[d.file].push_back(diagnostic_json(d, it->second, s.enc));
  }
  // Files that left the workspace: cleared.
  for (const auto& [path, before] : s.published)
    if (!now.contains(path)) now[path];
  for (auto& [path, list] : now) {
    auto before = s.published.find(path);
    const bool same = before != s.published.end() && before->second == list;
    if (same && path != always) continue;
    s.outgoing.push_back({{"jsonrpc", "2.0"},
                          {"method", "textDocument/publishDiagnostics"},
                          {"params", {{"uri", path_uri(path)}, {"diagnostics", list}}}});
    if (list.empty() && !s.ws.text(path)) {
      s.published.erase(path);
    } else {
      s.published[path] = std::move(list);
    }
  }
}

}  // namespace annals::lsp
