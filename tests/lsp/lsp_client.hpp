#pragma once
// An in-process client of annals::lsp::server: sends requests and notifications, keeps
// what the server published (the last diagnostics of each file).

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "annals/lsp.hpp"

namespace annals::testing {

class lsp_client {
 public:
  using json = nlohmann::json;

  explicit lsp_client(json init = json::object()) {
    if (!init.contains("capabilities")) init["capabilities"] = json::object();
    initialize_result = request("initialize", init);
    notify("initialized", json::object());
  }

  /// Sends a request; returns the whole response.
  json request(const std::string& method, const json& params) {
    const json m = {{"jsonrpc", "2.0"}, {"id", ++id_}, {"method", method}, {"params", params}};
    json response;
    for (const json& r : send(m.dump())) {
      if (r.contains("id") && r["id"] == id_) response = r;
    }
    return response;
  }
  /// A request's result (null when the response was an error).
  json result(const std::string& method, const json& params) { return request(method, params).value("result", json()); }

  void notify(const std::string& method, const json& params) {
    send(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump(-1, ' ', false, json::error_handler_t::replace));
  }

  /// Sends raw text; returns every message sent back (notifications recorded too).
  std::vector<json> send(const std::string& text) {
    std::vector<json> out;
    for (const std::string& r : srv.handle(text)) {
      json j = json::parse(r);
      if (j.value("method", "") == "textDocument/publishDiagnostics") {
        diagnostics[j["params"]["uri"]] = j["params"]["diagnostics"];
        ++published[j["params"]["uri"]];
      }
      out.push_back(std::move(j));
    }
    return out;
  }

  void open(const std::string& uri, const std::string& text) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", text}}}});
  }
  void change(const std::string& uri, const std::string& text) {
    notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", ++version_}}}, {"contentChanges", {{{"text", text}}}}});
  }
  static json at(const std::string& uri, unsigned line, unsigned character) {
    return {{"textDocument", {{"uri", uri}}}, {"position", {{"line", line}, {"character", character}}}};
  }

  annals::lsp::server srv;
  json initialize_result;
  std::map<std::string, json> diagnostics;  // by uri: the last list published
  std::map<std::string, int> published;     // by uri: how many times

 private:
  int id_ = 0;
  int version_ = 1;
};

}  // namespace annals::testing
