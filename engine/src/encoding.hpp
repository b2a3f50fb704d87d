#pragma once

// The byte-level checks made before YAML parsing: UTF-8 only, no NUL bytes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace annals {

struct encoding_error {
  std::string message;
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in characters
};

/// The first encoding problem of a file's bytes, if any.
std::optional<encoding_error> check_encoding(std::string_view bytes);

}  // namespace annals
