#include "import/html_entities.hpp"

#include <algorithm>

namespace annals {

namespace {

struct entity {
  std::string_view name;
  std::uint32_t cp;
};
constexpr entity entities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"middot", 0xB7},  {"copy", 0xA9},
    {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},   {"iacute", 0xED},  {"oacute", 0xF3},
    {"uacute", 0xFA},  {"ouml", 0xF6},    {"uuml", 0xFC},     {"auml", 0xE4},    {"ccedil", 0xE7},
    {"thinsp", 0x2009}, {"ensp", 0x2002}, {"emsp", 0x2003},
};

bool space_like(std::uint32_t cp) { return cp == 0xA0 || cp == 0x2009 || cp == 0x2002 || cp == 0x2003; }

}  // namespace

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) cp = 0xFFFD;
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

std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out, entity_spaces spaces) {
  const std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  const std::string_view body = s.substr(i + 1, semi - i - 1);
  std::uint32_t cp = 0;
  if (body.size() >= 2 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (const char c : digits) {
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) return 0;
      // Past U+10FFFF it stays past (no overflow): zero and such values read as U+FFFD, as HTML says.
      cp = std::min<std::uint32_t>(cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v), 0x110000);
    }
  } else {
    for (const entity& e : entities) {
      if (body == e.name) cp = e.cp;
    }
    if (cp == 0) return 0;
  }
  append_utf8(out, spaces == entity_spaces::plain && space_like(cp) ? ' ' : cp);
  return semi - i + 1;
}

}  // namespace annals
