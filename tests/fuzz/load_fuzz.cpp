// libFuzzer target: the whole loader and validator on arbitrary bytes (one file,
// read through the in-memory reader), then what the commands do with a valid load:
// gaps, why/effects, and both report formats. Nothing may crash, hang or leak, and
// the reports must be well formed.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "annals/causes.hpp"
#include "annals/gaps.hpp"
#include "annals/memory_reader.hpp"
#include "annals/validate.hpp"
#include "annals/workspace.hpp"
#include "fuzz_check.hpp"

namespace {

// The diagnostics point into the file: 1-based, at most one line past the last. A line
// ends at LF, CRLF or a lone CR, as YAML counts them.
void check_positions(const annals::validation& v, std::string_view text) {
  std::uint32_t lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
  }
  for (const annals::diagnostic& d : v.diagnostics) {
    FUZZ_CHECK(d.file == "input");
    FUZZ_CHECK(!d.code.empty() && !d.message.empty());
    if (d.line == 0) continue;  // a whole-file problem
    FUZZ_CHECK(d.line <= lines);
    FUZZ_CHECK(d.column >= 1);
    // A range, when there is one, ends after its start.
    FUZZ_CHECK(d.end_line == 0 || d.end_line > d.line || (d.end_line == d.line && d.end_column > d.column));
  }
}

// What the editor's workspace reports on a text is what validate reports, and after an
// edit (a line taken out, the parts before and after it kept), what validate reports on
// the edited text: reading only what changed never changes the findings.
void check_workspace(const annals::validation& v, std::string_view text, const annals::load_options& options) {
  annals::workspace ws(options);
  ws.set("input", std::string(text));
  FUZZ_CHECK(ws.check().diagnostics == v.diagnostics);
  const std::size_t cut = text.find('\n', text.size() / 2);
  if (cut == std::string_view::npos) return;
  const std::size_t line_start = text.rfind('\n', cut == 0 ? 0 : cut - 1);
  std::string edited(text.substr(0, line_start == std::string_view::npos ? 0 : line_start + 1));
  edited += text.substr(cut + 1);
  ws.set("input", edited);
  annals::memory_reader reader;
  reader.add("input", edited);
  FUZZ_CHECK(ws.check().diagnostics == annals::validate({"input"}, reader, options).diagnostics);
}

// The chronology orders every event exactly once.
void check_order(const annals::validation& v) {
  const std::size_t n = v.loaded.tl.events.size();
  FUZZ_CHECK(v.chron.order.size() == n);
  std::vector<bool> seen(n, false);
  for (std::uint32_t i : v.chron.order) {
    FUZZ_CHECK(i < n && !seen[i]);
    seen[i] = true;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  const std::string_view text = annals::fuzz::as_text(data, size);
  annals::memory_reader reader;
  reader.add("input", std::string(text));
  annals::load_options options;
  options.reference = annals::fuzz::reference;
  const annals::validation v = annals::validate({"input"}, reader, options);

  check_positions(v, text);
  check_workspace(v, text, options);
  const std::string report = annals::report_text(v.diagnostics);
  FUZZ_CHECK(!report.empty() && report.back() == '\n');
  // Every report format: the JSON ones parse, with a diagnostic or result each; github
  // writes one command line each, whatever the messages hold.
  const std::string input(text);
  annals::report_context context;
  context.text = [&](const std::string& file) { return file == "input" ? &input : nullptr; };
  const auto json = nlohmann::json::parse(annals::write_report(annals::report_format::json, v.diagnostics, context), nullptr, false);
  FUZZ_CHECK(!json.is_discarded());
  FUZZ_CHECK(json.at("diagnostics").size() == v.diagnostics.size());
  const auto sarif = nlohmann::json::parse(annals::write_report(annals::report_format::sarif, v.diagnostics, context), nullptr, false);
  FUZZ_CHECK(!sarif.is_discarded());
  FUZZ_CHECK(sarif.at("runs").at(0).at("results").size() == v.diagnostics.size());
  const std::string github = annals::write_report(annals::report_format::github, v.diagnostics, context);
  FUZZ_CHECK(static_cast<std::size_t>(std::count(github.begin(), github.end(), '\n')) == v.diagnostics.size());
  if (!v.valid(false)) return 0;  // the commands below run only on valid input

  check_order(v);
  const annals::timeline& tl = v.loaded.tl;
  annals::gap_options by_all;
  by_all.by = {annals::series_key::kind, annals::series_key::actor, annals::series_key::place,
               annals::series_key::tag};
  by_all.quiet = annals::parse_duration("1 year");
  const auto gaps = annals::find_gaps(tl, v.chron, by_all);
  (void)annals::format_gaps_text(gaps, tl);
  FUZZ_CHECK(!nlohmann::json::parse(annals::format_gaps_json(gaps, tl), nullptr, false).is_discarded());
  if (!tl.events.empty()) {
    for (const auto direction : {annals::causal_direction::causes, annals::causal_direction::effects}) {
      const auto tree = annals::trace_causal(tl, v.chron.order.front(), direction, v.chron);
      (void)annals::format_causal_text(tl, tree, v.chron);
      FUZZ_CHECK(!nlohmann::json::parse(annals::format_causal_json(tl, tree), nullptr, false).is_discarded());
    }
  }
  return 0;
}
