// `validate --format github`: a GitHub Actions workflow command per diagnostic, which the
// runner turns into an annotation on the pull request's diff:
//   ::error file=F,line=L,endLine=EL,col=C,endColumn=EC,title=annals CODE::MESSAGE
// (`::warning` for a warning). Properties the diagnostic lacks are left out: no line for a
// whole file, no end for a point. Columns count bytes, as annals' text report does (GitHub
// does not say what its columns count). The message is shown as the text report shows it
// (display_text), then escaped as the format asks; the file is escaped as it is, so that
// the annotation lands on the real file whatever its name.

#include "output/diagnostic_json.hpp"
#include "output/escape.hpp"
#include "output/reports.hpp"

namespace annals {

std::string write_github_report(const std::vector<diagnostic>& ds, const report_context&) {
  std::string out;
  for (const diagnostic& d : ds) {
    std::string properties;
    const auto property = [&](std::string_view name, std::string_view value) {
      properties += properties.empty() ? " " : ",";
      properties += name;
      properties += '=';
      properties += escape_workflow_property(value);
    };
    if (!d.file.empty()) property("file", d.file);
    if (d.line > 0) {
      const auto [end_line, end_column] = range_end(d);
      property("line", std::to_string(d.line));
      if (d.end_line > 0) property("endLine", std::to_string(end_line));
      if (d.column > 0) {
        property("col", std::to_string(d.column));
        if (d.end_line > 0 && end_column > 0) property("endColumn", std::to_string(end_column));
      }
    }
    property("title", "annals " + d.code);
    out += "::";
    out += to_string(d.level);
    out += properties;
    out += "::";
    out += escape_workflow_data(display_text(d.hint.empty() ? d.message : d.message + "; " + d.hint));
    out += '\n';
  }
  return out;
}

}  // namespace annals
