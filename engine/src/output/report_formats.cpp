// validate's report formats: the table, the summary, and the two simplest reports.

#include <algorithm>

#include "output/diagnostic_json.hpp"
#include "output/reports.hpp"

namespace annals {

namespace {

constexpr report_format_row report_format_table[] = {
    {report_format::text, "text", "one line per problem: FILE:LINE:COLUMN: error: MESSAGE [CODE]", write_text_report},
    {report_format::json, "json", "one object per problem, with its range", write_json_report},
    {report_format::sarif, "sarif", "SARIF 2.1.0, for code scanning", write_sarif_report, true},
    {report_format::github, "github", "GitHub Actions workflow commands: annotations on the pull request",
     write_github_report},
};

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + ' ' + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

std::span<const report_format_row> report_formats() { return report_format_table; }

const report_format_row* find_report_format(std::string_view name) {
  for (const report_format_row& row : report_format_table) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

std::string report_format_names() {
  std::string out;
  const std::size_t n = std::size(report_format_table);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out += i + 1 == n ? " or " : ", ";
    out += report_format_table[i].name;
  }
  return out;
}

std::string write_report(report_format format, const std::vector<diagnostic>& ds, const report_context& context) {
  for (const report_format_row& row : report_format_table) {
    if (row.format == format) return row.write(ds, context);
  }
  return {};  // every enumerator has its row
}

std::string report_summary(const std::vector<diagnostic>& ds) {
  const std::size_t errors = count(ds, severity::error), warnings = count(ds, severity::warning);
  if (errors == 0 && warnings == 0) return "no problems found\n";
  return plural(errors, "error") + ", " + plural(warnings, "warning") + '\n';
}

std::string report_text(const std::vector<diagnostic>& ds) { return write_text_report(ds, {}) + report_summary(ds); }

std::string write_text_report(const std::vector<diagnostic>& ds, const report_context&) {
  std::string out;
  for (const diagnostic& d : ds) out += format_text(d) + '\n';
  return out;
}

std::string write_json_report(const std::vector<diagnostic>& ds, const report_context& context) {
  const std::size_t errors = count(ds, severity::error), warnings = count(ds, severity::warning);
  std::string out;
  json_writer w(out, json_layout::spaced);
  w.begin_object();
  w.field("valid").boolean(errors == 0 && (!context.strict || warnings == 0));
  w.field("errors").number(static_cast<long long>(errors));
  w.field("warnings").number(static_cast<long long>(warnings));
  w.field("diagnostics").begin_array();
  for (const diagnostic& d : ds) write_diagnostic(w.item(), d);
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace annals
