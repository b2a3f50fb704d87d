#include "annals/record.hpp"

#include <utility>

namespace annals {

record record::string(std::string text, std::uint32_t line, std::uint32_t column) {
  record r = scalar(std::move(text), line, column);
  r.plain = false;
  return r;
}

record record::scalar(std::string text, std::uint32_t line, std::uint32_t column) {
  record r;
  r.kind = type::scalar;
  r.line = line;
  r.column = column;
  r.text = std::move(text);
  return r;
}

record record::mapping(std::uint32_t line, std::uint32_t column) {
  record r;
  r.kind = type::mapping;
  r.line = line;
  r.column = column;
  return r;
}

record record::sequence(std::uint32_t line, std::uint32_t column) {
  record r = mapping(line, column);
  r.kind = type::sequence;
  return r;
}

record& record::set(std::string_view key, record value) {
  children.push_back(string(std::string(key), value.line, value.column));
  children.push_back(std::move(value));
  return children.back();
}

record& record::push(record item) {
  children.push_back(std::move(item));
  return children.back();
}

const record* record::get(std::string_view key) const {
  for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
    if (children[i].text == key) return &children[i + 1];
  }
  return nullptr;
}

record* record::get(std::string_view key) {
  return const_cast<record*>(std::as_const(*this).get(key));
}

std::size_t record::size() const {
  std::size_t n = 1;
  for (const record& c : children) n += c.size();
  return n;
}

std::size_t record::bytes() const {
  std::size_t n = sizeof(record) + text.size();
  for (const record& c : children) n += c.bytes();
  return n;
}

}  // namespace annals
