#include "lsp/framing.hpp"

#include <algorithm>
#include <charconv>
#include <istream>

namespace annals::lsp {
namespace {

// A header line longer than this is no LSP header: the rest of it is dropped.
constexpr std::size_t max_header_line = 1024;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

// One header line without its line end, at most max_header_line bytes kept; false at the
// end of the stream before any byte.
bool read_line(std::istream& in, std::string& line) {
  line.clear();
  bool any = false;
  for (int c; (c = in.get()) != std::char_traits<char>::eof();) {
    any = true;
    if (c == '\n') return true;
    if (line.size() < max_header_line) line.push_back(static_cast<char>(c));
  }
  return any;
}

}  // namespace

frame read_frame(std::istream& in, std::size_t max_bytes) {
  frame f;
  std::string line;
  bool have_length = false, bad_length = false, any_header = false;
  std::size_t length = 0;
  // The header block: lines up to an empty one. Blank lines before any header are
  // skipped (a client that ends a body with a line break).
  for (;;) {
    if (!read_line(in, line)) {
      f.what = frame::status::end;
      if (any_header) f.problem = "the stream ended inside a header";
      return f;
    }
    const std::string_view l = trim(line);
    if (l.empty()) {
      if (!any_header) continue;
      break;
    }
    any_header = true;
    const std::size_t colon = l.find(':');
    if (colon == std::string_view::npos) continue;  // not a header: ignored
    if (!same_name(trim(l.substr(0, colon)), "Content-Length")) continue;
    const std::string_view value = trim(l.substr(colon + 1));
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || end != value.data() + value.size()) {
      bad_length = true;
    } else {
      have_length = true;
      bad_length = false;
      length = n;
    }
  }
  if (!have_length || bad_length) {
    f.what = frame::status::bad_header;
    f.problem = bad_length ? "a Content-Length that is not a number" : "a header without Content-Length";
    return f;
  }
  if (length > max_bytes) {
    // Skip the body a block at a time: nothing of it is held.
    char block[4096];
    std::size_t left = length;
    while (left > 0 && in) {
      in.read(block, static_cast<std::streamsize>(std::min(left, sizeof block)));
      left -= static_cast<std::size_t>(in.gcount());
      if (in.gcount() == 0) break;
    }
    f.what = left > 0 ? frame::status::end : frame::status::too_large;
    f.problem = "a message of " + std::to_string(length) + " bytes, more than the " + std::to_string(max_bytes) +
                " read";
    return f;
  }
  f.body.resize(length);
  in.read(f.body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in.gcount()) != length) {
    f.what = frame::status::end;
    f.body.clear();
    f.problem = "the stream ended inside a message";
    return f;
  }
  f.what = frame::status::message;
  return f;
}

std::string write_frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  return out;
}

}  // namespace annals::lsp
