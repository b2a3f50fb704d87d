#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/arena.hpp"
#include "annals/duration.hpp"
#include "annals/names.hpp"
#include "annals/source_pos.hpp"
#include "annals/temporal.hpp"

namespace annals {

/// The link fields of SPEC §4.
enum class link_kind : std::uint8_t { causes, caused_by, enables, enabled_by, responds_to, part_of, after, before };

/// The YAML field name of a link kind.
std::string_view to_string(link_kind k);
std::optional<link_kind> parse_link_kind(std::string_view field);
/// causes and caused_by: a root cause (enables is contributing, responds_to neither).
bool is_cause(link_kind k);
/// causes, caused_by, enables, enabled_by and responds_to: followed by `why` and `effects`.
bool is_followed(link_kind k);
/// The link as the event holding it reads it: "caused by", "responds to", "part of".
/// Its words from the other side, its time relation and its style: link_table.hpp.
std::string_view link_words(link_kind k);

/// A link from the event that holds it to `target`.
struct link {
  link_kind kind = link_kind::after;
  symbol target = no_symbol;  // an event id
  source_pos pos;             // of the target id in the file

  friend bool operator==(const link&, const link&) = default;
};

/// A date given relative to another event: `{after: ID, by: P3D}`.
struct relative_date {
  enum class relation : std::uint8_t { after, before, during };
  relation rel = relation::after;
  symbol anchor = no_symbol;
  std::optional<duration> by;  // none: any time after/before

  friend bool operator==(const relative_date&, const relative_date&) = default;
};

/// The moments of an incident (`milestone:` on an event). Their order is
/// milestone_info::follows; this enum's order is the order reports list them.
enum class milestone : std::uint8_t { impact_start, detected, acknowledged, mitigated, resolved, impact_end };
inline constexpr std::size_t milestone_count = 6;
/// `impact_start`, ..., as the YAML field writes it.
std::string_view to_string(milestone m);
std::optional<milestone> parse_milestone(std::string_view text);

/// A milestone's row of the one milestone table (engine/src/model/event.cpp): what the
/// schema, the order check, `metrics` and the postmortem read.
struct milestone_info {
  std::string_view name;    // as the YAML field writes it
  std::string_view metric;  // "time to detect"; empty: not a time-to metric (impact start, impact end)
  std::string_view abbreviation;  // "TTD"; empty for none
  std::uint8_t follows = 0;       // bit k: cannot start before milestone k
};
const milestone_info& info(milestone m);
/// "impact start": a milestone's name in words, for labels and legends.
std::string milestone_words(milestone m);

/// An event marked as a milestone: kept beside the events (a timeline has a handful).
struct milestone_mark {
  milestone kind = milestone::impact_start;
  symbol event = no_symbol;
  source_pos pos;  // of the `milestone` value

  friend bool operator==(const milestone_mark&, const milestone_mark&) = default;
};

/// One source's reading of a disputed date: `date: {sources: {reuters: 2015-11-23}}`.
struct date_reading {
  symbol source = no_symbol;
  std::string_view text;  // as written
  source_pos pos;         // of the text
  temporal_value value;   // normalized

  friend bool operator==(const date_reading&, const date_reading&) = default;
};

/// The link a relative date amounts to without `by`: after, before or part_of its anchor.
link_kind relation_link(relative_date::relation r);
/// `after`, `before`, `during`.
std::string_view to_string(relative_date::relation r);

/// A selection of events: every given field must match (actors and tags: all listed).
struct series_selector {
  symbol kind = no_symbol;
  symbol place = no_symbol;
  std::vector<symbol> actors;
  std::vector<symbol> tags;

  friend bool operator==(const series_selector&, const series_selector&) = default;
};

/// A claim about the event's series: `first_in: 8 years` (the gap is 8 years, under 9),
/// `first_in: about 3 years` (and the other bounds of duration.hpp), `first_in: {at_least:
/// 30 years}` (no upper bound), or `first_since: ID` (no event of the series lies between
/// ID and this one).
struct claim {
  duration first_in;
  std::string first_in_text;  // as written, for messages
  duration_bound bound = duration_bound::in;  // about, nearly, more than, ...; {at_least: D}: at_least
  symbol since = no_symbol;   // first_since: ID (then first_in is unused)
  series_selector series;
  source_pos pos;

  friend bool operator==(const claim&, const claim&) = default;
};

/// One event as loaded: its stated date and its links; ordering adds inferred bounds.
/// Texts and lists are views into its timeline's arena (`timeline::store`): an
/// event is valid while that timeline lives, and compares by content.
struct event {
  symbol id = no_symbol;
  symbol kind = no_symbol;
  symbol place = no_symbol;
  source_pos pos;       // of the event's mapping
  source_pos date_pos;  // of its date node
  temporal_value date;  // stated bounds; open for a relative date until ordering
  std::string_view title;
  std::string_view description;
  std::string_view date_text;  // the date as written (a mapping's `on`, or "after X by P3D")
  stored_ref<relative_date> relative;
  stored_ref<stored_list<date_reading>> readings;  // a date the sources dispute: each one's; `date` covers them
  stored_list<symbol> actors;
  stored_list<symbol> tags;
  stored_list<symbol> sources;
  stored_list<link> links;
  std::vector<claim> claims;  // rare: a vector of its own

  friend bool operator==(const event&, const event&) = default;
};

/// Whether `e` belongs to the series `s`.
bool matches(const event& e, const series_selector& s);

}  // namespace annals
