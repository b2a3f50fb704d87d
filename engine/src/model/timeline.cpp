#include "annals/timeline.hpp"

namespace annals {

namespace {
// As the YAML writes them; the schema's enums list the same words.
constexpr std::string_view action_kinds[] = {"", "mitigate", "prevent", "process"};
constexpr std::string_view action_states[] = {"", "open", "in progress", "done"};
constexpr std::string_view audiences[] = {"customer", "internal"};
}  // namespace

std::string_view to_string(action_item::kind k) { return action_kinds[static_cast<std::size_t>(k)]; }
std::string_view to_string(action_item::state s) { return action_states[static_cast<std::size_t>(s)]; }
std::string_view to_string(status_update::audience a) { return audiences[static_cast<std::size_t>(a)]; }

std::optional<std::size_t> timeline::find_event(symbol id) const {
  if (id >= event_index_.size() || event_index_[id] == 0) return std::nullopt;
  return event_index_[id] - 1;
}

std::optional<std::size_t> timeline::find_event(std::string_view id) const {
  if (auto s = names.find(id)) return find_event(*s);
  return std::nullopt;
}

diagnostic timeline::finding(source_pos pos, severity level, std::string code, std::string message) const {
  diagnostic d;
  d.level = level;
  d.code = std::move(code);
  d.file = pos.file < files.size() ? file_of(pos) : std::string{};
  d.line = pos.line;
  d.column = pos.column;
  d.message = std::move(message);
  return d;
}

void timeline::index_events() {
  event_index_.assign(names.size(), 0);
  // The first event of an id wins; duplicates are reported by the loader.
  for (std::size_t i = events.size(); i-- > 0;) {
    if (events[i].id != no_symbol) event_index_[events[i].id] = static_cast<std::uint32_t>(i + 1);
  }
}

}  // namespace annals
