// The files of the workspace: which are event files, read from the folders at
// initialize, and kept in step with the editor's buffers (open, change, save, close).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "lsp/context.hpp"
#include "lsp/state.hpp"

namespace annals::lsp {
namespace {

// Folders a workspace scan never enters: version control, dependencies, build trees.
bool skipped_folder(const std::string& name) {
  return (!name.empty() && name[0] == '.') || name == "node_modules" || name == "build";
}

// At most this many files and bytes per file are read from the workspace folders: a
// home folder opened by mistake must not take the server down.
constexpr std::size_t max_scanned_files = 20000;
constexpr std::size_t max_read_files = 2000;
constexpr std::uintmax_t max_file_bytes = std::uintmax_t{64} << 20;

// An event file: YAML with a top-level `events:` key, or a schema comment naming annals'
// timeline schema (yaml-language-server's `# yaml-language-server: $schema=...`).
bool is_event_file(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    if (line.starts_with("events:")) return true;
    if (line.starts_with("#") && line.find("$schema=") != std::string_view::npos &&
        line.find("timeline.schema.json") != std::string_view::npos)
      return true;
    at = end + 1;
  }
  return false;
}

bool yaml_name(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

std::optional<std::string> read_disk(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) > max_file_bytes || ec)
    return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Sets what the workspace checks for `path`: the open buffer, else the disk's text of an
// event file; a file that is neither leaves the workspace.
void refresh(server_state& s, const std::string& path) {
  document_state& d = s.documents[path];
  const std::string* text = d.open ? &d.buffer : (d.on_disk ? &d.disk : nullptr);
  if (text && is_event_file(*text)) {
    const std::string* now = s.ws.text(path);
    if (!now || *now != *text) s.ws.set(path, *text);
  } else if (s.ws.text(path)) {
    s.ws.remove(path);
  }
}

void load_disk(server_state& s, const std::string& path) {
  document_state& d = s.documents[path];
  if (auto text = read_disk(path)) {
    d.disk = std::move(*text);
    d.on_disk = true;
  } else {
    d.disk.clear();
    d.on_disk = false;
  }
}

void scan_folder(server_state& s, const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::size_t seen = 0, read = 0;
  std::vector<std::string> found;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end && seen < max_scanned_files; it.increment(ec)) {
    ++seen;
    if (it->is_directory(ec)) {
      if (skipped_folder(it->path().filename().string())) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && yaml_name(it->path())) found.push_back(it->path().lexically_normal().string());
  }
  std::sort(found.begin(), found.end());  // a stable order: diagnostics sorted as validate sorts them
  for (const std::string& path : found) {
    if (read++ >= max_read_files) break;
    load_disk(s, path);
    if (s.documents[path].on_disk && !is_event_file(s.documents[path].disk)) {
      s.documents.erase(path);
      continue;
    }
    refresh(s, path);
  }
}

const std::string& text_of(const json& params) {
  const json& doc = params.at("textDocument");
  if (!doc.contains("text") || !doc["text"].is_string()) throw bad_params("textDocument.text must be a string");
  return doc["text"].get_ref<const std::string&>();
}

}  // namespace

std::string uri_path(const std::string& uri) {
  if (!uri.starts_with("file://")) throw bad_params("only file: URIs are served: '" + uri + "'");
  std::string path;
  std::string_view rest = std::string_view(uri).substr(7);
  // file://host/path: a host other than localhost names another machine.
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) throw bad_params("a file: URI without a path: '" + uri + "'");
  rest.remove_prefix(slash);
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() + 0 && hex(rest[i + 1]) >= 0 && hex(rest[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2])));
      i += 2;
    } else {
      path.push_back(rest[i]);
    }
  }
  if (path.find('\0') != std::string::npos) throw bad_params("a file: URI with a NUL byte");
  return path;
}

std::string path_uri(const std::string& path) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
                       c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      uri.push_back(ch);
    } else {
      uri.push_back('%');
      uri.push_back(digits[c >> 4]);
      uri.push_back(digits[c & 15]);
    }
  }
  return uri;
}

std::string document_path(const json& params) {
  if (!params.is_object() || !params.contains("textDocument") || !params["textDocument"].is_object())
    throw bad_params("params.textDocument is missing");
  const json& uri = params["textDocument"].value("uri", json());
  if (!uri.is_string()) throw bad_params("textDocument.uri must be a string");
  return uri_path(uri.get<std::string>());
}

text_position document_position(const server_state& s, const std::string& path, const json& params) {
  const json& p = params.at("position");
  if (!p.is_object() || !p.value("line", json()).is_number_unsigned() || !p.value("character", json()).is_number_unsigned())
    throw bad_params("position needs a line and a character, each a number from 0");
  const std::string* text = s.ws.text(path);
  if (!text) return {p["line"].get<std::uint32_t>(), 0};
  const line_index lines(*text);
  const position at{p["line"].get<std::uint32_t>(), p["character"].get<std::uint32_t>()};
  return {at.line, lines.byte_column(at, s.enc) - 1};
}

json line_range(const line_index& lines, encoding e, std::uint32_t line, std::size_t from, std::size_t to) {
  const std::string_view l = lines.line(line);
  from = std::min(from, l.size());
  to = std::min(std::max(to, from), l.size());
  return {{"start", {{"line", line}, {"character", code_units(l.substr(0, from), e)}}},
          {"end", {{"line", line}, {"character", code_units(l.substr(0, to), e)}}}};
}

json lsp_range(const line_index& lines, encoding e, std::uint32_t line, std::uint32_t column, std::uint32_t end_line,
               std::uint32_t end_column) {
  if (line == 0) return line_range(lines, e, 0, 0, 0);
  if (end_line == 0 || end_line < line || (end_line == line && end_column <= column)) {
    // A point: the scalar that starts there (at least one character).
    const std::string_view l = lines.line(line - 1);
    const std::size_t from = column == 0 ? 0 : column - 1;
    std::size_t to = scalar_end(l, from);
    if (to <= from) to = std::min(l.size(), from + 1);
    return line_range(lines, e, line - 1, from, to);
  }
  const position a = lines.to_lsp(line, column, e), b = lines.to_lsp(end_line, end_column, e);
  return {{"start", {{"line", a.line}, {"character", a.character}}}, {"end", {{"line", b.line}, {"character", b.character}}}};
}

json initialize(server_state& s, const json& params) {
  if (!params.is_object()) throw bad_params("initialize needs an object of params");
  // UTF-8 positions when the client offers them (no counting of UTF-16 units), else UTF-16.
  s.enc = encoding::utf16;
  if (const auto g = params.find("capabilities"); g != params.end() && g->is_object()) {
    if (const auto gen = g->find("general"); gen != g->end() && gen->is_object()) {
      if (const auto pe = gen->find("positionEncodings"); pe != gen->end() && pe->is_array()) {
        for (const json& e : *pe)
          if (e == "utf-8") s.enc = encoding::utf8;
      }
    }
  }
  if (const auto f = params.find("workspaceFolders"); f != params.end() && f->is_array()) {
    for (const json& folder : *f) {
      if (folder.is_object() && folder.value("uri", json()).is_string()) {
        try {
          s.roots.push_back(uri_path(folder["uri"]));
        } catch (const bad_params&) {
        }
      }
    }
  }
  if (s.roots.empty()) {
    if (const auto r = params.find("rootUri"); r != params.end() && r->is_string()) {
      try {
        s.roots.push_back(uri_path(*r));
      } catch (const bad_params&) {
      }
    } else if (const auto p = params.find("rootPath"); p != params.end() && p->is_string()) {
      s.roots.push_back(*p);
    }
  }
  for (const std::string& root : s.roots) scan_folder(s, root);
  json triggers = json::array({":", " ", "-", "[", ","});
  return {{"capabilities",
           {{"positionEncoding", s.enc == encoding::utf8 ? "utf-8" : "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
            {"hoverProvider", true},
            {"completionProvider", {{"triggerCharacters", triggers}}},
            {"definitionProvider", true},
            {"referencesProvider", true},
            {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}}}},
          {"serverInfo", {{"name", "annals"}, {"version", ANNALS_VERSION_TEXT}}}};
}

void did_open(server_state& s, const json& params) {
  const std::string path = document_path(params);
  const std::string& text = text_of(params);
  if (!s.documents[path].open && !s.documents[path].on_disk) load_disk(s, path);
  document_state& d = s.documents[path];
  d.open = true;
  d.buffer = text;
  refresh(s, path);
  publish_diagnostics(s, path);
}

void did_change(server_state& s, const json& params) {
  const std::string path = document_path(params);
  const json& changes = params.at("contentChanges");
  if (!changes.is_array()) throw bad_params("contentChanges must be an array");
  document_state& d = s.documents[path];
  if (!d.open) {  // a change to a file never opened: start from what the server has
    d.buffer = d.on_disk ? d.disk : std::string();
    d.open = true;
  }
  std::string& text = d.buffer;
  for (const json& c : changes) {
    if (!c.is_object() || !c.value("text", json()).is_string()) throw bad_params("a content change needs a text");
    const std::string& piece = c["text"].get_ref<const std::string&>();
    if (!c.contains("range")) {
      text = piece;  // the whole text
      continue;
    }
    const json& r = c["range"];
    const auto pos = [](const json& p) {
      if (!p.is_object() || !p.value("line", json()).is_number_unsigned() ||
          !p.value("character", json()).is_number_unsigned())
        throw bad_params("a range's ends need a line and a character");
      return position{p["line"].get<std::uint32_t>(), p["character"].get<std::uint32_t>()};
    };
    const line_index lines(text);
    std::size_t a = lines.offset(pos(r.at("start")), s.enc), b = lines.offset(pos(r.at("end")), s.enc);
    if (b < a) std::swap(a, b);
    text.replace(a, b - a, piece);
  }
  refresh(s, path);
  publish_diagnostics(s, path);
}

void did_save(server_state& s, const json& params) {
  const std::string path = document_path(params);
  load_disk(s, path);
  if (!s.documents[path].open) refresh(s, path);
  publish_diagnostics(s, path);
}

void did_close(server_state& s, const json& params) {
  const std::string path = document_path(params);
  auto it = s.documents.find(path);
  if (it == s.documents.end()) return;
  it->second.open = false;
  it->second.buffer.clear();
  load_disk(s, path);
  refresh(s, path);
  if (!s.documents[path].on_disk) s.documents.erase(path);
  publish_diagnostics(s, path);
}

void did_change_watched(server_state& s, const json& params) {
  const json& changes = params.at("changes");
  if (!changes.is_array()) throw bad_params("changes must be an array");
  for (const json& c : changes) {
    if (!c.is_object() || !c.value("uri", json()).is_string()) continue;
    std::string path;
    try {
      path = uri_path(c["uri"]);
    } catch (const bad_params&) {
      continue;
    }
    if (!yaml_name(path)) continue;
    load_disk(s, path);
    document_state& d = s.documents[path];
    if (!d.open) {
      refresh(s, path);
      if (!d.on_disk) s.documents.erase(path);
    }
  }
  publish_diagnostics(s);
}

}  // namespace annals::lsp
