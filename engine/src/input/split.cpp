#include "input/split.hpp"

namespace annals {

namespace {

struct line_view {
  std::size_t begin, end;  // end excludes the line break
  std::size_t next;        // the next line's begin
};

line_view line_at(std::string_view text, std::size_t at) {
  std::size_t nl = text.find('\n', at);
  if (nl == std::string_view::npos) return {at, text.size(), text.size()};
  std::size_t end = nl > at && text[nl - 1] == '\r' ? nl - 1 : nl;
  return {at, end, nl + 1};
}

std::size_t indent_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool blank_or_comment(std::string_view line) {
  const std::size_t i = indent_of(line);
  return i == line.size() || line[i] == '#';
}

// An anchor (&a) or alias (*a) token: after a space, a flow indicator or the
// line's start, followed by a name character. "Q&A" and "a * b" are not.
bool has_anchor_or_alias(std::string_view line) {
  // Most lines hold neither character: look for each with memchr, not byte by byte.
  for (const char mark : {'&', '*'}) {
    for (std::size_t i = line.find(mark); i != std::string_view::npos; i = line.find(mark, i + 1)) {
      const bool after_break = i == 0 || line[i - 1] == ' ' || line[i - 1] == '[' || line[i - 1] == '{' ||
                               line[i - 1] == ',';
      const bool before_name = i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != ',' &&
                               line[i + 1] != ']' && line[i + 1] != '}';
      if (after_break && before_name) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<events_split> split_events(std::string_view text) {
  if (text.find('\t') != std::string_view::npos) return std::nullopt;
  // Find `events:` at column 0 with nothing after it but a comment.
  std::size_t at = 0;
  std::uint32_t line_number = 1;
  std::optional<line_view> key;
  while (at < text.size()) {
    const line_view l = line_at(text, at);
    std::string_view line = text.substr(l.begin, l.end - l.begin);
    if (line.starts_with("---") || line.starts_with("...") || line.starts_with('%')) return std::nullopt;
    if (line.starts_with("events:")) {
      std::string_view rest = line.substr(7);
      const std::size_t i = indent_of(rest);
      if (i != rest.size() && rest[i] != '#') return std::nullopt;  // `events: [...]` or a scalar
      key = l;
      at = l.next;
      ++line_number;
      break;
    }
    at = l.next;
    ++line_number;
  }
  if (!key) return std::nullopt;

  events_split split;
  split.key_end = key->end;
  std::optional<std::size_t> item_indent;
  std::size_t list_end = at;
  for (; at < text.size(); ++line_number) {
    const line_view l = line_at(text, at);
    std::string_view line = text.substr(l.begin, l.end - l.begin);
    if (blank_or_comment(line)) {
      at = l.next;
      continue;
    }
    const std::size_t indent = indent_of(line);
    const bool item = line.substr(indent).starts_with("- ") || line.substr(indent) == "-";
    if (!item_indent) {
      if (!item) return std::nullopt;
      item_indent = indent;
      split.begin = l.begin;
      split.first_line = line_number;
    }
    if (indent < *item_indent || (indent == *item_indent && !item)) break;  // the list ended
    if (line.starts_with("---") || line.starts_with("...")) return std::nullopt;
    if (has_anchor_or_alias(line)) return std::nullopt;
    if (indent == *item_indent) {
      split.items.push_back(l.begin);
      split.item_lines.push_back(line_number);
    }
    at = l.next;
    list_end = at;
  }
  if (split.items.empty()) return std::nullopt;
  split.end = list_end;
  return split;
}

}  // namespace annals
