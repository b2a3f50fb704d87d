#include "annals/render.hpp"

#include <algorithm>
#include <array>
#include <sstream>

#include "output/presentation.hpp"
#include "output/raster.hpp"
#include "output/render_formats.hpp"

namespace annals {

namespace {

// The format table: one row per format, in the order --help lists them.
constexpr std::array<renderer_entry, 13> table = {{
    {"text", "a chronology for the terminal (the default)", write_text},
    {"markdown", "a document to paste into a report", write_markdown},
    {"json", "the normalized events as JSON (schemas/render.schema.json)", write_json},
    {"csv", "one row per event (RFC 4180), for spreadsheets", write_csv},
    {"html", "a self-contained web page: the timeline drawing and the event list", write_html},
    {"svg", "the timeline drawing alone (SVG)", write_svg},
    {"dot", "the causal graph for Graphviz, in order down the page beside a time spine", write_dot},
    {"mermaid", "a Mermaid timeline diagram", write_mermaid},
    {"ics", "an iCalendar file (RFC 5545), one event each", write_ics},
    {"timelinejs", "TimelineJS3 JSON", write_timelinejs},
    {"postmortem", "an incident review in the Google SRE template's shape (markdown), from the milestones",
     write_postmortem, postmortem_missing},
    {"png", "a picture: the drawing above the list of every event (2400 px wide; librsvg)", write_png, nullptr,
     raster::unavailable},
    {"pdf", "A4 pages to print: the drawing, then every event down the page (librsvg, cairo)", write_pdf, nullptr,
     raster::unavailable},
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
    first = e.relative ? chron.bounds[i].start_min : std::max(first, chron.bounds[i].start_min);
    last = e.relative ? chron.bounds[i].end_max : std::min(last, chron.bounds[i].end_max);
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

void render(const renderer_entry& format, const timeline& tl, const chronology& chron, const render_options& options,
            std::ostream& out, render_report& report) {
  const presentation p(tl, chron, options, report);
  format.write(p, out);
}

std::optional<std::string> render_to_string(std::string_view name, const timeline& tl, const chronology& chron,
                                            const render_options& options, render_report* report) {
  const renderer_entry* entry = find_renderer(name);
  if (entry == nullptr) return std::nullopt;
  std::ostringstream out;
  render_report ignored;
  render(*entry, tl, chron, options, out, report ? *report : ignored);
  return std::move(out).str();
}

}  // namespace annals
