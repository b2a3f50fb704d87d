#pragma once

// The one writer of JSON text: a member at a time, so that no event becomes a json value
// and a long array can be streamed (the caller may take and clear `out` between items: the
// writer keeps its own state). Three layouts, each byte for byte as a common tool writes
// it: `pretty` as nlohmann's dump with an indent of 2 (each member or element on its own
// line, two spaces deeper than its container; an empty object or array is `{}` or `[]`),
// `compact` on one line (`{"a":1,"b":[2]}`), and `spaced` on one line as Python's
// json.dumps (`{"a": 1, "b": [2]}`). Strings are escaped by escape.hpp's JSON rule; a
// document put inside an HTML <script> asks for its `script` escaping.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "output/escape.hpp"

namespace annals {

enum class json_layout : std::uint8_t { compact, spaced, pretty };

class json_writer {
 public:
  /// Appends to `out`. Pretty: a value that sits `depth` levels deep in its document.
  json_writer(std::string& out, json_layout layout, std::size_t depth = 0, json_escaping escaping = json_escaping::plain)
      : out_(out), layout_(layout), escaping_(escaping), depth_(depth) {}
  json_writer(std::string& out, bool pretty, std::size_t depth = 0)
      : json_writer(out, pretty ? json_layout::pretty : json_layout::compact, depth) {}

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
  json_layout layout_;
  json_escaping escaping_;
  std::size_t depth_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
};

}  // namespace annals
