#include "output/lanes.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "annals/lifespans.hpp"

namespace annals::svg {

namespace {

// Ink blue, brick, green, ochre, plum, teal, umber, slate, raspberry, moss, burnt orange,
// periwinkle: darkened until each reads at 4.8:1 on #f9f8f5.
constexpr std::array<std::string_view, 12> palette = {"#1f4e79", "#b0413e", "#2d7b5a", "#90650e",
                                                      "#6a4c93", "#2c7783", "#8a5a3b", "#56616b",
                                                      "#a23b72", "#3d6b21", "#b24700", "#4b5fa8"};
constexpr std::string_view nobody = "#5f5f5f";  // "No actor", "Other": a grey no key has

}  // namespace

std::span<const std::string_view> lane_palette() { return palette; }

lane_assignment assign_lanes(const presentation& p) {
  const bool by_kind = p.options.lanes == render_options::lane_key::kind;
  lane_assignment out;
  out.of_event.assign(p.events().size(), lane_assignment::npos);
  // The keys an event belongs to: its actors, or its kind; none ("No actor", "Other") is no_symbol.
  auto for_keys = [&](const event& e, auto&& f) {
    if (by_kind || e.actors.empty()) {
      f(by_kind ? e.kind : no_symbol);
      return;
    }
    for (symbol a : e.actors) f(a);
  };
  // Colours: by each key's place among the keys of the whole timeline, sorted by id.
  std::vector<std::string_view> all;
  for (const event& e : p.events()) {
    for_keys(e, [&](symbol k) {
      if (k != no_symbol) all.push_back(p.name(k));
    });
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  auto color_of = [&](symbol k) {
    if (k == no_symbol) return nobody;
    const auto at = std::lower_bound(all.begin(), all.end(), p.name(k)) - all.begin();
    return palette[static_cast<std::size_t>(at) % palette.size()];
  };
  // Lanes in order of first appearance, then the busiest first; no_symbol last.
  std::vector<symbol> keys;
  std::map<symbol, std::size_t> count;
  for (std::size_t n = 0; n < p.size(); ++n) {
    for_keys(p.event_of(p.index(n)), [&](symbol k) {
      if (count[k]++ == 0) keys.push_back(k);
    });
  }
  std::stable_sort(keys.begin(), keys.end(), [&](symbol a, symbol b) {
    if ((a == no_symbol) != (b == no_symbol)) return b == no_symbol;
    return count[a] > count[b];
  });
  std::map<symbol, std::size_t> lane_of;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const symbol k = keys[i];
    std::string label = k == no_symbol ? (by_kind ? "Other" : "No actor")
                        : by_kind      ? std::string(p.name(k))
                                       : p.actor_name(k);
    if (by_kind && !label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
    std::string detail;
    if (!by_kind && k != no_symbol) {
      if (const actor* a = p.find_actor(k)) detail = lifespan_years(*a);
    }
    out.lanes.push_back({std::move(label), color_of(k), std::move(detail)});
    lane_of[k] = i;
  }
  for (std::size_t n = 0; n < p.size(); ++n) {
    const std::uint32_t i = p.index(n);
    bool first = true;
    for_keys(p.event_of(i), [&](symbol k) {
      const std::size_t l = lane_of[k];
      if (first) out.of_event[i] = l;
      else if (l != out.of_event[i]) out.also.emplace_back(i, static_cast<std::uint32_t>(l));
      first = false;
    });
  }
  std::sort(out.also.begin(), out.also.end());
  out.also.erase(std::unique(out.also.begin(), out.also.end()), out.also.end());
  return out;
}

}  // namespace annals::svg
