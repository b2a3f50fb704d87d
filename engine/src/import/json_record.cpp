#include "import/json_record.hpp"

#include <algorithm>
#include <unordered_set>

#include "import/html_entities.hpp"

namespace annals {

namespace {

struct failure {};  // unwinds the descent; the reason is already in the result

class reader {
 public:
  reader(std::string_view s, std::uint32_t line, json_read& out, json_text kind, std::size_t max_depth)
      : s_(s), line_(line), out_(out), kind_(kind), max_depth_(max_depth) {}

  void top() {
    if (kind_ == json_text::document) {
      if (s_.starts_with("\xEF\xBB\xBF")) at_ = line_start_ = col_at_ = 3;
      skip_space();
      if (at_ >= s_.size()) fail(at_, "json-syntax", "no JSON value: the input is empty");
      out_.value = s_[at_] == '{' ? object(1, true) : value(0);
      skip_space();
      if (at_ < s_.size()) fail(at_, "json-syntax", "unexpected " + found() + " after the JSON value");
      return;
    }
    skip_space();
    if (at_ >= s_.size() || s_[at_] != '{') {
      fail(at_, "not-an-object", at_ >= s_.size() ? "an empty record: each line is one JSON object"
                                                  : "a record is one JSON object per line, found " + found());
    }
    out_.value = object(0, true);
    skip_space();
    if (at_ < s_.size()) fail(at_, "json-syntax", "unexpected " + found() + " after the record's object");
  }

 private:
  // The column of byte `p` (on the current line) in characters; positions asked for
  // only grow, mostly.
  std::uint32_t column(std::size_t p) {
    if (p < col_at_ || col_at_ < line_start_) {
      col_at_ = line_start_;
      col_ = 1;
    }
    for (; col_at_ < p && col_at_ < s_.size(); ++col_at_) {
      if ((static_cast<unsigned char>(s_[col_at_]) & 0xC0) != 0x80) ++col_;
    }
    return col_;
  }

  [[noreturn]] void fail(std::size_t p, std::string code, std::string message) {
    out_.error_line = line_;
    out_.error_column = column(std::min(p, s_.size()));
    out_.error_code = std::move(code);
    out_.error = std::move(message);
    throw failure{};
  }

  // What stands at the cursor, for a message: 'x', or "the end of the line".
  std::string found() const {
    if (at_ >= s_.size()) return end_name();
    const unsigned char c = static_cast<unsigned char>(s_[at_]);
    if (c < 0x20 || c == 0x7F) return "a control character";
    std::size_t n = 1;
    while (at_ + n < s_.size() && (static_cast<unsigned char>(s_[at_ + n]) & 0xC0) == 0x80) ++n;
    return "'" + std::string(s_.substr(at_, n)) + "'";
  }

  const char* end_name() const { return kind_ == json_text::line_record ? "the end of the line" : "the end of the input"; }

  void skip_space() {
    while (at_ < s_.size()) {
      const char c = s_[at_];
      if (c == '\n' && kind_ == json_text::document) {
        ++line_;
        line_start_ = ++at_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++at_;
      } else {
        break;
      }
    }
  }

  void expect(char c, const char* what) {
    skip_space();
    if (at_ >= s_.size() || s_[at_] != c) fail(at_, "json-syntax", std::string("expected ") + what + ", found " + found());
    ++at_;
  }

  record value(std::size_t depth) {
    skip_space();
    if (at_ >= s_.size()) fail(at_, "json-syntax", std::string("expected a value, found ") + end_name());
    const std::size_t start = at_;
    switch (s_[at_]) {
      case '{': return object(depth + 1, false);
      case '[': return array(depth + 1);
      case '"': {
        const std::uint32_t col = column(start);
        return record::string(string(), line_, col);
      }
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': {
        record r = literal("null");
        r.kind = record::type::null;
        r.text.clear();
        return r;
      }
      default: return number();
    }
  }

  record literal(std::string_view word) {
    const std::size_t start = at_;
    if (s_.substr(at_, word.size()) != word) fail(at_, "json-syntax", "expected a value, found " + found());
    at_ += word.size();
    return record::scalar(std::string(word), line_, column(start));
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, kept as written.
  record number() {
    const std::size_t start = at_;
    const auto digits = [&] {
      const std::size_t from = at_;
      while (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') ++at_;
      if (at_ == from) fail(at_, "json-syntax", at_ == start ? "expected a value, found " + found() : "expected a digit, found " + found());
      return at_ - from;
    };
    if (s_[at_] == '-') ++at_;
    const std::size_t int_start = at_;
    if (digits() > 1 && s_[int_start] == '0') fail(int_start, "json-syntax", "a number does not begin with 0");
    if (at_ < s_.size() && s_[at_] == '.') {
      ++at_;
      digits();
    }
    if (at_ < s_.size() && (s_[at_] == 'e' || s_[at_] == 'E')) {
      ++at_;
      if (at_ < s_.size() && (s_[at_] == '+' || s_[at_] == '-')) ++at_;
      digits();
    }
    return record::scalar(std::string(s_.substr(start, at_ - start)), line_, column(start));
  }

  std::uint32_t hex4() {
    if (at_ + 4 > s_.size()) fail(at_, "json-syntax", "\\u needs four hexadecimal digits");
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k, ++at_) {
      const char c = s_[at_];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
      else fail(at_, "json-syntax", "\\u needs four hexadecimal digits, found " + found());
    }
    return v;
  }

  // The length of the UTF-8 sequence at `p`, or 0 when it is not one (RFC 3629).
  std::size_t utf8_length(std::size_t p) const {
    const auto b = [&](std::size_t k) { return p + k < s_.size() ? static_cast<unsigned char>(s_[p + k]) : 0u; };
    const unsigned c = b(0);
    const auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      return b(1) >= lo && b(1) <= hi && cont(2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      return b(1) >= lo && b(1) <= hi && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
  }

  std::string string() {
    const std::size_t open = at_++;
    std::string out;
    for (;;) {
      if (at_ >= s_.size()) fail(open, "json-syntax", "a string that is not closed");
      const unsigned char c = static_cast<unsigned char>(s_[at_]);
      if (c == '"') {
        ++at_;
        return out;
      }
      if (c < 0x20) fail(at_, "json-syntax", "a control character in a string (write it as \\u00XX)");
      if (c >= 0x80) {
        const std::size_t n = utf8_length(at_);
        if (n == 0) fail(at_, "json-syntax", "bytes that are not UTF-8 in a string");
        out.append(s_.substr(at_, n));
        at_ += n;
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        ++at_;
        continue;
      }
      const std::size_t escape = at_++;
      if (at_ >= s_.size()) fail(escape, "json-syntax", "a string that is not closed");
      switch (s_[at_++]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate: its low half follows
            if (s_.substr(at_, 2) != "\\u") fail(escape, "json-syntax", "a lone surrogate \\u escape");
            at_ += 2;
            const std::uint32_t low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail(escape, "json-syntax", "a lone surrogate \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail(escape, "json-syntax", "a lone surrogate \\u escape");
          }
          append_utf8(out, cp);
          break;
        }
        default: fail(escape, "json-syntax", "an unknown escape '\\" + std::string(1, s_[at_ - 1]) + "'");
      }
    }
  }

  record object(std::size_t depth, bool top) {
    if (depth > max_depth_) fail(at_, "too-deep", "nesting deeper than " + std::to_string(max_depth_) + " levels");
    record r = record::mapping(line_, column(at_));
    ++at_;
    skip_space();
    if (at_ < s_.size() && s_[at_] == '}') {
      ++at_;
      return r;
    }
    std::unordered_set<std::string> many;  // keys, once an object has many
    for (;;) {
      skip_space();
      if (at_ >= s_.size() || s_[at_] != '"') fail(at_, "json-syntax", "expected a key in quotes, found " + found());
      const std::size_t key_at = at_;
      const std::uint32_t key_col = column(key_at);
      std::string key = string();
      // A key given twice: which value the builder would see is no reader's guess.
      const std::size_t keys = r.children.size() / 2;
      bool twice = false;
      if (keys < 16) {
        for (std::size_t k = 0; k < keys && !twice; ++k) twice = r.children[2 * k].text == key;
      } else {
        if (many.empty()) {
          for (std::size_t k = 0; k < keys; ++k) many.insert(r.children[2 * k].text);
        }
        twice = many.count(key) > 0;
      }
      if (twice) fail(key_at, "duplicate-key", "the key '" + key + "' is given twice");
      expect(':', "':' after a key");
      skip_space();
      const std::size_t value_at = at_;
      r.children.push_back(record::string(std::move(key), line_, key_col));
      r.children.push_back(value(depth));
      if (top) out_.members.push_back({{}, value_at, at_});
      if (!many.empty()) many.insert(r.children[r.children.size() - 2].text);
      skip_space();
      if (at_ < s_.size() && s_[at_] == ',') {
        ++at_;
        continue;
      }
      expect('}', "',' or '}'");
      break;
    }
    if (top) {  // the keys' storage no longer moves
      for (std::size_t k = 0; k < out_.members.size(); ++k) out_.members[k].key = r.children[2 * k].text;
    }
    return r;
  }

  record array(std::size_t depth) {
    if (depth > max_depth_) fail(at_, "too-deep", "nesting deeper than " + std::to_string(max_depth_) + " levels");
    record r = record::sequence(line_, column(at_));
    ++at_;
    skip_space();
    if (at_ < s_.size() && s_[at_] == ']') {
      ++at_;
      return r;
    }
    for (;;) {
      r.children.push_back(value(depth));
      skip_space();
      if (at_ < s_.size() && s_[at_] == ',') {
        ++at_;
        continue;
      }
      expect(']', "',' or ']'");
      return r;
    }
  }

  std::string_view s_;
  std::uint32_t line_;
  json_read& out_;
  json_text kind_;
  std::size_t max_depth_;
  std::size_t at_ = 0;
  std::size_t line_start_ = 0;  // the byte the current line begins at
  std::size_t col_at_ = 0;
  std::uint32_t col_ = 1;
};

}  // namespace

void read_json(std::string_view text, std::uint32_t first_line, json_read& out, json_text kind, std::size_t max_depth) {
  out.value = record{};
  out.members.clear();
  out.error_line = 0;
  out.error_column = 0;
  out.error_code.clear();
  out.error.clear();
  try {
    reader(text, first_line, out, kind, max_depth).top();
  } catch (const failure&) {
    out.value = record{};
    out.members.clear();
  }
}

}  // namespace annals
