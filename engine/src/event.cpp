#include "annals/event.hpp"

#include <algorithm>
#include <array>

namespace annals {

namespace {

constexpr std::array<std::string_view, 8> link_names = {
    "causes", "caused_by", "enables", "enabled_by", "responds_to", "part_of", "after", "before"};

bool contains_all(const stored_list<symbol>& have, const std::vector<symbol>& wanted) {
  return std::all_of(wanted.begin(), wanted.end(), [&](symbol s) {
    return std::find(have.begin(), have.end(), s) != have.end();
  });
}

}  // namespace

std::string_view to_string(link_kind k) { return link_names[static_cast<std::size_t>(k)]; }

std::optional<link_kind> parse_link_kind(std::string_view field) {
  for (std::size_t i = 0; i < link_names.size(); ++i) {
    if (link_names[i] == field) return static_cast<link_kind>(i);
  }
  return std::nullopt;
}

bool is_causal(link_kind k) {
  return k != link_kind::part_of && k != link_kind::after && k != link_kind::before;
}

bool matches(const event& e, const series_selector& s) {
  if (s.kind != no_symbol && e.kind != s.kind) return false;
  if (s.place != no_symbol && e.place != s.place) return false;
  return contains_all(e.actors, s.actors) && contains_all(e.tags, s.tags);
}

}  // namespace annals
