// dot: the causal graph for Graphviz; events ranked beside the tick of a time axis.

#include <map>
#include <ostream>
#include <set>

#include "time/civil.hpp"
#include "time/date_label.hpp"
#include "output/escape.hpp"
#include "model/link_table.hpp"
#include "output/render_formats.hpp"
#include "time/zones.hpp"

namespace annals {

namespace {

enum class tick_unit { year, month, day };

// The tick an event's position falls on: a day, month or year in the writer's zone.
struct tick {
  std::int64_t key;  // a sortable number: the day, the month index or the year
  std::string name;
};

tick tick_of(instant at, zone tz, tick_unit unit) {
  const std::int64_t day = detail::local_day(tz, at);
  const civil::ymd d = civil::civil_from_days(day);
  switch (unit) {
    case tick_unit::year: return {d.y, year_label(d.y)};
    case tick_unit::month: return {d.y * 12 + d.m - 1, std::string(month_abbr(d.m)) + ' ' + year_label(d.y)};
    case tick_unit::day: return {day, day_label(day)};
  }
  return {day, day_label(day)};
}

}  // namespace

void write_dot(const presentation& p, std::ostream& out) {
  const timeline& tl = p.tl;
  const chronology& chron = p.chron;
  std::string name = "timeline";
  std::string title;
  if (!tl.files.empty()) {
    if (tl.files.front().id != no_symbol) name = tl.names.name(tl.files.front().id);
    title = tl.files.front().title;
  }
  // The axis unit: years over a long span, months over a few, else days.
  std::optional<instant> lo, hi;
  for (std::uint32_t i : chron.order) {
    const instant a = chron.position[i];
    if (a == open_end) continue;
    lo = std::min(lo.value_or(a), a);
    hi = std::max(hi.value_or(a), a);
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
  std::map<std::int64_t, std::pair<std::string, std::vector<std::size_t>>> ticks;  // key -> name, positions in order
  std::vector<std::size_t> undated;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const std::uint32_t i = chron.order[k];
    if (chron.position[i] == open_end) {
      undated.push_back(k);
      continue;
    }
    const tick t = tick_of(chron.position[i], tl.events[i].date.tz, unit);
    auto& slot = ticks[t.key];
    slot.first = t.name;
    slot.second.push_back(k);
  }
  if (!ticks.empty()) {
    out << "  subgraph axis {\n    node [shape=plaintext, style=\"\", fontcolor=gray30, fontsize=12];\n";
    out << "    edge [color=gray70, arrowhead=none];\n";
    std::string chain;
    for (const auto& [key, t] : ticks) {
      const std::string id = dot_string("tick:" + t.first);
      out << "    " << id << " [label=" << dot_string(t.first) << "];\n";
      chain += (chain.empty() ? "    " : " -> ") + id;
    }
    if (ticks.size() > 1) out << chain << ";\n";
    out << "  }\n\n";
  }

  std::set<symbol> shown;
  for (std::uint32_t i : chron.order) shown.insert(tl.events[i].id);
  const auto node = [&](std::size_t k) {
    const event_view v = p.view(k);
    std::string label = std::string(v.e->title) + "\n" + v.label;
    if (!v.inferred.empty()) label += "\ninferred: " + v.inferred;
    out << "  " << dot_string(tl.names.name(v.e->id)) << " [label=" << dot_string(label);
    if (!v.inferred.empty()) out << ", style=\"rounded,filled,dashed\"";
    if (v.order_uncertain) out << ", color=\"#ca6f1e\"";
    out << "];\n";
  };
  for (const auto& [key, t] : ticks) {
    for (std::size_t k : t.second) node(k);
    out << "  { rank=same; " << dot_string("tick:" + t.first) << ";";
    for (std::size_t k : t.second) out << ' ' << dot_string(tl.names.name(tl.events[chron.order[k]].id)) << ';';
    out << " }\n";
  }
  for (std::size_t k : undated) node(k);

  out << '\n';
  for (std::uint32_t i : chron.order) {
    const event& e = tl.events[i];
    for (const link& l : e.links) {
      if (!shown.contains(l.target)) continue;  // filtered out
      // Every edge runs from the link's source to its target, labelled as the source reads it.
      const link_info& k = info(l.kind);
      const auto [from, to] = ends(l.kind, e.id, l.target);
      out << "  " << dot_string(tl.names.name(from)) << " -> " << dot_string(tl.names.name(to)) << " ["
          << k.dot_attrs << ", label=" << dot_string(k.source_words) << "];\n";
    }
  }
  out << "}\n";
}

}  // namespace annals
