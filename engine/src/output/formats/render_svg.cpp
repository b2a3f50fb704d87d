// svg: the timeline drawing alone, as a standalone SVG file.

#include <ostream>

#include "output/render_formats.hpp"
#include "output/svg_writer.hpp"

namespace annals {

void write_svg(const presentation& p, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg::draw(p, {.standalone = true, .link_to_list = false}, out);
}

}  // namespace annals
