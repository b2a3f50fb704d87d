// svg: the timeline drawing alone, as a standalone SVG file.

#include <ostream>

#include "render_formats.hpp"
#include "svg_drawing.hpp"

namespace annals {

namespace {

class svg_renderer final : public renderer {
 public:
  void render(const timeline& tl, const chronology& chron, const render_options& options,
              std::ostream& out) const override {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg::draw(tl, chron, options, {.standalone = true, .link_to_list = false}, out);
  }
};

}  // namespace

std::unique_ptr<renderer> make_svg_renderer() { return std::make_unique<svg_renderer>(); }

}  // namespace annals
