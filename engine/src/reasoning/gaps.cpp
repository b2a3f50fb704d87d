// Series selection and the gaps between consecutive events of each series (SPEC §5).
// Output (text, JSON, English) is in gaps_format.cpp.

#include "annals/gaps.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <numeric>

#include "annals/diagnostic.hpp"
#include "time/zones.hpp"

namespace annals {

namespace {

using std::chrono::sys_days;

std::optional<series_key> parse_key(std::string_view word) {
  if (word == "kind" || word == "kinds") return series_key::kind;
  if (word == "actor" || word == "actors") return series_key::actor;
  if (word == "place" || word == "places") return series_key::place;
  if (word == "tag" || word == "tags") return series_key::tag;
  return std::nullopt;
}

constexpr std::array<std::string_view, 4> key_names = {"kind", "actor", "place", "tag"};

std::string_view key_name(series_key k) { return key_names[static_cast<std::size_t>(k)]; }

// The values a key can take in this timeline, for checking and spelling hints.
std::vector<std::string_view> values_of(series_key k, const timeline& tl) {
  std::vector<symbol> symbols;
  switch (k) {
    case series_key::actor:
      for (const actor& a : tl.actors) symbols.push_back(a.id);
      break;
    case series_key::place:
      for (const place& p : tl.places) symbols.push_back(p.id);
      break;
    case series_key::kind:
      for (const event& e : tl.events) symbols.push_back(e.kind);
      break;
    case series_key::tag:
      for (const event& e : tl.events) symbols.insert(symbols.end(), e.tags.begin(), e.tags.end());
      break;
  }
  std::sort(symbols.begin(), symbols.end());
  symbols.erase(std::unique(symbols.begin(), symbols.end()), symbols.end());
  std::vector<std::string_view> out;
  for (symbol s : symbols) {
    if (s != no_symbol) out.push_back(tl.names.name(s));
  }
  return out;
}

std::string quoted(std::string_view s) {
  std::string out(1, '\'');  // appended, not "'" + s: GCC 12 warns falsely on that
  out += s;
  out += '\'';
  return out;
}

}  // namespace

selector_result parse_selector(std::string_view text, const timeline& tl) {
  selector_result r;
  auto fail = [&r](std::string error, std::string hint = {}) {
    r.error = std::move(error);
    r.hint = std::move(hint);
    return r;
  };
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    std::size_t end = text.find_first_of(" \t", i);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(i, end - i);
    i = end;
    ++words;
    const std::size_t eq = word.find('=');
    if (eq == std::string_view::npos) return fail("expected key=value in the series, got " + quoted(word));
    const std::string_view key_text = word.substr(0, eq);
    const std::optional<series_key> key = parse_key(key_text);
    if (!key) {
      std::string_view near = spellcheck(key_text, {key_names.begin(), key_names.end()});
      return fail("unknown series key " + quoted(key_text),
                  near.empty() ? "" : "did you mean " + quoted(near) + "?");
    }
    const std::vector<std::string_view> known = values_of(*key, tl);
    std::string_view values = word.substr(eq + 1);
    if (values.empty()) return fail("no value for " + quoted(key_text) + " in the series");
    while (!values.empty()) {
      const std::size_t comma = values.find(',');
      const std::string_view value = values.substr(0, comma);
      values = comma == std::string_view::npos ? std::string_view{} : values.substr(comma + 1);
      const std::optional<symbol> s = tl.names.find(value);
      if (value.empty() || !s || std::find(known.begin(), known.end(), value) == known.end()) {
        std::string_view near = spellcheck(value, known);
        return fail("unknown " + std::string(key_name(*key)) + " " + quoted(value),
                    near.empty() ? "" : "did you mean " + quoted(near) + "?");
      }
      symbol& single = *key == series_key::kind ? r.value.kind : r.value.place;
      switch (*key) {
        case series_key::kind:
        case series_key::place:
          // An event has one kind and one place: two different ones select nothing.
          if (single != no_symbol && single != *s) {
            return fail("two values for " + quoted(key_name(*key)) + " in the series: " +
                        quoted(tl.names.name(single)) + " and " + quoted(value));
          }
          single = *s;
          break;
        case series_key::actor:
          if (std::find(r.value.actors.begin(), r.value.actors.end(), *s) == r.value.actors.end()) {
            r.value.actors.push_back(*s);
          }
          break;
        case series_key::tag:
          if (std::find(r.value.tags.begin(), r.value.tags.end(), *s) == r.value.tags.end()) {
            r.value.tags.push_back(*s);
          }
          break;
      }
    }
  }
  if (words == 0) return fail("empty series selector", "write e.g. 'kind=visit actor=putin'");
  return r;
}

series_keys_result parse_series_keys(std::string_view text) {
  series_keys_result r;
  while (true) {
    const std::size_t comma = text.find(',');
    std::string_view word = text.substr(0, comma);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    const std::optional<series_key> key = parse_key(word);
    if (!key) {
      std::string_view near = spellcheck(word, {key_names.begin(), key_names.end()});
      r.error = "unknown series key " + quoted(word);
      if (!near.empty()) r.hint = "did you mean " + quoted(near) + "?";
      return r;
    }
    if (std::find(r.value.begin(), r.value.end(), *key) == r.value.end()) r.value.push_back(*key);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return r;
}

std::string to_string(const series_selector& s, const name_table& names) {
  std::string out;
  auto add = [&](std::string_view key, symbol value) {
    if (value == no_symbol) return;
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    out += names.name(value);
  };
  add("kind", s.kind);
  for (symbol a : s.actors) add("actor", a);
  add("place", s.place);
  for (symbol t : s.tags) add("tag", t);
  return out;
}

gap_span measure_span(instant end_min, instant end_max, instant start_min, instant start_max, bool approximate,
                      zone end_zone, zone start_zone) {
  gap_span s;
  s.approximate = approximate;
  const auto day = [](std::int64_t z) { return sys_days{std::chrono::days{z}}; };
  // The surely free part: latest possible end .. earliest possible start.
  if (end_max != open_end) s.from = day(detail::local_day(end_zone, end_max));
  if (start_min != open_start) s.to = day(detail::local_day(start_zone, start_min));
  if (s.from && s.to) {
    // Overlapping (the start can come before the end): no negative gap, and each end
    // stays the day it is, so that neither is named by the other's date.
    s.min_days = std::max<std::int64_t>((*s.to - *s.from).count(), 0);
    if (s.min_days > 0)
      s.shortest = calendar_difference(s.from->time_since_epoch().count(), s.to->time_since_epoch().count());
  }
  // The longest it can be: earliest possible end .. latest possible start.
  if (end_min != open_start && start_max != open_end) {
    const std::int64_t a = detail::local_day(end_zone, end_min);
    const std::int64_t b = std::max(detail::local_day(start_zone, start_max), a);
    s.max_days = std::max(b - a, s.min_days);
    s.longest = calendar_difference(a, b);
  }
  return s;
}

bool timed_between(const temporal_value& end, const temporal_value& start) {
  return end.end.prec < precision::day && start.start.prec < precision::day;
}

gap_span measure_time_span(const temporal_value& end, instant end_min, instant end_max, const temporal_value& start,
                           instant start_min, instant start_max, bool approximate) {
  gap_span s;
  s.approximate = approximate;
  s.timed = true;
  const auto [end_first, end_last] = written_range(end_min, end_max, end.end.prec, end.earliest);
  const auto [start_first, start_last] = written_range(start_min, start_max, start.start.prec, start.earliest);
  const auto at = [](std::int64_t t) { return instant{std::chrono::seconds{t}}; };
  const auto day = [](zone z, instant t) { return sys_days{std::chrono::days{detail::local_day(z, t)}}; };
  // The surely free part: latest possible end .. earliest possible start.
  if (end_max != open_end && start_min != open_start) {
    s.from_time = at(end_last);
    s.to_time = at(std::max(start_first, end_last));  // overlapping: no negative gap
    s.min_seconds = (s.to_time - s.from_time).count();
    s.from = day(end.tz, s.from_time);
    s.to = std::max(*s.from, day(start.tz, s.to_time));
  }
  s.min_days = s.min_seconds / 86400;
  s.shortest = duration{0, 0, 0, s.min_seconds};
  // The longest it can be: earliest possible end .. latest possible start.
  if (end_min != open_start && start_max != open_end) {
    s.max_seconds = std::max(start_last - end_first, s.min_seconds);
    s.max_days = *s.max_seconds / 86400;
    s.longest = duration{0, 0, 0, *s.max_seconds};
  }
  return s;
}

namespace {

// Where each event lies in the chronology's order.
std::vector<std::uint32_t> ranks_of(const chronology& c, std::size_t events) {
  assert(c.order.size() == events && c.bounds.size() == events);
  std::vector<std::uint32_t> rank(events, 0);
  for (std::uint32_t r = 0; r < c.order.size(); ++r) rank[c.order[r]] = r;
  return rank;
}

// The span from the end of what came before (event `from`'s way of writing, ends within
// [end_min, end_max]) to the start of event `to`: between times as written when both
// are times of day, else in calendar days.
gap_span measure(const timeline& tl, std::uint32_t from, instant end_min, instant end_max, std::uint32_t to,
                 instant start_min, instant start_max) {
  const temporal_value &a = tl.events[from].date, &b = tl.events[to].date;
  if (timed_between(a, b)) {
    return measure_time_span(a, end_min, end_max, b, start_min, start_max, a.approximate || b.approximate);
  }
  return measure_span(end_min, end_max, start_min, start_max, a.approximate || b.approximate, a.tz, b.tz);
}

// Whether a span may last at least `d`: add(earliest possible end, d) <= latest possible
// start; on the wall clock between times of day, else in days.
bool may_reach(const timeline& tl, std::uint32_t from, instant end_min, std::uint32_t to, const event_bounds& next,
               const duration& d) {
  const instant start_max = next.start_max;
  if (end_min == open_start || start_max == open_end) return true;
  const temporal_value &a = tl.events[from].date, &b = tl.events[to].date;
  if (timed_between(a, b)) {
    const std::int64_t latest_start = written_range(next.start_min, start_max, b.start.prec, b.earliest).second;
    return detail::add_local(a.tz, end_min, d).time_since_epoch().count() <= latest_start;
  }
  return add_days(detail::local_day(a.tz, end_min), d) <= detail::local_day(b.tz, start_max);
}

// Whether event `i` can overlap [from, to].
bool in_window(const chronology& c, std::uint32_t i, const gap_options& o) {
  if (o.from && c.bounds[i].end_max < *o.from) return false;
  if (o.to && c.bounds[i].start_min > *o.to) return false;
  return true;
}

// One group key: the values of up to four keys, no_symbol where unused.
using group_key = std::array<symbol, 4>;


// Calls `f(key)` for each group `e` joins: one per combination of its actors and tags.
template <class F>
void for_each_group(const event& e, const std::vector<series_key>& by, F&& f) {
  group_key key;
  key.fill(no_symbol);
  // Depth-first over the keys; a key without a value (no kind, no actors) drops the event.
  auto walk = [&](auto&& self, std::size_t i) -> void {
    if (i == by.size()) {
      f(key);
      return;
    }
    auto one = [&](symbol v) {
      if (v == no_symbol) return;
      key[i] = v;
      self(self, i + 1);
    };
    switch (by[i]) {
      case series_key::kind: one(e.kind); break;
      case series_key::place: one(e.place); break;
      case series_key::actor: for (symbol a : e.actors) one(a); break;
      case series_key::tag: for (symbol t : e.tags) one(t); break;
    }
  };
  walk(walk, 0);
}

// The name of a group: the selector with the group's values added.
std::string group_name(const std::optional<series_selector>& base, const std::vector<series_key>& by,
                       const group_key& key, const name_table& names) {
  series_selector s = base.value_or(series_selector{});
  for (std::size_t i = 0; i < by.size(); ++i) {
    switch (by[i]) {
      case series_key::kind: s.kind = key[i]; break;
      case series_key::place: s.place = key[i]; break;
      case series_key::actor:
        if (std::find(s.actors.begin(), s.actors.end(), key[i]) == s.actors.end()) s.actors.push_back(key[i]);
        break;
      case series_key::tag:
        if (std::find(s.tags.begin(), s.tags.end(), key[i]) == s.tags.end()) s.tags.push_back(key[i]);
        break;
    }
  }
  return to_string(s, names);
}

}  // namespace

gap_report find_gaps(const timeline& tl, const chronology& c, const gap_options& options) {
  gap_report report;
  const std::vector<std::uint32_t> rank = ranks_of(c, tl.events.size());

  // The selection, in chronological order.
  std::vector<std::uint32_t> selected;
  auto chosen = [&](std::uint32_t e) {
    return (!options.series || matches(tl.events[e], *options.series)) && in_window(c, e, options);
  };
  for (std::uint32_t e : c.order) {
    if (chosen(e)) selected.push_back(e);
  }

  // (group, rank) pairs, sorted: each series together, in chronological order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> members;
  std::vector<std::string> names;
  if (options.by.empty()) {
    names.push_back(options.series ? to_string(*options.series, tl.names) : "all");
    for (std::uint32_t e : selected) members.emplace_back(0, rank[e]);
  } else {
    // Sorting (key, rank) groups without a hash map; only groups of two or more
    // events have gaps, so only they get a name. Sorting the names puts the series
    // in alphabetical order.
    std::vector<std::pair<group_key, std::uint32_t>> keyed;
    keyed.reserve(selected.size());
    // In file order, not chronological: reading the events in memory order is
    // several times faster, and the sort below restores the order anyway.
    for (std::uint32_t e = 0; e < tl.events.size(); ++e) {
      if (!chosen(e)) continue;
      for_each_group(tl.events[e], options.by, [&](const group_key& key) { keyed.emplace_back(key, rank[e]); });
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::pair<std::size_t, std::size_t>> runs;  // [begin, end) of each group with a gap
    for (std::size_t i = 0, j = 0; i < keyed.size(); i = j) {
      while (j < keyed.size() && keyed[j].first == keyed[i].first) ++j;
      if (j - i < 2) continue;
      runs.emplace_back(i, j);
      names.push_back(group_name(options.series, options.by, keyed[i].first, tl.names));
    }
    std::vector<std::uint32_t> by_name(names.size());
    std::iota(by_name.begin(), by_name.end(), 0);
    std::sort(by_name.begin(), by_name.end(), [&](auto a, auto b) { return names[a] < names[b]; });
    std::vector<std::string> sorted;
    sorted.reserve(names.size());
    for (std::uint32_t g = 0; g < by_name.size(); ++g) {
      sorted.push_back(std::move(names[by_name[g]]));
      for (std::size_t k = runs[by_name[g]].first; k < runs[by_name[g]].second; ++k) {
        members.emplace_back(g, keyed[k].second);
      }
    }
    names = std::move(sorted);
  }
  report.series = std::move(names);

  // One sweep per series. Invariant: `last` is the member so far with the latest
  // possible end, `end_min` the latest earliest-end so far; the real end of "what
  // came before" lies in [end_min, bounds[last].end_max].
  for (std::size_t i = 0; options.gaps && i < members.size();) {
    const std::uint32_t group = members[i].first;
    std::uint32_t last = c.order[members[i].second];
    instant end_min = c.bounds[last].end_min;
    for (++i; i < members.size() && members[i].first == group; ++i) {
      const std::uint32_t next = c.order[members[i].second];
      const event_bounds& b = c.bounds[next];
      if (!options.min || may_reach(tl, last, end_min, next, b, *options.min)) {
        const gap_span span = measure(tl, last, end_min, c.bounds[last].end_max, next, b.start_min, b.start_max);
        // It surely begins before what came before has ended (or on that day, or at that
        // minute): it overlaps, no gap.
        if (!span.overlaps()) report.gaps.push_back(gap{group, last, next, span});
      }
      end_min = std::max(end_min, b.end_min);
      if (b.end_max >= c.bounds[last].end_max) last = next;
    }
  }

  if (options.quiet && selected.size() > 1) {
    // Split the selection after each position: the stretch runs from the latest end
    // before the split to the earliest start after it (suffix minima).
    const std::size_t n = selected.size();
    std::vector<instant> first_start_min(n), first_start_max(n);
    std::vector<std::uint32_t> first(n);  // the event with the earliest possible start
    for (std::size_t k = n; k-- > 0;) {
      const event_bounds& b = c.bounds[selected[k]];
      const bool earlier = k + 1 == n || b.start_min <= first_start_min[k + 1];
      first_start_min[k] = earlier ? b.start_min : first_start_min[k + 1];
      first[k] = earlier ? selected[k] : first[k + 1];
      first_start_max[k] = k + 1 == n ? b.start_max : std::min(first_start_max[k + 1], b.start_max);
    }
    instant end_min = open_start;
    std::uint32_t last = selected[0];  // the event with the latest possible end so far
    for (std::size_t k = 0; k + 1 < n; ++k) {
      const event_bounds& b = c.bounds[selected[k]];
      end_min = std::max(end_min, b.end_min);
      if (b.end_max >= c.bounds[last].end_max) last = selected[k];
      // Only stretches surely free of events for the whole duration count as quiet;
      // days (or times) first, the wording only for the few that qualify.
      const instant end_max = c.bounds[last].end_max;
      const std::uint32_t next = first[k + 1];
      if (end_max == open_end || first_start_min[k + 1] == open_start) continue;
      const temporal_value &a = tl.events[last].date, &z = tl.events[next].date;
      // A quiet time of hours or minutes is measured between instants even where one side
      // is a day: the day's event may end at its last second (no quiet after 31 January
      // when the next event is at 00:00 on 1 February).
      if (timed_between(a, z) || options.quiet->seconds != 0) {
        const instant from{std::chrono::seconds{written_range(end_min, end_max, a.end.prec, a.earliest).second}};
        const instant to = first_start_min[k + 1];
        if (to <= from || detail::add_local(a.tz, from, *options.quiet) > to) continue;
      } else {
        const std::int64_t from = detail::local_day(a.tz, end_max);
        const std::int64_t to = detail::local_day(z.tz, first_start_min[k + 1]);
        if (to <= from || add_days(from, *options.quiet) > to) continue;
      }
      // The latest start after the split may be another event's; it is read at the
      // precision of the earliest start's event (the same when the times are written alike).
      report.quiet.push_back(
          quiet_period{last, next, measure(tl, last, end_min, end_max, next, first_start_min[k + 1], first_start_max[k + 1])});
    }
  }
  return report;
}

}  // namespace annals
