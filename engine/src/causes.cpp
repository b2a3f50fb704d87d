#include "annals/causes.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "constraints.hpp"

namespace annals {

namespace {

constexpr std::uint32_t none = UINT32_MAX;

struct causal_arc {
  std::uint32_t to = 0;
  link_kind via = link_kind::caused_by;
};

// The kind as the effect holds it (why) or as the cause holds it (effects).
link_kind named_for(link_kind k, causal_direction d) {
  const bool held_by_cause = info(k).holder_first;
  return held_by_cause == (d == causal_direction::effects) ? k : info(k).converse;
}

// For every event, the events one causal link away in direction `d`.
std::vector<std::vector<causal_arc>> causal_arcs(const timeline& tl, causal_direction d) {
  std::vector<std::vector<causal_arc>> arcs(tl.events.size());
  for (std::uint32_t h = 0; h < tl.events.size(); ++h) {
    for (const link& l : tl.events[h].links) {
      if (!is_causal(l.kind)) continue;
      const auto found = tl.find_event(l.target);
      if (!found || *found == h) continue;
      const auto t = static_cast<std::uint32_t>(*found);
      const std::uint32_t cause = info(l.kind).holder_first ? h : t, effect = cause == h ? t : h;
      if (d == causal_direction::causes) {
        arcs[effect].push_back({cause, named_for(l.kind, d)});
      } else {
        arcs[cause].push_back({effect, named_for(l.kind, d)});
      }
    }
  }
  return arcs;
}

std::string dates_of(const event& e, const event_bounds& b, bool narrowed) {
  std::string out = date_label(e);
  if (!narrowed) return out;
  auto bound = [&](instant t) {
    return t == open_start || t == open_end ? std::string("..") : format_bound(t, e.date.prec, e.date.tz);
  };
  out += " (inferred ";
  out += bound(b.start_min);
  out += '/';
  out += bound(b.end_max);
  out += ')';
  return out;
}

}  // namespace

causal_tree trace_causal(const timeline& tl, std::uint32_t root, causal_direction direction, const chronology& ch) {
  const std::vector<std::vector<causal_arc>> arcs = causal_arcs(tl, direction);
  std::vector<std::uint32_t> rank(tl.events.size(), 0);
  for (std::uint32_t r = 0; r < ch.order.size(); ++r) rank[ch.order[r]] = r;

  // Breadth-first: each event is reached once, at its least depth.
  struct reached {
    std::uint32_t event, depth, parent;  // parent: a position in `found`
    link_kind via;
  };
  std::vector<reached> found{{root, 0, none, link_kind::caused_by}};
  std::vector<bool> seen(tl.events.size(), false);
  seen[root] = true;
  for (std::size_t q = 0; q < found.size(); ++q) {
    for (const causal_arc& a : arcs[found[q].event]) {
      if (seen[a.to]) continue;
      seen[a.to] = true;
      found.push_back({a.to, found[q].depth + 1, static_cast<std::uint32_t>(q), a.via});
    }
  }

  // Pre-order, children in chronological order.
  std::vector<std::vector<std::uint32_t>> children(found.size());
  for (std::uint32_t i = 1; i < found.size(); ++i) children[found[i].parent].push_back(i);
  for (auto& c : children) {
    std::sort(c.begin(), c.end(), [&](std::uint32_t a, std::uint32_t b) {
      return rank[found[a].event] < rank[found[b].event];
    });
  }
  causal_tree tree{root, direction, {}, {}};
  std::vector<std::uint32_t> node_of(found.size(), none);
  std::vector<std::uint32_t> stack(children[0].rbegin(), children[0].rend());
  while (!stack.empty()) {
    const std::uint32_t i = stack.back();
    stack.pop_back();
    node_of[i] = static_cast<std::uint32_t>(tree.nodes.size());
    tree.nodes.push_back({found[i].event, found[i].depth, found[i].via});
    tree.parent.push_back(found[i].parent == 0 ? none : node_of[found[i].parent]);
    stack.insert(stack.end(), children[i].rbegin(), children[i].rend());
  }
  return tree;
}

event_lookup lookup_event(const timeline& tl, std::string_view id) {
  if (auto i = tl.find_event(id)) return {static_cast<std::uint32_t>(*i), {}};
  std::vector<std::string_view> ids;
  ids.reserve(tl.events.size());
  for (const event& e : tl.events) ids.push_back(tl.names.name(e.id));
  event_lookup out;
  out.error = "unknown event '";
  out.error += id;
  out.error += '\'';
  if (std::string_view near = spellcheck(id, ids); !near.empty()) {
    out.error += ", did you mean '";
    out.error += near;
    out.error += "'?";
  }
  return out;
}

std::string format_causal_text(const timeline& tl, const causal_tree& tree, const chronology& ch) {
  auto line = [&](std::uint32_t event, std::uint32_t depth, std::string_view via) {
    const annals::event& e = tl.events[event];
    std::string out(2 * depth, ' ');
    if (!via.empty()) {
      out += via;
      out += ' ';
    }
    out += tl.names.name(e.id);
    out += "  ";
    out += dates_of(e, ch.bounds[event], ch.narrowed[event]);
    out += "  ";
    out += e.title;
    out += '\n';
    return out;
  };
  std::string out = line(tree.root, 0, "");
  for (const causal_node& n : tree.nodes) out += line(n.event, n.depth, to_string(n.via));
  return out;
}

std::string format_causal_json(const timeline& tl, const causal_tree& tree) {
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  for (const causal_node& n : tree.nodes) {
    nodes.push_back({{"id", tl.names.name(tl.events[n.event].id)}, {"depth", n.depth}, {"via", to_string(n.via)}});
  }
  nlohmann::ordered_json out;
  out["root"] = tl.names.name(tl.events[tree.root].id);
  out["nodes"] = std::move(nodes);
  return out.dump(2) + "\n";
}

}  // namespace annals
