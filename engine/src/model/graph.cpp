#include "model/graph.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace annals {

namespace {
constexpr std::uint32_t unset = std::numeric_limits<std::uint32_t>::max();
}  // namespace

digraph make_digraph(std::uint32_t nodes, const std::vector<std::uint32_t>& tails,
                     const std::vector<std::uint32_t>& heads) {
  digraph g;
  g.first.assign(nodes + 1, 0);
  for (std::uint32_t t : tails) ++g.first[t + 1];
  for (std::uint32_t n = 0; n < nodes; ++n) g.first[n + 1] += g.first[n];
  g.heads.resize(heads.size());
  g.arc_ids.resize(heads.size());
  std::vector<std::uint32_t> next(g.first.begin(), g.first.end() - 1);
  // Arcs of one node keep their input order, so everything downstream is deterministic.
  for (std::uint32_t i = 0; i < tails.size(); ++i) {
    const std::uint32_t slot = next[tails[i]]++;
    g.heads[slot] = heads[i];
    g.arc_ids[slot] = i;
  }
  return g;
}

digraph reverse(const digraph& g) {
  digraph r;
  const std::uint32_t n = g.nodes();
  r.first.assign(n + 1, 0);
  for (std::uint32_t h : g.heads) ++r.first[h + 1];
  for (std::uint32_t i = 0; i < n; ++i) r.first[i + 1] += r.first[i];
  r.heads.resize(g.heads.size());
  r.arc_ids.resize(g.heads.size());
  std::vector<std::uint32_t> next(r.first.begin(), r.first.end() - 1);
  for (std::uint32_t tail = 0; tail < n; ++tail) {
    for (std::uint32_t a = g.first[tail]; a < g.first[tail + 1]; ++a) {
      const std::uint32_t slot = next[g.heads[a]]++;
      r.heads[slot] = tail;
      r.arc_ids[slot] = g.arc_ids[a];
    }
  }
  return r;
}

components strongly_connected(const digraph& g) {
  const std::uint32_t n = g.nodes();
  std::vector<std::uint32_t> index(n, unset), low(n, 0), stack;
  std::vector<bool> on_stack(n, false);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> frames;  // (node, next arc to visit)
  components cs;
  cs.of.assign(n, unset);
  std::uint32_t counter = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != unset) continue;
    frames.emplace_back(root, g.first[root]);
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      auto& [v, arc] = frames.back();
      if (arc < g.first[v + 1]) {
        const std::uint32_t w = g.heads[arc++];
        if (index[w] == unset) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          frames.emplace_back(w, g.first[w]);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      const std::uint32_t done = v;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().first] = std::min(low[frames.back().first], low[done]);
      if (low[done] != index[done]) continue;
      // `done` roots a component: Tarjan finds components in reverse topological order.
      std::uint32_t w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        cs.of[w] = cs.count;
      } while (w != done);
      ++cs.count;
    }
  }
  for (std::uint32_t& c : cs.of) c = cs.count - 1 - c;
  return cs;
}

std::vector<bool> cyclic_components(const digraph& g, const components& cs) {
  std::vector<std::uint32_t> size(cs.count, 0);
  std::vector<bool> cyclic(cs.count, false);
  for (std::uint32_t v = 0; v < g.nodes(); ++v) {
    if (++size[cs.of[v]] > 1) cyclic[cs.of[v]] = true;
    for (std::uint32_t a = g.first[v]; a < g.first[v + 1]; ++a) {
      if (g.heads[a] == v) cyclic[cs.of[v]] = true;
    }
  }
  return cyclic;
}

std::vector<std::uint32_t> cycle_through(const digraph& g, const components& cs, std::uint32_t start) {
  // Breadth-first inside the component, remembering the arc that reached each node.
  // A map, not a vector over every node: a timeline of many small cycles calls this
  // once per cycle, and each call must cost its component, not the whole graph.
  std::unordered_map<std::uint32_t, std::uint32_t> via_arc;
  std::vector<std::uint32_t> queue{start};
  const std::uint32_t comp = cs.of[start];
  std::uint32_t closing = unset;
  for (std::size_t q = 0; q < queue.size() && closing == unset; ++q) {
    const std::uint32_t v = queue[q];
    for (std::uint32_t a = g.first[v]; a < g.first[v + 1]; ++a) {
      const std::uint32_t w = g.heads[a];
      if (cs.of[w] != comp) continue;
      if (w == start) {
        closing = a;
        break;
      }
      if (!via_arc.try_emplace(w, a).second) continue;
      queue.push_back(w);
    }
  }
  if (closing == unset) return {};
  // Walk back from the closing arc to `start`; tails are found by the arc's slot.
  auto tail_of = [&](std::uint32_t a) {
    return static_cast<std::uint32_t>(std::upper_bound(g.first.begin(), g.first.end(), a) - g.first.begin() - 1);
  };
  std::vector<std::uint32_t> arcs{closing};
  for (std::uint32_t v = tail_of(closing); v != start; v = tail_of(via_arc.at(v))) arcs.push_back(via_arc.at(v));
  std::reverse(arcs.begin(), arcs.end());
  for (std::uint32_t& a : arcs) a = g.arc_ids[a];
  return arcs;
}

}  // namespace annals
