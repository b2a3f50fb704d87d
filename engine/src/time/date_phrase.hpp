#pragma once

// The state of reading one English date phrase, and the readers its families share.
// date_grammar.cpp dispatches over the families, one file each: grammar_absolute.cpp
// (days, months, seasons, years, decades, centuries and their parts), grammar_relative.cpp
// (today, weekdays, offsets from the reference; grammar_narrative.cpp the anaphora of
// narrative prose, "that same day", counting as grammar_counts.hpp does),
// grammar_named_days.cpp (holidays, "the
// first Monday in October"), grammar_ranges.cpp (ranges and alternatives with shared
// parts) and grammar_time.cpp (a time of day with its date).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annals/temporal.hpp"
#include "time/civil.hpp"
#include "time/spans.hpp"
#include "time/words.hpp"

namespace annals::detail {

struct phrase {
  const token* t;
  std::size_t n;
  std::string_view text;
  const date_context& ctx;
  std::size_t i = 0;
  std::size_t furthest = 0;  // the furthest token any reading reached: where reading stopped
  std::optional<date_error> error;
  zone named_zone = nullptr;  // a zone a time named (PT, ET): the value is read in it
  std::size_t zone_slot = static_cast<std::size_t>(-1);
  std::optional<calendar> written_cal;  // the value's calendar, when the phrase chose it (a dual date: Julian)
  int day_part = -1;  // the part of a day the last day was written with (eat_day_part)  // the token after a time, where a zone word stands

  const token* peek() const { return i < n ? &t[i] : nullptr; }
  const token* peek(std::size_t ahead) const { return i + ahead < n ? &t[i + ahead] : nullptr; }
  bool at(std::string_view w) const { return i < n && t[i].is(w); }
  bool done() const { return i >= n; }
  void advance(std::size_t k = 1) {
    i += k;
    furthest = std::max(furthest, i);
  }
  bool eat(std::string_view w) {
    if (!at(w)) return false;
    advance();
    return true;
  }
  template <class... W>
  bool eat_any(W... w) {
    return (eat(w) || ...);
  }
  void reached() { furthest = std::max(furthest, i); }

  std::optional<temporal_value> fail(std::string code, std::string message, std::string hint = {}) {
    return fail_at(i, std::move(code), std::move(message), std::move(hint));
  }
  std::optional<temporal_value> fail_at(std::size_t token_index, std::string code, std::string message,
                                        std::string hint = {}) {
    if (!error)
      error = make_error(code, std::move(message), std::move(hint), token_index < n ? t[token_index].pos : text.size());
    return std::nullopt;
  }
};

using reader = std::optional<temporal_value> (*)(phrase&);

/// The reference day, or the error missing-reference: phrases like "November 23rd" need one.
std::optional<std::int64_t> reference_day(phrase& p);

/// The days the reference covers and how finely it was written: a day is one day, "1862"
/// (`--reference 1862`) all of 1862 at year precision. Error missing-reference without one.
struct reference_span {
  std::int64_t first, last;  // day numbers, first <= last
  precision prec;
};
std::optional<reference_span> reference_days(phrase& p);

/// The year of calendar `c` that day `day` (a Gregorian day number) falls in: the year a
/// month written without one is looked for around.
std::int64_t year_in(calendar c, std::int64_t day);

/// The year of a unit written without one (a month, a season, a day of a month, a holiday):
/// of the candidates `build(year)` for the years around the reference's, the latest that
/// begins no more than four months after the reference. Writers mostly look back ("in
/// April", written in November, is the April past); see the README's date table.
/// Read as narrative, a history moves forward from the last date it named: the earliest
/// candidate that does not end before the reference begins ("April" after 1862 is April
/// 1862; after September 1862, April 1863).
template <class Build>
std::optional<std::int64_t> pick_year(phrase& p, Build build) {
  if (p.ctx.mode == reading::narrative) {
    const auto ref = reference_days(p);
    if (!ref) return std::nullopt;
    const std::int64_t y = year_in(p.ctx.cal, ref->first);
    const instant start = civil::day_start(ref->first);
    for (std::int64_t candidate = y - 1; candidate <= y + 1; ++candidate) {  // y - 1: a winter into y
      const std::optional<temporal_value> v = build(candidate);
      if (v && v->latest >= start) return candidate;
    }
    return std::nullopt;
  }
  const auto ref = reference_day(p);
  if (!ref) return std::nullopt;
  const std::int64_t y = year_in(p.ctx.cal, *ref);
  const instant horizon = civil::day_start(civil::add_months(*ref, 4));
  for (std::int64_t candidate = y + 1; candidate >= y - 1; --candidate) {
    const std::optional<temporal_value> v = build(candidate);
    if (v && v->earliest <= horizon) return candidate;
  }
  return std::nullopt;
}

/// `v`, or the error that the date leaves the calendar's range.
std::optional<temporal_value> in_calendar(phrase& p, std::optional<temporal_value> v);

/// A month name in the context's calendar.
std::optional<unsigned> read_month(phrase& p);
/// A season word: 1 spring .. 4 winter.
std::optional<int> season_word(std::string_view w);
/// Monday .. Sunday and their abbreviations: 0 .. 6.
std::optional<unsigned> weekday_word(std::string_view w);
/// early/beginning/start: 0, mid/middle: 1, late/end: 2.
std::optional<int> part_word_of(std::string_view w);
/// "morning", "night", ...: eaten after a day; the part (an index of day_parts) is kept in
/// `p.day_part` for read_date, which reads it as its hours (day_part_hours).
bool eat_day_part(phrase& p);
/// The part `part` of the single day `day` (day_part_hours), as a time between its first
/// and last minute; in UTC when the writer has no zone, as a day is.
std::optional<temporal_value> day_part_of(phrase& p, const temporal_value& day, int part);

/// An era word: +1 for AD/CE, -1 for BC/BCE, 0 for none.
int era_word(std::string_view w);
/// The era word at the reader (not eaten), 0 for none.
int era_ahead(const phrase& p);

/// A year: `2015`, `44 BC`, `44BC`, `AD 79`, `79 CE`, `nineteen ninety-one`. Without an era,
/// three or four digits. The astronomical year (44 BC = -43).
std::optional<std::int64_t> read_year(phrase& p);

/// After "winter 1944": the "-45" or "–1945" that names the winter's second year, eaten.
void eat_winter_end(phrase& p, std::int64_t year);

/// A count: digits or number words, at most a billion.
std::optional<std::int64_t> read_count(phrase& p);

enum class unit : std::uint8_t { day, week, month, year, decade, century };
/// `day`/`days` .. `century`/`centuries`; `plural` is set when the word was plural.
std::optional<unit> read_unit(phrase& p, bool* plural = nullptr);

/// The calendar unit (day, Monday-Sunday week, month, year, decade 2010-2019, century
/// 2001-2100) `count` units from the one containing `day`; Gregorian. Not ok() when it
/// lies beyond the range annals supports.
temporal_value unit_containing(std::int64_t day, unit u, std::int64_t count, calendar cal);
/// The day `count` units (days, weeks, months, years, 10 or 100 years) from `day`.
std::int64_t shift_day(std::int64_t day, unit u, std::int64_t count);

/// A value from its first day's start to its last day's end, as a day range.
temporal_value days_value(std::int64_t first, std::int64_t last, calendar cal);

/// Covers `a` to `b` in one value: `a`'s start, `b`'s end; nullopt (the error set) when `b`
/// begins before `a`.
std::optional<temporal_value> join(phrase& p, const temporal_value& a, const temporal_value& b, date_form form);

// The families (see the top of this file).
std::optional<temporal_value> read_day_month(phrase& p);
std::optional<temporal_value> read_part_of(phrase& p);
std::optional<temporal_value> read_quarter(phrase& p);
std::optional<temporal_value> read_period(phrase& p);
std::optional<temporal_value> read_relative(phrase& p);
std::optional<temporal_value> read_weekday(phrase& p);
std::optional<temporal_value> read_holiday(phrase& p);
std::optional<temporal_value> read_nth_in(phrase& p);
std::optional<temporal_value> read_range(phrase& p, bool prefixed_from, bool prefixed_between);
std::optional<temporal_value> read_timed(phrase& p, reader date);
/// Two days written with a slash or brackets, nothing after them: a night when they follow
/// each other ("24/25 October 1917"), else one day Old Style (Julian) then New Style
/// (Gregorian), which must agree ("25 October / 7 November 1917", "25 October (7 November)
/// 1917"). Nullopt without the error when the phrase is no such pair.
std::optional<temporal_value> read_dual(phrase& p);
/// After "the night of": two days that follow each other, "24–25 October 1917", "24/25
/// October", "16 to 17 July 1918", as the night from the first into the second.
std::optional<temporal_value> read_night(phrase& p);
/// Two times of one day, the date written once: "between 9:37AM and 11:37AM on February 28,
/// 2017" (form between), "from 9:37AM to 1:54PM", "9:37–11:37AM" (form interval). A
/// meridiem or zone written once belongs to both; a second time before the first is on the
/// next day. Nullopt without the error when the phrase is no such range.
std::optional<temporal_value> read_time_range(phrase& p, date_form form, reader date);
/// A day written year/month/day in digits: 2017/01/31, and 2017-02-28 where English reads it
/// (before a time with a zone word: 2017-02-28 09:37 PST).
std::optional<temporal_value> read_slash_day(phrase& p);

/// Decades and centuries, for parts and halves of them: the years [first, last] of
/// "the 1990s", "the 90s", "the nineties", "the 50s BC", "the 19th century [BC]".
struct year_run {
  std::int64_t first, last;
  precision prec;
};
std::optional<year_run> read_decade(phrase& p);
std::optional<year_run> read_century(phrase& p);

}  // namespace annals::detail
