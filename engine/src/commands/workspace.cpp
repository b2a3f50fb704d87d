#include "annals/workspace.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "annals/timeline_builder.hpp"
#include "input/builder.hpp"
#include "input/encoding.hpp"
#include "input/file_parts.hpp"
#include "input/file_read.hpp"

namespace annals {

namespace {

// A file as the per-file step left it.
struct file_state {
  std::string text;                  // as set
  std::string parsed;                // with LF line breaks: what positions count in
  std::vector<yaml_error> problems;  // what stopped it before parsing
  std::optional<file_parts> parts;   // its header and items; none: read whole at each check
  file_parts whole;                  // without parts: its trees, as far as they read
  workspace::file_tree tree;         // what the editor asks for: in `parts`, or in `whole`
};

file_parts whole_tree(std::string_view text, const load_options& options) {
  file_parts tree;
  yaml_sink sink;
  sink.header = [&](record key, record value) {
    tree.header.children.push_back(std::move(key));
    tree.header.children.push_back(std::move(value));
  };
  sink.event = [&](record item) { tree.items.push_back(std::move(item)); };
  std::size_t alias_bytes = 0;
  yaml_limits limits = limits_of(options, text.size());
  limits.max_alias_bytes = options.alias_memory_base + options.alias_memory_per_byte * text.size();
  limits.alias_bytes = &alias_bytes;
  read_yaml(text, limits, sink);
  return tree;
}

}  // namespace

struct workspace::state {
  load_options options;
  std::vector<std::string> paths;
  std::map<std::string, file_state, std::less<>> files;
  std::optional<validation> checked;
};

workspace::workspace(load_options options) : state_(std::make_unique<state>()) { state_->options = std::move(options); }
workspace::~workspace() = default;

// The per-file step: checked and parsed alone, the unchanged items of its last reading kept.
void workspace::set(const std::string& path, std::string text) {
  state& st = *state_;
  auto [it, added] = st.files.try_emplace(path);
  if (added) st.paths.push_back(path);
  file_state& f = it->second;
  if (!added && f.text == text) return;
  const std::string before_text = std::exchange(f.parsed, text);
  normalize_line_breaks(f.parsed);
  f.text = std::move(text);
  f.problems = text_problems(f.parsed, st.options);
  std::optional<file_parts> before = std::exchange(f.parts, std::nullopt);
  if (f.problems.empty()) f.parts = read_parts(f.parsed, st.options, before ? &*before : nullptr, before_text);
  f.whole = f.parts || !f.problems.empty() ? file_parts{} : whole_tree(f.parsed, st.options);
  const file_parts& trees = f.parts ? *f.parts : f.whole;
  f.tree = {trees.header.children, trees.items};
  st.checked.reset();
}

void workspace::remove(const std::string& path) {
  if (state_->files.erase(path) == 0) return;
  std::erase(state_->paths, path);
  state_->checked.reset();
}

const std::vector<std::string>& workspace::paths() const { return state_->paths; }

const std::string* workspace::text(const std::string& path) const {
  const auto it = state_->files.find(path);
  return it == state_->files.end() ? nullptr : &it->second.text;
}

const workspace::file_tree* workspace::tree(const std::string& path) const {
  const auto it = state_->files.find(path);
  return it == state_->files.end() ? nullptr : &it->second.tree;
}

// The cross-file step, over every file's parts: built, joined, ordered and checked.
const validation& workspace::check() {
  state& st = *state_;
  if (st.checked) return *st.checked;
  timeline_builder builder(st.options);
  for (const std::string& path : st.paths) {
    const file_state& f = st.files.find(path)->second;
    const std::uint32_t origin = builder.add_origin(path);
    if (!f.problems.empty()) {
      for (const yaml_error& e : f.problems) builder.report({severity::error, e.code, path, e.line, e.column, e.message, e.hint});
    } else if (f.parts) {  // as load() reads a file whole: its events, then its header
      timeline_builder::state& inside = builder.internal();
      for (std::size_t i = 0; i < f.parts->items.size(); ++i) take_event(inside.build, origin, f.parts->items[i], i);
      inside.run.events += f.parts->items.size();
      take_header(inside.build, origin, f.parts->header);
    } else {
      read_file(builder, origin, f.parsed);
    }
  }
  st.checked = validate(builder.finish(), st.paths);
  for (const auto& [path, f] : st.files) add_ranges(st.checked->diagnostics, path, f.parsed);
  return *st.checked;
}

}  // namespace annals
