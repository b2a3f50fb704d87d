#include <algorithm>
#include <string>
#include <vector>

#include "annals/load.hpp"
#include "input/encoding.hpp"

namespace annals {

namespace {

// The most bytes a range reaches: a quoted scalar or a flow collection without its end
// is not followed through the rest of a big file.
constexpr std::size_t max_range_bytes = 64 * 1024;

// Just past the quoted scalar that opens at `p` (its closing quote included); `limit` when it
// does not close before it. Double quotes escape with a backslash, single quotes by doubling.
std::size_t quoted_end(std::string_view text, std::size_t p, std::size_t limit) {
  const char quote = text[p];
  for (std::size_t i = p + 1; i < limit; ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < limit && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return limit;
}

// Just past the flow collection that opens at `p`: brackets matched, quotes skipped.
std::size_t flow_end(std::string_view text, std::size_t p, std::size_t limit) {
  std::size_t depth = 0;
  for (std::size_t i = p; i < limit; ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      i = quoted_end(text, i, limit) - 1;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && --depth == 0) {
      return i + 1;
    } else if (c == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n')) {
      const std::size_t nl = text.find('\n', i);
      i = nl == std::string_view::npos ? limit : nl;
    }
  }
  return limit;
}

// Whether `p` sits inside a flow collection opened earlier on its line.
bool in_flow(std::string_view text, std::size_t line_start, std::size_t p) {
  int depth = 0;
  for (std::size_t i = line_start; i < p; ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      i = quoted_end(text, i, p) - 1;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      depth = std::max(0, depth - 1);
    }
  }
  return depth > 0;
}

// Just past the plain scalar (or key) at `p`, which ends at its line's end, a comment,
// a `: ` (it is a key), and in a flow collection at `,`, `]` or `}`; trailing blanks are not in it.
std::size_t plain_end(std::string_view text, std::size_t line_start, std::size_t p, std::size_t line_end) {
  const bool flow = in_flow(text, line_start, p);
  std::size_t i = p;
  for (; i < line_end; ++i) {
    const char c = text[i];
    const char next = i + 1 < line_end ? text[i + 1] : ' ';
    if (c == '#' && i > p && (text[i - 1] == ' ' || text[i - 1] == '\t')) break;
    if (c == ':' && (next == ' ' || next == '\t' || (flow && (next == ',' || next == ']' || next == '}')))) break;
    if (flow && (c == ',' || c == ']' || c == '}')) break;
  }
  while (i > p && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\r')) --i;
  return i;
}

// Just past the YAML token that starts at byte `p` of its line (which begins at `line_start`).
std::size_t token_end(std::string_view text, std::size_t line_start, std::size_t p) {
  const std::size_t nl = text.find('\n', p);
  const std::size_t line_end = nl == std::string_view::npos ? text.size() : nl;
  const std::size_t limit = std::min(text.size(), p + max_range_bytes);
  switch (text[p]) {
    case '"':
    case '\'': return quoted_end(text, p, limit);
    case '[':
    case '{': return flow_end(text, p, limit);
    default: return plain_end(text, line_start, p, line_end);
  }
}

}  // namespace

void add_ranges(std::vector<diagnostic>& ds, std::string_view file, std::string_view text) {
  std::vector<diagnostic*> todo;
  for (diagnostic& d : ds) {
    if (d.file == file && d.line > 0 && d.column > 0 && d.end_line == 0) todo.push_back(&d);
  }
  if (todo.empty()) return;
  std::sort(todo.begin(), todo.end(), [](const diagnostic* a, const diagnostic* b) { return a->line < b->line; });
  // One pass over the lines, from each diagnostic's line to the next one's.
  std::size_t line_start = 0;
  std::uint32_t line = 1;
  for (diagnostic* d : todo) {
    while (line < d->line && line_start < text.size()) {
      const std::size_t nl = text.find('\n', line_start);
      if (nl == std::string_view::npos) {
        line_start = text.size();
        break;
      }
      line_start = nl + 1;
      ++line;
    }
    if (line != d->line) break;  // past the text's end: later ones are too
    const std::size_t nl = text.find('\n', line_start);
    const std::size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    const std::size_t p = line_start + d->column - 1;
    if (p >= line_end) continue;
    std::size_t end = token_end(text, line_start, p);
    // A range never ends inside a UTF-8 sequence.
    while (end < text.size() && end > p && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    if (end <= p) continue;
    // The end as a line and column: count the line breaks crossed.
    std::uint32_t end_line = d->line;
    std::size_t end_line_start = line_start;
    for (std::size_t i = p; i < end; ++i) {
      if (text[i] == '\n') {
        ++end_line;
        end_line_start = i + 1;
      }
    }
    d->end_line = end_line;
    d->end_column = static_cast<std::uint32_t>(end - end_line_start + 1);
  }
}

void add_ranges(std::vector<diagnostic>& ds, file_reader& reader, const load_options& options) {
  std::vector<std::string> files;
  for (const diagnostic& d : ds) {
    if (d.line > 0 && d.end_line == 0 && d.file != "-" && std::find(files.begin(), files.end(), d.file) == files.end()) {
      files.push_back(d.file);
    }
  }
  for (const std::string& file : files) {
    read_result r = reader.read(file, options.max_file_bytes);
    if (r.error || r.too_large) continue;
    normalize_line_breaks(r.bytes);
    add_ranges(ds, file, r.bytes);
  }
}

}  // namespace annals
