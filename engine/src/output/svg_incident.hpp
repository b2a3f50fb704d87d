#pragma once

// The incident on the drawing: the impact band (impact start to its end) and a flag at
// each marked milestone, laid out on the time axis as data, then written as svg.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "output/presentation.hpp"
#include "output/time_axis.hpp"

namespace annals::svg {

/// Where a milestone can be: the first and last second its event can start, and their x
/// (x_hi at the end of the last second), cut at the axis.
struct moment {
  instant lo, hi;
  double x_lo = 0, x_hi = 0;
  bool before_axis = false, after_axis = false;  // it lies (partly) beyond an end of the axis
};

/// A flag at a marked milestone.
struct milestone_flag {
  milestone kind = milestone::impact_start;
  std::uint32_t event = 0;
  std::string words;  // "Impact start", from the milestone's name
  moment at;
};

/// The impact: from impact start to impact end where the file marks one, else to
/// resolved; open when neither is marked, and then it runs to the last event shown.
struct impact_band {
  moment start, end;
  bool open = false;
  std::string title;  // "Impact 4h12m: 28 Feb 2017 09:37 PST to 28 Feb 2017 13:49 PST"
};

/// A label in the strip between the axis and the lanes: a flag's words, or the
/// "no end marked" of an open band.
struct strip_label {
  std::string text;
  double x = 0;  // where it is anchored
  bool anchor_end = false;
  std::size_t row = 0;
};

/// The incident as drawn: empty when the timeline marks no milestone on the axis.
struct incident_layout {
  std::optional<impact_band> band;
  std::vector<milestone_flag> flags;  // in time order
  std::vector<strip_label> labels;    // flags.size() first, one per flag, then the band's
  std::size_t rows = 0;               // of the strip
  bool uncertain = false;             // some flag or band edge is drawn over a stretch of time
  bool empty() const { return !band && flags.empty(); }
};

/// Lays the incident out on `sc`: labels packed in rows, none past [x_min, x_max].
incident_layout lay_out_incident(const presentation& p, const axis::scale& sc, double x_min, double x_max);

/// Height of one row of the strip.
inline constexpr double strip_row_h = 16;

/// The impact band behind the lanes, from `top` to `bottom`.
void draw_impact_band(const incident_layout& l, double top, double bottom, std::ostream& out);
/// The flags: their labels in the strip from `strip_top`, their poles down to `bottom`.
void draw_milestone_flags(const presentation& p, const incident_layout& l, double strip_top, double bottom,
                          std::ostream& out);
/// The legend's entries for what was drawn, from x; returns where the next entry may start.
double draw_incident_legend(const incident_layout& l, double x, double y, std::ostream& out);

/// The style of the flags' words.
std::string_view incident_css();
/// The svg definitions the incident drawing uses (a hatch for uncertain times).
std::string_view incident_defs();

}  // namespace annals::svg
