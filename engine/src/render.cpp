#include "annals/render.hpp"

#include <algorithm>
#include <array>
#include <sstream>

#include "render_formats.hpp"

namespace annals {

namespace {

// The format table: one row per format, in the order --help lists them.
constexpr std::array<renderer_entry, 10> table = {{
    {"text", "a chronology for the terminal (the default)", make_text_renderer},
    {"markdown", "a document to paste into a report", make_markdown_renderer},
    {"json", "the normalized events as JSON (schemas/render.schema.json)", make_json_renderer},
    {"csv", "one row per event (RFC 4180), for spreadsheets", make_csv_renderer},
    {"html", "a self-contained web page: the timeline drawing and the event list", make_html_renderer},
    {"svg", "the timeline drawing alone (SVG)", make_svg_renderer},
    {"dot", "the causal graph for Graphviz, ranked on a time axis", make_dot_renderer},
    {"mermaid", "a Mermaid timeline diagram", make_mermaid_renderer},
    {"ics", "an iCalendar file (RFC 5545), one event each", make_ics_renderer},
    {"timelinejs", "TimelineJS3 JSON", make_timelinejs_renderer},
}};

bool any_named(const timeline& tl, const std::vector<std::string>& names, symbol s) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return tl.names.find(n) == s; });
}

bool any_of_named(const timeline& tl, const std::vector<std::string>& names, const stored_list<symbol>& have) {
  return std::any_of(have.begin(), have.end(), [&](symbol s) { return any_named(tl, names, s); });
}

bool selected(const timeline& tl, const chronology& chron, std::size_t i, const render_filter& f) {
  const event& e = tl.events[i];
  if (!f.kinds.empty() && !any_named(tl, f.kinds, e.kind)) return false;
  if (!f.places.empty() && !any_named(tl, f.places, e.place)) return false;
  if (!f.actors.empty() && !any_of_named(tl, f.actors, e.actors)) return false;
  if (!f.tags.empty() && !any_of_named(tl, f.tags, e.tags)) return false;
  instant first = e.date.earliest, last = e.date.latest;
  if (i < chron.bounds.size()) {
    first = std::max(first, chron.bounds[i].start_min);
    last = std::min(last, chron.bounds[i].end_max);
  }
  // Keep every event that can overlap [from, to]; an open end always can.
  if (f.from && last < *f.from) return false;
  if (f.to && first > *f.to) return false;
  return true;
}

}  // namespace

std::span<const renderer_entry> renderers() { return table; }

const renderer_entry* find_renderer(std::string_view name) {
  auto it = std::find_if(table.begin(), table.end(), [&](const renderer_entry& e) { return e.name == name; });
  return it == table.end() ? nullptr : &*it;
}

chronology apply_filter(const timeline& tl, chronology chron, const render_filter& filter) {
  std::erase_if(chron.order, [&](std::uint32_t i) { return !selected(tl, chron, i, filter); });
  return chron;
}

std::optional<std::string> render_to_string(std::string_view name, const timeline& tl, const chronology& chron,
                                            const render_options& options) {
  const renderer_entry* entry = find_renderer(name);
  if (entry == nullptr) return std::nullopt;
  std::ostringstream out;
  entry->factory()->render(tl, chron, options, out);
  return std::move(out).str();
}

}  // namespace annals
