// svg: the timeline drawing alone, as a standalone SVG file; --layout vertical: the
// vertical drawing for print (output/vertical_drawing.hpp).

#include <ostream>

#include "output/render_formats.hpp"
#include "output/svg_writer.hpp"
#include "output/vertical_drawing.hpp"

namespace annals {

void write_svg(const presentation& p, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (p.options.layout == render_options::layout_kind::vertical) {  // for print: time runs down the page
    const vertical::layout l = vertical::lay_out(p);
    vertical::write(p, l, 0, l.rows.size(), out);
    return;
  }
  svg::draw(p, {.standalone = true, .link_to_list = false}, out);
}

}  // namespace annals
