#include "import/csv_reader.hpp"

#include <array>

namespace annals::csv {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

std::string_view without_bom(std::string_view bytes) {
  if (bytes.substr(0, bom.size()) == bom) bytes.remove_prefix(bom.size());
  return bytes;
}

}  // namespace

char detect_delimiter(std::string_view bytes) {
  bytes = without_bom(bytes);
  constexpr std::array<char, 3> candidates = {',', ';', '\t'};
  std::array<std::size_t, 3> counts{};
  bool quoted = false;
  for (const char c : bytes) {
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice: still inside
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    } else if (!quoted) {
      for (std::size_t k = 0; k < candidates.size(); ++k) counts[k] += c == candidates[k];
    }
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < candidates.size(); ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return candidates[best];
}

table read(std::string_view bytes, char delimiter) {
  bytes = without_bom(bytes);
  table t;
  t.delimiter = delimiter;
  if (bytes.empty()) return t;

  std::uint32_t line = 1;
  row current;
  cell c{"", 1, 1, 1};
  std::size_t i = 0;
  const auto end_cell = [&] {
    current.push_back(std::move(c));
    c = cell{"", current.back().row, current.back().column + 1, line};
  };
  const auto end_row = [&] {
    end_cell();
    const std::uint32_t next = current.back().row + 1;
    t.rows.push_back(std::move(current));
    current.clear();
    c = cell{"", next, 1, line};
  };
  // A line end: CRLF, LF or a lone CR. Returns its length at i (0: none).
  const auto line_end = [&](std::size_t at) -> std::size_t {
    if (bytes[at] == '\n') return 1;
    if (bytes[at] == '\r') return at + 1 < bytes.size() && bytes[at + 1] == '\n' ? 2 : 1;
    return 0;
  };

  while (i < bytes.size()) {
    const char ch = bytes[i];
    if (ch == '"' && c.text.empty()) {
      // A quoted cell: up to the quote not followed by another; "" is one quote.
      const std::uint32_t open_line = line;
      ++i;
      bool closed = false;
      while (i < bytes.size()) {
        if (bytes[i] == '"') {
          if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
            c.text += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (const std::size_t n = line_end(i)) {
          c.text += '\n';  // a line break inside a cell is kept as LF, whatever the file used
          i += n;
          ++line;
          continue;
        }
        c.text += bytes[i++];
      }
      if (!closed) {
        t.error = error{c.row, c.column, open_line,
                        "the quote that opens this cell is never closed: the cell runs to the end of the file"};
        return t;
      }
      continue;  // what follows the closing quote (normally a delimiter or a line end)
    }
    if (ch == delimiter) {
      end_cell();
      ++i;
      continue;
    }
    if (const std::size_t n = line_end(i)) {
      i += n;
      ++line;
      end_row();
      continue;
    }
    c.text += ch;
    ++i;
  }
  // The last record, when the file does not end with a line break.
  if (!current.empty() || !c.text.empty() || (i > 0 && !line_end(i - 1))) end_row();
  return t;
}

bool blank(const row& r) {
  for (const cell& c : r) {
    if (c.text.find_first_not_of(" \t") != std::string::npos) return false;
  }
  return true;
}

}  // namespace annals::csv
