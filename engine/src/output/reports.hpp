#pragma once

// The writers of validate's report formats, one file each; the table in
// report_formats.cpp names them (annals/validate.hpp).

#include <string>
#include <vector>

#include "annals/validate.hpp"

namespace annals {

/// FILE:LINE:COLUMN: error: MESSAGE; HINT [CODE], one line each.
std::string write_text_report(const std::vector<diagnostic>& ds, const report_context& context);
/// {"valid", "errors", "warnings", "diagnostics": [...]} on one line (SPEC §6).
std::string write_json_report(const std::vector<diagnostic>& ds, const report_context& context);
/// SARIF 2.1.0, one run, a rule per diagnostic code (report_sarif.cpp).
std::string write_sarif_report(const std::vector<diagnostic>& ds, const report_context& context);
/// GitHub Actions workflow commands, one line each (report_github.cpp).
std::string write_github_report(const std::vector<diagnostic>& ds, const report_context& context);

}  // namespace annals
