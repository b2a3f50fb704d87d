// The text of TimelineJS's HTML fields (headline, text, caption, credit, group,
// display_date): annals' fields are text, so tags go and entities are decoded.

#include <cctype>
#include <string>
#include <vector>

#include "import/html_entities.hpp"
#include "import/import_timelinejs.hpp"

namespace annals {

std::string blank_trimmed(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

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
      if (const std::size_t n = decode_entity(html, i, cur)) {
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
