#include "commands/draft_output.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

#include "annals/memory_reader.hpp"
#include "annals/output.hpp"
#include "annals/timeline_builder.hpp"
#include "annals/validate.hpp"
#include "annals/yaml_writer.hpp"
#include "import/into.hpp"

namespace annals {

namespace {

bool has_errors(const std::vector<diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(), [](const diagnostic& d) { return d.level == severity::error; });
}

void sort_by_position(std::vector<diagnostic>& ds, const std::vector<std::string>& order) {
  const auto rank = [&](const std::string& f) { return std::find(order.begin(), order.end(), f) - order.begin(); };
  std::stable_sort(ds.begin(), ds.end(), [&](const diagnostic& a, const diagnostic& b) {
    return std::tuple(rank(a.file), a.line, a.column) < std::tuple(rank(b.file), b.line, b.column);
  });
}

// Every check annals runs, on the draft as its producers made it: each input an origin,
// so that problems point into the inputs (a sheet's row and column).
validation check(const draft& d, const load_options& options, const std::vector<std::string>& order) {
  timeline_builder builder(options);
  for (const draft::input& in : d.inputs) {
    const std::uint32_t origin = builder.add_origin(in.path, in.columns);
    const record& doc = in.document;
    for (std::size_t i = 0; i + 1 < doc.children.size(); i += 2) {
      if (doc.children[i].text == "events") {
        for (const record& e : doc.children[i + 1].children) builder.add_event(origin, e);
      } else {
        builder.add_entry(origin, doc.children[i], doc.children[i + 1]);
      }
    }
  }
  return validate(builder.finish(), order);
}

// The inputs' documents as one: the first input's title, reference and zone; every
// input's actors, places and sources (the first definition of an id), eras and events.
record merged(const draft& d) {
  record out = record::mapping(1, 1);
  for (const draft::input& in : d.inputs) {
    const record& doc = in.document;
    for (std::size_t i = 0; i + 1 < doc.children.size(); i += 2) {
      const record& key = doc.children[i];
      const record& value = doc.children[i + 1];
      record* have = out.get(key.text);
      if (!have) {
        out.children.push_back(key);
        out.children.push_back(value);
      } else if (have->kind == record::type::sequence && value.kind == record::type::sequence) {
        have->children.insert(have->children.end(), value.children.begin(), value.children.end());
      } else if (have->kind == record::type::mapping && value.kind == record::type::mapping) {
        for (std::size_t j = 0; j + 1 < value.children.size(); j += 2) {
          if (!have->get(value.children[j].text)) {
            have->children.push_back(value.children[j]);
            have->children.push_back(value.children[j + 1]);
          }
        }
      }
    }
  }
  // `events:` last, as people write files: the header first.
  for (std::size_t i = 0; i + 1 < out.children.size(); i += 2) {
    if (out.children[i].text != "events") continue;
    std::rotate(out.children.begin() + i, out.children.begin() + i + 2, out.children.end());
    break;
  }
  return out;
}

// The inputs' `reference`s must agree: the merged file has one, and relative dates would
// move under another.
std::optional<std::string> references_disagree(const draft& d) {
  const record* first = nullptr;
  for (const draft::input& in : d.inputs) {
    const record* r = in.document.get("reference");
    if (!r) continue;
    if (!first) first = r;
    else if (r->text != first->text) return "the inputs are read against different references ('" + first->text + "' and '" + r->text + "'): import them one at a time";
  }
  return std::nullopt;
}

}  // namespace

outcome finish_draft(draft& d, const draft_target& target, command_env& env, std::string_view command) {
  std::vector<std::string> order;
  for (const draft::input& in : d.inputs) order.push_back(in.path);
  // The producers' own problems, then every check annals runs on what they made.
  std::vector<diagnostic> found = d.diagnostics;
  if (!has_errors(found)) {
    const validation v = check(d, env.load, order);
    found.insert(found.end(), v.diagnostics.begin(), v.diagnostics.end());
  }
  sort_by_position(found, order);
  for (const diagnostic& x : found) env.err << format_text(x) << '\n';
  if (has_errors(found)) {
    env.err << "annals " << command << ": nothing written\n";
    return outcome::input_error;
  }
  if (const auto why = references_disagree(d)) {
    env.err << usage_message(command, *why);
    return outcome::usage_error;
  }
  const record document = merged(d);
  std::string text;
  std::string written_path = target.output;
  if (!target.into.empty()) {
    read_result existing = env.reader.read(target.into, env.load.max_file_bytes);
    if (existing.error || existing.too_large) {
      env.err << usage_message(command, "cannot read '" + target.into + "' for --into: " +
                                            (existing.error ? *existing.error : std::string("too large")));
      return outcome::usage_error;
    }
    into_result m = merge_into(existing.bytes, document, d.notes);
    if (m.error) {
      env.err << "annals " << command << ": error: cannot merge into '" << display_text(target.into) << "': "
              << display_text(*m.error) << "\nannals " << command << ": nothing written\n";
      return outcome::input_error;
    }
    text = std::move(m.text);
    env.err << "annals " << command << ": " << m.updated << " events updated, " << m.added << " added in "
            << display_text(target.into) << '\n';
    if (written_path.empty()) written_path = target.into;
  } else {
    text = write_yaml(document, d.notes);
  }
  // What is written must load as annals reads files: checked before a byte is written.
  const std::string checked_as = written_path.empty() ? std::string("<output>") : written_path;
  memory_reader reader;
  reader.add(checked_as, text);
  const validation again = validate({checked_as}, reader, env.load);
  if (!again.valid(false)) {
    for (const diagnostic& x : again.diagnostics) {
      if (x.level == severity::error) env.err << format_text(x) << '\n';
    }
    env.err << "annals " << command << ": the file it would write does not validate; nothing written\n";
    return outcome::input_error;
  }
  if (written_path.empty()) {
    env.out << text;
    return outcome::ok;
  }
  std::vector<std::string> inputs = order;
  const write_result w = write_atomically(written_path, [&](std::ostream& o) { o << text; }, inputs);
  if (!w.ok()) {
    env.err << "annals " << command << ": error: " << display_text(*w.error) << '\n';
    return outcome::usage_error;
  }
  return outcome::ok;
}

}  // namespace annals
