#pragma once

// One escaping helper per output language (STYLE.md, Renderers).
// NOTE(html): a stand-in for the helpers of branch `render`, under the same names;
// reconcile when that branch is merged.

#include <cstdint>
#include <string>
#include <string_view>

namespace annals {

namespace escape_detail {

// Appends the code point of a valid UTF-8 sequence at s[i], or U+FFFD for a bad
// byte; returns the length consumed. Invalid UTF-8 would make an SVG unparsable.
inline std::size_t utf8_step(std::string_view s, std::size_t i, std::uint32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) { cp = 0xFFFD; return 1; }
  cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 2) { cp = 0xFFFD; return 1; }
    cp = (cp << 6) | (c & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  static constexpr std::uint32_t min_by_len[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_by_len[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) { cp = 0xFFFD; return 1; }
  return n;
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace escape_detail

/// Text for XML/HTML content and quoted attribute values: `& < > " '` become entities,
/// control characters XML 1.0 forbids are dropped, invalid UTF-8 becomes U+FFFD.
inline std::string escape_xml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = 0;
    i += escape_detail::utf8_step(s, i, cp);
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') break;
        if (cp == 0xFFFE || cp == 0xFFFF) break;
        escape_detail::append_utf8(out, cp);
    }
  }
  return out;
}

/// The body of a JSON string (without quotes): `"` `\` and control characters
/// escaped, U+2028/U+2029 too (JavaScript string literals end there); invalid UTF-8
/// becomes U+FFFD.
inline std::string escape_json(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = 0;
    i += escape_detail::utf8_step(s, i, cp);
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (cp < 0x20 || cp == 0x2028 || cp == 0x2029) {
          out += "\\u";
          for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
        } else {
          escape_detail::append_utf8(out, cp);
        }
    }
  }
  return out;
}

}  // namespace annals
