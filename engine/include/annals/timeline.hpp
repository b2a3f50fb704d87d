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
  std::optional<calendar> cal;          // a mapping's `calendar`; none: the text says
  std::string tz;                       // a mapping's `tz`; empty: the file's zone

  friend bool operator==(const life_date&, const life_date&) = default;
};

struct actor {
  symbol id = no_symbol;
  std::string name;
  std::string description;
  source_pos pos;
  life_date born, died;
  std::vector<std::string> aliases;  // other names an event's `actors` may use
  std::string native;                // the name in its own language and script; empty: none

  friend bool operator==(const actor&, const actor&) = default;
};

/// A name a place had for a span of time (`names: [{name: Petrograd, date: 1914/1924}]`).
struct dated_name {
  std::string name;
  life_date date;  // the span it was in force

  friend bool operator==(const dated_name&, const dated_name&) = default;
};

struct place {
  symbol id = no_symbol;
  std::string name;
  std::string country;
  source_pos pos;
  std::vector<dated_name> names;  // in file order; the one in force: presentation::place_name

  friend bool operator==(const place&, const place&) = default;
};

struct source {
  symbol id = no_symbol;
  std::string title;
  std::string url;
  std::string date;
  source_pos pos;
  std::string author;     // as a bibliography writes it: "Browne, E. G."
  std::string year;       // of publication
  std::string publisher;

  friend bool operator==(const source&, const source&) = default;
};

/// Where in a source an event's citation points (`sources: [{id: browne, page: 201}]`):
/// kept beside the events, since most citations are a bare id.
struct citation {
  symbol event = no_symbol;
  std::uint32_t index = 0;  // the citation's position in the event's `sources`
  std::string page;         // one page: "201"; empty: none
  std::string pages;        // a range: "45-47"; empty: none
  std::string note;
  source_pos pos;           // of the citation mapping

  friend bool operator==(const citation&, const citation&) = default;
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

/// A person named by an incident field: an actor id (lower-case, as ids are written:
/// checked like every reference) or, any other text, a name as written ("Jane Doe").
struct person_ref {
  std::string text;  // as written; empty: not given
  bool is_actor = false;

  friend bool operator==(const person_ref&, const person_ref&) = default;
};

/// The incident header (`incident: {severity, commander, roles, status_page}`).
struct incident_header {
  bool given = false;
  std::string severity;  // as written: SEV1, P1, major; empty: not given
  person_ref commander;
  std::vector<std::pair<std::string, person_ref>> roles;  // role → who, in file order
  std::string status_page;                                // an http(s) url; empty: not given
  source_pos pos;                                         // of the `incident` mapping

  friend bool operator==(const incident_header&, const incident_header&) = default;
};

/// A contributing condition that is not an event (`factors:` in a header).
struct factor {
  symbol id = no_symbol;  // none for a plain text
  std::string text;
  std::vector<symbol> sources;
  source_pos pos;

  friend bool operator==(const factor&, const factor&) = default;
};

/// An action item (`action: {owner, url, type, status}` on an event), kept beside the
/// events by event id: the event's title is the item.
struct action_item {
  enum class kind : std::uint8_t { unspecified, mitigate, prevent, process };
  enum class state : std::uint8_t { unspecified, open, in_progress, done };
  symbol event = no_symbol;
  person_ref owner;
  std::string url;  // an http(s) url; empty: none
  kind type = kind::unspecified;
  state status = state::unspecified;
  source_pos pos;  // of the `action` mapping

  friend bool operator==(const action_item&, const action_item&) = default;
};
/// "mitigate", "in progress", ... as the YAML writes them; "" for unspecified.
std::string_view to_string(action_item::kind k);
std::string_view to_string(action_item::state s);

/// A status update (`update: customer | internal` on an event), kept by event id.
struct status_update {
  enum class audience : std::uint8_t { customer, internal };
  symbol event = no_symbol;
  audience to = audience::customer;
  source_pos pos;  // of the `update` value

  friend bool operator==(const status_update&, const status_update&) = default;
};
std::string_view to_string(status_update::audience a);

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
  incident_header incident;                // the first file's that has one
  std::vector<factor> factors;             // in file order
  std::vector<action_item> actions;        // in file order
  std::vector<status_update> updates;      // in file order
  std::vector<citation> citations;         // those with a locator or note, in file order
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
