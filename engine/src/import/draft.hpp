#pragma once

// A chronology drafted from other inputs (a sheet, a calendar, a query's results, an
// article), before it is checked and written as annals YAML: what every importer,
// `extract` and the `--into` merge share.

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "annals/diagnostic.hpp"
#include "annals/record.hpp"
#include "annals/timeline_builder.hpp"

namespace annals {

struct draft {
  /// One input: its path, what its columns count, and the document made of it (a mapping
  /// of header entries and `events: [...]`), every node at its position in the input.
  struct input {
    std::string path;
    timeline_builder::columns columns = timeline_builder::columns::characters;
    record document = record::mapping(1, 1);

    /// The document's `events:` list, made on first use.
    record& events();
    /// The document's mapping entry `key` (actors, places, sources), made on first use.
    record& entities(std::string_view key);
  };

  std::vector<input> inputs;
  std::vector<std::string> notes;       // record::note k is notes[k - 1]: comments in the YAML written
  std::vector<diagnostic> diagnostics;  // the producer's own: an error stops the writing, warnings are shown
  std::set<std::string, std::less<>> ids;  // every id given so far, across inputs

  /// Adds a comment; returns its number for record::note.
  std::uint32_t note(std::string text);
  void error(const input& in, std::uint32_t line, std::uint32_t column, std::string code, std::string message,
             std::string hint = {});
  void warning(const input& in, std::uint32_t line, std::uint32_t column, std::string code, std::string message,
               std::string hint = {});
  /// An id made from `wanted` (any text: "Putin visits Tehran" -> putin-visits-tehran),
  /// not given before in this draft (a -2, -3... suffix); `fallback` when nothing is left.
  std::string unique_id(std::string_view wanted, std::string_view fallback = "event");
  /// `wanted` when it is a valid id not given before (kept, as an importer keeps a
  /// producer's own ids), else unique_id(wanted).
  std::string keep_id(std::string_view wanted, std::string_view fallback = "event");

 private:
  std::string unique_slug(std::string base, std::string_view fallback);
};

/// Where a checked draft goes.
struct draft_target {
  std::string output;  // -o: written atomically; "" = standard output
  std::string into;    // --into: an annals file whose events are updated by id, new ones added
};

}  // namespace annals
