#include "lsp/positions.hpp"

#include <catch2/catch.hpp>

using namespace annals::lsp;

TEST_CASE("byte columns become UTF-16 code units, or UTF-8 bytes when agreed", "[lsp][positions]") {
  // 'é' is 2 bytes and 1 UTF-16 unit; '😀' is 4 bytes and 2 units (a surrogate pair).
  const std::string text = "title: é😀x\r\nsecond\n";
  const line_index lines(text);
  CHECK(lines.lines() == 3);
  CHECK(lines.line(0) == "title: é😀x");
  CHECK(lines.line(1) == "second");
  // 'x' is byte column 14 (1-based): 7 + 2 + 4 bytes before it.
  CHECK(lines.to_lsp(1, 14, encoding::utf16) == position{0, 10});
  CHECK(lines.to_lsp(1, 14, encoding::utf8) == position{0, 13});
  CHECK(lines.byte_column({0, 10}, encoding::utf16) == 14);
  CHECK(lines.byte_column({0, 13}, encoding::utf8) == 14);
  // Inside a surrogate pair: the character's start.
  CHECK(lines.byte_column({0, 9}, encoding::utf16) == 10);
  // Past the end of a line or of the text: clamped.
  CHECK(lines.byte_column({1, 99}, encoding::utf16) == 7);
  CHECK(lines.offset({7, 0}, encoding::utf16) == text.size());
  CHECK(lines.to_lsp(2, 50, encoding::utf16) == position{1, 6});
}
