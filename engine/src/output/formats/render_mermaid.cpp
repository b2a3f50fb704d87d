// mermaid: a `timeline` diagram, one section per era section or year heading, one period per date label.

#include <ostream>

#include "output/escape.hpp"
#include "output/render_formats.hpp"

namespace annals {

void write_mermaid(const presentation& p, std::ostream& out) {
  out << "timeline\n";
  const std::string title = p.title(" + ", "");
  if (!title.empty()) out << "    title " << escape_mermaid(title) << '\n';
  std::optional<std::string> section, period;  // period: the open line's label
  // Era sections as text and markdown have them (presentation::era_section): a section
  // names every era in force (so an era reopened after another is named anew); events no
  // era holds are under their years. Mermaid has no empty section: an era that holds no
  // event is left to the other formats, and the sections on either side of it are one.
  const auto& sections = p.sections();
  std::size_t s = 0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    while (sections[s].last <= k) ++s;  // the section that holds the k-th event
    const event_view v = p.view(k);
    const std::string heading = sections[s].eras.empty() ? v.heading : p.eras_heading(sections[s].eras);
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
