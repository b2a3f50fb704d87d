#pragma once

// `--into`: a draft merged into an annals file as a person would edit it. Events whose id
// the file has are replaced where they stand; new events go at the end of its `events:`
// list; new actors, places and sources at the end of their mappings. Everything else —
// comments, order, blank lines, the header — is left as it was.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/record.hpp"

namespace annals {

struct into_result {
  std::string text;                  // the merged file
  std::optional<std::string> error;  // why it cannot be merged (the file's list is not a block list)
  std::size_t updated = 0, added = 0;
};

/// Merges `document` (a draft's header entries and `events:`, with `notes`) into `existing`.
into_result merge_into(std::string_view existing, const record& document, const std::vector<std::string>& notes);

}  // namespace annals
