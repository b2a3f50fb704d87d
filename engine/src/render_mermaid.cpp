// mermaid: a `timeline` diagram, one section per year, one period per date label.

#include <ostream>

#include "escape.hpp"
#include "render_common.hpp"
#include "render_formats.hpp"

namespace annals {

namespace {

class mermaid_renderer final : public renderer {
 public:
  void render(const timeline& tl, const chronology& chron, const render_options&, std::ostream& out) const override {
    out << "timeline\n";
    if (!tl.files.empty() && !tl.files.front().title.empty()) {
      out << "    title " << escape_mermaid(tl.files.front().title) << '\n';
    }
    std::optional<std::string> section, period;  // period: the open line's label
    for (std::uint32_t i : chron.order) {
      const event& e = tl.events[i];
      const std::string year = heading_of(e.date);
      if (year != section) {
        if (period) out << '\n';
        out << "    section " << escape_mermaid(year) << '\n';
        section = year;
        period.reset();
      }
      // Events with the same label share a period line: `label : one : two`.
      const std::string label = escape_mermaid(date_label(e.date));
      if (label != period) {
        if (period) out << '\n';
        out << "        " << label;
        period = label;
      }
      out << " : " << escape_mermaid(e.title);
    }
    if (period) out << '\n';
  }
};

}  // namespace

std::unique_ptr<renderer> make_mermaid_renderer() { return std::make_unique<mermaid_renderer>(); }

}  // namespace annals
