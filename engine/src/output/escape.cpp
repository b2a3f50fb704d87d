#include "output/escape.hpp"

#include <cstdint>

namespace annals {

utf8_char decode_utf8(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return {c, 1};
  std::size_t n = 0;
  char32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07;
  } else {
    return {};
  }
  if (i + n > text.size()) return {};
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and code points past U+10FFFF are invalid.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return {};
  if (cp >= 0xD800 && cp <= 0xDFFF) return {};
  return {cp, n};
}

namespace {

std::size_t utf8_length(std::string_view text, std::size_t i) { return decode_utf8(text, i).size; }

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls f(piece) for each character of `text` as valid UTF-8 (one byte for ASCII).
template <class F>
void for_each_char(std::string_view text, F&& f) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    if (n == 0) {
      f(replacement);
      ++i;
    } else {
      f(text.substr(i, n));
      i += n;
    }
  }
}

bool is_control(std::string_view ch) {
  return ch.size() == 1 && (static_cast<unsigned char>(ch[0]) < 0x20 || ch[0] == 0x7F);
}

// C1 controls (U+0080-U+009F, UTF-8 C2 80..C2 9F): U+009B is a CSI on some terminals.
bool is_c1_control(std::string_view ch) {
  return ch.size() == 2 && static_cast<unsigned char>(ch[0]) == 0xC2 && static_cast<unsigned char>(ch[1]) < 0xA0;
}

// The bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they
// reorder the text after them ("Trojan Source"), so outputs that cannot isolate them
// (a terminal, a spreadsheet cell) leave them out. The marks (U+200E, U+200F) stay.
bool is_bidi_control(std::string_view ch) {
  if (ch.size() != 3 || static_cast<unsigned char>(ch[0]) != 0xE2) return false;
  const auto b1 = static_cast<unsigned char>(ch[1]), b2 = static_cast<unsigned char>(ch[2]);
  return (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
}

}  // namespace

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_char(text, [&](std::string_view ch) { out += ch; });
  return out;
}

void append_json_escaped(std::string& out, std::string_view text, json_escaping escaping) {
  static constexpr char hex[] = "0123456789abcdef";
  const bool script = escaping == json_escaping::script;
  // Most text is printable ASCII that needs nothing: appended a run at a time.
  const auto plain_byte = [&](unsigned char c) {
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && !(script && (c == '<' || c == '>' || c == '&'));
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t run = i;
    while (run < text.size() && plain_byte(static_cast<unsigned char>(text[run]))) ++run;
    out.append(text, i, run - i);
    if (run == text.size()) break;
    i = run;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      switch (c) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        case '\b': out += "\\b"; continue;
        case '\f': out += "\\f"; continue;
        default: break;
      }
      if (c < 0x20 || script) {  // a control character, or (script) < > & DEL
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
      } else {
        out += static_cast<char>(c);  // DEL, plain
      }
      continue;
    }
    const utf8_char ch = decode_utf8(text, i);
    if (ch.size == 0) {  // invalid UTF-8: a replacement character per byte, as every escaper here
      out += replacement;
      ++i;
      continue;
    }
    if (script && (ch.cp == 0x2028 || ch.cp == 0x2029)) {  // line terminators to JavaScript
      out += ch.cp == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out.append(text, i, ch.size);
    }
    i += ch.size;
  }
}

std::string escape_json(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  append_json_escaped(out, text, json_escaping::script);
  return out;
}

std::string json_string(std::string_view text) { return '"' + escape_json(text) + '"'; }

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for_each_char(text, [&](std::string_view ch) {
    if (ch.size() == 1) {
      switch (ch[0]) {
        case '&': out += "&amp;"; return;
        case '<': out += "&lt;"; return;
        case '>': out += "&gt;"; return;
        case '"': out += "&quot;"; return;
        case '\'': out += "&#39;"; return;
        case '\t':
        case '\n': out += ch; return;
        case '\r': out += "&#13;"; return;
        default: break;
      }
      if (is_control(ch)) return;  // not allowed in XML 1.0
    }
    out += ch;
  });
  return out;
}

std::string csv_field(std::string_view text) {
  // Control characters other than line breaks and tabs (an ESC a YAML escape wrote, C1)
  // and bidi controls are left out, as formula starts are neutralized below.
  std::string cell;
  cell.reserve(text.size());
  for_each_char(text, [&](std::string_view ch) {
    if ((is_control(ch) && ch != "\n" && ch != "\r" && ch != "\t") || is_c1_control(ch) || is_bidi_control(ch)) return;
    cell += ch;
  });
  // Formula injection: a spreadsheet runs a cell starting with these as a formula.
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r')) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string escape_dot(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for_each_char(text, [&](std::string_view ch) {
    if (ch.size() == 1) {
      switch (ch[0]) {
        case '\\': out += "\\\\"; return;
        case '"': out += "\\\""; return;
        case '\n': out += "\\n"; return;
        default: break;
      }
      if (is_control(ch)) return;
    }
    out += ch;
  });
  return out;
}

std::string dot_string(std::string_view text) { return '"' + escape_dot(text) + '"'; }

std::string escape_ics_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for_each_char(text, [&](std::string_view ch) {
    if (ch.size() == 1) {
      switch (ch[0]) {
        case '\\': out += "\\\\"; return;
        case ';': out += "\\;"; return;
        case ',': out += "\\,"; return;
        case '\n': out += "\\n"; return;
        case '\t': out += ch; return;
        default: break;
      }
      if (is_control(ch)) return;  // CR of a CRLF, and characters RFC 5545 TEXT excludes
    }
    out += ch;
  });
  return out;
}

std::string fold_ics_line(std::string_view line) {
  const std::string text = valid_utf8(line);
  std::string out;
  std::size_t used = 0;  // octets on the current physical line
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);  // valid: checked above
    // RFC 5545 §3.1: at most 75 octets a line, CRLF excluded; a fold is CRLF + one space.
    if (used + n > 75) {
      out += "\r\n ";
      used = 1;
    }
    out.append(text, i, n);
    used += n;
    i += n;
  }
  out += "\r\n";
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                   static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                   static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += digits[(n >> shift) & 63];
  }
  if (i < bytes.size()) {
    std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += digits[(n >> 18) & 63];
    out += digits[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? digits[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string markdown_link(std::string_view title, std::string_view url) {
  if (url.empty()) return escape_markdown(title);
  std::string out(1, '[');  // appended, not "[" + ...: GCC 12 warns falsely on that
  out += escape_markdown(title);
  out += "](";
  for (char c : url) {  // nothing that ends the target
    switch (c) {
      case '(': out += "%28"; break;
      case ')': out += "%29"; break;
      case '<': out += "%3C"; break;
      case '>': out += "%3E"; break;
      case '"': out += "%22"; break;
      default: out += c;
    }
  }
  out += ')';
  return out;
}

std::string escape_markdown(std::string_view text) {
  constexpr std::string_view special = "\\`*_{}[]<>()#+-.!|~&";
  std::string out;
  out.reserve(text.size() + 8);
  bool line_start = true;
  for_each_char(text, [&](std::string_view ch) {
    if (ch == "\n" || ch == "\r") {
      if (!line_start) out += ' ';
      line_start = true;
      return;
    }
    if (is_control(ch)) return;
    // `.`, `-`, `+`, `#`, `!`, `(`, `)` are only markup in some places; escaping
    // them everywhere would make the text unreadable, so only these always are.
    const bool always = ch.size() == 1 && std::string_view("\\`*_[]<>|~&").find(ch[0]) != std::string_view::npos;
    const bool at_start = line_start && ch.size() == 1 && special.find(ch[0]) != std::string_view::npos;
    if (always || at_start) out += '\\';
    out += ch;
    line_start = false;
  });
  return out;
}

std::string escape_mermaid(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for_each_char(text, [&](std::string_view ch) {
    if (ch.size() == 1) {
      const char c = ch[0];
      if (c == '\n' || c == '\r' || c == '\t') {
        out += ' ';
        return;
      }
      if (is_control(ch)) return;
      // Mermaid decodes `#NN;` entity codes after parsing, so these reach the label as text.
      if (std::string_view(":#;%<>&\"{}[]`").find(c) != std::string_view::npos) {
        out += '#';
        out += std::to_string(static_cast<int>(c));
        out += ';';
        return;
      }
    }
    out += ch;
  });
  return out;
}

std::string escape_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_char(text, [&](std::string_view ch) {
    if (ch == "\n" || ch == "\t") {
      out += ' ';
      return;
    }
    if (is_control(ch) || is_c1_control(ch) || is_bidi_control(ch)) return;
    out += ch;
  });
  return out;
}

std::string escape_workflow_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_workflow_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : escape_workflow_data(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string uri_path(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  static constexpr std::string_view kept = "-._~/!$&'()*+,;=@";
  std::string out;
  out.reserve(path.size());
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || kept.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

bool is_safe_url(std::string_view url) {
  const auto starts = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != p[i]) return false;
    }
    return true;
  };
  if (!starts("http://") && !starts("https://") && !starts("mailto:")) return false;
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return false;
  }
  return true;
}

}  // namespace annals
