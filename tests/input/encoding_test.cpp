#include <catch2/catch.hpp>

#include <string>

#include "input/encoding.hpp"

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

TEST_CASE("UTF-16 and UTF-32 are named by their byte order marks or their NUL bytes", "[encoding]") {
  CHECK(where(std::string("\xFF\xFE\x00\x00x\x00\x00\x00", 8)) == "1:1 the file is UTF-32 LE; annals reads UTF-8");
  CHECK(where(std::string("\x00\x00\xFE\xFF", 4)) == "1:1 the file is UTF-32 BE; annals reads UTF-8");
  CHECK(where(std::string("\xFF\xFE" "e\0", 4)) == "1:1 the file is UTF-16 LE; annals reads UTF-8");
  CHECK(where(std::string("\xFE\xFF\0e", 4)) == "1:1 the file is UTF-16 BE; annals reads UTF-8");
  CHECK(where(std::string("e\0v\0", 4)) == "1:1 the file is UTF-16 LE; annals reads UTF-8");
  CHECK(where(std::string("\0\0\0e", 4)) == "1:1 the file is UTF-32 BE; annals reads UTF-8");
}

TEST_CASE("characters YAML does not allow in a stream are refused at their place", "[encoding]") {
  CHECK(where("a: b\x01") == "1:5 control character U+0001 in the file; YAML allows none but tab and line breaks "
                             "(write it as an escape in a double-quoted string)");
  CHECK(where("a: \x7F") == "1:4 control character U+007F in the file; YAML allows none but tab and line breaks "
                            "(write it as an escape in a double-quoted string)");
  CHECK(where("a: \xC2\x9B") == "1:4 control character U+009B in the file; YAML allows none but tab and line breaks "
                                "(write it as an escape in a double-quoted string)");
  CHECK(where("a: \xEF\xBF\xBE").find("U+FFFE") != std::string::npos);
  CHECK(where("\xEF\xBB\xBF" "a: b\n") == "ok");  // a byte order mark may open the stream
  CHECK(where("a: b\n\xEF\xBB\xBF") == "2:1 a byte order mark (U+FEFF) inside the file; it may only open it");
  CHECK(where("a: \xC2\x85 and tab\t") == "ok");  // NEL and tab are allowed
}

TEST_CASE("a stream is checked as it arrives: its valid prefix ends at the first bad byte", "[encoding]") {
  CHECK(valid_prefix("abc") == 3);
  CHECK(valid_prefix(std::string("abc\0def", 7)) == 3);
  CHECK(valid_prefix("caf\xC3") == 3);  // a character cut at the end of a chunk
}

TEST_CASE("lone CR line breaks become LF, CRLF stays", "[encoding]") {
  std::string bytes = "a: 1\rb: 2\r\nc: 3\r";
  normalize_line_breaks(bytes);
  CHECK(bytes == "a: 1\nb: 2\r\nc: 3\n");
}
