#pragma once

// The members of a claim's series and the two questions claims ask of them, answered for
// all the claims on one series together: O((members + claims) log members) whatever the
// dates (issue 19: a scan per claim was quadratic when many events of a series shared a
// start, or when first_since claims chained through it).

#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

#include "annals/order.hpp"
#include "annals/timeline.hpp"

namespace annals::detail {

/// The ranks of the events holding each kind, place, actor and tag, in rank order:
/// a series is the intersection of its values' lists, read from the rarest, not from
/// every event, so that many claims with distinct series cost their series, not the
/// timeline each.
class postings {
 public:
  postings(const timeline& tl, const chronology& c);

  /// The lists of the values `s` names, rarest first (an empty list for a value never
  /// used); none when it names no value, and then every event matches.
  std::vector<const std::vector<std::uint32_t>*> lists(const series_selector& s) const;

  std::uint32_t count() const { return count_; }

 private:
  enum class field : std::uint64_t { kind, place, actor, tag };
  static std::uint64_t key(field f, symbol s) { return static_cast<std::uint64_t>(f) << 32 | s; }
  void add(std::uint64_t k, std::uint32_t r);

  std::uint32_t count_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> lists_;
  std::vector<std::uint32_t> empty_;
};

/// The work of reading a series from its lists: the rarest list's length times the
/// number of lists (each of its events is looked up in the others), or every event.
std::uint64_t reading_cost(const std::vector<const std::vector<std::uint32_t>*>& lists, std::uint32_t events);

/// The members of one series in chronological order (`chronology::order`), with running
/// maxima of their ends.
struct series_members {
  std::vector<std::uint32_t> ranks;   // sorted
  std::vector<std::uint32_t> events;  // events[k] is the event of rank ranks[k]
  std::vector<instant> end_min;       // max end_min of members [0, k]
  std::vector<std::uint32_t> latest;  // the member of [0, k] with the latest possible end (an event)
};

/// The events on every list (`postings::lists`), or every event when there is none:
/// those that match the series (`matches`), found in O(cost log events).
series_members members_of(const chronology& c, const std::vector<const std::vector<std::uint32_t>*>& lists);

inline constexpr std::uint32_t no_member = std::numeric_limits<std::uint32_t>::max();

/// first_in: the members earlier than an event of rank `rank` that can begin at
/// `start_min` are the first `answer` members: those listed before it, cut after the
/// last that can begin before it can (a member of the same day is no earlier occurrence).
struct earlier_question {
  std::uint32_t rank = 0;
  instant start_min = open_start;
  std::uint32_t answer = 0;
};

/// first_since: the first member in chronological order, neither `from` nor `to`, that
/// certainly lies between them: it can begin no earlier than just after `after` (from's
/// latest start) and no later than just before `before` (to's earliest start).
/// `answer` is that event, or no_member.
struct between_question {
  instant after = open_end;
  instant before = open_start;
  std::uint32_t from = no_member, to = no_member;
  std::uint32_t answer = no_member;
};

/// Fills every question's answer: O((members + questions) log members).
void answer(const series_members& x, const chronology& c, std::vector<earlier_question>& questions);
void answer(const series_members& x, const chronology& c, std::vector<between_question>& questions);

}  // namespace annals::detail
