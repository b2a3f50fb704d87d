#include "output/json_writer.hpp"

namespace annals {

json_writer& json_writer::field(std::string_view name) {
  item();
  string(name);
  out_ += layout_ == json_layout::compact ? ":" : ": ";
  return *this;
}

json_writer& json_writer::item() {
  if (!empty_.back()) out_ += layout_ == json_layout::spaced ? ", " : ",";
  empty_.back() = false;
  newline();
  return *this;
}

void json_writer::string(std::string_view text) {
  out_ += '"';
  append_json_escaped(out_, text, escaping_);
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
  if (layout_ != json_layout::pretty) return;
  out_ += '\n';
  out_.append(2 * (depth_ + empty_.size()), ' ');
}

}  // namespace annals
