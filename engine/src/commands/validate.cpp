#include "annals/validate.hpp"

#include <algorithm>
#include <map>
#include <new>
#include <optional>
#include <ostream>
#include <utility>

#include "annals/claims.hpp"
#include "annals/commands.hpp"
#include "annals/incidents.hpp"
#include "annals/lifespans.hpp"

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

namespace {

// Keeps the bytes of every file it reads, for a report that reads the offending lines
// (SARIF): standard input cannot be read twice, and a file read again might have changed.
class keeping_reader final : public file_reader {
 public:
  explicit keeping_reader(file_reader& inner) : inner_(inner) {}
  read_result read(const std::string& path, std::size_t max_bytes) override {
    read_result r = inner_.read(path, max_bytes);
    if (!r.error && !r.too_large) texts_.insert_or_assign(path, r.bytes);
    return r;
  }
  read_result read_beneath(const std::string& root, const std::string& relative, std::size_t max_bytes) override {
    return inner_.read_beneath(root, relative, max_bytes);
  }
  const std::string* text(const std::string& path) const {
    const auto at = texts_.find(path);
    return at == texts_.end() ? nullptr : &at->second;
  }

 private:
  file_reader& inner_;
  std::map<std::string, std::string> texts_;
};

}  // namespace

// The report alone on standard output, so that it can be piped or uploaded whole; the
// summary on standard error, in every format.
outcome run_validate(const validate_args& args, command_env& env) try {
  const auto usage = [&](const std::string& message) {
    env.err << usage_message("validate", message);
    return outcome::usage_error;
  };
  const report_format_row* format = find_report_format(args.format);
  if (!format) return usage("unknown format '" + args.format + "'; the formats are " + report_format_names());
  if (args.files.empty()) return usage("validate needs at least one FILE");
  report_context context;
  context.strict = args.strict;
  std::optional<keeping_reader> keeping;
  if (format->reads_text) {
    keeping.emplace(env.reader);
    context.text = [&](const std::string& file) { return keeping->text(file); };
  }
  const validation v = validate(args.files, keeping ? static_cast<file_reader&>(*keeping) : env.reader, env.load);
  env.out << format->write(v.diagnostics, context);
  env.err << report_summary(v.diagnostics);
  if (v.loaded.io_failed) return outcome::usage_error;
  return v.valid(args.strict) ? outcome::ok : outcome::input_error;
} catch (const std::bad_alloc&) {
  return out_of_memory("validate", env.err);
}

}  // namespace annals
