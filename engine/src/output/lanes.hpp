#pragma once

// The lanes of the timeline drawing (svg, html, png, pdf) and the groups of the formats
// that have them (timelinejs): one per actor or per kind, with a colour stable from its id.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <span>
#include <vector>

#include "output/presentation.hpp"

namespace annals::svg {

/// One horizontal lane of the drawing: an actor or a kind.
struct lane {
  std::string label;
  std::string_view color;  // from the palette, by the key's place among the timeline's keys
  std::string detail;      // an actor's lifespan, under its name
};

/// The lanes of the shown events. An event belongs to the lane of each of its actors
/// (or its kind): `of_event` is its first (its own mark), `also` the others.
struct lane_assignment {
  std::vector<lane> lanes;
  std::vector<std::size_t> of_event;  // by event index: its first lane; npos: not shown
  std::vector<std::pair<std::uint32_t, std::uint32_t>> also;  // (event index, lane), by event
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

/// Lanes by `options.lanes`, the busiest first, "No actor" / "Other" last. A lane's
/// colour follows from its key's place among every key of the timeline (not only those
/// shown), so an actor keeps its colour under --from, --actor and any other filter.
lane_assignment assign_lanes(const presentation& p);

/// The lane colours: each at least 4.8:1 against the page and the shaded lane (#f9f8f5),
/// so a lane's name in its colour reads as text (WCAG AA asks 4.5:1).
std::span<const std::string_view> lane_palette();

}  // namespace annals::svg
