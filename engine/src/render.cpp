#include "annals/render.hpp"

#include <algorithm>
#include <array>

#include "render_formats.hpp"

namespace annals {

namespace {

// The format table: one row per format, in the order --help lists them.
constexpr std::array<renderer_entry, 3> table = {{
    {"html", "a self-contained web page: the timeline drawing and the event list", make_html_renderer},
    {"svg", "the timeline drawing alone (SVG)", make_svg_renderer},
    {"timelinejs", "TimelineJS3 JSON", make_timelinejs_renderer},
}};

}  // namespace

std::span<const renderer_entry> renderers() { return table; }

const renderer_entry* find_renderer(std::string_view name) {
  auto it = std::find_if(table.begin(), table.end(), [&](const renderer_entry& e) { return e.name == name; });
  return it == table.end() ? nullptr : &*it;
}

}  // namespace annals
