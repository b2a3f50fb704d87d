// markdown: a document to paste into a report: year headings, an entry per event,
// sources as links.

#include <algorithm>
#include <ostream>

#include "escape.hpp"
#include "annals/gaps.hpp"
#include "render_common.hpp"
#include "render_formats.hpp"

namespace annals {

namespace {

// A URL as a markdown link target: only safe schemes, and nothing that ends the target.
std::string link_target(std::string_view url) {
  std::string out;
  for (char c : url) {
    switch (c) {
      case '(': out += "%28"; break;
      case ')': out += "%29"; break;
      case '<': out += "%3C"; break;
      case '>': out += "%3E"; break;
      case '"': out += "%22"; break;
      default: out += c;
    }
  }
  return out;
}

std::string source_text(const timeline& tl, symbol id) {
  const source* src = find_source(tl, id);
  const std::string title = src && !src->title.empty() ? src->title : std::string(tl.names.name(id));
  if (src && is_safe_url(src->url)) {
    std::string link = "[";
    link += escape_markdown(title);
    link += "](";
    link += link_target(src->url);
    link += ')';
    return link;
  }
  return escape_markdown(title);
}

class markdown_renderer final : public renderer {
 public:
  void render(const timeline& tl, const chronology& chron, const render_options&, std::ostream& out) const override {
    std::string title = "Chronology";
    if (!tl.files.empty() && !tl.files.front().title.empty()) title = tl.files.front().title;
    out << "# " << escape_markdown(title) << "\n\n";
    if (chron.order.empty()) {
      out << "No events.\n";
      return;
    }
    const event& first = tl.events[chron.order.front()];
    const event& last = tl.events[chron.order.back()];
    out << chron.order.size() << (chron.order.size() == 1 ? " event" : " events") << ", "
        << escape_markdown(date_label(first.date));
    if (chron.order.size() > 1) out << " to " << escape_markdown(date_label(last.date));
    out << ".\n";

    std::optional<std::string> year_heading;
    std::optional<std::uint32_t> latest_so_far;  // the shown event that ends last
    std::vector<symbol> cited;
    for (std::uint32_t i : chron.order) {
      const event& e = tl.events[i];
      if (latest_so_far) {
        if (auto gap = gap_marker(tl, chron, *latest_so_far, i)) out << "\n*" << *gap << "*\n";
      }
      // The gap runs from the event that ends last, not merely the one before (a long
      // span can outlast the events after it).
      if (!latest_so_far || chron.bounds[i].end_max > chron.bounds[*latest_so_far].end_max) latest_so_far = i;

      const std::string year = heading_of(e.date);
      if (year != year_heading) {
        out << "\n## " << escape_markdown(year) << "\n\n";
        year_heading = year;
      }

      out << "- **" << escape_markdown(date_label(e.date)) << "** — " << escape_markdown(e.title) << '\n';
      std::string who;
      for (symbol s : e.actors) who += (who.empty() ? "" : ", ") + actor_name(tl, s);
      if (e.place != no_symbol) who += (who.empty() ? "" : " · ") + place_name(tl, e.place);
      if (!who.empty()) out << "  - *" << escape_markdown(who) << "*\n";
      if (e.date.cal != calendar::gregorian) {
        out << "  - as written: " << escape_markdown(e.date_text) << " (" << calendar_title(e.date.cal) << ")\n";
      }
      if (!e.description.empty()) out << "  - " << escape_markdown(e.description) << '\n';
      for (const link& l : e.links) {
        out << "  - " << link_phrase(l.kind) << ' ' << escape_markdown(tl.names.name(l.target)) << '\n';
      }
      const shown_bounds b = bounds_of(tl, chron, i);
      if (b.inferred) {
        out << "  - inferred from links: " << escape_markdown(range_label(b.inferred_earliest, b.inferred_latest)) << '\n';
      }
      if (i < chron.order_uncertain.size() && chron.order_uncertain[i]) out << "  - order uncertain\n";
      if (!e.sources.empty()) {
        out << "  - source" << (e.sources.size() > 1 ? "s" : "") << ": ";
        for (std::size_t k = 0; k < e.sources.size(); ++k) out << (k ? ", " : "") << source_text(tl, e.sources[k]);
        out << '\n';
      }
      for (symbol s : e.sources) {
        if (std::find(cited.begin(), cited.end(), s) == cited.end()) cited.push_back(s);
      }
    }

    if (!cited.empty()) {
      out << "\n## Sources\n\n";
      for (symbol s : cited) {
        const source* src = find_source(tl, s);
        out << "- " << source_text(tl, s);
        if (src && !src->date.empty()) out << " (" << escape_markdown(src->date) << ")";
        out << '\n';
      }
    }
  }
};

}  // namespace

std::unique_ptr<renderer> make_markdown_renderer() { return std::make_unique<markdown_renderer>(); }

}  // namespace annals
