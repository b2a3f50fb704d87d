#pragma once

// The link table (SPEC §4): one row per link kind, read by loading, constraints,
// ordering, why/effects, the schema and every renderer. Private, so that a change to
// a row rebuilds link_table.cpp and the few units that read the table's columns.

#include <cstdint>
#include <span>
#include <string_view>

#include "annals/event.hpp"

namespace annals {

/// What a link constrains in time, from its source to its target.
enum class time_relation : std::uint8_t {
  none,               // no constraint
  start_after_start,  // the target does not begin before the source begins (cause, enable, respond)
  start_after_end,    // the target begins no earlier than the source ends (after, before)
  within,             // the target lies within the source (a part within its whole)
};

/// One link kind. A link has a source and a target whichever event holds it: the cause,
/// the enabling event, the event responded to, the earlier event, the whole are sources.
struct link_info {
  std::string_view field;        // the YAML field: "caused_by"
  link_kind converse;            // the same link written on the other event (`a causes b` = `b caused_by a`)
  bool holder_is_source;         // the event holding it is the source: causes, enables, before
  bool is_cause;                 // a root cause: causes, caused_by
  bool contributes;              // a cause or a contributing condition (causes, enables); not a response
  bool followed;                 // followed by `why` and `effects`
  time_relation relation;        // what it constrains in time
  std::string_view source_words;  // the source reads the target: a "caused" b
  std::string_view target_words;  // the target reads the source: b "caused by" a
  std::string_view verb;          // a step of a causal-order message, from the source: "causes"
  std::string_view dot_attrs;     // Graphviz edge style of an edge source -> target
};

/// The row of `k`.
const link_info& info(link_kind k);
/// Every link kind, in the order of the enum (and of the schema's fields).
std::span<const link_info> link_kinds();

/// The two events a link joins, its source first.
template <typename Event>
struct link_ends {
  Event source, target;
};

/// The ends of a link of kind `k` that `holder` holds to `target`: the one place that
/// turns "which event wrote it" into "which event comes first".
template <typename Event>
link_ends<Event> ends(link_kind k, Event holder, Event target) {
  return info(k).holder_is_source ? link_ends<Event>{holder, target} : link_ends<Event>{target, holder};
}

/// The words of `k` read from the event that holds it (true) or from its target.
std::string_view link_words(link_kind k, bool from_holder);

}  // namespace annals
