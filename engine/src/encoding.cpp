#include "encoding.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace annals {

namespace {

// The length of the valid UTF-8 sequence at `s[i]`, or 0 (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) n = 3, lo = 0xA0;
  else if (c == 0xED) n = 3, hi = 0x9F;
  else if (c >= 0xE1 && c <= 0xEF) n = 3;
  else if (c == 0xF0) n = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else if (c == 0xF4) n = 4, hi = 0x8F;
  else return 0;
  if (i + n > s.size()) return 0;
  if (b(1) < lo || b(1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (b(k) < 0x80 || b(k) > 0xBF) return 0;
  }
  return n;
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

// Whether the 8 bytes at `p` are all ASCII and none of them NUL.
bool ascii_word(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  constexpr std::uint64_t high = 0x8080808080808080, low = 0x0101010101010101;
  const bool has_zero = ((w - low) & ~w & high) != 0;  // exact for "is any byte 0"
  return (w & high) == 0 && !has_zero;
}

}  // namespace

std::optional<encoding_error> check_encoding(std::string_view bytes) {
  if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) {
    return encoding_error{"the file is UTF-16 (it starts with a UTF-16 byte order mark); annals reads UTF-8",
                          1, 1};
  }
  // Find the first bad byte; count lines and columns only when there is one.
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (i + 8 <= bytes.size() && ascii_word(bytes.data() + i)) {
      i += 8;
      continue;
    }
    if (bytes[i] == '\0') break;
    const std::size_t n = utf8_length(bytes, i);
    if (n == 0) break;
    i += n;
  }
  if (i == bytes.size()) return std::nullopt;
  // Every byte before `i` is valid UTF-8: a character is one lead (non-continuation) byte.
  const std::string_view before = bytes.substr(0, i);
  const std::size_t line_start = before.rfind('\n') + 1;  // npos + 1 == 0
  const auto line = static_cast<std::uint32_t>(1 + std::count(before.begin(), before.end(), '\n'));
  const auto column = static_cast<std::uint32_t>(
      1 + std::count_if(before.begin() + line_start, before.end(),
                        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  const char c = bytes[i];
  if (c == '\0') return encoding_error{"NUL byte in the file", line, column};
  return encoding_error{"invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(c)) + ")", line, column};
}

}  // namespace annals
