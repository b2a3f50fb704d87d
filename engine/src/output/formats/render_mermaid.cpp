// mermaid: a `timeline` diagram, one section per era or year heading, one period per date label.

#include <ostream>

#include "output/escape.hpp"
#include "output/render_formats.hpp"

namespace annals {

void write_mermaid(const presentation& p, std::ostream& out) {
  out << "timeline\n";
  const std::string title = p.title(" + ", "");
  if (!title.empty()) out << "    title " << escape_mermaid(title) << '\n';
  std::optional<std::string> section, period;  // period: the open line's label
  for (std::size_t k = 0; k < p.size(); ++k) {
    const event_view v = p.view(k);
    // The section: the era the event falls in, else its year heading.
    const era* in = p.era_of(k);
    const std::string heading = in ? presentation::era_heading(*in) : v.heading;
    if (heading != section) {
      if (period) out << '\n';
      out << "    section " << escape_mermaid(heading) << '\n';
      section = heading;
      period.reset();
    }
    // Events with the same label share a period line: `label : one : two`.
    const std::string label = escape_mermaid(v.label);
    if (label != period) {
      if (period) out << '\n';
      out << "        " << label;
      period = label;
    }
    out << " : " << escape_mermaid(v.e->title);
  }
  if (period) out << '\n';
}

}  // namespace annals
