#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/shown.hpp"
#include "annals/event.hpp"
#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals {

/// Which way `annals why` (causes) and `annals effects` (effects) walk causal links.
enum class causal_direction : std::uint8_t { causes, effects };

/// One event reached from the root of a causal tree.
struct causal_node {
  std::uint32_t event = 0;  // event index
  std::uint32_t depth = 1;  // 1: a direct cause or effect of the root
  /// The link from its parent, named as the effect holds it for `why` (caused_by,
  /// enabled_by, responds_to) and as the cause holds it for `effects` (causes,
  /// enables; responds_to: the node responds to its parent). `a causes b` and
  /// `b caused_by a` are the same link and give the same node.
  link_kind via = link_kind::caused_by;

  friend bool operator==(const causal_node&, const causal_node&) = default;
};

/// The transitive causes or effects of one event: each event reached once, at
/// its least depth, in tree pre-order; siblings in chronological order.
struct causal_tree {
  std::uint32_t root = 0;
  causal_direction direction = causal_direction::causes;
  std::vector<causal_node> nodes;  // the root excluded
  std::vector<std::uint32_t> parent;  // by node: the node index of its parent, or UINT32_MAX for the root
};

/// Follows the links of the kinds `follow` accepts (by default those why and effects
/// follow: causes, enables, responds_to and their converses; `is_cause` for root causes)
/// from `root`; breadth-first, iterative, safe on cycles. `ch` orders siblings.
causal_tree trace_causal(const timeline& tl, std::uint32_t root, causal_direction direction, const chronology& ch,
                         bool (*follow)(link_kind) = is_followed);

/// The words of a node's link read from its parent: "caused by", "enabled by",
/// "responds to" in a tree of causes; "caused", "enabled", "responded to by" in one of effects.
std::string_view via_words(const causal_tree& tree, const causal_node& n);

/// An event looked up by id for the command line.
struct event_lookup {
  std::optional<std::uint32_t> index;
  std::string error;  // "unknown event 'x', did you mean 'y'?" (a usage error, exit 2)
};

/// The event with id `id`, or the error that names it and suggests the nearest id.
event_lookup lookup_event(const timeline& tl, std::string_view id);

/// Tree lines are indented one step per level down to this depth and no further; a
/// deeper line names its depth instead (`[depth 17] `), so that a tree's text stays
/// linear in its events however long a chain of causes is.
constexpr std::uint32_t max_indented_depth = 16;

/// The levels of indentation of a line at `depth`: `depth`, capped at max_indented_depth.
constexpr std::uint32_t indent_levels(std::uint32_t depth) {
  return depth < max_indented_depth ? depth : max_indented_depth;
}

/// `[depth N] ` for a line deeper than max_indented_depth, "" for the others.
std::string depth_label(std::uint32_t depth);

/// Writes the indented tree to `out`, a line at a time: the root, then one line per node,
/// `<2 spaces per depth><via words> <id>  <date>  <title>`, the date as the text chronology
/// labels it; a narrowed date adds `(inferred RANGE)`. Times of day in `shown` (--tz), else
/// each in its writer's zone. Past max_indented_depth the indentation stops growing and
/// `[depth N] ` precedes the words.
void write_causal_text(std::ostream& out, const timeline& tl, const causal_tree& tree, const chronology& ch,
                       shown_zone shown = std::nullopt);
/// write_causal_text as a string.
std::string format_causal_text(const timeline& tl, const causal_tree& tree, const chronology& ch,
                               shown_zone shown = std::nullopt);

/// Writes `{"root": ID, "nodes": [{"id", "depth", "via"}]}` to `out`, a node at a time,
/// nodes in the tree's order, laid out as a JSON dump with an indent of 2.
void write_causal_json(std::ostream& out, const timeline& tl, const causal_tree& tree);
/// write_causal_json as a string.
std::string format_causal_json(const timeline& tl, const causal_tree& tree);

}  // namespace annals
