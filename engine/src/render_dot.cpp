// dot: the causal graph for Graphviz; events ranked beside the tick of a time axis.

#include <map>
#include <ostream>
#include <set>

#include "escape.hpp"
#include "render_common.hpp"
#include "render_formats.hpp"

namespace annals {

namespace {

enum class tick_unit { year, month, day };

struct edge_style {
  bool forward;            // the link points from this event to its target
  std::string_view attrs;  // Graphviz attributes
};

edge_style style_of(link_kind k) {
  switch (k) {
    case link_kind::causes: return {true, "color=\"#b03a2e\""};
    case link_kind::caused_by: return {false, "color=\"#b03a2e\""};
    case link_kind::enables: return {true, "color=\"#1f618d\""};
    case link_kind::enabled_by: return {false, "color=\"#1f618d\""};
    case link_kind::responds_to: return {false, "color=\"#7d3c98\", label=\"responds to\""};
    case link_kind::part_of: return {true, "style=dotted, arrowhead=odiamond, label=\"part of\""};
    case link_kind::after: return {false, "style=dashed, color=gray40"};
    case link_kind::before: return {true, "style=dashed, color=gray40"};
  }
  return {true, ""};
}

// The instant that places an event on the axis: where it begins, or ends when only that is known.
std::optional<instant> anchor_of(const event& e) {
  const auto [first, last] = written_span(e.date);
  if (first != open_start) return first;
  if (last != open_end) return last;
  return std::nullopt;
}

std::string tick_name(instant t, tick_unit unit) {
  const civil_time c = to_civil(t);
  switch (unit) {
    case tick_unit::year: return year_label(c.year);
    case tick_unit::month: return std::string(month_abbr(c.month)) + ' ' + year_label(c.year);
    case tick_unit::day: return std::to_string(c.day) + ' ' + std::string(month_abbr(c.month)) + ' ' + year_label(c.year);
  }
  return {};
}

// A sortable key for a tick: ticks are named by text but ordered by time.
instant tick_start(instant t, tick_unit unit) {
  const civil_time c = to_civil(t);
  switch (unit) {
    case tick_unit::year: return from_civil(c.year, 1, 1);
    case tick_unit::month: return from_civil(c.year, c.month, 1);
    case tick_unit::day: return from_civil(c.year, c.month, c.day);
  }
  return t;
}

class dot_renderer final : public renderer {
 public:
  void render(const timeline& tl, const chronology& chron, const render_options&, std::ostream& out) const override {
    std::string name = "timeline";
    std::string title;
    if (!tl.files.empty()) {
      if (tl.files.front().id != no_symbol) name = tl.names.name(tl.files.front().id);
      title = tl.files.front().title;
    }
    // The axis unit: years over a long span, months over a few, else days.
    std::optional<instant> lo, hi;
    for (std::uint32_t i : chron.order) {
      if (auto a = anchor_of(tl.events[i])) {
        lo = std::min(lo.value_or(*a), *a);
        hi = std::max(hi.value_or(*a), *a);
      }
    }
    tick_unit unit = tick_unit::year;
    if (lo && hi) {
      const auto days = std::chrono::floor<std::chrono::days>(*hi - *lo).count();
      unit = days > 730 ? tick_unit::year : days > 62 ? tick_unit::month : tick_unit::day;
    }

    out << "digraph " << dot_string(name) << " {\n";
    out << "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", labelloc=t";
    if (!title.empty()) out << ", label=" << dot_string(title);
    out << "];\n";
    out << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#fdfefe\", fontname=\"Helvetica\", fontsize=11];\n";
    out << "  edge [fontname=\"Helvetica\", fontsize=9];\n\n";

    // The time axis: one tick per period that holds an event, chained in order.
    std::map<instant, std::vector<std::uint32_t>> ticks;
    std::vector<std::uint32_t> undated;
    for (std::uint32_t i : chron.order) {
      if (auto a = anchor_of(tl.events[i])) {
        ticks[tick_start(*a, unit)].push_back(i);
      } else {
        undated.push_back(i);
      }
    }
    if (!ticks.empty()) {
      out << "  subgraph axis {\n    node [shape=plaintext, style=\"\", fontcolor=gray30, fontsize=12];\n";
      out << "    edge [color=gray70, arrowhead=none];\n";
      std::string chain;
      for (const auto& [t, events] : ticks) {
        const std::string tick = dot_string("tick:" + tick_name(t, unit));
        out << "    " << tick << " [label=" << dot_string(tick_name(t, unit)) << "];\n";
        chain += (chain.empty() ? "    " : " -> ") + tick;
      }
      if (ticks.size() > 1) out << chain << ";\n";
      out << "  }\n\n";
    }

    std::set<symbol> shown;
    for (std::uint32_t i : chron.order) shown.insert(tl.events[i].id);
    const auto node = [&](std::uint32_t i) {
      const event& e = tl.events[i];
      std::string label = std::string(e.title) + "\n" + date_label(e.date);
      const shown_bounds b = bounds_of(tl, chron, i);
      if (b.inferred) label += "\ninferred: " + range_label(b.inferred_earliest, b.inferred_latest);
      out << "  " << dot_string(tl.names.name(e.id)) << " [label=" << dot_string(label);
      if (b.inferred) out << ", style=\"rounded,filled,dashed\"";
      if (i < chron.order_uncertain.size() && chron.order_uncertain[i]) out << ", color=\"#ca6f1e\"";
      out << "];\n";
    };
    for (const auto& [t, events] : ticks) {
      for (std::uint32_t i : events) node(i);
      out << "  { rank=same; " << dot_string("tick:" + tick_name(t, unit)) << ";";
      for (std::uint32_t i : events) out << ' ' << dot_string(tl.names.name(tl.events[i].id)) << ';';
      out << " }\n";
    }
    for (std::uint32_t i : undated) node(i);

    out << '\n';
    for (std::uint32_t i : chron.order) {
      const event& e = tl.events[i];
      for (const link& l : e.links) {
        if (!shown.contains(l.target)) continue;  // filtered out
        const edge_style s = style_of(l.kind);
        const std::string self = dot_string(tl.names.name(e.id)), other = dot_string(tl.names.name(l.target));
        out << "  " << (s.forward ? self : other) << " -> " << (s.forward ? other : self) << " [" << s.attrs << "];\n";
      }
    }
    out << "}\n";
  }
};

}  // namespace

std::unique_ptr<renderer> make_dot_renderer() { return std::make_unique<dot_renderer>(); }

}  // namespace annals
