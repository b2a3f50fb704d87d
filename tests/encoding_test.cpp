#include <catch2/catch.hpp>

#include <string>

#include "encoding.hpp"

using namespace annals;

namespace {

std::string where(const std::string& bytes) {
  const auto e = check_encoding(bytes);
  return e ? std::to_string(e->line) + ":" + std::to_string(e->column) + " " + e->message : "ok";
}

}  // namespace

TEST_CASE("an encoding problem is placed by lines and characters, wherever it falls", "[encoding]") {
  const std::string long_line(37, 'x');  // not a multiple of 8: problems fall inside words
  CHECK(where(long_line + "\n" + long_line) == "ok");
  CHECK(where("caf\xC3\xA9 \xE2\x82\xAC\n" + long_line + "\xF0\x9F\x98\x80") == "ok");
  CHECK(where(long_line + "\n" + long_line + "\xFF") == "2:38 invalid UTF-8 (byte 0xFF)");
  CHECK(where("\xC3\xA9\xC3\xA9" + long_line + "\xC3") == "1:40 invalid UTF-8 (byte 0xC3)");
  CHECK(where("a\nb\n\xC3\xA9\xE2\x82\xAC" + std::string("z\0", 2)) == "3:4 NUL byte in the file");
  CHECK(where(std::string(16, 'a') + std::string(1, '\0')) == "1:17 NUL byte in the file");
  CHECK(where("\xED\xA0\x80") == "1:1 invalid UTF-8 (byte 0xED)");  // a surrogate
  CHECK(where("\r\n\r\xC0\x80") == "2:2 invalid UTF-8 (byte 0xC0)");
}
