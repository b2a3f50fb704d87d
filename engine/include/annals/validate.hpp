#pragma once

#include <string>
#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/load.hpp"

namespace annals {

/// Every check of `annals validate`, in one run.
struct validation {
  load_result loaded;  // the timeline and the loader's diagnostics
  std::vector<diagnostic> diagnostics;  // all of them, sorted by file, line and column
  bool valid(bool strict) const;
};

/// Loads the files and runs every check: schema, references, dates, links, claims.
validation validate(const std::vector<std::string>& paths, file_reader& reader, const load_options& options);

/// Text report: one line per diagnostic, then a summary line.
std::string report_text(const std::vector<diagnostic>& ds);

/// JSON report: {"valid", "errors", "warnings", "diagnostics": [...]}.
std::string report_json(const std::vector<diagnostic>& ds, bool strict);

}  // namespace annals
