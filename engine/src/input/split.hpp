#pragma once

// Finds where a file's block-style `events:` list can be cut into pieces that
// parse on their own, so that big files parse on every core.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace annals {

/// The top-level `events:` block sequence of a file, by byte offsets.
struct events_split {
  std::size_t key_end = 0;         // just after `events:` (the header text keeps up to here)
  std::size_t begin = 0;           // the first item's line
  std::size_t end = 0;             // just after the last line of the list
  std::uint32_t first_line = 0;    // 1-based line of `begin`
  std::vector<std::size_t> items;  // the offset of each item's line ("  - ...")
  std::vector<std::uint32_t> item_lines;  // and its 1-based line
};

/// The items of the top-level `events:` list when it is a block sequence that can
/// be cut safely; nullopt when it cannot (flow style, anchors or aliases, tabs,
/// directives or documents markers, unusual indentation), and the file is read whole.
/// A cut inside a multi-line quoted scalar is caught when a piece fails to parse.
std::optional<events_split> split_events(std::string_view text);

}  // namespace annals
