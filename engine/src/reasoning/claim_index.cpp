// The members of a claim's series, and the questions first_in and first_since ask of
// them answered offline, sorted once per series.

#include "reasoning/claim_index.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace annals::detail {

postings::postings(const timeline& tl, const chronology& c)
    : count_(static_cast<std::uint32_t>(c.order.size())) {
  for (std::uint32_t r = 0; r < c.order.size(); ++r) {
    const event& e = tl.events[c.order[r]];
    if (e.kind != no_symbol) lists_[key(field::kind, e.kind)].push_back(r);
    if (e.place != no_symbol) lists_[key(field::place, e.place)].push_back(r);
    for (symbol a : e.actors) add(key(field::actor, a), r);
    for (symbol t : e.tags) add(key(field::tag, t), r);
  }
}

// An event naming one actor (tag) twice is listed once.
void postings::add(std::uint64_t k, std::uint32_t r) {
  auto& list = lists_[k];
  if (list.empty() || list.back() != r) list.push_back(r);
}

std::vector<const std::vector<std::uint32_t>*> postings::lists(const series_selector& s) const {
  std::vector<const std::vector<std::uint32_t>*> out;
  auto consider = [&](std::uint64_t k) {
    auto it = lists_.find(k);
    out.push_back(it == lists_.end() ? &empty_ : &it->second);
  };
  if (s.kind != no_symbol) consider(key(field::kind, s.kind));
  if (s.place != no_symbol) consider(key(field::place, s.place));
  for (symbol a : s.actors) consider(key(field::actor, a));
  for (symbol t : s.tags) consider(key(field::tag, t));
  std::stable_sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->size() < b->size(); });
  return out;
}

std::uint64_t reading_cost(const std::vector<const std::vector<std::uint32_t>*>& lists,
                           std::uint32_t events) {
  return lists.empty() ? events : lists.front()->size() * lists.size();
}

namespace {

// The first position in [first, last) (sorted) not below r, near `first`: probes 1, 2, 4 …
// ahead, then a binary search within the last step.
std::vector<std::uint32_t>::const_iterator gallop(std::vector<std::uint32_t>::const_iterator first,
                                                  std::vector<std::uint32_t>::const_iterator last,
                                                  std::uint32_t r) {
  if (first == last || *first >= r) return first;
  const std::ptrdiff_t n = last - first;
  std::ptrdiff_t bound = 1;  // first[bound / 2] < r
  while (bound < n && first[bound] < r) bound *= 2;
  return std::lower_bound(first + bound / 2 + 1, first + std::min(bound + 1, n), r);
}

}  // namespace

series_members members_of(const chronology& c, const std::vector<const std::vector<std::uint32_t>*>& lists) {
  series_members x;
  auto add = [&](std::uint32_t r) {
    const std::uint32_t e = c.order[r];
    const event_bounds& b = c.bounds[e];
    const bool first = x.ranks.empty();
    x.ranks.push_back(r);
    x.events.push_back(e);
    x.end_min.push_back(first ? b.end_min : std::max(x.end_min.back(), b.end_min));
    x.latest.push_back(first || b.end_max >= c.bounds[x.latest.back()].end_max ? e : x.latest.back());
  };
  if (lists.empty()) {
    for (std::uint32_t r = 0; r < c.order.size(); ++r) add(r);
    return x;
  }
  // Each rank of the rarest list is looked for in the others, whose cursors only move on
  // (the lists are all in rank order), by galloping: O(1 + log of the step).
  std::vector<std::vector<std::uint32_t>::const_iterator> cursor;
  for (const auto* list : lists) cursor.push_back(list->begin());
  for (const std::uint32_t r : *lists.front()) {
    bool everywhere = true;
    for (std::size_t i = 1; i < lists.size() && everywhere; ++i) {
      cursor[i] = gallop(cursor[i], lists[i]->end(), r);
      if (cursor[i] == lists[i]->end()) return x;  // no later rank is on this list either
      everywhere = *cursor[i] == r;
    }
    if (everywhere) add(r);
  }
  return x;
}

// The answer for members [0, p) is one past the last member j < p with start_min[j] <
// start_min (0 when none). Sweeping the members in order, a stack keeps those of [0, p)
// that begin strictly earlier than every member after them: their starts rise from
// bottom to top, and the last member below a start is always among them, the topmost
// under it (binary search). Equal starts are popped, so they cost nothing more.
void answer(const series_members& x, const chronology& c, std::vector<earlier_question>& questions) {
  std::vector<std::uint32_t> by_position(questions.size());
  std::vector<std::uint32_t> position(questions.size());
  for (std::uint32_t q = 0; q < questions.size(); ++q) {
    by_position[q] = q;
    position[q] = static_cast<std::uint32_t>(
        std::lower_bound(x.ranks.begin(), x.ranks.end(), questions[q].rank) - x.ranks.begin());
  }
  std::sort(by_position.begin(), by_position.end(),
            [&](std::uint32_t a, std::uint32_t b) { return position[a] < position[b]; });
  std::vector<std::uint32_t> stack;  // members, starts rising
  std::vector<instant> starts;       // their start_min, beside them for the binary search
  std::uint32_t next = 0;            // members [0, next) have been pushed
  for (std::uint32_t q : by_position) {
    for (; next < position[q]; ++next) {
      const instant s = c.bounds[x.events[next]].start_min;
      while (!starts.empty() && starts.back() >= s) {
        starts.pop_back();
        stack.pop_back();
      }
      stack.push_back(next);
      starts.push_back(s);
    }
    const auto below =
        std::lower_bound(starts.begin(), starts.end(), questions[q].start_min) - starts.begin();
    questions[q].answer = below == 0 ? 0 : stack[static_cast<std::size_t>(below) - 1] + 1;
  }
}

namespace {

// The three lowest member numbers of a set, no_member where it has fewer: enough to skip
// the two events a question excludes.
using lowest3 = std::array<std::uint32_t, 3>;
constexpr lowest3 none3 = {no_member, no_member, no_member};

void merge_into(lowest3& into, std::uint32_t m) {
  for (std::uint32_t& slot : into) {
    if (m == slot) return;
    if (m < slot) std::swap(m, slot);
  }
}

}  // namespace

// Questions by `after`, latest first, and members by start_min, latest first: a sweep
// adds the members that begin after each question's `after` to a Fenwick tree over
// their start_max, whose prefix below `before` gives the lowest member numbers (the
// chronological order) among those that certainly lie between.
void answer(const series_members& x, const chronology& c, std::vector<between_question>& questions) {
  const auto members = static_cast<std::uint32_t>(x.events.size());
  auto start_min = [&](std::uint32_t m) { return c.bounds[x.events[m]].start_min; };
  auto start_max = [&](std::uint32_t m) { return c.bounds[x.events[m]].start_max; };
  std::vector<instant> ends(members);  // the distinct start_max, rising: the tree's positions
  for (std::uint32_t m = 0; m < members; ++m) ends[m] = start_max(m);
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  std::vector<std::uint32_t> by_start(members);
  std::iota(by_start.begin(), by_start.end(), 0u);
  std::sort(by_start.begin(), by_start.end(),
            [&](std::uint32_t a, std::uint32_t b) { return start_min(a) > start_min(b); });
  std::vector<std::uint32_t> by_after(questions.size());
  std::iota(by_after.begin(), by_after.end(), 0u);
  std::sort(by_after.begin(), by_after.end(),
            [&](std::uint32_t a, std::uint32_t b) { return questions[a].after > questions[b].after; });

  std::vector<lowest3> tree(ends.size() + 1, none3);  // Fenwick tree, 1-based
  std::size_t added = 0;
  for (std::uint32_t q : by_after) {
    between_question& question = questions[q];
    for (; added < members && start_min(by_start[added]) > question.after; ++added) {
      const std::uint32_t m = by_start[added];
      const auto at =
          static_cast<std::size_t>(std::lower_bound(ends.begin(), ends.end(), start_max(m)) - ends.begin());
      for (std::size_t i = at + 1; i < tree.size(); i += i & (~i + 1)) merge_into(tree[i], m);
    }
    lowest3 found = none3;
    const auto below =
        static_cast<std::size_t>(std::lower_bound(ends.begin(), ends.end(), question.before) - ends.begin());
    for (std::size_t i = below; i > 0; i -= i & (~i + 1)) {
      for (std::uint32_t m : tree[i]) merge_into(found, m);
    }
    question.answer = no_member;
    for (std::uint32_t m : found) {
      if (m == no_member) break;
      if (x.events[m] != question.from && x.events[m] != question.to) {
        question.answer = x.events[m];
        break;
      }
    }
  }
}

}  // namespace annals::detail
