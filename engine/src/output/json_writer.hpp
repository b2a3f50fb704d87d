#pragma once

// JSON text written a member at a time, so that no event becomes a json value: either
// laid out exactly as nlohmann's dump with an indent of 2 lays out a document (each
// member or element on its own line, two spaces deeper than its container; an empty
// object or array is `{}` or `[]`), or compact on one line (`{"a":1,"b":[2]}`).

#include <string>
#include <string_view>
#include <vector>

namespace annals {

class json_writer {
 public:
  /// Appends to `out`. Pretty: a value that sits `depth` levels deep in its document.
  json_writer(std::string& out, bool pretty, std::size_t depth = 0) : out_(out), pretty_(pretty), depth_(depth) {}

  void begin_object() { begin('{'); }
  void end_object() { end('}'); }
  void begin_array() { begin('['); }
  void end_array() { end(']'); }

  /// Starts the next member of the open object; its value follows.
  json_writer& field(std::string_view name);
  /// Starts the next element of the open array; its value follows.
  json_writer& item();

  void string(std::string_view s);
  void null() { out_ += "null"; }
  void boolean(bool b) { out_ += b ? "true" : "false"; }
  void number(long long n) { out_ += std::to_string(n); }
  /// A string, or null when `none`.
  void string_or_null(std::string_view s, bool none) { none ? null() : string(s); }

 private:
  void begin(char bracket);
  void end(char bracket);
  void newline();

  std::string& out_;
  bool pretty_;
  std::size_t depth_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
};

}  // namespace annals
