#pragma once

// Where a position of an event file is, read from its text alone: the keys from the top of
// the file down to it, and whether a key or a value is written there. Read from the
// text, not the parsed tree, so it holds while a file is broken mid-edit. Hover,
// completion and go-to-definition start from it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/positions.hpp"

namespace annals::lsp {

/// What kind of thing an id names.
enum class id_kind : unsigned char { none, event, actor, place, source };
/// "event", "actor", "place", "source".
std::string_view to_string(id_kind k);

/// A path into the YAML: mapping keys, and "-" for an item of a sequence.
using yaml_path = std::vector<std::string>;

struct context {
  yaml_path path;       // down to the node at the position (a value: its key last)
  bool at_key = false;  // a key of the mapping `path` is written here
  std::string word;     // the id-like word under the position ("" when none)
  std::uint32_t line = 0;        // 0-based
  std::uint32_t word_start = 0;  // its bytes on the line, [start, end), 0-based
  std::uint32_t word_end = 0;
};

/// The context of byte `column` (0-based) of 0-based `line`.
context context_at(const line_index& lines, std::uint32_t line, std::uint32_t column);

/// The kind of id written at `path` (`at_key`: as a key of that mapping); `defines`: it
/// is where the id is defined (an event's `id`, a key of `actors`, `places`, `sources`).
id_kind id_at(const yaml_path& path, bool at_key, bool* defines = nullptr);

/// The byte just past the scalar that starts at byte `from` of `line` (0-based): a quoted
/// scalar to its closing quote, a plain one to where YAML ends it (`: `, ` #`, and in a
/// flow collection `,` `]` `}`).
std::size_t scalar_end(std::string_view line, std::size_t from);

}  // namespace annals::lsp
