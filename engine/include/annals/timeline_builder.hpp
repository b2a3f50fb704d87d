#pragma once

// Builds a timeline from code: the one way in for every producer. `load()` hands it each
// YAML file's entries; the importers, `extract` and `normalize` hand it records they made
// from a sheet, a calendar, a query's results or an article. Whatever the producer, a record
// is checked and built as the same entry of a file would be, and every diagnostic points at
// the position the record carries, in its origin (FILE:ROW:COLUMN for a sheet).

#include <cstdint>
#include <memory>
#include <string>

#include "annals/load.hpp"
#include "annals/record.hpp"

namespace annals {

class timeline_builder {
 public:
  explicit timeline_builder(load_options options = {});
  ~timeline_builder();
  timeline_builder(const timeline_builder&) = delete;
  timeline_builder& operator=(const timeline_builder&) = delete;

  /// What a position's column counts: characters of a line, or cells of a sheet's row
  /// (a date that stops reading at its 14th character is then still at its cell).
  enum class columns : std::uint8_t { characters, cells };
  /// A new origin (a file, a sheet, a stream) that positions are in; returns its index.
  std::uint32_t add_origin(std::string path, columns counted = columns::characters);
  /// A top-level entry of an origin, as a file has them: `title`, `reference`,
  /// `timezone`, `actors`, `places`, `sources`, `eras`... Entries are checked together,
  /// as one file's header, when the timeline is finished.
  void add_entry(std::uint32_t origin, record key, record value);
  /// An event, checked against the schema and built as an item of `events:` is.
  void add_event(std::uint32_t origin, const record& event);
  /// A problem the producer found itself (an unreadable row), reported with the rest.
  void report(diagnostic d);

  /// Checks each origin's entries, reads every date against its origin's reference
  /// and zone, and checks references across origins (duplicate-id, unknown-reference).
  load_result finish();

  struct state;  // what load() reaches for its file reading on several threads
  state& internal();

 private:
  std::unique_ptr<state> state_;
};

}  // namespace annals
