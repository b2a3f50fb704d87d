#pragma once

#include <cstdint>

namespace annals {

/// A 1-based position in a loaded file; `file` indexes the timeline's file table.
struct source_pos {
  std::uint32_t file = 0;
  std::uint32_t line = 0;    // 1-based; 0 when unknown
  std::uint32_t column = 0;  // 1-based; 0 when unknown

  friend bool operator==(const source_pos&, const source_pos&) = default;
};

}  // namespace annals
