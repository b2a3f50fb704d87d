#pragma once

// The horizontal time axis of the svg and html renderers: a piecewise-linear scale that
// elides empty stretches (drawn as gap bands) so that busy stretches get room, one linear
// scale per stretch, and ticks on round values from minutes to millennia, at the wall-clock
// boundaries of the timeline's zone, labelled by the date label home.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "annals/temporal.hpp"

namespace annals::axis {

/// A stretch of time drawn linearly between two x positions.
struct segment {
  instant from, to;  // to > from
  double x0 = 0, x1 = 0;
};

/// A long empty stretch left out of the scale, drawn as a band of fixed width.
struct gap_band {
  instant from, to;  // the end of the last event before .. the start of the next
  double x0 = 0, x1 = 0;
};

/// One tick of the axis.
struct tick {
  instant at;
  double x = 0;
  std::string label;
  bool major = false;  // a year or month boundary worth a stronger line
};

/// What the scale must show: an event's bounded [lo, hi], and the width its label needs.
struct extent {
  instant lo, hi;
  double min_px = 0;
  std::int64_t min_seconds = 0;  // the segment shows at least this much time (a day is not the whole chart)
};

/// The time a render asked for (--from/--to): the axis never runs past it.
struct window {
  std::optional<instant> from, to;
};

/// A piecewise-linear time scale over [x0, x1].
class scale {
 public:
  /// Lays out `extents` over [x0, x1]. An empty stretch becomes a gap band when it is longer
  /// than all the drawn time besides it, or many times the spacing of the events beside it
  /// (a busy stretch among sparse years gets a stretch of its own). Stretches share the width
  /// by the events they hold, each at least as wide as its widest label, within reason; one
  /// unit of a stretch's finest event (a day) is drawn at most `unit_px` wide unless every
  /// stretch draws time within `max_scale_ratio` of as densely (see time_axis.cpp).
  /// Within `cut` only: extents are cut at its ends, and so is the padding around them.
  scale(std::vector<extent> extents, double x0, double x1, window cut = {});

  double x(instant t) const;
  /// The first and the last instant the axis shows.
  instant first() const { return segments_.front().from; }
  instant last() const { return segments_.back().to; }
  const std::vector<segment>& segments() const { return segments_; }
  const std::vector<gap_band>& bands() const { return bands_; }
  /// Ticks of every segment, at least `min_px` apart within a segment (closer only where a
  /// segment would otherwise have none), on round values of zone `tz`'s wall clock: minutes
  /// (1, 2, 5, 10, 15, 30), hours (1, 3, 6, 12), local midnights (every day, every other
  /// day, the 1st, 8th, 15th and 22nd, the 1st and 15th), months (1, 3, 6) and years whose number as written
  /// is divisible by 1, 2, 5, 10 ... (800 BC, AD 1, AD 200: there is no year 0).
  std::vector<tick> ticks(double min_px, zone tz = nullptr) const;

 private:
  std::vector<segment> segments_;
  std::vector<gap_band> bands_;
};

/// Width of a gap band in pixels.
inline constexpr double band_width = 104;

/// The widest one unit of a stretch's finest event (a day in a chronology of days) is drawn
/// when another stretch draws time far less densely: under the 9 px at which the drawing
/// makes a mark a bar, so that an exactly known day never looks like a range.
inline constexpr double unit_px = 8;

/// How much more densely one stretch may draw time than the sparsest stretch before the
/// `unit_px` cap applies to it.
inline constexpr double max_scale_ratio = 2;

}  // namespace annals::axis
