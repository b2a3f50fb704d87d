#include "annals/order.hpp"

#include <algorithm>
#include <tuple>

#include "reasoning/constraints.hpp"
#include "model/graph.hpp"
#include "model/link_table.hpp"
#include "time/zones.hpp"

namespace annals {

namespace {

// Arcs earlier -> later for every link and relative date that orders two events.
struct ordering_graph {
  digraph g;
  std::vector<std::uint32_t> heads;  // by arc id
};

ordering_graph make_ordering_graph(const timeline& tl) {
  std::vector<std::uint32_t> tails, heads;
  auto arc = [&](std::uint32_t from, std::uint32_t to) {
    tails.push_back(from);
    heads.push_back(to);
  };
  // A relation puts its source first; a part lies within its whole, which orders neither.
  auto relate = [&](link_kind kind, std::uint32_t holder, std::uint32_t target) {
    const link_info& k = info(kind);
    if (k.relation == time_relation::within || k.relation == time_relation::none) return;
    const auto [earlier, later] = ends(kind, holder, target);
    arc(earlier, later);
  };
  for (std::uint32_t h = 0; h < tl.events.size(); ++h) {
    const event& e = tl.events[h];
    for (const link& l : e.links) {
      if (const auto found = tl.find_event(l.target)) relate(l.kind, h, static_cast<std::uint32_t>(*found));
    }
    if (!e.relative) continue;
    if (const auto found = tl.find_event(e.relative->anchor)) {
      relate(relation_link(e.relative->rel), h, static_cast<std::uint32_t>(*found));
    }
  }
  digraph g = make_digraph(static_cast<std::uint32_t>(tl.events.size()), tails, heads);
  return {std::move(g), std::move(heads)};
}

// The cycles and, by event, the cyclic group it belongs to (UINT32_MAX: none).
struct cycle_groups {
  std::vector<std::vector<std::uint32_t>> cycles;
  std::vector<std::uint32_t> group_of;
};

cycle_groups find_groups(const timeline& tl) {
  const ordering_graph og = make_ordering_graph(tl);
  const components cs = strongly_connected(og.g);
  const std::vector<bool> cyclic = cyclic_components(og.g, cs);
  cycle_groups out;
  out.group_of.assign(og.g.nodes(), UINT32_MAX);
  std::vector<bool> seen(cs.count, false);
  // Events in file order: each group's cycle starts at its first event.
  for (std::uint32_t v = 0; v < og.g.nodes(); ++v) {
    const std::uint32_t c = cs.of[v];
    if (!cyclic[c]) continue;
    out.group_of[v] = c;
    if (seen[c]) continue;
    seen[c] = true;
    std::vector<std::uint32_t> cycle{v};
    const std::vector<std::uint32_t> arcs = cycle_through(og.g, cs, v);
    for (std::size_t i = 0; i + 1 < arcs.size(); ++i) cycle.push_back(og.heads[arcs[i]]);
    out.cycles.push_back(std::move(cycle));
  }
  return out;
}

// Whether a link or a relative date of `a` names `b`.
bool names(const timeline& tl, std::uint32_t a, std::uint32_t b) {
  const event& e = tl.events[a];
  const symbol id = tl.events[b].id;
  if (e.relative && e.relative->anchor == id) return true;
  return std::any_of(e.links.begin(), e.links.end(), [id](const link& l) { return l.target == id; });
}

}  // namespace

std::vector<std::vector<std::uint32_t>> find_cycles(const timeline& tl) { return find_groups(tl).cycles; }

diagnostic cycle_diagnostic(const timeline& tl, const std::vector<std::uint32_t>& cycle) {
  const event& first = tl.events[cycle.front()];
  diagnostic d;
  d.code = "causal-cycle";
  d.file = tl.files.empty() ? std::string() : tl.file_of(first.pos);
  d.line = first.pos.line;
  d.column = first.pos.column;
  d.message = "cycle of links:";
  for (std::uint32_t e : cycle) d.message += " '" + std::string(tl.names.name(tl.events[e].id)) + "' →";
  d.message += " '" + std::string(tl.names.name(first.id)) + "'";
  return d;
}

instant position_of(const event& e, const event_bounds& b) {
  const temporal_value& d = e.date;
  if (b.start_min != open_start) {
    const instant written = e.relative || d.stated_earliest == open_start ? b.start_min : d.stated_earliest;
    return std::min(std::max(written, b.start_min), b.start_max);
  }
  if (b.end_max != open_end) {
    // At the start of the last unit it can end in, so that it comes before what follows it.
    const instant end = e.relative || d.stated_latest == open_end ? b.end_max : std::min(d.stated_latest, b.end_max);
    return detail::local_unit_start(d.tz, end, e.relative ? d.prec : d.end.prec);
  }
  return open_end;
}

chronology order_events(const timeline& tl, std::vector<diagnostic>& out) {
  const auto n = static_cast<std::uint32_t>(tl.events.size());
  const cycle_groups groups = find_groups(tl);
  for (const auto& cycle : groups.cycles) out.push_back(cycle_diagnostic(tl, cycle));
  // Links inside a cyclic group are left out of propagation: the cycle is the error.
  const std::vector<constraint> cs = build_constraints(tl, groups.group_of);
  network_result net = propagate(tl, cs, out);

  chronology ch;
  ch.bounds = std::move(net.bounds);
  ch.narrowed.assign(n, false);
  for (std::uint32_t i = 0; i < n; ++i) {
    const temporal_value& d = tl.events[i].date;
    ch.narrowed[i] = !net.broken[i] && (ch.bounds[i].start_min > d.earliest || ch.bounds[i].end_max < d.latest);
  }
  ch.position.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) ch.position[i] = position_of(tl.events[i], ch.bounds[i]);
  ch.order.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) ch.order[i] = i;
  auto key = [&](std::uint32_t i) { return std::tuple(ch.position[i], ch.bounds[i].end_max, net.level[i], i); };
  std::sort(ch.order.begin(), ch.order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });

  // Neighbours whose intervals overlap can have happened either way round unless
  // a link joins them. Only direct links are checked: a chain through a third
  // event usually already separates the bounds.
  ch.order_uncertain.assign(n, false);
  for (std::uint32_t k = 0; k + 1 < n; ++k) {
    const std::uint32_t a = ch.order[k], b = ch.order[k + 1];
    const bool overlap = ch.bounds[a].end_max >= ch.bounds[b].start_min;
    if (overlap && !names(tl, a, b) && !names(tl, b, a)) ch.order_uncertain[a] = ch.order_uncertain[b] = true;
  }
  return ch;
}

}  // namespace annals
