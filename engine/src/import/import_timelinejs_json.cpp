// JSON (RFC 8259) read into records that keep each value's line and column, so that a
// TimelineJS slide's bad field is reported where it is. nlohmann-json, used elsewhere to
// write JSON, gives no positions of the values it reads.

#include <cstdint>
#include <string>

#include "import/import_timelinejs.hpp"

namespace annals {

namespace {

constexpr int max_depth = 256;  // deeper nesting is no TimelineJS file: refused, never a stack overflow

class json_reader {
 public:
  json_reader(std::string_view text, draft::input& in, draft& d) : s_(text), in_(in), d_(d) {}

  bool read(record& out) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") advance(3);
    space();
    if (!value(out, 0)) return false;
    space();
    if (i_ < s_.size()) return fail("unexpected '" + std::string(1, s_[i_]) + "' after the JSON value");
    return true;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
  std::uint32_t line_ = 1, column_ = 1;
  draft::input& in_;
  draft& d_;

  void advance(std::size_t n = 1) {
    for (; n > 0 && i_ < s_.size(); --n, ++i_) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column_;  // a character, not a UTF-8 continuation byte
      }
    }
  }
  bool fail(std::string message) {
    d_.error(in_, line_, column_, "json-syntax", "invalid JSON: " + std::move(message));
    return false;
  }
  bool at_end() const { return i_ >= s_.size(); }
  char peek() const { return at_end() ? '\0' : s_[i_]; }
  void space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) advance();
  }
  std::string shown() const {
    if (at_end()) return "the end of the input";
    std::string s(1, '\'');
    s += peek();
    s += '\'';
    return s;
  }

  bool value(record& out, int depth) {
    if (depth > max_depth) return fail("nested more than " + std::to_string(max_depth) + " deep");
    const std::uint32_t line = line_, column = column_;
    const char c = peek();
    if (c == '{') return object(out, depth);
    if (c == '[') return array(out, depth);
    if (c == '"') {
      std::string text;
      if (!string(text)) return false;
      out = record::string(std::move(text), line, column);
      return true;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number(out);
    for (const std::string_view word : {"true", "false", "null"}) {
      if (s_.substr(i_, word.size()) == word) {
        advance(word.size());
        out = word == "null" ? record{} : record::scalar(std::string(word), line, column);
        out.line = line;
        out.column = column;
        return true;
      }
    }
    return fail("expected a value, found " + shown());
  }

  bool object(record& out, int depth) {
    out = record::mapping(line_, column_);
    advance();
    space();
    if (peek() == '}') {
      advance();
      return true;
    }
    for (;;) {
      if (peek() != '"') return fail("expected a quoted key, found " + shown());
      std::string key;
      if (!string(key)) return false;
      space();
      if (peek() != ':') return fail("expected ':' after the key \"" + key + "\", found " + shown());
      advance();
      space();
      record v;
      if (!value(v, depth + 1)) return false;
      out.set(key, std::move(v));
      space();
      if (peek() == ',') {
        advance();
        space();
        continue;
      }
      if (peek() == '}') {
        advance();
        return true;
      }
      return fail("expected ',' or '}' in an object, found " + shown());
    }
  }

  bool array(record& out, int depth) {
    out = record::sequence(line_, column_);
    advance();
    space();
    if (peek() == ']') {
      advance();
      return true;
    }
    for (;;) {
      record v;
      if (!value(v, depth + 1)) return false;
      out.push(std::move(v));
      space();
      if (peek() == ',') {
        advance();
        space();
        continue;
      }
      if (peek() == ']') {
        advance();
        return true;
      }
      return fail("expected ',' or ']' in an array, found " + shown());
    }
  }

  bool number(record& out) {
    const std::uint32_t line = line_, column = column_;
    const std::size_t start = i_;
    const auto digits = [&] {
      const std::size_t from = i_;
      while (peek() >= '0' && peek() <= '9') advance();
      return i_ > from;
    };
    if (peek() == '-') advance();
    if (peek() == '0') {
      advance();
    } else if (!digits()) {
      return fail("expected a digit, found " + shown());
    }
    if (peek() == '.') {
      advance();
      if (!digits()) return fail("expected a digit after '.', found " + shown());
    }
    if (peek() == 'e' || peek() == 'E') {
      advance();
      if (peek() == '+' || peek() == '-') advance();
      if (!digits()) return fail("expected a digit in the exponent, found " + shown());
    }
    out = record::scalar(std::string(s_.substr(start, i_ - start)), line, column);
    return true;
  }

  bool hex4(std::uint32_t& cp) {
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = peek();
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) return fail("expected a hexadecimal digit in \\u, found " + shown());
      cp = cp * 16 + static_cast<std::uint32_t>(v);
      advance();
    }
    return true;
  }

  bool string(std::string& out) {
    advance();  // the opening quote
    for (;;) {
      if (at_end()) return fail("a string is not closed");
      const auto c = static_cast<unsigned char>(peek());
      if (c == '"') {
        advance();
        return true;
      }
      if (c < 0x20) return fail("a control character in a string (write it as an escape)");
      if (c != '\\') {
        out += static_cast<char>(c);
        advance();
        continue;
      }
      advance();
      const char e = peek();
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          advance();
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {  // a surrogate pair
            advance(2);
            std::uint32_t low = 0;
            if (!hex4(low)) return false;
            if (low >= 0xDC00 && low < 0xE000) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              append_utf8(out, 0xFFFD);
              cp = low;
            }
          }
          append_utf8(out, cp);
          continue;
        }
        default:
          return fail("unknown escape '\\" + std::string(1, e) + "' in a string");
      }
      advance();
    }
  }
};

}  // namespace

bool read_json_record(std::string_view bytes, draft::input& in, draft& d, record& out) {
  return json_reader(bytes, in, d).read(out);
}

}  // namespace annals
