#include "annals/causes.hpp"

#include <algorithm>
#include <ostream>
#include <sstream>

#include "reasoning/constraints.hpp"
#include "output/json_writer.hpp"
#include "model/link_table.hpp"
#include "time/date_label.hpp"

namespace annals {

namespace {

constexpr std::uint32_t none = UINT32_MAX;

struct causal_arc {
  std::uint32_t to = 0;
  link_kind via = link_kind::caused_by;
};

// The kind as the effect holds it (why) or as the cause holds it (effects).
link_kind named_for(link_kind k, causal_direction d) {
  const bool held_by_cause = info(k).holder_is_source;
  return held_by_cause == (d == causal_direction::effects) ? k : info(k).converse;
}

// For every event, the events one link of a kind `follow` accepts away in direction `d`.
std::vector<std::vector<causal_arc>> causal_arcs(const timeline& tl, causal_direction d, bool (*follow)(link_kind)) {
  std::vector<std::vector<causal_arc>> arcs(tl.events.size());
  for (std::uint32_t h = 0; h < tl.events.size(); ++h) {
    for (const link& l : tl.events[h].links) {
      if (!follow(l.kind)) continue;
      const auto found = tl.find_event(l.target);
      if (!found || *found == h) continue;
      const auto t = static_cast<std::uint32_t>(*found);
      const auto [cause, effect] = ends(l.kind, h, t);
      if (d == causal_direction::causes) {
        arcs[effect].push_back({cause, named_for(l.kind, d)});
      } else {
        arcs[cause].push_back({effect, named_for(l.kind, d)});
      }
    }
  }
  return arcs;
}

// The date as the text chronology labels it (a relative one at its resolved bounds), and
// the range its links narrowed it to: "Nov 2015 (inferred 23–30 Nov 2015)".
std::string dates_of(const event& e, const event_bounds& b, bool narrowed, shown_zone shown) {
  const temporal_value& d = e.date;
  if (e.relative) return range_label(b.start_min, b.end_max, d.prec, d.tz, shown);
  std::string out = date_label(d, shown);
  if (!narrowed) return out;
  const std::string inferred = range_label(b.start_min, b.end_max, d.prec, d.tz, shown);
  if (inferred != out) out += " (inferred " + inferred + ')';
  return out;
}

}  // namespace

causal_tree trace_causal(const timeline& tl, std::uint32_t root, causal_direction direction, const chronology& ch,
                         bool (*follow)(link_kind)) {
  const std::vector<std::vector<causal_arc>> arcs = causal_arcs(tl, direction, follow);
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

std::string_view via_words(const causal_tree& tree, const causal_node& n) {
  // why: the parent is the effect, read from the link's target; effects: the parent is its source.
  const link_info& row = info(n.via);
  return tree.direction == causal_direction::causes ? row.target_words : row.source_words;
}

std::string depth_label(std::uint32_t depth) {
  return depth > max_indented_depth ? "[depth " + std::to_string(depth) + "] " : std::string();
}

void write_causal_text(std::ostream& out, const timeline& tl, const causal_tree& tree, const chronology& ch,
                       shown_zone shown) {
  // One line at a time, never the whole tree: a chain of 100,000 causes is 100,000 lines.
  auto line = [&](std::uint32_t event, std::uint32_t depth, std::string_view via) {
    const annals::event& e = tl.events[event];
    std::string text(2 * indent_levels(depth), ' ');
    text += depth_label(depth);
    if (!via.empty()) {
      text += via;
      text += ' ';
    }
    text += tl.names.name(e.id);
    text += "  ";
    text += dates_of(e, ch.bounds[event], ch.narrowed[event], shown);
    text += "  ";
    text += e.title;
    text += '\n';
    out << text;
  };
  line(tree.root, 0, "");
  for (const causal_node& n : tree.nodes) line(n.event, n.depth, via_words(tree, n));
}

std::string format_causal_text(const timeline& tl, const causal_tree& tree, const chronology& ch,
                               shown_zone shown) {
  std::ostringstream out;
  write_causal_text(out, tl, tree, ch, shown);
  return std::move(out).str();
}

void write_causal_json(std::ostream& out, const timeline& tl, const causal_tree& tree) {
  // Streamed a node at a time (the writer keeps its place while its text is taken), so
  // that no document of the whole tree is ever held.
  std::string text;
  json_writer w(text, json_layout::pretty);
  w.begin_object();
  w.field("root").string(tl.names.name(tl.events[tree.root].id));
  w.field("nodes").begin_array();
  for (const causal_node& n : tree.nodes) {
    w.item().begin_object();
    w.field("id").string(tl.names.name(tl.events[n.event].id));
    w.field("depth").number(n.depth);
    w.field("via").string(to_string(n.via));
    // The link as the line reads it (link_table): `via` is the field as written, which
    // from a cause's side would read backwards ("responds_to" in effects).
    w.field("words").string(via_words(tree, n));
    w.end_object();
    out << text;
    text.clear();
  }
  w.end_array();
  w.end_object();
  text += '\n';
  out << text;
}

std::string format_causal_json(const timeline& tl, const causal_tree& tree) {
  std::ostringstream out;
  write_causal_json(out, tl, tree);
  return std::move(out).str();
}

}  // namespace annals
