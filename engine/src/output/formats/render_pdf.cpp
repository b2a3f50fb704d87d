// pdf: the chronology for print, on A4 pages (the paper of most of the world; Letter
// printers scale it): the horizontal drawing first, on landscape pages so that its labels
// stay readable (8 pt), cut into as many pages as its height needs; then the vertical
// drawing of every event on portrait pages, a heading never last on its page. Text stays
// text (cairo embeds the fonts' glyphs), so the PDF can be searched and copied from.

#include <ostream>
#include <sstream>

#include "output/raster.hpp"
#include "output/render_formats.hpp"
#include "output/vertical_drawing.hpp"

namespace annals {

namespace {

constexpr double a4_short = 595.28, a4_long = 841.89;  // points
constexpr double drawing_margin = 36;                    // points around the drawing
constexpr double list_margin = 48;                       // units above and below the list on a page

}  // namespace

void write_pdf(const presentation& p, std::ostream& out) {
  std::optional<raster::svg_document> drawing = raster::horizontal_drawing(p);
  // The drawing across a landscape page; the height of it one page shows.
  const double drawing_scale = drawing ? (a4_long - 2 * drawing_margin) / drawing->width : 1;
  const double band = (a4_short - 2 * drawing_margin) / drawing_scale;
  // The list across a portrait page, A4's width in units.
  const vertical::layout list = vertical::lay_out(p, vertical::page_width);
  const double list_scale = a4_short / vertical::page_width;
  const std::vector<std::size_t> pages = vertical::pages(list, a4_long / list_scale - 2 * list_margin);
  double top = 0;
  std::size_t next = 0;
  raster::write_pdf(
      p.title(" · ", "Timeline"),
      [&]() -> std::optional<raster::pdf_page> {
        if (drawing && top < drawing->height) {
          raster::pdf_page page{a4_long, a4_short, *drawing, drawing_margin, drawing_margin, drawing_scale, top,
                                std::min(band, drawing->height - top)};
          top += band;
          return page;
        }
        if (next >= pages.size()) return std::nullopt;
        const std::size_t first = pages[next], last = ++next < pages.size() ? pages[next] : list.rows.size();
        std::ostringstream svg;
        vertical::write(p, list, first, last, svg);
        return raster::pdf_page{a4_short, a4_long,
                                {std::move(svg).str(), list.width, list.height_of(first, last)},
                                0, list_margin * list_scale, list_scale};
      },
      out);
}

}  // namespace annals
