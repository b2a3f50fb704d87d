// The anaphora of narrative prose, read against the last date the text named (the
// reference): that same day, the following spring, the previous April, the night before,
// within a week, later that month, the months that followed. They count on the Gregorian
// calendar, as grammar_relative.cpp does.

#include <algorithm>

#include "time/date_words.hpp"
#include "time/grammar_counts.hpp"

namespace annals::detail {

using kind = token::kind;

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

}  // namespace annals::detail
