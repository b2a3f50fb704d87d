#pragma once

// The horizontal time axis of the svg and html renderers: a piecewise-linear scale that
// elides long empty stretches (drawn as gap bands), and ticks that adapt from minutes to
// millennia, named in the timeline's zone.

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
  /// Lays out `extents` over [x0, x1]: an empty stretch longer than all the drawn time
  /// besides becomes a gap band; a segment is wide enough for its widest label, within reason.
  /// Within `cut` only: extents are cut at its ends, and so is the padding around them.
  scale(std::vector<extent> extents, double x0, double x1, window cut = {});

  double x(instant t) const;
  /// The first and the last instant the axis shows.
  instant first() const { return segments_.front().from; }
  instant last() const { return segments_.back().to; }
  const std::vector<segment>& segments() const { return segments_; }
  const std::vector<gap_band>& bands() const { return bands_; }
  /// Ticks of every segment, at least `min_px` apart within a segment, at the wall-clock
  /// boundaries (minutes, hours, midnights, months, years) of zone `tz`.
  std::vector<tick> ticks(double min_px, zone tz = nullptr) const;

 private:
  std::vector<segment> segments_;
  std::vector<gap_band> bands_;
};

/// Width of a gap band in pixels.
inline constexpr double band_width = 104;

}  // namespace annals::axis
