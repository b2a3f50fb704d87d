#include "lsp/framing.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using annals::lsp::frame;
using annals::lsp::read_frame;
using annals::lsp::write_frame;

TEST_CASE("a framed message is read whole, and the next after it", "[lsp][framing]") {
  std::istringstream in(write_frame("{\"a\":1}") + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                        "content-length: 2\r\n\r\n{}");
  frame f = read_frame(in);
  REQUIRE(f.what == frame::status::message);
  CHECK(f.body == "{\"a\":1}");
  f = read_frame(in);
  REQUIRE(f.what == frame::status::message);
  CHECK(f.body == "{}");
  CHECK(read_frame(in).what == frame::status::end);
}

TEST_CASE("a header without a usable Content-Length is skipped and reading goes on", "[lsp][framing]") {
  SECTION("no length") {
    std::istringstream in("X-Other: 1\r\n\r\n" + write_frame("{}"));
    CHECK(read_frame(in).what == frame::status::bad_header);
    CHECK(read_frame(in).body == "{}");
  }
  SECTION("a length that is not a number") {
    std::istringstream in("Content-Length: twelve\r\n\r\n" + write_frame("[]"));
    const frame f = read_frame(in);
    CHECK(f.what == frame::status::bad_header);
    CHECK(f.problem == "a Content-Length that is not a number");
    CHECK(read_frame(in).body == "[]");
  }
  SECTION("a negative or overflowing length") {
    std::istringstream in("Content-Length: -5\r\n\r\nContent-Length: 99999999999999999999999999\r\n\r\n" +
                          write_frame("1"));
    CHECK(read_frame(in).what == frame::status::bad_header);
    CHECK(read_frame(in).what == frame::status::bad_header);
    CHECK(read_frame(in).body == "1");
  }
}

TEST_CASE("a body longer than the limit is skipped without being held", "[lsp][framing]") {
  std::istringstream in("Content-Length: 100\r\n\r\n" + std::string(100, 'x') + write_frame("{}"));
  const frame f = read_frame(in, 10);
  CHECK(f.what == frame::status::too_large);
  CHECK(f.body.empty());
  CHECK(read_frame(in, 10).body == "{}");
}

TEST_CASE("the stream ending inside a message ends reading, saying where", "[lsp][framing]") {
  SECTION("inside the body") {
    std::istringstream in("Content-Length: 10\r\n\r\n{\"a\"");
    const frame f = read_frame(in);
    CHECK(f.what == frame::status::end);
    CHECK(f.problem == "the stream ended inside a message");
  }
  SECTION("inside the header") {
    std::istringstream in("Content-Len");
    CHECK(read_frame(in).problem == "the stream ended inside a header");
  }
  SECTION("a huge length with little after it") {
    std::istringstream in("Content-Length: 999999999999\r\n\r\nabc");
    CHECK(read_frame(in).what == frame::status::end);
  }
  SECTION("between messages: no problem") {
    std::istringstream in("");
    const frame f = read_frame(in);
    CHECK(f.what == frame::status::end);
    CHECK(f.problem.empty());
  }
}
