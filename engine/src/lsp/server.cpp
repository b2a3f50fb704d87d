// JSON-RPC dispatch and the server's lifecycle: initialize, the requests, shutdown, exit.
#include <istream>
#include <new>
#include <ostream>

#include "lsp/framing.hpp"
#include "lsp/state.hpp"

namespace annals::lsp {
namespace {

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json result_response(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

using request_handler = json (*)(server_state&, const json&);
using notification_handler = void (*)(server_state&, const json&);

struct request_row {
  std::string_view method;
  request_handler run;
};
struct notification_row {
  std::string_view method;
  notification_handler run;
};

json shutdown(server_state& s, const json&) {
  s.shut_down = true;
  return nullptr;
}

// The requests the server answers after initialize; initialize and shutdown have their own rules.
constexpr request_row requests[] = {
    {"textDocument/hover", hover},
    {"textDocument/completion", completion},
    {"textDocument/definition", definition},
    {"textDocument/references", references},
    {"textDocument/codeAction", code_actions},
    {"shutdown", shutdown},
};

void initialized(server_state&, const json&) {}

constexpr notification_row notifications[] = {
    {"initialized", initialized},
    {"textDocument/didOpen", did_open},
    {"textDocument/didChange", did_change},
    {"textDocument/didSave", did_save},
    {"textDocument/didClose", did_close},
    {"workspace/didChangeWatchedFiles", did_change_watched},
};

// A request's id is a number or a string (JSON-RPC 2.0, LSP).
bool valid_id(const json& id) { return id.is_number_integer() || id.is_string(); }

void handle_message(server_state& s, const json& m, std::vector<json>& out) {
  if (!m.is_object() || m.value("jsonrpc", json()) != "2.0") {
    const json id = m.is_object() && m.contains("id") && valid_id(m["id"]) ? m["id"] : json();
    out.push_back(error_response(id, error_code::invalid_request, "not a JSON-RPC 2.0 message"));
    return;
  }
  const bool has_id = m.contains("id");
  if (!m.contains("method")) {
    // A response to a request of ours (the server sends none that need an answer), or junk.
    if (!has_id || (!m.contains("result") && !m.contains("error")))
      out.push_back(error_response(nullptr, error_code::invalid_request, "a message needs a method"));
    return;
  }
  if (!m["method"].is_string() || (has_id && !valid_id(m["id"]))) {
    out.push_back(error_response(has_id && valid_id(m["id"]) ? m["id"] : json(), error_code::invalid_request,
                                 "a method is a string, an id a number or a string"));
    return;
  }
  const std::string method = m["method"];
  const json params = m.contains("params") ? m["params"] : json::object();
  if (!params.is_object() && !params.is_array()) {
    if (has_id) out.push_back(error_response(m["id"], error_code::invalid_params, "params must be an object"));
    return;
  }
  if (!has_id) {  // a notification: never answered
    if (method == "exit") {
      s.exited = true;
      return;
    }
    if (!s.initialized || s.shut_down) return;
    for (const notification_row& n : notifications) {
      if (n.method != method) continue;
      try {
        n.run(s, params);
      } catch (const std::bad_alloc&) {
        throw;
      } catch (const std::exception&) {
        // A notification has no answer: a malformed one is dropped.
      }
      return;
    }
    return;
  }
  const json& id = m["id"];
  try {
    if (method == "initialize") {
      if (s.initialized) {
        out.push_back(error_response(id, error_code::invalid_request, "initialize was already received"));
        return;
      }
      out.push_back(result_response(id, initialize(s, params)));
      s.initialized = true;
      // Everything loaded from the workspace folders is checked once, now.
      publish_diagnostics(s);
      return;
    }
    if (!s.initialized) {
      out.push_back(error_response(id, error_code::server_not_initialized, "the server is not initialized yet"));
      return;
    }
    if (s.shut_down) {
      out.push_back(error_response(id, error_code::invalid_request, "the server is shut down: only exit is accepted"));
      return;
    }
    for (const request_row& r : requests) {
      if (r.method != method) continue;
      out.push_back(result_response(id, r.run(s, params)));
      return;
    }
    out.push_back(error_response(id, error_code::method_not_found, "unknown method '" + method + "'"));
  } catch (const bad_params& e) {
    out.push_back(error_response(id, error_code::invalid_params, e.what()));
  } catch (const json::exception& e) {
    out.push_back(error_response(id, error_code::invalid_params, std::string("bad params: ") + e.what()));
  }
}

}  // namespace

server::server(load_options options) : state_(std::make_unique<state>(std::move(options))) {}
server::~server() = default;

std::vector<std::string> server::handle(std::string_view message) {
  std::vector<json> out;
  std::vector<std::string> texts;
  state_->outgoing.clear();
  try {
    json m;
    try {
      m = json::parse(message);
    } catch (const json::parse_error& e) {
      texts.push_back(error_response(nullptr, error_code::parse_error, e.what()).dump());
      return texts;
    }
    handle_message(*state_, m, out);
    // The answer first, then what the message led to (diagnostics after initialize).
    for (json& n : state_->outgoing) out.push_back(std::move(n));
  } catch (const std::exception& e) {  // out of memory, or a fault of the server
    state_->outgoing.clear();
    texts.push_back(error_response(nullptr, error_code::internal_error, e.what()).dump());
    return texts;
  }
  state_->outgoing.clear();
  texts.reserve(out.size());
  // Invalid UTF-8 in a text the server echoes is replaced, never a throw.
  for (const json& j : out) texts.push_back(j.dump(-1, ' ', false, json::error_handler_t::replace));
  return texts;
}

bool server::exited() const { return state_->exited; }
int server::exit_status() const { return state_->shut_down ? 0 : 1; }

outcome run_lsp(std::istream& in, std::ostream& out, std::ostream& log, load_options options) {
  server srv(std::move(options));
  for (;;) {
    frame f = read_frame(in);
    if (f.what == frame::status::end) {
      if (!f.problem.empty()) log << "annals lsp: " << f.problem << '\n';
      return outcome::input_error;
    }
    if (f.what != frame::status::message) {
      log << "annals lsp: skipped " << f.problem << '\n';
      continue;
    }
    for (const std::string& reply : srv.handle(f.body)) out << write_frame(reply);
    out.flush();
    if (srv.exited()) return srv.exit_status() == 0 ? outcome::ok : outcome::input_error;
  }
}

}  // namespace annals::lsp
