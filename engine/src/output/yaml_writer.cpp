#include "annals/yaml_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string_view>

namespace annals {

namespace {

constexpr std::size_t flow_width = 72;  // a list of scalars goes on one line up to this

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether a plain scalar `s` would be read (YAML 1.2 core schema) as something other
// than a string: null, a boolean, an integer or a float.
bool typed_by_core_schema(std::string_view s) {
  static constexpr std::string_view words[] = {"~",    "null", "Null", "NULL",  "true", "True", "TRUE",  "false",
                                               "False", "FALSE", ".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"};
  if (s.empty() || std::find(std::begin(words), std::end(words), s) != std::end(words)) return true;
  std::string_view t = s;
  if (t.front() == '+' || t.front() == '-') t.remove_prefix(1);
  if (t == ".inf" || t == ".Inf" || t == ".INF") return true;
  if (t.starts_with("0x") || t.starts_with("0o")) return t.size() > 2;
  // [0-9]* ( \. [0-9]* )? ( [eE] [-+]? [0-9]+ )?, with a digit somewhere before the exponent
  std::size_t i = 0, digits = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!all_digits(t.substr(i))) return false;
    i = t.size();
  }
  return i == t.size();
}

// Whether `s` can be written plain, in block and flow context alike, and read back as
// itself: a conservative rule (letters, digits, spaces and a few marks) that keeps prose
// and dates plain and quotes anything YAML could read another way.
bool plain_safe(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  const auto first = static_cast<unsigned char>(s.front());
  if (!(std::isalnum(first) || first >= 0x80 || first == '(')) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // C1 controls, the byte order mark and the line and paragraph separators are quoted.
      if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xa0) return false;
      if (s.substr(i, 3) == "\xef\xbb\xbf" || s.substr(i, 3) == "\xe2\x80\xa8" || s.substr(i, 3) == "\xe2\x80\xa9") return false;
      continue;
    }
    if (std::isalnum(c) || std::string_view(" .-_/()+=;'!?&%@~").find(static_cast<char>(c)) != std::string_view::npos) continue;
    if (c == ':' && i + 1 < s.size() && s[i + 1] != ' ') continue;
    if (c == '#' && s[i - 1] != ' ') continue;
    return false;
  }
  // A quote after a blank opens a quoted scalar to the loader's line check ("from 's level").
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '\'' && s[i - 1] == ' ') return false;
  }
  return true;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xa0) {
          char buf[8];  // a C1 control: YAML wants it escaped
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[++i]));
          out += buf;
        } else if (c == 0xef && s.substr(i, 3) == "\xef\xbb\xbf") {
          out += "\\uFEFF";
          i += 2;
        } else if (c == 0xe2 && (s.substr(i, 3) == "\xe2\x80\xa8" || s.substr(i, 3) == "\xe2\x80\xa9")) {
          out += s[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

struct writer {
  const std::vector<std::string>& notes;
  std::string out;

  void note(const record& n, std::size_t indent) {
    if (n.note == 0 || n.note > notes.size()) return;
    std::string_view text = notes[n.note - 1];
    while (true) {
      const std::size_t nl = text.find('\n');
      const std::string_view line = text.substr(0, nl);
      out.append(indent, ' ');
      out += line.empty() ? "#" : "# ";
      out += line;
      out += '\n';
      if (nl == std::string_view::npos) break;
      text.remove_prefix(nl + 1);
    }
  }

  static std::string scalar(const record& n) {
    if (n.kind == record::type::null) return "null";
    return yaml_scalar(n.text, !n.plain);
  }

  // A sequence of scalars short enough for one line.
  static bool flow(const record& n, std::size_t indent) {
    if (n.kind != record::type::sequence) return false;
    std::size_t width = indent + 2;
    for (const record& c : n.children) {
      if (c.kind != record::type::scalar || c.note != 0) return false;
      const std::string text = scalar(c);
      if (text.find('?') != std::string::npos) return false;  // yaml-cpp misreads `[why?]`
      width += text.size() + 2;
    }
    return width <= flow_width;
  }

  static std::string flow_text(const record& n) {
    std::string s = "[";
    for (const record& c : n.children) s += (s.size() > 1 ? ", " : "") + scalar(c);
    return s + "]";
  }

  // After `key:` or `- `: the value on this line, or a new line and the block.
  void value(const record& v, std::size_t indent) {
    if (v.kind == record::type::mapping && !v.children.empty()) {
      out += '\n';
      mapping(v, indent + 2);
    } else if (v.kind == record::type::sequence && !v.children.empty() && !flow(v, indent)) {
      out += '\n';
      sequence(v, indent + 2);
    } else {
      out += ' ';
      out += v.kind == record::type::mapping ? "{}" : v.kind == record::type::sequence ? flow_text(v) : scalar(v);
      out += '\n';
    }
  }

  void mapping(const record& m, std::size_t indent, bool first_inline = false) {
    for (std::size_t i = 0; i + 1 < m.children.size(); i += 2) {
      const record& key = m.children[i];
      const record& v = m.children[i + 1];
      const bool inline_first = first_inline && i == 0;
      if (!inline_first) {
        note(key, indent);
        note(v, indent);
        out.append(indent, ' ');
      }
      out += yaml_scalar(key.text) + ":";
      value(v, indent);
    }
  }

  void sequence(const record& s, std::size_t indent) {
    for (const record& item : s.children) {
      note(item, indent);
      if (item.kind == record::type::mapping && item.children.size() >= 2) {
        note(item.children[0], indent);
        note(item.children[1], indent);
      }
      out.append(indent, ' ');
      out += "-";
      if (item.kind == record::type::mapping && !item.children.empty()) {
        // `- key: value`, the rest of the mapping under it; the first key's note goes before the dash.
        out += ' ';
        mapping(item, indent + 2, true);
      } else if (item.kind == record::type::sequence && !item.children.empty() && !flow(item, indent)) {
        out += '\n';
        sequence(item, indent + 2);
      } else {
        value(item, indent);
      }
    }
  }
};

}  // namespace

std::string yaml_scalar(const std::string& text, bool string) {
  if (plain_safe(text) && !(string && typed_by_core_schema(text))) return text;
  return quoted(text);
}

std::string write_yaml(const record& node, const std::vector<std::string>& notes, std::size_t indent) {
  writer w{notes, {}};
  w.note(node, indent);
  if (node.kind == record::type::mapping && !node.children.empty()) w.mapping(node, indent);
  else if (node.kind == record::type::sequence && !node.children.empty()) w.sequence(node, indent);
  else w.out += std::string(indent, ' ') + (node.kind == record::type::mapping ? "{}" : node.kind == record::type::sequence ? "[]" : writer::scalar(node)) + "\n";
  return w.out;
}

}  // namespace annals
