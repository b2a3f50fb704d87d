#pragma once

// The per-file step of loading: a file's text checked, parsed and built alone, into a
// builder that later joins every file (the cross-file step: timeline_builder::finish).
// load() runs it on each file it reads; the workspace runs it, or its parts, on each file
// that changed.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/load.hpp"
#include "annals/record.hpp"
#include "annals/timeline_builder.hpp"
#include "input/builder.hpp"
#include "input/split.hpp"
#include "input/yaml_stream.hpp"

namespace annals {

/// The YAML limits of one file of `file_bytes`.
yaml_limits limits_of(const load_options& options, std::size_t file_bytes);

/// What stops a text before it is parsed: bad UTF-8, an overlong line, a second
/// document, a lint error. Empty when it may be parsed. `bytes` has LF line breaks.
std::vector<yaml_error> text_problems(std::string_view bytes, const load_options& options);

/// The header of a file whose list was cut out: the file without the list, its lines
/// kept as empty lines so that positions after it stay right. Nullopt when it does not
/// read as a header alone.
std::optional<record> read_header(std::string_view text, const events_split& split, const load_options& options,
                                  run_totals& run);

/// Reads a whole file (any line breaks) into `builder` as origin `origin`: checked, parsed
/// (on several threads when big) and built, its YAML errors kept as the load's stops.
void read_file(timeline_builder& builder, std::uint32_t origin, std::string bytes);

}  // namespace annals
