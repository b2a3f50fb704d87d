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

/// The first encoding problem of a file's bytes, if any: not UTF-8 (UTF-16 and UTF-32
/// are named), a NUL, a character YAML does not allow in a stream (C0 controls but tab,
/// LF and CR; DEL; C1 but NEL; U+FFFE, U+FFFF), or a byte order mark past the start.
std::optional<encoding_error> check_encoding(std::string_view bytes);

/// How many leading bytes are valid as check_encoding sees them (a sequence cut at
/// the end counts as invalid): a reader of a stream checks each chunk as it arrives.
std::size_t valid_prefix(std::string_view bytes);

/// Line ends as YAML reads them: a lone CR is a line break too (YAML 1.2 5.4), but
/// yaml-cpp sees none, so each lone CR becomes LF in place (offsets stay).
void normalize_line_breaks(std::string& bytes);

}  // namespace annals
