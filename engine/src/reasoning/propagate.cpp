#include <algorithm>

#include "annals/duration.hpp"
#include "reasoning/constraints.hpp"
#include "model/graph.hpp"
#include "time/zones.hpp"

namespace annals {

namespace {

constexpr std::uint32_t none = UINT32_MAX;

// Sentinels stay open under a shift; everything else moves by the calendar, on the wall
// clock of the zone the date was written in (a day later across a DST change is a day later).
instant shifted_later(instant t, const duration& by, zone tz) {
  return t == open_start || t == open_end ? t : detail::add_local(tz, t, by);
}
instant shifted_earlier(instant t, const duration& by, zone tz) {
  return t == open_start || t == open_end ? t : detail::add_local(tz, t, duration{-by.years, -by.months, -by.days, -by.seconds});
}

// Bounds are kept per component: the points of one component are tied by
// zero-length constraints (a part that causes its whole), so they are equal.
class network {
 public:
  network(const timeline& tl, const std::vector<constraint>& cs, std::vector<diagnostic>& out)
      : tl_(tl), cs_(cs), out_(out) {
    const auto points = static_cast<std::uint32_t>(tl.events.size() * 2);
    std::vector<std::uint32_t> tails(cs.size()), heads(cs.size());
    for (std::size_t i = 0; i < cs.size(); ++i) {
      tails[i] = cs[i].from;
      heads[i] = cs[i].to;
    }
    forward_ = make_digraph(points, tails, heads);
    backward_ = reverse(forward_);
    comps_ = strongly_connected(forward_);
    // The points of each component, components in topological order.
    member_first_.assign(comps_.count + 1, 0);
    for (std::uint32_t c : comps_.of) ++member_first_[c + 1];
    for (std::uint32_t c = 0; c < comps_.count; ++c) member_first_[c + 1] += member_first_[c];
    members_.resize(points);
    std::vector<std::uint32_t> next(member_first_.begin(), member_first_.end() - 1);
    for (std::uint32_t p = 0; p < points; ++p) members_[next[comps_.of[p]]++] = p;
    init();
  }

  network_result run() {
    bool shifts = std::any_of(cs_.begin(), cs_.end(), [](const constraint& c) { return c.by != nullptr; });
    // Without shifts one forward and one backward pass reach the fixed point; a
    // shift carries both bounds both ways, so repeat until nothing moves (bounded).
    for (int round = 0; round < 64; ++round) {
      bool changed = forward_pass();
      changed |= backward_pass();
      if (!changed || !shifts) break;
    }
    return result();
  }

 private:
  std::uint32_t comp(std::uint32_t point) const { return comps_.of[point]; }

  void init() {
    const std::uint32_t n = comps_.count;
    lo_.assign(n, open_start);
    hi_.assign(n, open_end);
    lo_step_.assign(n, {none, 0, 0});
    hi_step_.assign(n, {none, 0, 0});
    lo_origin_.assign(n, none);
    hi_origin_.assign(n, none);
    broken_.assign(n, false);
    for (std::uint32_t p = 0; p < members_.size(); ++p) {
      const point_bounds b = stated_bounds(tl_.events[p / 2], p % 2 == 1);
      const std::uint32_t c = comp(p);
      if (lo_origin_[c] == none || b.lo > lo_[c]) lo_[c] = b.lo, lo_origin_[c] = p;
      if (hi_origin_[c] == none || b.hi < hi_[c]) hi_[c] = b.hi, hi_origin_[c] = p;
    }
    for (std::uint32_t c = 0; c < n; ++c) {
      if (lo_[c] > hi_[c]) conflict(c, lo_origin_[c], true);
    }
    // A shift inside a component would need a point to lie after itself.
    for (std::uint32_t i = 0; i < cs_.size(); ++i) {
      const std::uint32_t c = comp(cs_[i].from);
      if (cs_[i].by && c == comp(cs_[i].to) && !broken_[c] && *cs_[i].by != duration{}) {
        const std::vector<std::uint32_t> cycle = cycle_through(forward_, comps_, cs_[i].from);
        std::vector<chain_step> steps;
        for (std::uint32_t k : cycle) steps.push_back({k, cs_[k].from, cs_[k].to});
        std::string message = quoted_id(cs_[i].from / 2);
        message += " would have to begin after itself: ";
        message += describe_chain(tl_, cs_, steps);
        report(cs_[i].from, std::move(message));
        broken_[c] = true;
      }
    }
  }

  bool raise_lo(std::uint32_t c, instant v, chain_step why) {
    if (v <= lo_[c]) return false;
    lo_[c] = v;
    lo_step_[c] = why;
    lo_origin_[c] = lo_origin_[comp(why.from)];
    if (lo_[c] > hi_[c]) conflict(c, why.to, true);
    return true;
  }
  bool lower_hi(std::uint32_t c, instant v, chain_step why) {
    if (v >= hi_[c]) return false;
    hi_[c] = v;
    hi_step_[c] = why;
    hi_origin_[c] = hi_origin_[comp(why.from)];
    if (lo_[c] > hi_[c]) conflict(c, why.to, false);
    return true;
  }

  bool forward_pass() {
    bool changed = false;
    for (std::uint32_t c = 0; c < comps_.count; ++c) {
      if (broken_[c]) continue;
      for (std::uint32_t m = member_first_[c]; m < member_first_[c + 1]; ++m) {
        const std::uint32_t p = members_[m];
        for (std::uint32_t a = forward_.first[p]; a < forward_.first[p + 1]; ++a) {
          const std::uint32_t q = forward_.heads[a], d = comp(q);
          if (d == c || broken_[d]) continue;
          const constraint& k = cs_[forward_.arc_ids[a]];
          const chain_step why{forward_.arc_ids[a], p, q};
          if (k.by) {
            const zone tz = tl_.events[k.holder].date.tz;
            changed |= raise_lo(d, shifted_later(lo_[c], *k.by, tz), why);
            if (!broken_[d]) changed |= lower_hi(d, shifted_later(hi_[c], *k.by, tz), why);
          } else {
            changed |= raise_lo(d, lo_[c], why);
          }
        }
      }
    }
    return changed;
  }

  bool backward_pass() {
    bool changed = false;
    for (std::uint32_t c = comps_.count; c-- > 0;) {
      if (broken_[c]) continue;
      for (std::uint32_t m = member_first_[c]; m < member_first_[c + 1]; ++m) {
        const std::uint32_t p = members_[m];
        for (std::uint32_t a = backward_.first[p]; a < backward_.first[p + 1]; ++a) {
          const std::uint32_t q = backward_.heads[a], d = comp(q);
          if (d == c || broken_[d]) continue;
          const constraint& k = cs_[backward_.arc_ids[a]];
          const chain_step why{backward_.arc_ids[a], p, q};
          if (k.by) {
            const zone tz = tl_.events[k.holder].date.tz;
            changed |= lower_hi(d, shifted_earlier(hi_[c], *k.by, tz), why);
            if (!broken_[d]) changed |= raise_lo(d, shifted_earlier(lo_[c], *k.by, tz), why);
          } else {
            changed |= lower_hi(d, hi_[c], why);
          }
        }
      }
    }
    return changed;
  }

  // The steps that brought a bound to component `c`, in the order the bound flowed:
  // the last `max_trail` of them; `cut` tells whether earlier ones were left out.
  // Each conflict walks its chain, and a chain of n links can feed n conflicts, so
  // an unbounded walk (and message) would cost O(n^2) time and memory.
  static constexpr std::uint32_t max_trail = 16;
  std::vector<chain_step> trail(std::uint32_t c, const std::vector<chain_step>& steps, bool& cut) const {
    std::vector<chain_step> out;
    for (std::uint32_t guard = 0; steps[c].index != none && guard < comps_.count && out.size() < max_trail;
         ++guard) {
      out.push_back(steps[c]);
      c = comp(steps[c].from);
    }
    cut = out.size() == max_trail && steps[c].index != none;
    std::reverse(out.begin(), out.end());
    return out;
  }

  // `c` has no room left: its lower bound, carried along one chain, passed the
  // upper bound carried along another. Report the two chains joined at `point`.
  void conflict(std::uint32_t c, std::uint32_t point, bool by_lower) {
    broken_[c] = true;
    bool lower_cut = false, upper_cut = false;
    std::vector<chain_step> steps = trail(c, lo_step_, lower_cut);
    std::vector<chain_step> upper = trail(c, hi_step_, upper_cut);
    for (auto it = upper.rbegin(); it != upper.rend(); ++it) steps.push_back({it->index, it->to, it->from});
    const std::uint32_t origin = by_lower ? lo_origin_[c] : hi_origin_[c];
    const temporal_value& origin_date = tl_.events[origin / 2].date;
    std::string message = quoted_id(point / 2);
    message += point % 2 ? " cannot end " : " cannot begin ";
    message += by_lower ? "before " : "after ";
    message += bound_label(origin_date, by_lower ? lo_[c] : hi_[c]);
    message += ": ";
    if (steps.empty()) {
      message += "its dates conflict";
    } else {
      if (lower_cut) message += "... ";
      message += describe_chain(tl_, cs_, steps);
      if (upper_cut) message += " ...";
    }
    report(point, std::move(message));
  }

  std::string quoted_id(std::uint32_t event) const {
    std::string out = "'";
    out += tl_.names.name(tl_.events[event].id);
    out += '\'';
    return out;
  }

  void report(std::uint32_t point, std::string message) {
    const event& e = tl_.events[point / 2];
    diagnostic d;
    d.code = "causal-order";
    d.file = tl_.files.empty() ? std::string() : tl_.file_of(e.pos);
    d.line = e.pos.line;
    d.column = e.pos.column;
    d.message = std::move(message);
    out_.push_back(std::move(d));
  }

  network_result result() const {
    network_result r;
    const std::size_t n = tl_.events.size();
    r.bounds.resize(n);
    r.broken.assign(n, false);
    r.level.assign(n, 0);
    // Longest chain of links (own spans count zero), along the topological order.
    std::vector<std::uint32_t> level(comps_.count, 0);
    for (std::uint32_t c = 0; c < comps_.count; ++c) {
      for (std::uint32_t m = member_first_[c]; m < member_first_[c + 1]; ++m) {
        const std::uint32_t p = members_[m];
        for (std::uint32_t a = forward_.first[p]; a < forward_.first[p + 1]; ++a) {
          const std::uint32_t d = comp(forward_.heads[a]);
          const std::uint32_t step = cs_[forward_.arc_ids[a]].field == own_span ? 0 : 1;
          if (d != c) level[d] = std::max(level[d], level[c] + step);
        }
      }
    }
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::uint32_t s = comp(start_point(i)), e = comp(end_point(i));
      r.level[i] = level[s];
      if (broken_[s] || broken_[e]) {
        const point_bounds bs = stated_bounds(tl_.events[i], false), be = stated_bounds(tl_.events[i], true);
        r.bounds[i] = {bs.lo, bs.hi, be.lo, be.hi};
        r.broken[i] = true;
      } else {
        r.bounds[i] = {lo_[s], hi_[s], lo_[e], hi_[e]};
      }
    }
    return r;
  }

  const timeline& tl_;
  const std::vector<constraint>& cs_;
  std::vector<diagnostic>& out_;
  digraph forward_, backward_;
  components comps_;
  std::vector<std::uint32_t> member_first_, members_;
  std::vector<instant> lo_, hi_;
  std::vector<chain_step> lo_step_, hi_step_;     // none: the stated bound
  std::vector<std::uint32_t> lo_origin_, hi_origin_;  // the point whose stated bound it is
  std::vector<bool> broken_;
};

}  // namespace

network_result propagate(const timeline& tl, const std::vector<constraint>& cs, std::vector<diagnostic>& out) {
  return network(tl, cs, out).run();
}

}  // namespace annals
