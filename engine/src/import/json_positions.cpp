#include "import/json_positions.hpp"

namespace annals {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

// Walks a valid JSON text, counting lines and characters (a UTF-8 continuation byte is
// no new column). Every read is bounds-checked: on a text that is not valid JSON after
// all, it stops early rather than read past the end.
class scanner {
 public:
  explicit scanner(std::string_view s) : s_(s) {
    if (s_.starts_with(bom)) i_ = bom.size();
  }

  json_position value(std::size_t depth, std::size_t max_depth) {
    skip_space();
    json_position at;
    at.line = line_;
    at.column = column_;
    const char c = peek();
    if ((c == '{' || c == '[') && depth >= max_depth) {
      skip_nested();
    } else if (c == '{') {
      advance();
      for (skip_space(); !done() && peek() != '}'; skip_space()) {
        if (peek() != '"') return at;
        std::string key = string_body();
        skip_space();
        if (peek() != ':') return at;
        advance();
        at.members.emplace_back(std::move(key), value(depth + 1, max_depth));
        skip_space();
        if (peek() == ',') advance();
      }
      advance();
    } else if (c == '[') {
      advance();
      for (skip_space(); !done() && peek() != ']'; skip_space()) {
        at.items.push_back(value(depth + 1, max_depth));
        skip_space();
        if (peek() == ',') advance();
      }
      advance();
    } else if (c == '"') {
      string_body();
    } else {
      while (!done() && !delimiter(peek())) advance();  // a number, true, false, null
    }
    return at;
  }

  std::pair<std::uint32_t, std::uint32_t> at(std::size_t offset) {
    while (i_ < offset && !done()) advance();
    return {line_, column_};
  }

 private:
  bool done() const { return i_ >= s_.size(); }
  char peek() const { return done() ? '\0' : s_[i_]; }
  static bool delimiter(char c) {
    return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':';
  }

  void advance() {
    if (done()) return;
    const auto u = static_cast<unsigned char>(s_[i_++]);
    if (u == '\n') {
      ++line_;
      column_ = 1;
    } else if ((u & 0xC0) != 0x80) {
      ++column_;
    }
  }

  void skip_space() {
    while (!done() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) advance();
  }

  // A string from its opening quote; returns its text between the quotes, escapes kept.
  std::string string_body() {
    advance();
    const std::size_t from = i_;
    while (!done() && peek() != '"') {
      if (peek() == '\\') advance();
      advance();
    }
    std::string body(s_.substr(from, i_ - from));
    advance();
    return body;
  }

  // A container too deep to record: skipped by counting brackets outside strings (no
  // recursion, however deep it goes).
  void skip_nested() {
    std::size_t open = 0;
    do {
      const char c = peek();
      if (c == '"') {
        string_body();
        continue;
      }
      if (c == '{' || c == '[') ++open;
      if (c == '}' || c == ']') --open;
      advance();
    } while (open > 0 && !done());
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

}  // namespace

const json_position* json_position::member(std::string_view key) const {
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

const json_position* json_position::item(std::size_t i) const { return i < items.size() ? &items[i] : nullptr; }

json_position json_positions(std::string_view text, std::size_t max_depth) {
  scanner s(text);
  return s.value(0, max_depth);
}

std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view text, std::size_t offset) {
  scanner s(text);
  return s.at(offset);
}

}  // namespace annals
