#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "annals/arena.hpp"
#include "annals/diagnostic.hpp"
#include "annals/event.hpp"
#include "annals/names.hpp"
#include "annals/source_pos.hpp"

namespace annals {

/// The header of one loaded file.
struct file_header {
  std::string path;  // as given; "-" for standard input
  symbol id = no_symbol;
  std::string title;
  std::optional<std::chrono::sys_days> reference;
  std::string timezone;
  source_pos pos;
};

/// A date of the header as written (an actor's `born: 12 July 100 BC`, an era's span),
/// and once normalized.
struct life_date {
  std::string text;  // empty: not given
  source_pos pos;    // of its value
  std::optional<temporal_value> value;  // normalized, when it reads

  friend bool operator==(const life_date&, const life_date&) = default;
};

struct actor {
  symbol id = no_symbol;
  std::string name;
  std::string description;
  source_pos pos;
  life_date born, died;

  friend bool operator==(const actor&, const actor&) = default;
};

struct place {
  symbol id = no_symbol;
  std::string name;
  std::string country;
  source_pos pos;

  friend bool operator==(const place&, const place&) = default;
};

struct source {
  symbol id = no_symbol;
  std::string title;
  std::string url;
  std::string date;
  source_pos pos;

  friend bool operator==(const source&, const source&) = default;
};

/// A background period (`eras:` in a header): drawn behind the events, not one of them.
struct era {
  symbol id = no_symbol;
  std::string title;
  life_date date;  // as written, and once normalized

  friend bool operator==(const era&, const era&) = default;
};

/// An event's image or other media (`media: {url, caption, credit, alt}`): kept beside
/// the events, by event id, since few events have one.
struct media_item {
  symbol event = no_symbol;
  std::string url, caption, credit, alt;
  source_pos pos;  // of the `media` mapping

  friend bool operator==(const media_item&, const media_item&) = default;
};

/// Every file loaded together: one set of events, actors, places and sources.
struct timeline {
  std::vector<file_header> files;  // source_pos::file indexes this
  name_table names;
  std::vector<actor> actors;
  std::vector<place> places;
  std::vector<source> sources;
  std::vector<era> eras;  // in file order
  std::vector<event> events;  // in file order
  std::vector<milestone_mark> milestones;  // in file order
  std::vector<media_item> media;           // in file order
  arena store;                // the texts and lists of `events`

  /// The path of a position's file.
  const std::string& file_of(source_pos p) const { return files[p.file].path; }
  /// The index of the event with this id, if any.
  std::optional<std::size_t> find_event(symbol id) const;
  std::optional<std::size_t> find_event(std::string_view id) const;

  /// A finding at position `pos` of one of the files.
  diagnostic finding(source_pos pos, severity level, std::string code, std::string message) const;

  /// Rebuilds the id → event index after events were added; load() does this.
  void index_events();

 private:
  std::vector<std::uint32_t> event_index_;  // symbol → event index + 1; 0 = none
};

}  // namespace annals
