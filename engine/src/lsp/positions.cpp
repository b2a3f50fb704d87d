#include "lsp/positions.hpp"

#include <algorithm>

namespace annals::lsp {
namespace {

// The bytes of the UTF-8 sequence led by `c` (1 for a stray continuation byte, which
// counts as one code unit, as a decoder's replacement character would).
std::size_t sequence_length(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

}  // namespace

std::uint32_t code_units(std::string_view bytes, encoding e) {
  if (e == encoding::utf8) return static_cast<std::uint32_t>(bytes.size());
  std::uint32_t units = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(bytes[i]));
    units += n == 4 ? 2 : 1;  // beyond the BMP: a surrogate pair
    i += n;
  }
  return units;
}

line_index::line_index(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) starts_.push_back(i + 1);
}

std::string_view line_index::line(std::size_t line) const {
  if (line >= starts_.size()) return {};
  const std::size_t from = starts_[line];
  std::size_t to = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
  if (to > from && text_[to - 1] == '\r') --to;
  return text_.substr(from, to - from);
}

std::size_t line_index::offset(position p, encoding e) const {
  if (p.line >= starts_.size()) return text_.size();
  const std::string_view l = line(p.line);
  std::size_t i = 0;
  std::uint32_t units = 0;
  while (i < l.size() && units < p.character) {
    const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(l[i])), l.size() - i);
    const std::uint32_t u = e == encoding::utf8 ? static_cast<std::uint32_t>(n) : (n == 4 ? 2 : 1);
    if (units + u > p.character) break;  // inside a character: its start
    units += u;
    i += n;
  }
  return starts_[p.line] + i;
}

position line_index::to_lsp(std::uint32_t line, std::uint32_t column, encoding e) const {
  if (line == 0) return {};
  const std::uint32_t l = std::min<std::uint32_t>(line - 1, static_cast<std::uint32_t>(starts_.size() - 1));
  const std::string_view text = this->line(l);
  const std::size_t bytes = column == 0 ? 0 : std::min<std::size_t>(column - 1, text.size());
  return {l, code_units(text.substr(0, bytes), e)};
}

std::uint32_t line_index::byte_column(position p, encoding e) const {
  if (p.line >= starts_.size()) return 1;
  return static_cast<std::uint32_t>(offset(p, e) - starts_[p.line]) + 1;
}

}  // namespace annals::lsp
