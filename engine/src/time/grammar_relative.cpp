// Dates counted from the reference: today, the past week, last month, three days ago, a
// week later, the day after tomorrow, last summer, this weekend, Monday, next Tuesday.
// They count on the Gregorian calendar; counting from the reference at its precision is
// grammar_counts.hpp's, the anaphora of narrative prose grammar_narrative.cpp's.

#include "time/date_label.hpp"
#include "time/date_words.hpp"
#include "time/grammar_counts.hpp"

namespace annals::detail {
namespace {

using kind = token::kind;

// The Saturday and Sunday `weeks` weeks from the reference's Monday-Sunday week.
temporal_value weekend(std::int64_t ref, std::int64_t weeks, calendar cal) {
  const std::int64_t saturday = ref - civil::iso_weekday(ref) + 5 + 7 * weeks;
  return day_span(saturday, saturday + 1, precision::day, cal);
}

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
