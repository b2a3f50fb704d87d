#pragma once

// Counting from the reference, shared by the readers of relative dates
// (grammar_relative.cpp) and of the anaphora of narrative prose (grammar_narrative.cpp).
// The reference keeps its precision (reference_days): counted from "1862", "the following
// year" is 1863, "that same day" is 1862 itself, and "the next day" is any day it can be,
// 2 January 1862 .. 1 January 1863 (form between), never a day the text did not name.

#include <utility>

#include "time/date_phrase.hpp"

namespace annals::detail {

// `at(day)` for every day the reference covers, as one value: the value itself when every
// day gives the same, else from the first's start to the last's end, somewhere in between.
template <class At>
temporal_value spread(const reference_span& r, At at) {
  temporal_value a = at(r.first);
  if (r.first == r.last || !a.ok()) return a;
  const temporal_value b = at(r.last);
  if (!b.ok()) return b;
  if (a.earliest == b.earliest && a.latest == b.latest) return a;
  a.latest = b.latest;
  a.stated_latest = b.stated_latest;
  a.form = date_form::between;
  a.interval = false;
  return a;
}

// The reference itself, at its own precision ("that day" after "1862" is 1862).
inline temporal_value reference_value(const reference_span& r, calendar cal) { return day_span(r.first, r.last, r.prec, cal); }

// The unit `count` units from the reference's (the reference's own for 0; when the
// reference is coarser than the unit, the reference itself for 0, else every unit it can be).
inline temporal_value counted(const reference_span& r, unit u, std::int64_t count, calendar cal) {
  if (count == 0 && r.first != r.last) {
    const temporal_value whole = unit_containing(r.first, u, 0, cal);
    if (civil::day_of(whole.latest) < r.last) return reference_value(r, cal);
  }
  return spread(r, [&](std::int64_t day) { return unit_containing(day, u, count, cal); });
}

// Of the units `build(year)` for the years around the reference's, the latest that ends
// before the reference (shift -1), the earliest that begins after it (+1), or the
// reference year's (0): last November, next spring, this summer. `containing`: for 0, the
// one that holds the whole reference when there is one ("that winter" after January 1863 is
// the winter of 1862-63; after 1862, the winter that begins in December 1862).
template <class Build>
std::optional<temporal_value> around_reference(const reference_span& ref, int shift, Build build, bool containing = false) {
  const std::int64_t y = civil::civil_from_days(ref.first).y;
  const instant r = civil::day_start(ref.first);
  if (shift == 0) {
    if (containing)
      for (std::int64_t c = y - 1; c <= y; ++c)
        if (auto v = build(c); v && v->earliest <= r && civil::day_end(ref.last) <= v->latest) return v;
    return build(y);
  }
  if (shift < 0) {
    for (std::int64_t c = y; c >= y - 2; --c)
      if (auto v = build(c); v && v->latest < r) return v;
  } else {
    const std::int64_t last_y = civil::civil_from_days(ref.last).y;
    const instant r_end = civil::day_start(ref.last + 1);
    for (std::int64_t c = last_y - 1; c <= last_y + 1; ++c)
      if (auto v = build(c); v && v->earliest >= r_end) return v;
  }
  return std::nullopt;
}

// A count of units shifted from the reference: the day, or the week, month or year that
// holds it; a decade or century away is the year that far ("a decade ago": 2005).
inline temporal_value shifted(std::int64_t ref, unit u, std::int64_t count, calendar cal) {
  if (u == unit::decade || u == unit::century) return unit_containing(shift_day(ref, u, count), unit::year, 0, cal);
  return unit_containing(ref, u, count, cal);
}

// "a few", "several", "some": how many units, at least and at most (README).
inline std::optional<std::pair<std::int64_t, std::int64_t>> vague_count(phrase& p) {
  if (p.at("a") && p.peek(1) && p.peek(1)->is("few")) {
    p.advance(2);
    return std::pair<std::int64_t, std::int64_t>{2, 4};
  }
  if (p.eat("few")) return std::pair<std::int64_t, std::int64_t>{2, 4};  // the next few days
  if (p.eat_any("several", "some")) return std::pair<std::int64_t, std::int64_t>{2, 9};
  return std::nullopt;
}

// A unit, or "fortnight(s)" as two weeks each: the unit and how many of it one word is.
inline std::optional<std::pair<unit, std::int64_t>> read_unit_or_fortnight(phrase& p, bool* plural = nullptr) {
  if (p.at("fortnight") || p.at("fortnights")) {
    if (plural) *plural = p.at("fortnights");
    p.advance();
    return std::pair<unit, std::int64_t>{unit::week, 2};
  }
  if (const auto u = read_unit(p, plural)) return std::pair<unit, std::int64_t>{*u, 1};
  return std::nullopt;
}

// A span from `a`'s start to `b`'s end.
inline temporal_value joined(temporal_value a, const temporal_value& b) {
  if (!a.ok() || !b.ok()) return a.ok() ? b : a;
  a.latest = b.latest;
  a.stated_latest = b.stated_latest;
  return a;
}

// after the count and unit: +1 for later, after, afterwards, hence; -1 for ago, earlier,
// before, previously, prior; 0 for none. "before" and "after" only end a phrase ("two days
// before Christmas" is no offset from the reference).
inline int offset_word(phrase& p, bool in) {
  if (in || p.eat_any("later", "afterwards", "afterward", "hence") || (p.at("after") && !p.peek(1) && p.eat("after")) ||
      (p.at("from") && p.peek(1) && p.peek(1)->is("now") && (p.advance(2), true)))
    return 1;
  if (p.eat_any("ago", "earlier", "previously", "prior") || (p.at("before") && !p.peek(1) && p.eat("before"))) return -1;
  return 0;
}

// that, the same, that same, the very same, that very: the reference's own.
inline bool eat_anaphor(phrase& p) {
  const std::size_t start = p.i;
  if (p.eat("that")) {
    p.eat_any("same", "very");
    return true;
  }
  if (p.eat("the")) {
    p.eat("very");
    if (p.eat("same")) return true;
  }
  p.i = start;
  return false;
}

// next, following, subsequent: +1; previous, preceding, prior: -1; 0 for none.
inline int eat_neighbour(phrase& p) {
  if (p.eat_any("next", "following", "subsequent")) return 1;
  if (p.eat_any("previous", "preceding", "prior")) return -1;
  return 0;
}

// A month or a season word at the reader: the build of its span in year y.
struct named_span {
  std::optional<unsigned> month;
  std::optional<int> season;
  std::optional<temporal_value> operator()(std::int64_t y) const {
    if (month) return month_span(calendar::gregorian, y, *month, y, *month, precision::month);
    return month_span(calendar::gregorian, y, season_first_month(*season), y, season_last_month(*season),
                      precision::season);
  }
};
inline std::optional<named_span> read_named_span(phrase& p) {
  const token* w = p.peek();
  if (const auto m = read_month(p)) return named_span{m, std::nullopt};
  if (const auto s = w && w->k == token::kind::word ? season_word(w->word()) : std::nullopt) {
    p.advance();
    return named_span{std::nullopt, s};
  }
  return std::nullopt;
}

/// The anaphora of narrative prose (grammar_narrative.cpp); nullopt, reader unmoved, when
/// the phrase is none.
std::optional<temporal_value> read_anaphor(phrase& p);

}  // namespace annals::detail
