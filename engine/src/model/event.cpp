#include "annals/event.hpp"

#include <algorithm>
#include <array>

namespace annals {

namespace {

bool contains_all(const stored_list<symbol>& have, const std::vector<symbol>& wanted) {
  return std::all_of(wanted.begin(), wanted.end(), [&](symbol s) {
    return std::find(have.begin(), have.end(), s) != have.end();
  });
}

}  // namespace

namespace {
constexpr std::uint8_t bit(milestone m) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(m)); }
constexpr std::uint8_t responses = bit(milestone::impact_start) | bit(milestone::detected);

// The milestone table, in the enum's order. Detection, acknowledgement, mitigation and
// resolution come in that order after impact start; impact end comes after impact
// start only (a short outage can be over before anyone detects it).
constexpr milestone_info milestones[] = {
    {"impact_start", "", "", 0},
    {"detected", "time to detect", "TTD", bit(milestone::impact_start)},
    {"acknowledged", "time to acknowledge", "TTA", responses},
    {"mitigated", "time to mitigate", "TTM", responses | bit(milestone::acknowledged)},
    {"resolved", "time to resolve", "TTR", responses | bit(milestone::acknowledged) | bit(milestone::mitigated)},
    {"impact_end", "", "", bit(milestone::impact_start)},
};
static_assert(std::size(milestones) == milestone_count);
}  // namespace

const milestone_info& info(milestone m) { return milestones[static_cast<std::size_t>(m)]; }

std::string_view to_string(milestone m) { return info(m).name; }

std::optional<milestone> parse_milestone(std::string_view text) {
  for (std::size_t i = 0; i < milestone_count; ++i)
    if (milestones[i].name == text) return static_cast<milestone>(i);
  return std::nullopt;
}

std::string milestone_words(milestone m) {
  std::string s(to_string(m));
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
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
