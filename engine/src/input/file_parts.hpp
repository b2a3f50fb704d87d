#pragma once

// A file read as parts: its header, and each item of its `events:` list parsed alone. A new
// text of the file re-parses only the items whose text changed (an editor's one-line change
// in a file of 10,000 events parses one event); the others are kept, moved to their new lines.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/load.hpp"
#include "annals/record.hpp"

namespace annals {

struct file_parts {
  record header;                            // its top-level entries, a mapping (`events: []`)
  std::vector<record> items;                // the items of `events:`, at their lines
  std::vector<std::size_t> item_begin;      // each item's bytes in the text read, for the next
  std::vector<std::size_t> item_end;        //   reading to compare with
  std::vector<std::uint32_t> item_lines;    // the line each item starts on
};

/// `text` (LF line breaks, free of text_problems) read as parts. The items that `before`
/// (read from `before_text`) has unchanged, before and after the changed stretch, are
/// moved from it, not parsed. Nullopt when `text` cannot be read in parts (its list cannot
/// be cut, or a part does not parse alone): it is then read whole.
std::optional<file_parts> read_parts(std::string_view text, const load_options& options, file_parts* before,
                                     std::string_view before_text);

}  // namespace annals
