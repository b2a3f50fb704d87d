// The server survives any input: every file the fuzz corpus knows, opened and changed,
// and malformed JSON-RPC through the framing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp/framing.hpp"
#include "lsp_client.hpp"

using annals::testing::lsp_client;
using json = nlohmann::json;

namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every file of the fuzz corpus and regressions, opened and changed, is answered", "[lsp][robustness]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  const fs::path root = fs::path(ANNALS_SOURCE_DIR) / "tests" / "fuzz";
  for (const auto& dir : {root / "corpus", root / "regressions"})
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 100);
  lsp_client c;
  const std::string uri = "file:///nonexistent/annals-lsp/fuzz.yaml";
  // Each file is made an event file (an `events:` line ends it) so the server checks it.
  c.open(uri, "events: []\n");
  std::size_t answered = 0;
  for (const fs::path& p : files) {
    const std::string text = read_all(p) + "\nevents:\n";
    c.change(uri, text);
    for (const unsigned line : {0u, 1u, 3u}) {
      for (const char* method : {"textDocument/hover", "textDocument/completion", "textDocument/definition"}) {
        const json r = c.request(method, lsp_client::at(uri, line, 4));
        if (r.contains("result") || r.contains("error")) ++answered;
      }
    }
    c.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                          {"range", {{"start", {{"line", 0}, {"character", 0}}},
                                                     {"end", {{"line", 9999}, {"character", 0}}}}},
                                          {"context", {{"diagnostics", json::array()}}}});
    // Opened as its own file too: the raw bytes, whatever they are.
    c.open("file:///nonexistent/annals-lsp/raw.yaml", read_all(p));
  }
  CHECK(answered == files.size() * 9);
  CHECK(c.request("shutdown", json())["result"].is_null());
}

TEST_CASE("malformed JSON-RPC through the framing never stops the server", "[lsp][robustness]") {
  using annals::lsp::write_frame;
  const std::vector<std::string> bodies = {
      "", "{", "}", "null", "true", "[]", "[{}]", "\"x\"", "{\"jsonrpc\":\"2.0\"}", "{\"jsonrpc\":2}",
      R"({"jsonrpc":"2.0","id":null,"method":"initialize"})",
      R"({"jsonrpc":"2.0","id":1.5,"method":"initialize"})",
      R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":"x"})",
      R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":5,"workspaceFolders":"x","capabilities":[]}})",
      R"({"jsonrpc":"2.0","id":2,"method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x.yaml","text":"events:\n"}}})",
      R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x.yaml","text":7}}})",
      R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x%00.yaml","text":"events:\n"}}})",
      R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x.yaml"},"contentChanges":[{"range":{"start":{"line":99,"character":99},"end":{"line":0,"character":0}},"text":"\u0000\uffff"}]}})",
      R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x.yaml"},"contentChanges":[{"text":"events:\n  - id: \"\\xff\"\n"}]}})",
      R"({"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.yaml"},"position":{"line":4294967295,"character":4294967295}}})",
      R"({"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///x.yaml"},"range":{"start":{"line":"a"}}}})",
      R"({"jsonrpc":"2.0","id":5,"method":"textDocument/references","params":{"textDocument":{"uri":"file:///x.yaml"},"position":{"line":1,"character":9},"context":{"includeDeclaration":"yes"}}})",
      R"({"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"file:///nonexistent.yaml","type":3},{"uri":7}]}})",
      R"({"jsonrpc":"2.0","id":6,"result":null})",
      R"({"jsonrpc":"2.0","id":7,"method":"shutdown"})",
  };
  std::string stream;
  for (const std::string& b : bodies) stream += write_frame(b);
  stream += "Content-Length: 5\r\n\r\n";  // and the stream ends mid-message
  std::istringstream in(stream);
  std::ostringstream out, log;
  CHECK(annals::lsp::run_lsp(in, out, log) == annals::outcome::input_error);
  std::istringstream replies(out.str());
  std::size_t responses = 0;
  bool shut_down = false;
  for (auto f = annals::lsp::read_frame(replies); f.what == annals::lsp::frame::status::message;
       f = annals::lsp::read_frame(replies)) {
    const json j = json::parse(f.body);
    CHECK(j["jsonrpc"] == "2.0");
    if (j.contains("id")) ++responses;
    if (j.contains("id") && j["id"] == 7) shut_down = j.contains("result");
  }
  CHECK(responses >= 15);
  CHECK(shut_down);
}
