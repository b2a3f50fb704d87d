#include <new>
#include <ostream>

#include "annals/commands.hpp"
#include "commands/draft_output.hpp"
#include "import/importers.hpp"

namespace annals {

namespace {

outcome usage(command_env& env, std::string_view message) {
  env.err << usage_message("import", message);
  return outcome::usage_error;
}

std::string format_names() {
  std::string names;
  for (const importer& i : importers()) names += (names.empty() ? "" : ", ") + std::string(i.name);
  return names;
}

// --map date=When,title=Headline: the pairs in order; nullopt when one has no '='.
std::optional<std::vector<std::pair<std::string, std::string>>> read_map(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size()) return std::nullopt;
    pairs.emplace_back(std::string(item.substr(0, eq)), std::string(item.substr(eq + 1)));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return pairs;
}

}  // namespace

std::vector<import_format> import_formats() {
  std::vector<import_format> out;
  for (const importer& i : importers()) out.push_back({i.name, i.description});
  return out;
}

outcome run_import(const import_args& args, command_env& env) try {
  const importer* format = find_importer(args.format);
  if (args.format.empty()) return usage(env, "import needs a FORMAT: " + format_names());
  if (!format) return usage(env, "unknown format '" + args.format + "'; the formats are " + format_names());
  if (args.files.empty()) return usage(env, "import needs at least one FILE");
  if (args.group_as != "kind" && args.group_as != "actor") return usage(env, "--group-as takes kind or actor");
  import_options options;
  options.reference = args.reference;
  options.group_as = args.group_as;
  if (!args.map.empty()) {
    const auto map = read_map(args.map);
    if (!map) return usage(env, "--map takes field=Column pairs separated by commas, such as date=When,title=Headline");
    options.map = *map;
  }
  draft d;
  for (const std::string& path : args.files) {
    read_result r = env.reader.read(path, env.load.max_file_bytes);
    if (r.error || r.too_large) {
      env.err << usage_message("import", "cannot read '" + path + "': " + (r.error ? *r.error : std::string("too large")));
      return outcome::usage_error;
    }
    draft::input& in = d.inputs.emplace_back();
    in.path = path;
    format->read(r.bytes, options, in, d);
  }
  return finish_draft(d, {args.output, args.into}, env, "import");
} catch (const std::bad_alloc&) {
  return out_of_memory("import", env.err);
}

}  // namespace annals
