#include "annals/order.hpp"

#include <algorithm>
#include <functional>
#include <optional>
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
  std::vector<std::uint32_t> heads;     // by arc id
  std::vector<const duration*> shifts;  // by arc id: a relative date's `by` (the later is the earlier shifted), else null
  std::vector<zone> zones;              // by arc id: the zone a shift is counted in (its holder's)
};

ordering_graph make_ordering_graph(const timeline& tl) {
  std::vector<std::uint32_t> tails, heads;
  std::vector<const duration*> shifts;
  std::vector<zone> zones;
  // A relation puts its source first; a part lies within its whole, which orders neither.
  auto relate = [&](link_kind kind, std::uint32_t holder, std::uint32_t target, const duration* by = nullptr) {
    const link_info& k = info(kind);
    if (k.relation == time_relation::within || k.relation == time_relation::none) return;
    const auto [earlier, later] = ends(kind, holder, target);
    tails.push_back(earlier);
    heads.push_back(later);
    shifts.push_back(by);
    zones.push_back(tl.events[holder].date.tz);
  };
  for (std::uint32_t h = 0; h < tl.events.size(); ++h) {
    const event& e = tl.events[h];
    for (const link& l : e.links) {
      if (const auto found = tl.find_event(l.target)) relate(l.kind, h, static_cast<std::uint32_t>(*found));
    }
    if (!e.relative) continue;
    if (const auto found = tl.find_event(e.relative->anchor)) {
      relate(relation_link(e.relative->rel), h, static_cast<std::uint32_t>(*found),
             e.relative->by ? &*e.relative->by : nullptr);
    }
  }
  digraph g = make_digraph(static_cast<std::uint32_t>(tl.events.size()), tails, heads);
  return {std::move(g), std::move(heads), std::move(shifts), std::move(zones)};
}

// The ordering graph, its components (in topological order), the cycles and, by
// event, the cyclic group it belongs to (UINT32_MAX: none).
struct cycle_groups {
  ordering_graph og;
  components cs;
  std::vector<std::vector<std::uint32_t>> cycles;
  std::vector<std::uint32_t> group_of;
};

cycle_groups find_groups(const timeline& tl) {
  cycle_groups out{make_ordering_graph(tl), {}, {}, {}};
  const ordering_graph& og = out.og;
  out.cs = strongly_connected(og.g);
  const components& cs = out.cs;
  const std::vector<bool> cyclic = cyclic_components(og.g, cs);
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

// Whether a link from `tail` to `head` orders the two: one inside a cycle is left
// out, as it is of propagation (the cycle is the error).
bool orders(const cycle_groups& gs, std::uint32_t tail, std::uint32_t head) {
  return gs.cs.of[tail] != gs.cs.of[head];
}

// Positions moved so that no event falls before one that must come first: along the
// links in topological order, each event falls no earlier than each predecessor (shifted
// by a relative date's `by`), and never past the latest start its bounds allow. Its
// position stays within its bounds, and links only ever move it later.
void follow_links(const cycle_groups& gs, const std::vector<event_bounds>& bounds, std::vector<instant>& position) {
  const digraph& g = gs.og.g;
  const std::uint32_t n = g.nodes();
  // Events by component, components in topological order (a counting sort).
  std::vector<std::uint32_t> first(gs.cs.count + 1, 0), by_component(n);
  for (std::uint32_t c : gs.cs.of) ++first[c + 1];
  for (std::uint32_t c = 0; c < gs.cs.count; ++c) first[c + 1] += first[c];
  for (std::uint32_t v = 0; v < n; ++v) by_component[first[gs.cs.of[v]]++] = v;
  for (const std::uint32_t v : by_component) {
    const instant at = position[v];
    if (at == open_end) continue;  // an undated event comes last whatever follows it
    for (std::uint32_t a = g.first[v]; a < g.first[v + 1]; ++a) {
      const std::uint32_t w = g.heads[a];
      if (!orders(gs, v, w) || position[w] == open_end) continue;
      const std::uint32_t id = g.arc_ids[a];
      const instant earliest = gs.og.shifts[id] ? detail::add_local(gs.og.zones[id], at, *gs.og.shifts[id]) : at;
      position[w] = std::max(position[w], std::min(earliest, bounds[w].start_max));
    }
  }
}

// Events at one position keep their sorted order unless a link says otherwise: each run
// of equal positions that holds a link pointing backwards is put in the topological
// order that stays closest to the sorted one (Kahn's algorithm, taking the first ready
// event in sorted order). Positions rise along links (follow_links), so a chain of links
// between two events of a run stays inside it.
void order_ties(const cycle_groups& gs, const std::vector<instant>& position, std::vector<std::uint32_t>& order) {
  const digraph& g = gs.og.g;
  const auto n = static_cast<std::uint32_t>(order.size());
  std::vector<std::uint32_t> rank(n);
  for (std::uint32_t k = 0; k < n; ++k) rank[order[k]] = k;
  std::vector<std::uint32_t> waiting(n, 0);  // by event: links into it from its own run
  std::vector<std::uint32_t> ready, run;
  for (std::uint32_t lo = 0, hi = 0; lo < n; lo = hi) {
    for (hi = lo + 1; hi < n && position[order[hi]] == position[order[lo]];) ++hi;
    if (hi - lo < 2) continue;
    bool backwards = false;
    for (std::uint32_t k = lo; k < hi; ++k) {
      const std::uint32_t v = order[k];
      for (std::uint32_t a = g.first[v]; a < g.first[v + 1]; ++a) {
        const std::uint32_t w = g.heads[a];
        if (!orders(gs, v, w) || rank[w] < lo || rank[w] >= hi) continue;
        ++waiting[w];
        backwards = backwards || rank[w] < k;
      }
    }
    if (backwards) {
      // A min-heap of ranks: the ready event that sorted first goes next.
      ready.clear();
      run.clear();
      for (std::uint32_t k = lo; k < hi; ++k) {
        if (waiting[order[k]] == 0) ready.push_back(k);
      }
      std::make_heap(ready.begin(), ready.end(), std::greater<>());
      while (!ready.empty()) {
        std::pop_heap(ready.begin(), ready.end(), std::greater<>());
        const std::uint32_t v = order[ready.back()];
        ready.pop_back();
        run.push_back(v);
        for (std::uint32_t a = g.first[v]; a < g.first[v + 1]; ++a) {
          const std::uint32_t w = g.heads[a];
          if (!orders(gs, v, w) || rank[w] < lo || rank[w] >= hi) continue;
          if (--waiting[w] == 0) {
            ready.push_back(rank[w]);
            std::push_heap(ready.begin(), ready.end(), std::greater<>());
          }
        }
      }
      std::copy(run.begin(), run.end(), order.begin() + lo);  // every event of the run: its links form no cycle
    }
    for (std::uint32_t k = lo; k < hi; ++k) waiting[order[k]] = 0;
  }
}

// The first event marked impact_start (a second mark is duplicate-milestone), if any.
std::optional<std::uint32_t> impact_start(const timeline& tl) {
  for (const milestone_mark& m : tl.milestones) {
    if (m.kind != milestone::impact_start) continue;
    if (const auto found = tl.find_event(m.event)) return static_cast<std::uint32_t>(*found);
  }
  return std::nullopt;
}

// By event: how the constraints hold its start against `anchor`'s. A chain of
// constraints from one start to another puts the second no earlier (each step is
// "no earlier than", or a shift later by a relative date's `by`, never negative).
std::vector<start_side> start_sides(const std::vector<constraint>& cs, std::uint32_t events, std::uint32_t anchor) {
  std::vector<std::uint32_t> tails, heads;
  tails.reserve(cs.size());
  heads.reserve(cs.size());
  for (const constraint& k : cs) {
    if (k.by && (k.by->years < 0 || k.by->months < 0 || k.by->days < 0 || k.by->seconds < 0)) continue;
    tails.push_back(k.from);
    heads.push_back(k.to);
  }
  const digraph forward = make_digraph(2 * events, tails, heads);
  const digraph backward = reverse(forward);
  std::vector<start_side> side(events, side_unknown);
  std::vector<bool> seen;
  std::vector<std::uint32_t> queue;
  for (const auto& [g, mark] : {std::pair{&forward, side_no_earlier}, std::pair{&backward, side_no_later}}) {
    seen.assign(2 * events, false);
    queue.assign(1, start_point(anchor));
    seen[start_point(anchor)] = true;
    for (std::size_t q = 0; q < queue.size(); ++q) {
      const std::uint32_t p = queue[q];
      if (p % 2 == 0) side[p / 2] = static_cast<start_side>(side[p / 2] | mark);
      for (std::uint32_t a = g->first[p]; a < g->first[p + 1]; ++a) {
        if (!seen[g->heads[a]]) seen[g->heads[a]] = true, queue.push_back(g->heads[a]);
      }
    }
  }
  return side;
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
  follow_links(groups, ch.bounds, ch.position);
  ch.order.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) ch.order[i] = i;
  auto key = [&](std::uint32_t i) { return std::tuple(ch.position[i], ch.bounds[i].end_max, net.level[i], i); };
  std::sort(ch.order.begin(), ch.order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
  order_ties(groups, ch.position, ch.order);
  if (const auto s = impact_start(tl)) {
    ch.impact = *s;
    ch.impact_side = start_sides(cs, n, *s);
  }

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
