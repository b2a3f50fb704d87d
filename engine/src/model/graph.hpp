#pragma once

// A compact directed graph and its strongly connected components; private to the engine.

#include <cstdint>
#include <vector>

namespace annals {

/// A directed graph in compressed rows: the arcs out of node `n` are
/// `heads[first[n] .. first[n + 1])`, and `arc_ids` gives each arc's caller-side id.
struct digraph {
  std::vector<std::uint32_t> first;  // size nodes + 1
  std::vector<std::uint32_t> heads;
  std::vector<std::uint32_t> arc_ids;

  std::uint32_t nodes() const { return static_cast<std::uint32_t>(first.size() - 1); }
};

/// Builds a digraph of `nodes` nodes from arcs `tails[i] -> heads[i]` (arc id i).
digraph make_digraph(std::uint32_t nodes, const std::vector<std::uint32_t>& tails,
                     const std::vector<std::uint32_t>& heads);

/// The same graph with every arc reversed (arc ids kept).
digraph reverse(const digraph& g);

/// Strongly connected components, numbered in topological order: every arc goes
/// from a component to itself or to a higher-numbered one.
struct components {
  std::vector<std::uint32_t> of;  // node -> component
  std::uint32_t count = 0;
};

/// Tarjan's algorithm, iterative: a chain of a million nodes needs no deep stack.
components strongly_connected(const digraph& g);

/// Whether component `c` holds a cycle (two nodes or more, or a node with an arc to itself).
std::vector<bool> cyclic_components(const digraph& g, const components& cs);

/// A shortest cycle through `start` inside its component, as arc ids in order; empty when none.
std::vector<std::uint32_t> cycle_through(const digraph& g, const components& cs, std::uint32_t start);

}  // namespace annals
