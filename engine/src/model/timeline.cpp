#include "annals/timeline.hpp"

namespace annals {

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
