#pragma once

// Turns schema-checked YAML nodes into the model: one event, one header at a time.

#include <string>
#include <utility>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/timeline.hpp"
#include "annals/timeline_builder.hpp"
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
  std::vector<bool> cells;  // by origin: its columns are a sheet's cells, not characters

  /// `pos` moved `offset` characters into the text it points at, when its origin counts characters.
  source_pos within(source_pos pos, std::size_t offset) const;

  void report(severity level, std::string code, source_pos pos, std::string message, std::string hint = {});
};

/// What the files of a run have used so far of the limits that hold for all of them.
struct run_totals {
  std::size_t events = 0;       // events read, for the event limit
  std::size_t bytes = 0;        // bytes of the files read so far, this one included
  std::size_t alias_bytes = 0;  // bytes copied by anchors and aliases
};

/// A timeline being built, whoever feeds it.
struct timeline_builder::state {
  explicit state(load_options options) : options(std::move(options)) {}

  load_options options;
  load_result result;
  build_state build{result.tl, result.diagnostics};
  run_totals run;
  std::vector<record> headers;             // each origin's entries, a mapping, checked at the end
  std::vector<std::size_t> events_of;      // each origin's events so far: their index in the schema's pointers
};

/// Checks one item of `events:` against the schema, then builds it as far as it can be.
void take_event(build_state& state, std::uint32_t file, const record& item, std::size_t index);
/// Checks the header entries of a file and builds them.
void take_header(build_state& state, std::uint32_t file, const record& header);

/// Builds an event of file `file` from an `events:` mapping, leaving out the fields in
/// `broken` (those with schema problems, already reported).
void build_event(build_state& state, std::uint32_t file, const record& item, const std::vector<std::string_view>& broken);

/// Applies a schema-valid top-level entry (title, reference, actors, ...) to file `file`.
void build_header_entry(build_state& state, std::uint32_t file, const record& key, const record& value);

}  // namespace annals
