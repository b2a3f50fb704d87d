#pragma once

// The timeline drawing laid out once, as data: lanes, where every mark and label goes,
// the time axis with its ticks and gap bands, eras and causal arrows. The svg writer,
// PNG and PDF (from that svg) and the interactive page all draw this one layout.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "output/lanes.hpp"
#include "output/presentation.hpp"
#include "output/svg_incident.hpp"
#include "output/time_axis.hpp"

namespace annals::svg {

/// How the drawing is embedded.
struct drawing_options {
  bool standalone = true;     // an .svg file: xmlns, a title and a background
  bool link_to_list = false;  // html: a mark links to the event's entry in the list (#event-ID)
  bool interactive = false;   // html: what the page script zooms by (positions, ticks for each zoom, a clip)
};

/// What is known of an event over a stretch of its mark, each drawn its own way and
/// named by the legend.
enum class stretch_kind : std::uint8_t {
  span,      // the event lasts this long, as stated: a solid bar
  possible,  // it happened somewhere in here, as stated: a whisker
  widened,   // what "c.", "about" or "?" adds around the stated dates: faded
  inferred,  // the narrower range its links allow: dashed in the lane's colour
  superseded,  // the stated range, pale behind an inferred one
};

struct stretch {
  double x0 = 0, x1 = 0;
  stretch_kind kind = stretch_kind::possible;
  bool open0 = false, open1 = false;  // an open end: an arrow away from the known end
  bool cut0 = false, cut1 = false;    // runs past the --from/--to window: a break mark
};

/// One event's mark in one lane.
struct mark {
  std::uint32_t event = 0;     // index in the timeline's events
  std::uint32_t position = 0;  // in the chronology's order
  std::size_t lane = 0, row = 0;
  bool also = false;           // a copy in a further lane of its actors; the first is its own
  bool hollow = false;         // approximate, uncertain or inferred: a ring, not a dot
  bool inferred = false;       // its links narrowed its date
  bool has_dot = true;         // a span drawn as a bar has none
  double x = 0, y = 0;         // the dot, on the lane row's centre line
  double x_lo = 0, x_hi = 0;   // what it covers, arrows included
  std::vector<stretch> stretches;  // drawn under the dot, in order
  std::string label;           // its title, clipped
  double label_x = 0;
  bool label_end = false;      // anchored at its end, left of the dot
};

/// A causal arrow, from the cause's mark into the effect's: a cubic curve.
struct arrow {
  std::size_t from = 0, to = 0;  // in `marks`
  link_kind kind = link_kind::after;
  double x0, y0, c1x, c1y, c2x, c2y, x1, y1;
};

/// An era: a band behind the lanes, within the axis, its name packed in rows up from the foot.
struct era_band {
  const era* e = nullptr;
  double x0 = 0, x1 = 0;
  std::string heading;  // "The Great War, 1914 – 1918"
  std::string name;     // clipped to the band
  std::size_t row = 0;
};

/// Time left out of the scale, with its length in words, in lines that fit the band.
struct gap_mark {
  axis::gap_band at;
  std::string text;
  std::vector<std::string> lines;
};

/// An entry of the legend: what it shows, its words and where it goes.
struct legend_entry {
  enum class icon : std::uint8_t { dot, ring, span, possible, widened, inferred, arrow, gap, cut, also };
  icon shows = icon::dot;
  std::string words;
  double x = 0, y = 0;  // the icon's left end and centre line
  double icon_w = 0;
};

struct tick_mark {
  axis::tick at;
  bool labelled = false;  // its label fits beside the previous one
};

/// The whole drawing, 1200 units wide.
struct drawing {
  double width = 1200, height = 0;
  double chart_x0 = 0, chart_x1 = 0;
  std::string title;      // drawn above the axis in a standalone svg; "" for none
  double title_h = 0;
  double axis_y = 0, strip_top = 0, chart_bottom = 0;
  instant axis_first, axis_last;
  lane_assignment lanes;
  std::vector<double> lane_top;  // lanes.size() + 1: each lane's top, then the chart's foot
  std::vector<mark> marks;       // by position in the order; an event's copies after its own mark
  std::vector<arrow> arrows;
  std::vector<era_band> eras;
  std::vector<gap_mark> gaps;
  std::vector<tick_mark> ticks;
  /// With `interactive`: the ticks for zooms 2, 4, 8 … (each level's positions at zoom 1,
  /// labelled where they fit at that zoom), while a finer step exists.
  std::vector<std::pair<double, std::vector<tick_mark>>> tick_levels;
  incident_layout incident;
  std::vector<legend_entry> legend;  // only what was drawn, in lines that fit the width
  double incident_legend_y = 0;      // the incident's line of the legend, when it has one
};

/// Lays out the timeline drawing of `p`.
drawing lay_out(const presentation& p, const drawing_options& how);

/// Width of the column of lane names, left of the chart.
inline constexpr double lane_label_w = 168;

}  // namespace annals::svg
