// Dates counted from the reference: today, the past week, last month, three days ago, a
// week later, the day after tomorrow, last summer, this weekend, Monday, next Tuesday.
// They count on the Gregorian calendar.

#include "time/date_label.hpp"
#include "time/date_phrase.hpp"
#include "time/date_words.hpp"

namespace annals::detail {
namespace {

using kind = token::kind;

// Of the units `build(year)` for the years around the reference's, the latest that ends
// before the reference (shift -1), the earliest that begins after it (+1), or the
// reference year's (0): last November, next spring, this summer.
template <class Build>
std::optional<temporal_value> around_reference(std::int64_t ref, int shift, Build build) {
  const std::int64_t y = civil::civil_from_days(ref).y;
  const instant r = civil::day_start(ref);
  if (shift == 0) return build(y);
  if (shift < 0) {
    for (std::int64_t c = y; c >= y - 2; --c)
      if (auto v = build(c); v && v->latest < r) return v;
  } else {
    const instant r_end = civil::day_start(ref + 1);
    for (std::int64_t c = y - 1; c <= y + 1; ++c)
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

}  // namespace

std::optional<temporal_value> read_relative(phrase& p) {
  const std::size_t start = p.i;
  const token* tk = p.peek();
  if (!tk) return std::nullopt;
  const calendar cal = p.ctx.cal;
  const auto day_from_reference = [&](std::int64_t shift) -> std::optional<temporal_value> {
    const auto ref = reference_day(p);
    if (!ref) return std::nullopt;
    return day_span(*ref + shift, *ref + shift, precision::day, cal);
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
    int shift = 0;
    if (p.eat_any("next", "following")) shift = 1;
    else if (p.eat("previous")) shift = -1;
    if (shift != 0 && p.t[start].is("the")) {
      if (const auto u = read_unit(p)) {
        const auto ref = reference_day(p);
        if (!ref) return std::nullopt;
        return unit_containing(*ref, *u, shift, cal);
      }
    }
    p.i = start;
  }
  // the past week, the past three days, the last two months, the past three decades:
  // reference - N units .. reference, a span.
  {
    const bool the = p.eat("the");
    if ((the && p.eat_any("past", "last")) || (!the && p.eat("past"))) {
      const std::size_t counted = p.i;
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
        if (!count && the && p.t[counted - 1].is("last") && (*u == unit::decade || *u == unit::century)) {
          const auto ref = reference_day(p);
          if (!ref) return std::nullopt;
          return unit_containing(*ref, *u, -1, cal);
        }
        const auto ref = reference_day(p);
        if (!ref) return std::nullopt;
        temporal_value v = day_span(shift_day(*ref, *u, -count.value_or(1)), *ref, precision::day, cal);
        v.interval = true;
        v.form = date_form::interval;
        return v;
      }
      p.i = counted;
    }
    p.i = start;
  }
  // over the weekend, the weekend: the latest that has begun; last|this|next weekend
  {
    p.eat("over");
    const bool over = p.i > start;
    if (p.eat("the") && p.eat("weekend")) {
      const auto ref = reference_day(p);
      if (!ref) return std::nullopt;
      return weekend(*ref, civil::iso_weekday(*ref) >= 5 ? 0 : -1, cal);
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
      const auto ref = reference_day(p);
      if (!ref) return std::nullopt;
      return unit_containing(*ref, *u, shift, cal);
    }
    p.i = unit_at;
    if (p.eat("weekend")) {
      const auto ref = reference_day(p);
      if (!ref) return std::nullopt;
      return weekend(*ref, shift, cal);
    }
    const token* w = p.peek();
    if (const auto m = read_month(p)) {
      const auto ref = reference_day(p);
      if (!ref) return std::nullopt;
      return in_calendar(p, around_reference(*ref, shift, [&](std::int64_t y) {
                           return month_span(calendar::gregorian, y, *m, y, *m, precision::month);
                         }));
    }
    if (const auto s = w && w->k == kind::word ? season_word(w->word()) : std::nullopt) {
      p.advance();
      const auto ref = reference_day(p);
      if (!ref) return std::nullopt;
      return in_calendar(p, around_reference(*ref, shift, [&](std::int64_t y) {
                           return month_span(calendar::gregorian, y, season_first_month(*s), y, season_last_month(*s),
                                             precision::season);
                         }));
    }
    p.i = start;
    return std::nullopt;
  }
  // N units ago, in N units, N units later|earlier|from now, a decade ago
  const bool in = p.eat("in");
  if (const auto count = read_count(p)) {
    if (const auto u = read_unit(p)) {
      int sign = 0;
      if (in || p.eat("later") || (p.eat("from") && p.eat("now"))) sign = 1;
      else if (p.eat_any("ago", "earlier")) sign = -1;
      if (sign != 0) {
        const auto ref = reference_day(p);
        if (!ref) return std::nullopt;
        return shifted(*ref, *u, sign * *count, cal);
      }
    }
  }
  p.i = start;
  return std::nullopt;
}

// Monday, last Friday, this Friday, next Tuesday; "Monday, November 23, 2015" (the weekday
// must be that date's). A bare weekday is the nearest such day within three days of the
// reference (a tie goes to the past); last/next: the one before/after it; this: the one
// of its Monday-Sunday week.
std::optional<temporal_value> read_weekday(phrase& p) {
  const std::size_t start = p.i;
  int which = 2;  // 2: bare, -1 last, 0 this, 1 next
  if (p.eat("last")) which = -1;
  else if (p.eat("this")) which = 0;
  else if (p.eat("next")) which = 1;
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
  const auto ref = reference_day(p);
  if (!ref) return std::nullopt;
  const auto ref_wd = static_cast<std::int64_t>(civil::iso_weekday(*ref));
  const auto target = static_cast<std::int64_t>(*wd);
  std::int64_t day = *ref;
  switch (which) {
    case -1: day = *ref - ((ref_wd - target + 6) % 7 + 1); break;  // strictly before
    case 1: day = *ref + ((target - ref_wd + 6) % 7 + 1); break;   // strictly after
    case 0: day = *ref - ref_wd + target; break;                   // in the reference's week
    default: {
      std::int64_t delta = (target - ref_wd + 7) % 7;  // [0, 6] days ahead
      if (delta > 3) delta -= 7;                        // within three days either way
      day = *ref + delta;
    }
  }
  return day_span(day, day, precision::day, p.ctx.cal);
}

}  // namespace annals::detail
