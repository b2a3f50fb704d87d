#pragma once

// SVG documents drawn to PNG and to paged PDF by librsvg and cairo (not a browser), which are
// loaded (dlopen) only when a picture is asked for: linked, they would map pango, harfbuzz,
// fontconfig and glib into every run of annals. librsvg shapes text with pango and harfbuzz
// (Persian joins, Hebrew and Arabic run right to left) from the fonts fontconfig finds; in a
// PDF the text stays text (embedded font subsets).
//
// The drawing runs in a child process: glib and librsvg abort when memory runs out, and an
// abort must not be annals' own. What it writes reaches `out` only when it finished.

#include <cstdint>
#include <cstdio>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "annals/render.hpp"

namespace annals {
class presentation;  // output/presentation.hpp
}

namespace annals::raster {

/// Why pictures cannot be drawn here (a library missing), as an error message; nullopt: they
/// can. std::bad_alloc when memory ran out while mapping them.
std::optional<std::string> unavailable();

/// One SVG document and its size in user units (its viewBox, from 0,0).
struct svg_document {
  std::string text;
  double width = 0, height = 0;
};

/// A source of SVG documents, each drawn under the one before (PNG) or on a page of its own
/// (PDF); nullopt when there are no more.
using document_source = std::function<std::optional<svg_document>()>;

/// The drawing failed for another reason than memory (std::bad_alloc says that).
using failure = render_error;

/// `text` with the size its root's viewBox gives (from 0,0), or nullopt when it has none.
std::optional<svg_document> document(std::string text);

/// The horizontal drawing of `p`, what --format svg writes; nullopt under --layout vertical.
std::optional<svg_document> horizontal_drawing(const presentation& p);

/// PNG: `width_px` wide, each unit of a document `width_px / document width` pixels; the
/// documents are stacked top to bottom on white. `height_units` is their total height, in
/// units of a `unit_width`-wide document (the image's height must be known before its rows).
struct png_plan {
  double unit_width = 1200;  // user units across the image
  double height_units = 0;   // every document's height, added
  int scale = 2;             // pixels per unit
};
/// Writes one PNG of every document `next` gives, stacked (pixels per inch: 96 × scale).
void write_png(const png_plan& plan, const document_source& next, std::ostream& out);

/// A PDF page: its size in points and where the document goes on it.
struct pdf_page {
  double width_pt = 0, height_pt = 0;
  svg_document svg;
  double x_pt = 0, y_pt = 0, scale = 1;  // the document's origin and points per unit
  double clip_top = 0, clip_height = 0;  // the band of the document shown, in its units; 0: all of it
};
using page_source = std::function<std::optional<pdf_page>()>;
/// Writes one PDF of every page `next` gives; `title` goes into its metadata.
void write_pdf(const std::string& title, const page_source& next, std::ostream& out);

/// The pixels of one document drawn on white at `scale` pixels per unit, 0xRRGGBB each, row
/// by row (for tests; drawn in this process).
struct bitmap {
  int width = 0, height = 0;
  std::vector<std::uint32_t> pixels;
};
bitmap rasterize(const svg_document& svg, double scale);

}  // namespace annals::raster
