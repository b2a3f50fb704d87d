#include "annals/event.hpp"

#include <algorithm>
#include <array>

namespace annals {

namespace {

using enum link_kind;
using enum time_relation;

// One row per kind, in the enum's order.
constexpr link_info links[] = {
    {"causes", caused_by, true, start_after_start, true, "causes", "causes", "color=\"#b03a2e\"", true},
    {"caused_by", causes, true, start_after_start, false, "caused by", "causes", "color=\"#b03a2e\"", false},
    {"enables", enabled_by, true, start_after_start, true, "enables", "enables", "color=\"#1f618d\"", true},
    {"enabled_by", enables, true, start_after_start, false, "enabled by", "enables", "color=\"#1f618d\"", false},
    {"responds_to", responds_to, true, start_after_start, false, "responds to", "is answered by",
     "color=\"#7d3c98\", label=\"responds to\"", false},
    {"part_of", part_of, false, within, false, "part of", "contains",
     "style=dotted, arrowhead=odiamond, label=\"part of\"", true},
    {"after", before, false, start_after_end, false, "after", "precedes", "style=dashed, color=gray40", false},
    {"before", after, false, start_after_end, true, "before", "precedes", "style=dashed, color=gray40", true},
};
static_assert(std::size(links) == static_cast<std::size_t>(before) + 1);

bool contains_all(const stored_list<symbol>& have, const std::vector<symbol>& wanted) {
  return std::all_of(wanted.begin(), wanted.end(), [&](symbol s) {
    return std::find(have.begin(), have.end(), s) != have.end();
  });
}

}  // namespace

const link_info& info(link_kind k) { return links[static_cast<std::size_t>(k)]; }

std::span<const link_info> link_kinds() { return links; }

std::string_view to_string(link_kind k) { return info(k).field; }

namespace {
constexpr std::string_view milestone_names[] = {"impact_start", "detected", "acknowledged", "mitigated", "resolved"};
static_assert(std::size(milestone_names) == milestone_count);
}  // namespace

std::string_view to_string(milestone m) { return milestone_names[static_cast<std::size_t>(m)]; }

std::optional<milestone> parse_milestone(std::string_view text) {
  for (std::size_t i = 0; i < milestone_count; ++i)
    if (milestone_names[i] == text) return static_cast<milestone>(i);
  return std::nullopt;
}

std::optional<link_kind> parse_link_kind(std::string_view field) {
  for (std::size_t i = 0; i < std::size(links); ++i) {
    if (links[i].field == field) return static_cast<link_kind>(i);
  }
  return std::nullopt;
}

link_kind relation_link(relative_date::relation r) {
  switch (r) {
    case relative_date::relation::after: return link_kind::after;
    case relative_date::relation::before: return link_kind::before;
    case relative_date::relation::during: return link_kind::part_of;
  }
  return link_kind::after;
}

std::string_view to_string(relative_date::relation r) {
  static constexpr std::string_view names[] = {"after", "before", "during"};
  return names[static_cast<std::size_t>(r)];
}

bool matches(const event& e, const series_selector& s) {
  if (s.kind != no_symbol && e.kind != s.kind) return false;
  if (s.place != no_symbol && e.place != s.place) return false;
  return contains_all(e.actors, s.actors) && contains_all(e.tags, s.tags);
}

}  // namespace annals
