#include "annals/workspace.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "annals/memory_reader.hpp"
#include "input/yaml_stream.hpp"

namespace annals {

struct workspace::state {
  load_options options;
  std::vector<std::string> paths;
  std::map<std::string, std::string> texts;
  std::map<std::string, file_tree> trees;
  std::optional<validation> checked;
};

namespace {

workspace::file_tree read_tree(std::string_view text) {
  workspace::file_tree tree;
  yaml_sink sink;
  sink.header = [&](record key, record value) {
    tree.header.push_back(std::move(key));
    tree.header.push_back(std::move(value));
  };
  sink.event = [&](record item) { tree.events.push_back(std::move(item)); };
  read_yaml(text, yaml_limits{}, sink);
  return tree;
}

}  // namespace

workspace::workspace(load_options options) : state_(std::make_unique<state>()) { state_->options = std::move(options); }
workspace::~workspace() = default;

void workspace::set(const std::string& path, std::string text) {
  if (!state_->texts.contains(path)) state_->paths.push_back(path);
  state_->trees[path] = read_tree(text);
  state_->texts[path] = std::move(text);
  state_->checked.reset();
}

void workspace::remove(const std::string& path) {
  std::erase(state_->paths, path);
  state_->texts.erase(path);
  state_->trees.erase(path);
  state_->checked.reset();
}

const std::vector<std::string>& workspace::paths() const { return state_->paths; }

const std::string* workspace::text(const std::string& path) const {
  const auto it = state_->texts.find(path);
  return it == state_->texts.end() ? nullptr : &it->second;
}

const workspace::file_tree* workspace::tree(const std::string& path) const {
  const auto it = state_->trees.find(path);
  return it == state_->trees.end() ? nullptr : &it->second;
}

const validation& workspace::check() {
  if (!state_->checked) {
    memory_reader reader;
    for (const auto& [path, text] : state_->texts) reader.add(path, text);
    state_->checked = validate(state_->paths, reader, state_->options);
  }
  return *state_->checked;
}

}  // namespace annals
