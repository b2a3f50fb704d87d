#include "output/json_writer.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace annals {

json_writer& json_writer::field(std::string_view name) {
  item();
  string(name);
  out_ += pretty_ ? ": " : ":";
  return *this;
}

json_writer& json_writer::item() {
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  newline();
  return *this;
}

// Escaped as nlohmann's dump escapes it (ensure_ascii off; invalid UTF-8 becomes U+FFFD
// rather than an exception), so that a document reads back as it was written.
void json_writer::string(std::string_view text) {
  // Printable ASCII other than `"` and `\` is written as it is; the rest is left to nlohmann.
  const bool plain = std::all_of(text.begin(), text.end(),
                                 [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  if (!plain) {
    out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out_ += '"';
  out_ += text;
  out_ += '"';
}

void json_writer::begin(char bracket) {
  out_ += bracket;
  empty_.push_back(true);
}

void json_writer::end(char bracket) {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) newline();
  out_ += bracket;
}

// Pretty: starts a line at the depth of the innermost open container's contents.
void json_writer::newline() {
  if (!pretty_) return;
  out_ += '\n';
  out_.append(2 * (depth_ + empty_.size()), ' ');
}

}  // namespace annals
