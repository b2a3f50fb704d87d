#include "input/encoding.hpp"

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

// Whether the 8 bytes at `p` are all printable ASCII (0x20..0x7E): no control, no DEL,
// no byte of a multi-byte character.
bool printable_ascii_word(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  constexpr std::uint64_t high = 0x8080808080808080, ones = 0x0101010101010101;
  const bool below_space = ((w - ones * 0x20) & ~w & high) != 0;  // some byte < 0x20
  const std::uint64_t del = w ^ (ones * 0x7F);
  const bool has_del = ((del - ones) & ~del & high) != 0;  // some byte == 0x7F
  return (w & high) == 0 && !below_space && !has_del;
}

// The encoding a byte order mark, or the NUL bytes of the first character, give away
// (YAML 1.2 5.2): UTF-32 before UTF-16, whose marks are their prefixes.
std::string_view other_encoding(std::string_view b) {
  using namespace std::string_view_literals;
  if (b.starts_with("\x00\x00\xFE\xFF"sv)) return "UTF-32 BE";
  if (b.starts_with("\xFF\xFE\x00\x00"sv)) return "UTF-32 LE";
  if (b.starts_with("\xFE\xFF"sv)) return "UTF-16 BE";
  if (b.starts_with("\xFF\xFE"sv)) return "UTF-16 LE";
  if (b.size() >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) return "UTF-32 BE";
  if (b.size() >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) return "UTF-32 LE";
  if (b.size() >= 2 && b[0] == 0 && b[1] != 0) return "UTF-16 BE";
  if (b.size() >= 2 && b[0] != 0 && b[1] == 0) return "UTF-16 LE";
  return {};
}

// Characters YAML 1.2 does not allow in a stream (5.1 c-printable), by their code point:
// C0 controls but tab, LF and CR; DEL; C1 controls but NEL; U+FFFE and U+FFFF.
bool printable(std::uint32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  if (cp >= 0x7F && cp <= 0x9F) return cp == 0x85;
  return cp != 0xFFFE && cp != 0xFFFF;
}

std::uint32_t code_point(std::string_view s, std::size_t i, std::size_t n) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]) & 0x3Fu; };
  switch (n) {
    case 1: return static_cast<unsigned char>(s[i]);
    case 2: return (static_cast<unsigned char>(s[i]) & 0x1Fu) << 6 | b(1);
    case 3: return (static_cast<unsigned char>(s[i]) & 0x0Fu) << 12 | b(1) << 6 | b(2);
    default: return (static_cast<unsigned char>(s[i]) & 0x07u) << 18 | b(1) << 12 | b(2) << 6 | b(3);
  }
}

std::string code_point_name(std::uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace

std::size_t valid_prefix(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (i + 8 <= bytes.size() && printable_ascii_word(bytes.data() + i)) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {  // ASCII: printable, tab or a line break
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
      ++i;
      continue;
    }
    const std::size_t n = utf8_length(bytes, i);
    if (n == 0) return i;
    const std::uint32_t cp = code_point(bytes, i, n);
    // A byte order mark may only open the stream.
    if (!printable(cp) || (cp == 0xFEFF && i != 0)) return i;
    i += n;
  }
  return i;
}

std::optional<encoding_error> check_encoding(std::string_view bytes) {
  if (const std::string_view other = other_encoding(bytes); !other.empty()) {
    return encoding_error{"the file is " + std::string(other) + "; annals reads UTF-8", 1, 1};
  }
  // Find the first bad byte; count lines and columns only when there is one.
  const std::size_t i = valid_prefix(bytes);
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
  const std::size_t n = utf8_length(bytes, i);
  if (n == 0) return encoding_error{"invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(c)) + ")", line, column};
  const std::uint32_t cp = code_point(bytes, i, n);
  if (cp == 0xFEFF) return encoding_error{"a byte order mark (U+FEFF) inside the file; it may only open it", line, column};
  return encoding_error{"control character " + code_point_name(cp) + " in the file; YAML allows none but tab and line "
                        "breaks (write it as an escape in a double-quoted string)",
                        line, column};
}

void normalize_line_breaks(std::string& bytes) {
  for (std::size_t i = bytes.find('\r'); i != std::string::npos; i = bytes.find('\r', i + 1)) {
    if (i + 1 == bytes.size() || bytes[i + 1] != '\n') bytes[i] = '\n';
  }
}

}  // namespace annals
