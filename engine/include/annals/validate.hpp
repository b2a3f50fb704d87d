#pragma once

#include <cstdint>
#include <functional>
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

/// What a report is written from besides its diagnostics.
struct report_context {
  bool strict = false;  // warnings fail too: json's "valid"
  /// The bytes of a file the diagnostics name, or null when they are not at hand. SARIF
  /// reads the offending lines: its columns count UTF-16 code units, and its fingerprints
  /// hash the line's text.
  std::function<const std::string*(const std::string& file)> text;
};

/// The formats `annals validate` writes its report in: one row each, the only list of them
/// (help, completions, the man page and the tests read it).
enum class report_format : std::uint8_t { text, json, sarif, github };
struct report_format_row {
  report_format format;
  std::string_view name, description;
  /// The report: what goes to standard output (the summary is not part of it).
  std::string (*write)(const std::vector<diagnostic>& ds, const report_context& context);
  bool reads_text = false;  // whether `write` reads the files' text (report_context::text)
};
std::span<const report_format_row> report_formats();
/// The row named `name`, or null.
const report_format_row* find_report_format(std::string_view name);
/// The formats' names for a message: "text, json, sarif or github".
std::string report_format_names();

/// The report of `ds` in `format`; the summary is not part of it (report_summary).
std::string write_report(report_format format, const std::vector<diagnostic>& ds, const report_context& context = {});

/// The line that sums a run up, for standard error: "no problems found", or
/// "2 errors, 1 warning".
std::string report_summary(const std::vector<diagnostic>& ds);

/// The text report as a terminal shows it: one line per diagnostic, then the summary.
std::string report_text(const std::vector<diagnostic>& ds);

}  // namespace annals
