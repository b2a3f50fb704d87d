#pragma once

// The timeline drawing as SVG, for the svg and html formats (and, through svg, png and
// pdf): the layout (drawing_layout.hpp) written out, with the presentation's words.

#include <iosfwd>

#include "output/drawing_layout.hpp"

namespace annals::svg {

/// Writes drawing `d` of `p` as one <svg> element.
void write(const drawing& d, const presentation& p, const drawing_options& how, std::ostream& out);

/// Lays out and writes the whole timeline as one <svg> element, 1200 units wide.
void draw(const presentation& p, const drawing_options& how, std::ostream& out);

}  // namespace annals::svg
