// csv: one row per event, RFC 4180 (CRLF, quoted fields), formulas neutralized.

#include <ostream>
#include <span>

#include "escape.hpp"
#include "render_common.hpp"
#include "render_formats.hpp"

namespace annals {

namespace {

std::string joined(const timeline& tl, std::span<const symbol> symbols) {
  std::string s;
  for (symbol x : symbols) s += (s.empty() ? "" : "; ") + std::string(tl.names.name(x));
  return s;
}

std::string bound_cell(instant t, precision p) {
  if (t == open_start || t == open_end) return "";
  return format_bound(t, p);
}

class csv_renderer final : public renderer {
 public:
  void render(const timeline& tl, const chronology& chron, const render_options&, std::ostream& out) const override {
    const auto row = [&](const std::vector<std::string>& cells) {
      for (std::size_t k = 0; k < cells.size(); ++k) out << (k ? "," : "") << csv_field(cells[k]);
      out << "\r\n";
    };
    row({"id", "date", "earliest", "latest", "precision", "approximate", "uncertain", "title", "kind", "actors",
         "place", "tags", "sources", "links", "description", "inferred_earliest", "inferred_latest",
         "order_uncertain"});
    for (std::uint32_t i : chron.order) {
      const event& e = tl.events[i];
      const shown_bounds b = bounds_of(tl, chron, i);
      std::string links;
      for (const link& l : e.links) {
        links += (links.empty() ? "" : "; ") + std::string(to_string(l.kind)) + ' ' + std::string(tl.names.name(l.target));
      }
      row({std::string(tl.names.name(e.id)), date_label(e.date), bound_cell(e.date.earliest, e.date.prec),
           bound_cell(e.date.latest, e.date.prec), std::string(to_string(e.date.prec)),
           e.date.approximate ? "true" : "false", e.date.uncertain ? "true" : "false", std::string(e.title),
           std::string(tl.names.name(e.kind)), joined(tl, e.actors), std::string(tl.names.name(e.place)),
           joined(tl, e.tags), joined(tl, e.sources), links, std::string(e.description),
           b.inferred ? bound_cell(b.inferred_earliest, e.date.prec) : "",
           b.inferred ? bound_cell(b.inferred_latest, e.date.prec) : "",
           i < chron.order_uncertain.size() && chron.order_uncertain[i] ? "true" : "false"});
    }
  }
};

}  // namespace

std::unique_ptr<renderer> make_csv_renderer() { return std::make_unique<csv_renderer>(); }

}  // namespace annals
