#pragma once

// What the server holds between messages, and the JSON helpers every feature uses.
// Private to engine/src/lsp: nlohmann-json stays out of the public headers.

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "annals/lsp.hpp"
#include "annals/workspace.hpp"
#include "lsp/positions.hpp"

namespace annals::lsp {

using json = nlohmann::json;

/// JSON-RPC error codes (JSON-RPC 2.0 and LSP).
namespace error_code {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int server_not_initialized = -32002;
}  // namespace error_code

/// Params a request cannot be answered with: an invalid-params error.
struct bad_params : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace annals::lsp

namespace annals::lsp {

struct document_state {
  bool open = false;          // the editor holds it: its buffer wins over the disk
  std::string buffer;         // the editor's text, while open
  std::string disk;           // the text on disk, when it was read from there
  bool on_disk = false;
};

}  // namespace annals::lsp

struct annals::lsp::server::state {
  explicit state(load_options o) : ws(std::move(o)) {}
  workspace ws;
  encoding enc = encoding::utf16;
  bool initialized = false, shut_down = false, exited = false;
  std::vector<std::string> roots;                    // workspace folders, as paths
  std::map<std::string, document_state> documents;   // by path: every file the server knows
  std::map<std::string, std::vector<json>> published;  // by path: the diagnostics last sent
  std::vector<json> outgoing;                        // notifications of the current message
};

namespace annals::lsp {

using server_state = server::state;

/// A `file:` URI's path (percent-decoded); throws bad_params for another scheme.
std::string uri_path(const std::string& uri);
/// The `file:` URI of an absolute path.
std::string path_uri(const std::string& path);

/// params.textDocument.uri as a path.
std::string document_path(const json& params);
/// params.position as a 0-based line and a 0-based byte column of that line.
struct text_position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};
text_position document_position(const server_state& s, const std::string& path, const json& params);

/// An LSP range for 1-based line:column .. end_line:end_column in `lines` (an end of 0:
/// the scalar at the point).
json lsp_range(const line_index& lines, encoding e, std::uint32_t line, std::uint32_t column, std::uint32_t end_line,
               std::uint32_t end_column);
/// A range on 0-based line `line`, bytes [from, to).
json line_range(const line_index& lines, encoding e, std::uint32_t line, std::size_t from, std::size_t to);

/// A diagnostic as LSP writes it: its range, severity, code, source and message.
json diagnostic_json(const diagnostic& d, const line_index& lines, encoding e);

// The methods: each reads its params and returns its result (or json null).
json initialize(server_state& s, const json& params);
void did_open(server_state& s, const json& params);
void did_change(server_state& s, const json& params);
void did_save(server_state& s, const json& params);
void did_close(server_state& s, const json& params);
void did_change_watched(server_state& s, const json& params);
/// Checks the workspace and queues publishDiagnostics for every file whose diagnostics
/// changed (empty lists for those that became clean), and for `always` (a file just edited).
void publish_diagnostics(server_state& s, const std::string& always = {});
json hover(server_state& s, const json& params);
json completion(server_state& s, const json& params);
json definition(server_state& s, const json& params);
json references(server_state& s, const json& params);
json code_actions(server_state& s, const json& params);

}  // namespace annals::lsp
