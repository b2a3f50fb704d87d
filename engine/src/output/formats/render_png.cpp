// png: the drawing and the event list as one tall picture, as a reader scrolls it or a
// printer feeds it: the horizontal drawing (what --format svg gives) on top, the vertical
// list of every event below it, 1200 units wide at 2 pixels a unit (192 pixels an inch).
// --layout vertical: the vertical drawing alone, A4's width. However long the chronology,
// the image is written strip by strip (output/raster.hpp).

#include <ostream>
#include <sstream>
#include <utility>

#include "output/raster.hpp"
#include "output/render_formats.hpp"
#include "output/vertical_drawing.hpp"

namespace annals {

void write_png(const presentation& p, std::ostream& out) {
  std::optional<raster::svg_document> drawing = raster::horizontal_drawing(p);
  const vertical::layout list = vertical::lay_out(p, drawing ? drawing->width : vertical::page_width);
  // The list in strips of about a thousand units: no document need hold a long chronology.
  const std::vector<std::size_t> strips = vertical::pages(list, 1000);
  const raster::png_plan plan{list.width, (drawing ? drawing->height : 0) + list.height, 2};
  std::size_t next = 0;
  raster::write_png(
      plan,
      [&]() -> std::optional<raster::svg_document> {
        if (drawing) return std::exchange(drawing, std::nullopt);
        if (next >= strips.size()) return std::nullopt;
        const std::size_t first = strips[next], last = ++next < strips.size() ? strips[next] : list.rows.size();
        std::ostringstream svg;
        vertical::write(p, list, first, last, svg);
        return raster::svg_document{std::move(svg).str(), list.width, list.height_of(first, last)};
      },
      out);
}

}  // namespace annals
