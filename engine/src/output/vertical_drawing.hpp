#pragma once

// The vertical drawing (`--layout vertical`): the chronology for print, time running down
// the page. A spine carries each event's mark (the horizontal drawing's vocabulary: a solid
// dot is a date as stated, a hollow one approximate or uncertain, a whisker a possible range,
// faded where a qualifier widened it, a dash bounds narrowed by links, a bar a span), its
// date label on the left, its title
// wrapped by display width, who and where on the right; year headings, era headings and gap
// markers ("— 8 years later —") between. It reads only the presentation.
//
// Layout is data: the rows and their heights are computed once; any run of rows is then
// written as an SVG document of its own, so a printed page, a strip of a PNG or the whole
// chronology are the same drawing.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <vector>

#include "output/presentation.hpp"

namespace annals::vertical {

/// One row of the drawing.
struct row {
  enum class kind : std::uint8_t { header, era, gap, year, event };
  kind what = kind::event;
  std::size_t position = 0;  // event, gap, year: the event's position in the order; era: the section's index
  double y = 0, height = 0;  // whole units: rows stack without seams
};

/// The rows of a whole chronology, `width` units (CSS pixels) wide.
struct layout {
  double width = 0;
  std::vector<row> rows;
  double height = 0;

  /// The height of the rows [first, last).
  double height_of(std::size_t first, std::size_t last) const;
};

/// A4's width at 96 units an inch: a page of the PDF.
inline constexpr double page_width = 794;

/// Lays out every event shown, `width` units wide.
layout lay_out(const presentation& p, double width = page_width);

/// Writes the rows [first, last) as one standalone SVG document, `l.width` wide and as
/// tall as they are.
void write(const presentation& p, const layout& l, std::size_t first, std::size_t last, std::ostream& out);

/// Where each page starts (an index into `l.rows`) when pages hold `height` units: a
/// heading never ends a page, a row taller than a page has one of its own.
std::vector<std::size_t> pages(const layout& l, double height);

/// Where each of the x positions of the drawing is, for tests: the spine, and the column
/// the titles start in.
struct columns {
  double margin, spine, text;
};
columns columns_of(double width);

}  // namespace annals::vertical
