#include "annals/validate.hpp"

#include <algorithm>
#include <utility>

#include "annals/claims.hpp"
#include "annals/incidents.hpp"
#include "annals/lifespans.hpp"
#include "output/escape.hpp"

namespace annals {

bool validation::valid(bool strict) const {
  return !loaded.io_failed && count(diagnostics, severity::error) == 0 &&
         (!strict || count(diagnostics, severity::warning) == 0);
}

namespace {

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + ' ' + std::string(word) + (n == 1 ? "" : "s");
}

// A YAML error stops the reading of its file, whose header (zone, reference, actors,
// places, sources) is then unused: the file's other problems may all follow from it
// (a time without a zone, an unknown source, ...). The error is reported alone, and
// the number of the others it hides is said in its hint, after its own.
void summarise_stops(std::vector<diagnostic>& ds, const std::vector<diagnostic>& stops) {
  std::vector<std::string_view> done;
  for (const diagnostic& stop : stops) {
    const std::string& file = stop.file;
    if (std::find(done.begin(), done.end(), file) != done.end()) continue;  // its hint has the count
    done.push_back(file);
    auto is_stop = [&](const diagnostic& d) {
      return std::find(stops.begin(), stops.end(), d) != stops.end();
    };
    std::size_t errors = 0, warnings = 0;
    std::erase_if(ds, [&](const diagnostic& d) {
      if (d.file != file || is_stop(d)) return false;
      ++(d.level == severity::error ? errors : warnings);
      return true;
    });
    if (errors + warnings == 0) continue;
    // The file's last stop carries the count (yaml-cpp stops at the first: there is one).
    const auto last = std::find_if(ds.rbegin(), ds.rend(), [&](const diagnostic& d) { return d.file == file && is_stop(d); });
    std::string hidden = errors ? plural(errors, "more error") : "";
    if (warnings) hidden += (errors ? " and " : "") + plural(warnings, warnings && !errors ? "more warning" : "warning");
    const bool one = errors + warnings == 1;
    std::string& hint = last->hint;
    hint += (hint.empty() ? "" : "; ") + hidden + " in this file " + (one ? "is" : "are") + " not listed: " +
            (one ? "it" : "they") + " may follow from this one, which stopped the reading of the file";
  }
}

}  // namespace

namespace {

constexpr report_format_row report_format_table[] = {
    {report_format::text, "text", "one line per problem: FILE:LINE:COLUMN: error: MESSAGE [CODE]"},
    {report_format::json, "json", "one object per problem, with its range"},
    {report_format::sarif, "sarif", "SARIF 2.1.0, for code scanning"},
    {report_format::github, "github", "GitHub Actions workflow commands: annotations on the pull request"},
};

}  // namespace

std::span<const report_format_row> report_formats() { return report_format_table; }

const report_format_row* find_report_format(std::string_view name) {
  for (const report_format_row& row : report_format_table) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

validation validate(load_result loaded, const std::vector<std::string>& order) {
  validation v;
  v.loaded = std::move(loaded);
  v.diagnostics = v.loaded.diagnostics;
  v.chron = order_events(v.loaded.tl, v.diagnostics);
  check_claims(v.loaded.tl, v.chron, v.diagnostics);
  check_lifespans(v.loaded.tl, v.chron, v.diagnostics);
  check_milestones(v.loaded.tl, v.chron, v.diagnostics);
  // Files in the order given, then by position: the order a reader fixes them in.
  auto file_rank = [&](const std::string& f) {
    return std::find(order.begin(), order.end(), f) - order.begin();
  };
  std::stable_sort(v.diagnostics.begin(), v.diagnostics.end(), [&](const diagnostic& a, const diagnostic& b) {
    return std::tuple(file_rank(a.file), a.line, a.column) < std::tuple(file_rank(b.file), b.line, b.column);
  });
  summarise_stops(v.diagnostics, v.loaded.stops);
  return v;
}

validation validate(const std::vector<std::string>& paths, file_reader& reader, const load_options& options) {
  validation v = validate(load(paths, reader, options), paths);
  add_ranges(v.diagnostics, reader, options);
  return v;
}

std::string report_text(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const diagnostic& d : ds) out += format_text(d) + '\n';
  const std::size_t errors = count(ds, severity::error), warnings = count(ds, severity::warning);
  if (errors == 0 && warnings == 0) {
    out += "no problems found\n";
  } else {
    out += plural(errors, "error") + ", " + plural(warnings, "warning") + '\n';
  }
  return out;
}

std::string report_json(const std::vector<diagnostic>& ds, bool strict) {
  const std::size_t errors = count(ds, severity::error), warnings = count(ds, severity::warning);
  const bool valid = errors == 0 && (!strict || warnings == 0);
  std::string out = "{\"valid\": ";
  out += valid ? "true" : "false";
  out += ", \"errors\": " + std::to_string(errors) + ", \"warnings\": " + std::to_string(warnings) +
         ", \"diagnostics\": [";
  for (std::size_t i = 0; i < ds.size(); ++i) {
    const diagnostic& d = ds[i];
    if (i) out += ", ";
    out += "{\"file\": " + json_string(display_text(d.file)) + ", \"line\": " + std::to_string(d.line) +
           ", \"column\": " + std::to_string(d.column) + ", \"severity\": " +
           json_string(to_string(d.level)) + ", \"code\": " + json_string(d.code) +
           ", \"message\": " + json_string(display_text(d.hint.empty() ? d.message : d.message + "; " + d.hint)) + "}";
  }
  out += "]}\n";
  return out;
}

}  // namespace annals
