#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/load.hpp"
#include "annals/order.hpp"

namespace annals {

/// Every check of `annals validate`, in one run.
struct validation {
  load_result loaded;      // the timeline and the loader's diagnostics
  chronology chron;        // the events in order, their links propagated
  std::vector<diagnostic> diagnostics;  // every check's, sorted by file, line and column
  bool valid(bool strict) const;
};

/// Runs every check on a timeline however it was built (`order`: its origins, in the
/// order their diagnostics are sorted in).
validation validate(load_result loaded, const std::vector<std::string>& order);

/// Loads the files and runs every check: schema, references, dates, links, claims.
validation validate(const std::vector<std::string>& paths, file_reader& reader, const load_options& options);

/// The formats `annals validate` writes its report in: one row each, the only list of them
/// (help, completions, the man page and the tests read it).
enum class report_format : std::uint8_t { text, json, sarif, github };
struct report_format_row {
  report_format format;
  std::string_view name, description;
};
std::span<const report_format_row> report_formats();
/// The row named `name`, or null.
const report_format_row* find_report_format(std::string_view name);

/// Text report: one line per diagnostic, then a summary line.
std::string report_text(const std::vector<diagnostic>& ds);

/// JSON report: {"valid", "errors", "warnings", "diagnostics": [...]}.
std::string report_json(const std::vector<diagnostic>& ds, bool strict);

}  // namespace annals
