// csv: one row per event, RFC 4180 (CRLF, quoted fields), formulas neutralized. The
// incident columns (milestone, offset from impact start) and a disputed date's readings
// are the presentation's, as the text format shows them.

#include <ostream>
#include <span>

#include "output/citations.hpp"
#include "output/escape.hpp"
#include "output/render_formats.hpp"

namespace annals {

namespace {

std::string joined(const presentation& p, std::span<const symbol> symbols) {
  std::string s;
  for (symbol x : symbols) s += (s.empty() ? "" : "; ") + std::string(p.name(x));
  return s;
}

std::string bound_cell(instant t, precision p, zone tz) {
  if (t == open_start || t == open_end) return "";
  return format_bound(t, p, tz);
}

// "browne; browne p. 201; kazemzadeh pp. 45–47 (the treaty's text)": each citation's id
// with its locator and note.
std::string cited_cell(const event_view& v) {
  std::string s;
  for (const shown_source& c : v.sources) {
    s += (s.empty() ? "" : "; ") + std::string(c.id);
    if (!c.at) continue;
    if (const std::string at = locator_text(*c.at); !at.empty()) s += " " + at;
    if (!c.at->note.empty()) s += " (" + c.at->note + ")";
  }
  return s;
}

}  // namespace

void write_csv(const presentation& p, std::ostream& out) {
  const auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t k = 0; k < cells.size(); ++k) out << (k ? "," : "") << csv_field(cells[k]);
    out << "\r\n";
  };
  row({"id", "date", "earliest", "latest", "precision", "approximate", "uncertain", "title", "kind", "actors",
       "place", "tags", "sources", "links", "description", "inferred_earliest", "inferred_latest", "order_uncertain",
       "calendar", "zone", "milestone", "offset", "readings"});
  // An event carries at most one milestone; a timeline has a handful.
  const auto milestone_of = [&p](symbol id) -> std::string {
    for (const milestone_mark& m : p.milestones()) {
      if (m.event == id) return std::string(to_string(m.kind));
    }
    return {};
  };
  for (std::size_t k = 0; k < p.size(); ++k) {
    const event_view v = p.view(k);
    const event& e = *v.e;
    const temporal_value& d = v.date;
    std::string links;
    for (const shown_link& l : v.links) {
      links += (links.empty() ? "" : "; ") + std::string(to_string(l.kind)) + ' ' + std::string(l.target_id);
    }
    const bool inferred = p.narrowed(v.index);
    const event_bounds& b = p.bounds(v.index);
    row({std::string(p.name(e.id)), v.label, bound_cell(d.earliest, d.prec, d.tz),
         bound_cell(d.latest, d.prec, d.tz), std::string(to_string(d.prec)), d.approximate ? "true" : "false",
         d.uncertain ? "true" : "false", std::string(e.title), std::string(p.name(e.kind)),
         joined(p, e.actors), std::string(p.name(e.place)), joined(p, e.tags), cited_cell(v), links,
         std::string(e.description), inferred ? bound_cell(b.start_min, d.prec, d.tz) : "",
         inferred ? bound_cell(b.end_max, d.prec, d.tz) : "", v.order_uncertain ? "true" : "false",
         std::string(to_string(d.cal)), std::string(zone_name(d.tz)), milestone_of(e.id), v.offset,
         p.readings(e)});
  }
}

}  // namespace annals
