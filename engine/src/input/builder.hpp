#pragma once

// Turns schema-checked YAML nodes into the model: one event, one header at a time.

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/timeline.hpp"
#include "input/yaml_stream.hpp"

namespace annals {

/// An id used somewhere, checked once every file is loaded.
struct reference {
  enum class target : std::uint8_t { actor, place, source, event };
  target to = target::event;
  symbol id = no_symbol;
  source_pos pos;
};

/// Actors, places and sources known to be defined before events are built (in
/// the headers read so far): references to them need no later check.
struct known_entities {
  std::unordered_set<std::string_view> actors, places, sources;

  bool has(reference::target t, std::string_view id) const;
};

/// What building collects besides the model itself.
struct build_state {
  build_state(timeline& tl, std::vector<diagnostic>& diagnostics) : tl(tl), diagnostics(diagnostics) {}

  timeline& tl;
  std::vector<diagnostic>& diagnostics;
  std::vector<reference> references;
  std::vector<std::pair<std::size_t, std::string>> event_zones;  // event index → `tz` of its date mapping
  std::size_t pieces = 0;                                         // pieces parsed on several threads
  std::unordered_map<symbol, std::size_t> actor_index, place_index, source_index;  // first definitions
  const known_entities* known = nullptr;  // references to these are not recorded

  void report(severity level, std::string code, source_pos pos, std::string message, std::string hint = {});
};

/// Builds an event of file `file` from an `events:` mapping, leaving out the fields in
/// `broken` (those with schema problems, already reported).
void build_event(build_state& state, std::uint32_t file, const ynode& item, const std::vector<std::string_view>& broken);

/// Applies a schema-valid top-level entry (title, reference, actors, ...) to file `file`.
void build_header_entry(build_state& state, std::uint32_t file, const ynode& key, const ynode& value);

}  // namespace annals
