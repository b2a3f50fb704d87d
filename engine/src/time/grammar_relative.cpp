// Dates counted from the reference: today, the past week, last month, three days ago, a
// week later, the day after tomorrow, last summer, this weekend, Monday, next Tuesday; and
// the anaphora of narrative prose, read against the last date the text named: that same
// day, the following spring, the previous April, two years before, within a week, later
// that month. They count on the Gregorian calendar.
//
// The reference keeps its precision (reference_days): counted from "1862", "the following
// year" is 1863, "that same day" is 1862 itself, and "the next day" is any day it can be,
// 2 January 1862 .. 1 January 1863 (form between), never a day the text did not name.

#include <algorithm>

#include "time/date_label.hpp"
#include "time/date_phrase.hpp"
#include "time/date_words.hpp"

namespace annals::detail {
namespace {

using kind = token::kind;

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
temporal_value reference_value(const reference_span& r, calendar cal) { return day_span(r.first, r.last, r.prec, cal); }

// The unit `count` units from the reference's (the reference's own for 0; when the
// reference is coarser than the unit, the reference itself for 0, else every unit it can be).
temporal_value counted(const reference_span& r, unit u, std::int64_t count, calendar cal) {
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

// The Saturday and Sunday `weeks` weeks from the reference's Monday-Sunday week.
temporal_value weekend(std::int64_t ref, std::int64_t weeks, calendar cal) {
  const std::int64_t saturday = ref - civil::iso_weekday(ref) + 5 + 7 * weeks;
  return day_span(saturday, saturday + 1, precision::day, cal);
}

// A count of units shifted from the reference: the day, or the week, month or year that
// holds it; a decade or century away is the year that far ("a decade ago": 2005).
temporal_value shifted(std::int64_t ref, unit u, std::int64_t count, calendar cal) {
  if (u == unit::decade || u == unit::century) return unit_containing(shift_day(ref, u, count), unit::year, 0, cal);
  return unit_containing(ref, u, count, cal);
}

// "a few", "several", "some": how many units, at least and at most (README).
std::optional<std::pair<std::int64_t, std::int64_t>> vague_count(phrase& p) {
  if (p.at("a") && p.peek(1) && p.peek(1)->is("few")) {
    p.advance(2);
    return std::pair<std::int64_t, std::int64_t>{2, 4};
  }
  if (p.eat("few")) return std::pair<std::int64_t, std::int64_t>{2, 4};  // the next few days
  if (p.eat_any("several", "some")) return std::pair<std::int64_t, std::int64_t>{2, 9};
  return std::nullopt;
}

// A unit, or "fortnight(s)" as two weeks each: the unit and how many of it one word is.
std::optional<std::pair<unit, std::int64_t>> read_unit_or_fortnight(phrase& p, bool* plural = nullptr) {
  if (p.at("fortnight") || p.at("fortnights")) {
    if (plural) *plural = p.at("fortnights");
    p.advance();
    return std::pair<unit, std::int64_t>{unit::week, 2};
  }
  if (const auto u = read_unit(p, plural)) return std::pair<unit, std::int64_t>{*u, 1};
  return std::nullopt;
}

// A span from `a`'s start to `b`'s end.
temporal_value joined(temporal_value a, const temporal_value& b) {
  if (!a.ok() || !b.ok()) return a.ok() ? b : a;
  a.latest = b.latest;
  a.stated_latest = b.stated_latest;
  return a;
}

// after the count and unit: +1 for later, after, afterwards, hence; -1 for ago, earlier,
// before, previously, prior; 0 for none. "before" and "after" only end a phrase ("two days
// before Christmas" is no offset from the reference).
int offset_word(phrase& p, bool in) {
  if (in || p.eat_any("later", "afterwards", "afterward", "hence") || (p.at("after") && !p.peek(1) && p.eat("after")) ||
      (p.at("from") && p.peek(1) && p.peek(1)->is("now") && (p.advance(2), true)))
    return 1;
  if (p.eat_any("ago", "earlier", "previously", "prior") || (p.at("before") && !p.peek(1) && p.eat("before"))) return -1;
  return 0;
}

// that, the same, that same, the very same, that very: the reference's own.
bool eat_anaphor(phrase& p) {
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
int eat_neighbour(phrase& p) {
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
std::optional<named_span> read_named_span(phrase& p) {
  const token* w = p.peek();
  if (const auto m = read_month(p)) return named_span{m, std::nullopt};
  if (const auto s = w && w->k == kind::word ? season_word(w->word()) : std::nullopt) {
    p.advance();
    return named_span{std::nullopt, s};
  }
  return std::nullopt;
}

// The anaphora of narrative prose, each read against the reference: that same day, that
// morning, that time, that summer, that August, the following spring, the previous April,
// the next morning, the year before, the week after, within a week, later that month.
std::optional<temporal_value> read_anaphor(phrase& p) {
  const std::size_t start = p.i;
  const calendar cal = p.ctx.cal;
  // early on 18 September, late that night, early the next morning: the day, the part of
  // it named (no finer: how early is not said); "late that year" is read_part_of's
  if ((p.at("early") || p.at("late")) && p.peek(1)) {
    p.advance();
    if (p.eat("on")) {
      if (auto v = read_day_month(p); v || p.error) return v;
    } else if (auto v = read_anaphor(p); v && p.day_part >= 0) {
      return v;
    }
    if (p.error) return std::nullopt;
    p.day_part = -1;
    p.i = start;
  }
  // then (by then, until then): the reference
  if (p.eat("then")) {
    const auto ref = reference_days(p);
    if (!ref) return std::nullopt;
    return reference_value(*ref, cal);
  }
  // that (same) day|week|month|year|decade|century|morning|time|summer|August
  if (eat_anaphor(p)) {
    if (const auto u = read_unit(p)) {
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      return counted(*ref, *u, 0, cal);
    }
    if (p.eat("time")) {
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      return reference_value(*ref, cal);
    }
    if (eat_day_part(p)) {
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      if (ref->first != ref->last) p.day_part = -1;  // no day to take a part of: the reference
      return counted(*ref, unit::day, 0, cal);
    }
    if (const auto named = read_named_span(p)) {
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      return in_calendar(p, around_reference(*ref, 0, *named, true));
    }
    p.i = start;
  }
  // the months that followed, the year that followed: the following ones
  if (p.eat("the")) {
    bool plural = false;
    if (const auto u = read_unit(p, &plural); u && p.eat("that") && p.eat_any("followed", "ensued") && p.done()) {
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      if (!plural) return counted(*ref, *u, 1, cal);
      temporal_value v = joined(counted(*ref, *u, 1, cal), counted(*ref, *u, 9, cal));
      v.interval = true;
      v.form = date_form::interval;
      v.approximate = true;
      set_single_ends(v);
      return v;
    }
    p.i = start;
  }
  // the next|following|previous|preceding morning, spring, April, (N) days; for|over|during
  // the next two years
  if (p.at("for") || p.at("over") || p.at("during")) {
    const std::size_t at = p.i;
    p.advance();
    if (!(p.at("the") && p.peek(1) && (p.peek(1)->is("next") || p.peek(1)->is("following") || p.peek(1)->is("previous") ||
                                       p.peek(1)->is("preceding")))) {
      p.i = at;
    }
  }
  if (p.eat("the")) {
    if (const int shift = eat_neighbour(p)) {
      if (eat_day_part(p)) {
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        if (ref->first != ref->last) p.day_part = -1;
        return counted(*ref, unit::day, shift, cal);
      }
      if (const auto named = read_named_span(p)) {
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        return in_calendar(p, around_reference(*ref, shift, *named));
      }
      // the next few days, the following weeks: the units beside the reference, up to the
      // 4th (few) or the 9th (several, some, or a count not said), an approximate span
      const std::size_t vague_at = p.i;
      const auto vague = vague_count(p);
      bool plural = false;
      if (const auto u = read_unit(p, &plural); u && plural) {
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        const std::int64_t lo = 1, hi = vague ? vague->second : 9;
        temporal_value v = shift > 0 ? joined(counted(*ref, *u, lo, cal), counted(*ref, *u, hi, cal))
                                     : joined(counted(*ref, *u, -hi, cal), counted(*ref, *u, -lo, cal));
        v.interval = true;
        v.form = date_form::interval;
        v.approximate = true;
        set_single_ends(v);
        return v;
      }
      p.i = vague_at;
      // the next three years, the previous two weeks: a span of whole units beside the reference
      const std::size_t counted_at = p.i;
      if (const auto count = read_count(p); count && *count >= 1) {
        bool plural = false;
        if (const auto u = read_unit(p, &plural); u && (plural || *count == 1)) {
          const auto ref = reference_days(p);
          if (!ref) return std::nullopt;
          const temporal_value a = counted(*ref, *u, shift, cal), b = counted(*ref, *u, shift * *count, cal);
          temporal_value v = shift > 0 ? a : b;
          const temporal_value& end = shift > 0 ? b : a;
          v.latest = end.latest;
          v.stated_latest = end.stated_latest;
          v.interval = true;
          v.form = date_form::interval;
          return v;
        }
      }
      p.i = counted_at;
    }
    p.i = start;
    // the night before, the morning after: that part of the day before or after
    p.eat("the");
    if (eat_day_part(p)) {
      int shift = 0;
      if (p.at("before") || p.at("after")) {
        shift = p.at("after") ? 1 : -1;
        p.advance();
      }
      if (p.done()) {  // "the morning of 28 February" is read with its date (grammar_time.cpp)
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        if (ref->first != ref->last) p.day_part = -1;
        return counted(*ref, unit::day, shift, cal);
      }
      p.day_part = -1;
    }
    p.i = start;
    // the day|week|month|year before|after: one unit from the reference
    p.eat("the");
    if (const auto u = read_unit(p); u && p.i == start + 2 && (p.at("before") || p.at("after")) && !p.peek(1)) {
      const int shift = p.at("after") ? 1 : -1;
      p.advance();
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      return counted(*ref, *u, shift, cal);
    }
    p.i = start;
  }
  // on the 19th: that day of the reference's month or the next (narrative: the first on or
  // after the reference), or of the month before (news: the latest on or before it)
  {
    p.eat("the");
    const token* tk = p.peek();
    const token* after = p.peek(1);
    const bool ends = !after || (after->k == kind::word && std::find(std::begin(day_parts), std::end(day_parts),
                                                                     after->word()) != std::end(day_parts));
    if (tk && tk->k == kind::number && tk->digits <= 2 && tk->value >= 1 && tk->value <= 31 && ends &&
        (tk->suffix() == "st" || tk->suffix() == "nd" || tk->suffix() == "rd" || tk->suffix() == "th")) {
      p.advance();
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      const bool forward = p.ctx.mode == reading::narrative;
      const civil::ymd from = civil::civil_from_days(forward ? ref->first : ref->last);
      for (int k = 0; k < 3; ++k) {  // a 31st is at most two months away
        const civil::ymd m = civil::month_of_index(from.y * 12 + from.m - 1 + (forward ? k : -k));
        if (tk->value > civil::last_day(m.y, m.m)) continue;
        const std::int64_t day = civil::days_from_civil(m.y, m.m, static_cast<unsigned>(tk->value));
        if (forward ? day >= ref->first : day <= ref->last) return day_span(day, day, precision::day, cal);
      }
    }
    p.i = start;
  }
  // within a week, within three days: from the reference to that many units after it
  // (within weeks: up to nine); less than a month later, in under a year: the same.
  const bool less = (p.at("less") || p.at("under")) && (p.eat("less") ? p.eat("than") : p.eat("under"));
  if (less || p.eat("within")) {
    std::optional<std::int64_t> count = read_count(p);
    bool plural = false;
    if (const auto u = read_unit(p, &plural); u && (count || (plural && !less))) {
      if (less && offset_word(p, false) <= 0) {  // less than a month later: later only
        p.i = start;
        return std::nullopt;
      }
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      temporal_value v = day_span(ref->first, shift_day(ref->last, *u, count.value_or(9)), precision::day, cal);
      v.form = date_form::between;
      return v;
    }
    p.i = start;
    return std::nullopt;
  }
  // the rest|remainder of the year: as "later that year"
  if (p.eat("the") && p.eat_any("rest", "remainder") && p.eat("of")) {
    if (eat_anaphor(p) || p.eat("the")) {
      if (const auto u = read_unit(p); u && *u != unit::day) {
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        const temporal_value whole = counted(*ref, *u, 0, cal);
        if (ref->first != ref->last) return whole;
        temporal_value v = days_value(ref->last, civil::day_of(whole.latest), cal);
        v.interval = true;
        v.form = date_form::interval;
        return v;
      }
    }
  }
  p.i = start;
  // later|earlier that day|month|year, later the same day: the rest of the unit after the
  // reference, or the part of it before; a day (or a coarser reference) is itself.
  if (p.at("later") || p.at("earlier")) {
    const bool later = p.at("later");
    p.advance();
    const bool in = p.eat("in");
    if (const auto y = in ? read_year(p) : std::nullopt) {  // later in 1863: after the reference, when it is in 1863
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      const auto year = month_span(calendar::gregorian, *y, 1, *y, 12, precision::year);
      if (!year) return in_calendar(p, year);
      const std::int64_t first = civil::day_of(year->earliest), last = civil::day_of(year->latest);
      if (ref->first < first || ref->last > last) return year;
      return later ? days_value(ref->last, last, cal) : days_value(first, ref->first, cal);
    }
    if (p.error) return std::nullopt;
    if (eat_anaphor(p) || p.eat("the")) {
      if (const auto named = read_named_span(p)) {  // later that summer: from the reference to its end
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        auto v = around_reference(*ref, 0, *named, true);
        if (!v) return in_calendar(p, v);
        const std::int64_t first = civil::day_of(v->earliest), last = civil::day_of(v->latest);
        if (ref->first < first || ref->last > last) return v;
        return later ? days_value(ref->last, last, cal) : days_value(first, ref->first, cal);
      }
      const bool part = eat_day_part(p);
      const auto u = part ? std::optional<unit>(unit::day) : read_unit(p);
      if (u) {
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        const temporal_value whole = counted(*ref, *u, 0, cal);
        if (*u == unit::day || ref->first != ref->last) {
          if (ref->first != ref->last) p.day_part = -1;
          return whole;
        }
        return later ? days_value(ref->last, civil::day_of(whole.latest), cal)
                     : days_value(civil::day_of(whole.earliest), ref->first, cal);
      }
    }
    p.i = start;
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

namespace {
std::optional<temporal_value> read_counted(phrase& p);
}  // namespace

// A value counted beyond the range annals supports ("1000000000 centuries later") is
// invalid-date, never a wrapped year.
std::optional<temporal_value> read_relative(phrase& p) {
  auto v = read_counted(p);
  if (v && (!v->ok() || (v->bounded_start() && civil::civil_from_days(civil::day_of(v->earliest)).y < -civil::max_year) ||
            (v->bounded_end() && civil::civil_from_days(civil::day_of(v->latest)).y > civil::max_year)))
    return p.fail_at(0, "invalid-date", "date " + quoted(p.text) + " is beyond the range annals supports");
  return v;
}

namespace {

std::optional<temporal_value> read_counted(phrase& p) {
  const std::size_t start = p.i;
  const token* tk = p.peek();
  if (!tk) return std::nullopt;
  const calendar cal = p.ctx.cal;
  const auto day_from_reference = [&](std::int64_t shift) -> std::optional<temporal_value> {
    const auto ref = reference_days(p);
    if (!ref) return std::nullopt;
    if (ref->first != ref->last) p.day_part = -1;  // a coarser reference has no day to take a part of
    return counted(*ref, unit::day, shift, cal);
  };
  // today, tonight, yesterday, tomorrow; last night, this morning
  if (p.eat("today")) return day_from_reference(0);
  if (p.eat("yesterday")) return day_from_reference(-1);
  if (p.eat("tomorrow")) return day_from_reference(1);
  if (p.eat("tonight") || (p.eat("last") && p.eat("night"))) {  // the night of today, of yesterday
    p.day_part = 3;
    return day_from_reference(p.t[start].is("tonight") ? 0 : -1);
  }
  p.i = start;
  if (p.eat("this") && eat_day_part(p)) return day_from_reference(0);
  p.i = start;
  if (auto v = read_anaphor(p); v || p.error) return v;
  p.i = start;
  // the day after tomorrow, the day before yesterday; the day after, the next day, the
  // following week, the previous year: one unit from the reference.
  {
    p.eat("the");
    if (p.eat("day") && (p.at("after") || p.at("before"))) {
      const bool after = p.at("after");
      p.advance();
      if (after && p.eat("tomorrow")) return day_from_reference(2);
      if (!after && p.eat("yesterday")) return day_from_reference(-2);
      return day_from_reference(after ? 1 : -1);
    }
    p.i = start;
    p.eat("the");
    int shift = eat_neighbour(p);
    if (shift == 0 && p.at("new") && p.peek(1) && p.peek(1)->is("year")) {  // in the new year
      p.advance();
      shift = 1;
    }
    if (shift != 0 && p.t[start].is("the")) {
      if (const auto u = read_unit(p)) {
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        return counted(*ref, *u, shift, cal);
      }
    }
    p.i = start;
  }
  // the past week, the past three days, the last two months, the past three decades:
  // reference - N units .. reference, a span.
  {
    const bool the = p.eat("the");
    if ((the && p.eat_any("past", "last")) || (!the && p.eat("past"))) {
      const std::size_t counted_at = p.i;
      const auto count = read_count(p);
      const std::size_t unit_at = p.i;
      bool plural = false;
      if (const auto u = read_unit(p, &plural)) {
        if (!count && plural)  // "the past years": how many is not said
          return p.fail_at(unit_at, "unparsed-date",
                           "cannot read date " + quoted(p.text) + ": how many " + std::string(p.t[unit_at].word()) +
                               " is not said",
                           "give a count: 'the past 3 " + std::string(p.t[unit_at].word()) + "'");
        // "the last century" is the calendar century before the reference's.
        if (!count && the && p.t[counted_at - 1].is("last") && (*u == unit::decade || *u == unit::century)) {
          const auto ref = reference_days(p);
          if (!ref) return std::nullopt;
          return counted(*ref, *u, -1, cal);
        }
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        temporal_value v = day_span(shift_day(ref->first, *u, -count.value_or(1)), ref->last, precision::day, cal);
        v.interval = true;
        v.form = date_form::interval;
        return v;
      }
      p.i = counted_at;
    }
    p.i = start;
  }
  // over the weekend, the weekend: the latest that has begun; last|this|next weekend
  {
    p.eat("over");
    const bool over = p.i > start;
    if (p.eat("the") && p.eat("weekend")) {
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      return spread(*ref, [&](std::int64_t day) { return weekend(day, civil::iso_weekday(day) >= 5 ? 0 : -1, cal); });
    }
    if (over) {
      p.i = start;
      return std::nullopt;
    }
    p.i = start;
  }
  // last|this|next week, month, year, decade, century, weekend, November, summer
  if (tk->is("last") || tk->is("this") || tk->is("next")) {
    const int shift = tk->is("last") ? -1 : tk->is("next") ? 1 : 0;
    p.advance();
    const std::size_t unit_at = p.i;
    bool plural = false;
    if (const auto u = read_unit(p, &plural); u && (*u != unit::day || (shift > 0 && !plural))) {
      if (plural)
        return p.fail_at(unit_at, "unparsed-date",
                         "cannot read date " + quoted(p.text) + ": how many " + std::string(p.t[unit_at].word()) +
                             " is not said",
                         "give a count: '" + std::string(tk->word()) + " 3 " + std::string(p.t[unit_at].word()) + "'");
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      return counted(*ref, *u, shift, cal);
    }
    p.i = unit_at;
    if (p.eat("weekend")) {
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      return spread(*ref, [&](std::int64_t day) { return weekend(day, shift, cal); });
    }
    if (const auto named = read_named_span(p)) {
      const auto ref = reference_days(p);
      if (!ref) return std::nullopt;
      return in_calendar(p, around_reference(*ref, shift, *named));
    }
    p.i = start;
    return std::nullopt;
  }
  // N units ago, in N units, N units later|earlier|before|after|from now, a decade ago;
  // a few|several|some units later: 2-4 or 2-9 units, somewhere between.
  const bool in = p.eat("in");
  const std::size_t count_at = p.i, furthest = p.furthest;
  const auto vague = vague_count(p);
  if (bool plural = false; vague || (p.peek() && p.peek()->k == kind::word && !p.at("a") && !p.at("an"))) {
    // a few days later, some weeks later; years later (how many not said): 2-9
    if (const auto u = read_unit(p, &plural); u && plural && (vague || !in)) {
      const std::pair<std::int64_t, std::int64_t> range = vague ? *vague : std::pair<std::int64_t, std::int64_t>{2, 9};
      if (const int sign = offset_word(p, in)) {
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        const auto near = spread(*ref, [&](std::int64_t d) { return shifted(d, *u, sign * range.first, cal); });
        const auto far = spread(*ref, [&](std::int64_t d) { return shifted(d, *u, sign * range.second, cal); });
        temporal_value v = sign > 0 ? near : far;
        const temporal_value& end = sign > 0 ? far : near;
        v.latest = end.latest;
        v.stated_latest = end.stated_latest;
        v.form = date_form::between;
        v.interval = false;
        v.approximate = true;
        set_single_ends(v);
        return v;
      }
    }
  }
  p.i = count_at;
  p.furthest = furthest;  // "some time in 2015" stops at its first word
  // nearly|almost two years later: approximate, as "about" is
  const bool nearly = p.eat_any("nearly", "almost");
  if (const auto count = read_count(p)) {
    if (const auto u = read_unit_or_fortnight(p)) {
      if (const int sign = offset_word(p, in)) {
        const auto ref = reference_days(p);
        if (!ref) return std::nullopt;
        temporal_value v =
            spread(*ref, [&](std::int64_t d) { return shifted(d, u->first, sign * *count * u->second, cal); });
        if (nearly && !qualify(v, qualifier::approximate)) return in_calendar(p, std::nullopt);
        return v;
      }
    }
  }
  p.i = start;
  return std::nullopt;
}

}  // namespace

// Monday, last Friday, this Friday, next Tuesday; "Monday, November 23, 2015" (the weekday
// must be that date's). A bare weekday is the nearest such day within three days of the
// reference (a tie goes to the past); read as narrative, the first on or after it; last/next
// (the previous, the following): the one before/after it; this: the one of its
// Monday-Sunday week.
std::optional<temporal_value> read_weekday(phrase& p) {
  const std::size_t start = p.i;
  int which = 2;  // 2: bare, -1 last, 0 this, 1 next
  if (p.eat("last")) which = -1;
  else if (p.eat("this")) which = 0;
  else if (p.eat("next")) which = 1;
  else if (p.eat("that")) which = 2;  // that Sunday: as a bare weekday
  else if (p.eat("the")) {
    which = eat_neighbour(p);
    if (which == 0) {
      p.i = start;
      return std::nullopt;
    }
  }
  const token* tk = p.peek();
  const auto wd = tk && tk->k == kind::word ? weekday_word(tk->word()) : std::nullopt;
  if (!wd) {
    p.i = start;
    return std::nullopt;
  }
  p.advance();
  if (which == 2 && p.i < p.n) {  // "Monday, November 23, 2015": the date, its weekday checked
    const std::size_t at = p.i;
    if (auto v = read_day_month(p)) {
      const std::int64_t day = civil::day_of(v->stated_earliest);
      if (civil::iso_weekday(day) != *wd) {
        return p.fail_at(start, "invalid-date", "invalid date " + quoted(p.text) + ": " + day_label(day) + " was a " +
                                                     std::string(weekday_names[civil::iso_weekday(day)][0]));
      }
      return v;
    }
    if (p.error) return std::nullopt;
    p.i = at;
  }
  const auto ref = reference_days(p);
  if (!ref) return std::nullopt;
  const bool narrative = p.ctx.mode == reading::narrative;
  const auto target = static_cast<std::int64_t>(*wd);
  const auto on = [&](std::int64_t r) {
    const auto ref_wd = static_cast<std::int64_t>(civil::iso_weekday(r));
    std::int64_t day = r;
    switch (which) {
      case -1: day = r - ((ref_wd - target + 6) % 7 + 1); break;  // strictly before
      case 1: day = r + ((target - ref_wd + 6) % 7 + 1); break;   // strictly after
      case 0: day = r - ref_wd + target; break;                   // in the reference's week
      default: {
        std::int64_t delta = (target - ref_wd + 7) % 7;  // [0, 6] days ahead
        if (delta > 3 && !narrative) delta -= 7;          // news: within three days either way
        day = r + delta;
      }
    }
    return day_span(day, day, precision::day, p.ctx.cal);
  };
  // Before the reference counts from its first day, after it from its last.
  if (which == -1) return on(ref->first);
  if (which == 1) return on(ref->last);
  return spread(*ref, on);
}

}  // namespace annals::detail
