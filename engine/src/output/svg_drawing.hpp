#pragma once

// The SVG timeline drawing shared by the svg and html renderers: lanes, time axis,
// marks with uncertainty whiskers, inferred bounds, causal arrows and gap bands.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "output/presentation.hpp"

namespace annals::svg {

/// One horizontal lane of the drawing: an actor or a kind.
struct lane {
  std::string label;
  std::string_view color;  // from a fixed palette
  std::string detail;      // an actor's lifespan, under its name
};

/// The lane of every shown event; `of_event` is indexed by event index (npos: not shown).
struct lane_assignment {
  std::vector<lane> lanes;
  std::vector<std::size_t> of_event;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

/// Lanes by `options.lanes`: the busiest first, an event in the lane of its first actor.
lane_assignment assign_lanes(const presentation& p);

/// A causal link, normalized to cause → effect.
struct causal_edge {
  std::size_t cause, effect;  // event indices
  link_kind kind;
};
std::vector<causal_edge> causal_edges(const presentation& p);

/// How the drawing is embedded.
struct drawing_options {
  bool standalone = true;     // an .svg file: xmlns, a title and a background
  bool link_to_list = false;  // html: a mark links to the event's entry in the list (#event-ID)
};

/// Writes the whole timeline as one <svg> element, 1200 units wide.
void draw(const presentation& p, const drawing_options& how, std::ostream& out);

}  // namespace annals::svg
