#include "lsp/context.hpp"

#include <optional>

#include "model/link_table.hpp"

namespace annals::lsp {
namespace {

bool id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

// The shape of one line of block YAML: its `- ` item markers, and the key it writes.
struct line_shape {
  bool content = false;            // not blank, not only a comment
  std::vector<std::size_t> dashes; // columns of `- ` markers, left to right
  std::optional<std::size_t> key_column;
  std::string key;
  std::size_t value_column = 0;    // just past `key:`
  std::size_t node_column = 0;     // where the first node of the line starts
};

// The end of a key on `line` from `from`: the column of its `:` (followed by a blank or
// the line end), or npos. A quoted key is read to its closing quote.
std::size_t key_colon(std::string_view line, std::size_t from) {
  std::size_t i = from;
  if (i < line.size() && (line[i] == '"' || line[i] == '\'')) {
    i = scalar_end(line, i);
  }
  for (; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '#' && i > from && (line[i - 1] == ' ' || line[i - 1] == '\t')) return std::string_view::npos;
    if (c == '[' || c == '{' || c == '"' || c == '\'') {
      if (i == from) return std::string_view::npos;  // a flow collection or a quoted value
    }
    if (c == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) return i;
  }
  return std::string_view::npos;
}

std::string unquote(std::string_view key) {
  if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
    return std::string(key.substr(1, key.size() - 2));
  while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
  return std::string(key);
}

line_shape shape(std::string_view line) {
  line_shape s;
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i == line.size() || line[i] == '#') return s;
  s.content = true;
  // `- ` markers (or a lone `-` ending the line).
  while (i < line.size() && line[i] == '-' && (i + 1 == line.size() || line[i + 1] == ' ')) {
    s.dashes.push_back(i);
    ++i;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  s.node_column = s.dashes.empty() ? i : s.dashes.front();
  if (i < line.size() && line[i] != '#') {
    if (const std::size_t colon = key_colon(line, i); colon != std::string_view::npos) {
      s.key_column = i;
      s.key = unquote(line.substr(i, colon - i));
      s.value_column = colon + 1;
    }
  }
  return s;
}

// Walks a flow collection written after a key on the current line up to `column`: the
// path inside it ("-" per sequence level, the key of a mapping's value) and whether the
// position is where a flow mapping's key goes.
void flow_path(std::string_view line, std::size_t from, std::size_t column, yaml_path& path, bool& at_key) {
  struct level {
    char open;
    std::string key;  // in a mapping: the key being given a value; "" at a key
    bool value = false;
  };
  std::vector<level> stack;
  std::size_t token_start = from;
  for (std::size_t i = from; i < column && i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' || c == '\'') {
      i = scalar_end(line, i) - 1;
      continue;
    }
    if (c == '[' || c == '{') {
      stack.push_back({c, "", false});
      token_start = i + 1;
    } else if ((c == ']' || c == '}') && !stack.empty()) {
      stack.pop_back();
    } else if (c == ',' && !stack.empty()) {
      stack.back().key.clear();
      stack.back().value = false;
      token_start = i + 1;
    } else if (c == ':' && !stack.empty() && stack.back().open == '{' && !stack.back().value &&
               (i + 1 >= line.size() || line[i + 1] == ' ' || line[i + 1] == ',' || line[i + 1] == '}')) {
      stack.back().key = unquote(line.substr(token_start, i - token_start));
      while (!stack.back().key.empty() && stack.back().key.front() == ' ') stack.back().key.erase(0, 1);
      stack.back().value = true;
    }
  }
  at_key = false;
  for (const level& l : stack) {
    if (l.open == '[') {
      path.push_back("-");
    } else if (l.value) {
      path.push_back(l.key);
    } else if (&l == &stack.back()) {
      at_key = true;
    }
  }
}

}  // namespace

std::string_view to_string(id_kind k) {
  switch (k) {
    case id_kind::event: return "event";
    case id_kind::actor: return "actor";
    case id_kind::place: return "place";
    case id_kind::source: return "source";
    case id_kind::none: break;
  }
  return "";
}

std::size_t scalar_end(std::string_view line, std::size_t from) {
  if (from >= line.size()) return line.size();
  const char q = line[from];
  if (q == '"' || q == '\'') {
    for (std::size_t i = from + 1; i < line.size(); ++i) {
      if (q == '"' && line[i] == '\\') {
        ++i;
      } else if (line[i] == q) {
        if (q == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;  // '' is one quote
        } else {
          return i + 1;
        }
      }
    }
    return line.size();
  }
  std::size_t end = from;
  for (std::size_t i = from; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ',' || c == ']' || c == '}') break;
    if (c == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == ',')) break;
    if (c == '#' && i > from && (line[i - 1] == ' ' || line[i - 1] == '\t')) break;
    if (c != ' ' && c != '\t') end = i + 1;
  }
  return end;
}

context context_at(const line_index& lines, std::uint32_t line, std::uint32_t column) {
  context cx;
  cx.line = line;
  const std::string_view text = lines.line(line);
  if (column > text.size()) column = static_cast<std::uint32_t>(text.size());
  // The id-like word around the position.
  std::size_t a = column, b = column;
  while (a > 0 && id_char(text[a - 1])) --a;
  while (b < text.size() && id_char(text[b])) ++b;
  cx.word = std::string(text.substr(a, b - a));
  cx.word_start = static_cast<std::uint32_t>(a);
  cx.word_end = static_cast<std::uint32_t>(b);

  // The current line: the items it opens, its key, and the flow collection after it.
  const line_shape here = shape(text);
  yaml_path tail;  // innermost part, from this line
  std::size_t need_column;  // the column of the node whose parent is looked for above
  bool need_sequence;       // that node is a sequence (its `- ` at need_column)
  std::size_t indent = 0;
  while (indent < text.size() && text[indent] == ' ') ++indent;
  if (!here.content) {
    need_column = std::min<std::size_t>(column, indent == text.size() ? column : indent);
    need_sequence = false;
    cx.at_key = true;
  } else {
    std::size_t dashes_before = 0;
    for (const std::size_t d : here.dashes) dashes_before += d < column ? 1 : 0;
    for (std::size_t k = 0; k < dashes_before; ++k) tail.push_back("-");
    if (here.key_column && column >= here.value_column) {
      tail.push_back(here.key);
      std::size_t v = here.value_column;
      while (v < text.size() && text[v] == ' ') ++v;
      bool flow_key = false;
      if (v < text.size() && (text[v] == '[' || text[v] == '{')) flow_path(text, v, column, tail, flow_key);
      cx.at_key = flow_key;
    } else if (here.key_column || dashes_before == here.dashes.size()) {
      cx.at_key = true;  // on a key, or where one is being typed
    }
    if (dashes_before > 0) {
      need_column = here.dashes.front();
      need_sequence = true;
    } else {
      need_column = here.key_column ? *here.key_column : here.node_column;
      need_sequence = false;
      if (!here.dashes.empty() && here.dashes.front() >= column) {
        need_column = std::min<std::size_t>(column, need_column);
      }
    }
  }

  // The lines above: each ancestor is a key (or an item marker) left of the node.
  yaml_path head;  // outermost last
  for (std::uint32_t l = line; l-- > 0 && !(need_column == 0 && !need_sequence);) {
    const line_shape s = shape(lines.line(l));
    if (!s.content) continue;
    if (need_sequence) {
      // A sibling item at the same column, or the key whose value the sequence is (at
      // its column or left of it).
      if (!s.dashes.empty() && s.dashes.front() == need_column) continue;
      const bool dash_inside = [&] {
        for (const std::size_t d : s.dashes) if (d == need_column) return true;
        return false;
      }();
      if (dash_inside) {
        // `- - x`: an item of an item.
        std::size_t outer = 0;
        for (const std::size_t d : s.dashes) outer += d < need_column ? 1 : 0;
        for (std::size_t k = 0; k < outer; ++k) head.push_back("-");
        need_column = s.dashes.front();
        continue;
      }
      if (s.key_column && *s.key_column <= need_column && s.node_column <= need_column) {
        head.push_back(s.key);
        for (std::size_t k = 0; k < s.dashes.size(); ++k) head.push_back("-");
        need_column = s.dashes.empty() ? *s.key_column : s.dashes.front();
        need_sequence = !s.dashes.empty();
        continue;
      }
      if (s.node_column < need_column) break;  // a scalar where a key should be: no path
      continue;
    }
    // The node is a mapping whose keys are at need_column.
    if (s.key_column && *s.key_column == need_column) {
      if (!s.dashes.empty()) {
        // The mapping is the item this line opens.
        for (std::size_t k = 0; k < s.dashes.size(); ++k) head.push_back("-");
        need_column = s.dashes.front();
        need_sequence = true;
      }
      continue;  // a sibling key
    }
    if (s.key_column && *s.key_column < need_column) {
      head.push_back(s.key);
      for (std::size_t k = 0; k < s.dashes.size(); ++k) head.push_back("-");
      need_column = s.dashes.empty() ? *s.key_column : s.dashes.front();
      need_sequence = !s.dashes.empty();
      continue;
    }
    if (s.node_column < need_column && !s.key_column) {
      // `-` alone on its line, its mapping below it.
      if (!s.dashes.empty()) {
        for (std::size_t k = 0; k < s.dashes.size(); ++k) head.push_back("-");
        need_column = s.dashes.front();
        need_sequence = true;
        continue;
      }
      break;
    }
  }
  cx.path.assign(head.rbegin(), head.rend());
  cx.path.insert(cx.path.end(), tail.begin(), tail.end());
  return cx;
}

id_kind id_at(const yaml_path& p, bool at_key, bool* defines) {
  if (defines) *defines = false;
  const auto is = [&](std::initializer_list<std::string_view> want) {
    if (p.size() != want.size()) return false;
    std::size_t i = 0;
    for (const std::string_view w : want) {
      if (w != "*" && p[i] != w) return false;
      ++i;
    }
    return true;
  };
  if (at_key) {
    if (p.size() == 1 && (p[0] == "actors" || p[0] == "places" || p[0] == "sources")) {
      if (defines) *defines = true;
      return p[0] == "actors" ? id_kind::actor : p[0] == "places" ? id_kind::place : id_kind::source;
    }
    if (is({"events", "-", "date", "sources"})) return id_kind::source;
    return id_kind::none;
  }
  if (is({"events", "-", "id"})) {
    if (defines) *defines = true;
    return id_kind::event;
  }
  if (p.size() >= 3 && p[0] == "events" && p[1] == "-") {
    const std::string& field = p[2];
    const bool item = p.size() == 4 && p[3] == "-";
    if (p.size() == 3 || item) {
      for (const link_info& k : link_kinds())
        if (field == k.field) return id_kind::event;
      if (field == "actors" && item) return id_kind::actor;
      if (field == "place" && !item) return id_kind::place;
      if (field == "sources" && item) return id_kind::source;
    }
    if (is({"events", "-", "sources", "-", "id"})) return id_kind::source;
    if (is({"events", "-", "date", "after"}) || is({"events", "-", "date", "before"}) ||
        is({"events", "-", "date", "during"}) || is({"events", "-", "claims", "-", "first_since"}))
      return id_kind::event;
    if (is({"events", "-", "claims", "-", "series", "actors", "-"})) return id_kind::actor;
    if (is({"events", "-", "claims", "-", "series", "place"})) return id_kind::place;
    if (is({"events", "-", "action", "owner"})) return id_kind::actor;
  }
  if (is({"factors", "-", "sources", "-"})) return id_kind::source;
  if (is({"incident", "commander"}) || is({"incident", "roles", "*"})) return id_kind::actor;
  return id_kind::none;
}

}  // namespace annals::lsp
