// JSON-RPC dispatch and the lifecycle: every bad message is an error response.
#include <catch2/catch.hpp>
#include <sstream>

#include "lsp/framing.hpp"
#include "lsp_client.hpp"

using annals::testing::lsp_client;
using json = nlohmann::json;

namespace {

json one(annals::lsp::server& s, const std::string& text) {
  const auto out = s.handle(text);
  REQUIRE(out.size() == 1);
  return json::parse(out[0]);
}

int code_of(const json& response) { return response.at("error").at("code").get<int>(); }

}  // namespace

TEST_CASE("bad messages are JSON-RPC errors with their codes", "[lsp][dispatch]") {
  lsp_client c;
  CHECK(code_of(one(c.srv, "{not json")) == -32700);
  CHECK(one(c.srv, "{not json")["id"].is_null());
  CHECK(code_of(one(c.srv, "[1,2]")) == -32600);
  CHECK(code_of(one(c.srv, "42")) == -32600);
  CHECK(code_of(one(c.srv, R"({"jsonrpc":"1.0","id":1,"method":"shutdown"})")) == -32600);
  CHECK(code_of(one(c.srv, R"({"jsonrpc":"2.0","id":1,"method":7})")) == -32600);
  CHECK(code_of(one(c.srv, R"({"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"})")) == -32600);
  CHECK(code_of(one(c.srv, R"({"jsonrpc":"2.0","id":3,"method":"no/such"})")) == -32601);
  CHECK(one(c.srv, R"({"jsonrpc":"2.0","id":3,"method":"no/such"})")["id"] == 3);
  CHECK(code_of(one(c.srv, R"({"jsonrpc":"2.0","id":"s","method":"textDocument/hover","params":{}})")) == -32602);
  CHECK(code_of(one(c.srv, R"({"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":7})")) == -32602);
  CHECK(code_of(one(c.srv,
                    R"({"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"http://x/a.yaml"},"position":{"line":0,"character":0}}})")) ==
        -32602);
  CHECK(code_of(one(c.srv,
                    R"({"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.yaml"},"position":{"line":-1,"character":0}}})")) ==
        -32602);
  SECTION("a notification is never answered, even a bad one") {
    CHECK(c.srv.handle(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}})").empty());
    CHECK(c.srv.handle(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}})").empty());
  }
}

TEST_CASE("requests before initialize are refused, and after shutdown only exit is accepted", "[lsp][dispatch]") {
  annals::lsp::server s;
  CHECK(code_of(one(s, R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}})")) == -32002);
  const json init = one(s, R"({"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}})");
  CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(code_of(one(s, R"({"jsonrpc":"2.0","id":3,"method":"initialize","params":{}})")) == -32600);
  CHECK(one(s, R"({"jsonrpc":"2.0","id":4,"method":"shutdown"})")["result"].is_null());
  CHECK(code_of(one(s, R"({"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{}})")) == -32600);
  CHECK_FALSE(s.exited());
  CHECK(s.handle(R"({"jsonrpc":"2.0","method":"exit"})").empty());
  CHECK(s.exited());
  CHECK(s.exit_status() == 0);
}

TEST_CASE("exit without shutdown exits with status 1", "[lsp][dispatch]") {
  annals::lsp::server s;
  s.handle(R"({"jsonrpc":"2.0","method":"exit"})");
  CHECK(s.exited());
  CHECK(s.exit_status() == 1);
}

TEST_CASE("UTF-8 positions are used when the client offers them", "[lsp][dispatch]") {
  lsp_client c(json{{"capabilities", {{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}}}});
  CHECK(c.initialize_result["result"]["capabilities"]["positionEncoding"] == "utf-8");
}

TEST_CASE("run_lsp serves framed messages until exit, and skips what it cannot read", "[lsp][dispatch]") {
  using annals::lsp::write_frame;
  std::istringstream in(write_frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})") +
                        "Content-Length: x\r\n\r\n" + write_frame("{oops") +
                        write_frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
                        write_frame(R"({"jsonrpc":"2.0","method":"exit"})") + write_frame("never read"));
  std::ostringstream out, log;
  CHECK(annals::lsp::run_lsp(in, out, log) == annals::outcome::ok);
  CHECK(log.str() == "annals lsp: skipped a Content-Length that is not a number\n");
  std::istringstream replies(out.str());
  std::vector<json> got;
  for (auto f = annals::lsp::read_frame(replies); f.what == annals::lsp::frame::status::message;
       f = annals::lsp::read_frame(replies))
    got.push_back(json::parse(f.body));
  REQUIRE(got.size() == 3);
  CHECK(got[0]["id"] == 1);
  CHECK(got[1]["error"]["code"] == -32700);
  CHECK(got[2]["id"] == 2);
}

TEST_CASE("run_lsp ends with an input error when the stream ends without exit", "[lsp][dispatch]") {
  std::istringstream in("Content-Length: 50\r\n\r\n{\"jsonrpc\"");
  std::ostringstream out, log;
  CHECK(annals::lsp::run_lsp(in, out, log) == annals::outcome::input_error);
  CHECK(log.str() == "annals lsp: the stream ended inside a message\n");
}
