// The text of TimelineJS's HTML fields (headline, text, caption, credit, group,
// display_date): annals' fields are text, so tags go and entities are decoded.

#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "import/import_timelinejs.hpp"

namespace annals {

std::string blank_trimmed(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

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

namespace {

// One entity at s[i] == '&': appended decoded, returns its length; 0 when it is none.
std::size_t entity(std::string_view s, std::size_t i, std::string& out) {
  const std::size_t end = s.find(';', i);
  if (end == std::string_view::npos || end - i > 10) return 0;
  const std::string_view name = s.substr(i + 1, end - i - 1);
  static const std::map<std::string_view, std::string_view> named = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"},
      {"ndash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"}, {"hellip", "\xE2\x80\xA6"}, {"rsquo", "\xE2\x80\x99"},
      {"lsquo", "\xE2\x80\x98"}, {"ldquo", "\xE2\x80\x9C"}, {"rdquo", "\xE2\x80\x9D"}, {"middot", "\xC2\xB7"}};
  if (const auto it = named.find(name); it != named.end()) {
    out += it->second;
    return end - i + 1;
  }
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    std::uint32_t cp = 0;
    for (const char c : digits) {
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0 || cp > 0x10FFFF) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
    }
    append_utf8(out, cp);
    return end - i + 1;
  }
  return 0;
}

}  // namespace

std::vector<std::string> html_paragraphs(std::string_view html) {
  std::vector<std::string> out;
  std::string cur;
  const auto close = [&] {
    if (std::string t = blank_trimmed(cur); !t.empty()) out.push_back(std::move(t));
    cur.clear();
  };
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) {  // not a tag: a lone '<' is text
        cur += c;
        ++i;
        continue;
      }
      std::string name;
      for (std::size_t k = i + 1; k < end && (std::isalnum(static_cast<unsigned char>(html[k])) || (k == i + 1 && html[k] == '/'));
           ++k) {
        if (html[k] != '/') name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[k])));
      }
      if (name == "br") {
        cur += '\n';
      } else if (name == "p" || name == "div" || name == "li" || name == "ul" || name == "ol" || name == "blockquote" ||
                 (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')) {
        close();
      }
      i = end + 1;
      continue;
    }
    if (c == '&') {
      if (const std::size_t n = entity(html, i, cur)) {
        i += n;
        continue;
      }
    }
    cur += c;
    ++i;
  }
  close();
  return out;
}

}  // namespace annals
