// English date phrases (SPEC §3 form 3): a small deterministic grammar over tokens.
// Case-insensitive; spaces, commas and hyphens only separate words; a word's dots are
// dropped ("Nov." = "nov", "B.C." = "bc"). Every phrase either reads to its end or is
// `unparsed-date` at the first token it could not read, with the nearest accepted form.
//
//   Phrase                                   Reads as (reference 2015-11-25)
//   23 November 2015, 23rd Nov 2015          2015-11-23                       day
//   November 23, 2015 / Nov. 23rd 2015       2015-11-23                       day
//   the 23rd of November, November 23rd      the year nearest the reference   day
//   December 2015, December                  2015-12 (nearest without year)   month
//   early|mid|late December [2015]           days 1-10, 11-20, 21-end         day
//   early|mid|late 2015                      Jan-Apr, May-Aug, Sep-Dec        month
//   early|mid|late 1990s                     years 0-3, 4-6, 7-9              year
//   spring|summer|autumn|fall|winter [2016]  Mar-May .. Dec-Feb (next year)   season
//   the 1990s                                1990-1999 (any "the YYY0s")      decade
//   the 20th century [BC]                    1901-2000                        century
//   2015, 44 BC, 44 BCE, AD 79, 79 CE        years; BC is astronomical (44 BC = -0043);
//                                            a year without era has at least 3 digits
//   c. | ca. | circa | about | around | approximately DATE   = DATE~ (widened one unit)
//   before DATE, after DATE                  open before DATE's start / after its end
//   between DATE and DATE                    from the first's start to the second's end
//   from DATE to|until|through DATE          the same, as a span (interval)
//   today, yesterday, tomorrow               the reference day and its neighbours
//   the past week, the past N days|weeks|months|years   reference - N units .. reference (span)
//   last|this|next week|month|year           the calendar week (Mon-Sun), month or year
//   N days|weeks|months|years ago, in N ...  that day; the week, month or year containing it
//   on DATE, in DATE                         DATE (a leading preposition is dropped)
//
// N is digits or words (`three`, `twenty-one`, `a`). Month names follow the calendar:
// English for Gregorian and Julian, Persian (`22 Bahman 1357`) for Solar Hijri; Islamic
// dates are numeric only. Relative phrases count on the Gregorian calendar.

#include "date_grammar.hpp"

#include <algorithm>
#include <array>

#include "calendars.hpp"
#include "date_label.hpp"
#include "spans.hpp"
#include "words.hpp"

namespace annals::detail {
namespace {

using kind = token::kind;

constexpr std::string_view weekday_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                              "Sunday"};

struct phrase {
  const token* t;
  std::size_t n;
  std::string_view text;
  const date_context& ctx;
  std::size_t i = 0;
  std::size_t furthest = 0;  // the furthest token any reading reached: where reading stopped
  std::optional<date_error> error;

  const token* peek() const { return i < n ? &t[i] : nullptr; }
  bool at(std::string_view w) const { return i < n && t[i].is(w); }
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

// The reference day, or an error: phrases like "November 23rd" need one.
std::optional<std::int64_t> reference_day(phrase& p) {
  if (p.ctx.reference) return p.ctx.reference->time_since_epoch().count();
  p.fail("missing-reference", "date " + quoted(p.text) + " needs a reference date to anchor it",
         "give the full date (November 23, 2015) or set the file's 'reference' (--reference)");
  return std::nullopt;
}

// Of the candidates for years around the reference's, the one nearest the reference
// (distance 0 when it contains the reference; ties go to the earlier).
template <class Build>
std::optional<temporal_value> nearest_year(phrase& p, Build build) {
  const auto ref = reference_day(p);
  if (!ref) return std::nullopt;
  const std::int64_t y = from_days(p.ctx.cal, *ref).y;
  const instant r = civil::day_start(*ref);
  std::optional<temporal_value> best;
  std::int64_t best_distance = 0;
  for (std::int64_t candidate = y - 1; candidate <= y + 1; ++candidate) {
    const auto v = build(candidate);
    if (!v) continue;
    const std::int64_t d = r < v->earliest ? (v->earliest - r).count() : r > v->latest ? (r - v->latest).count() : 0;
    if (!best || d < best_distance) {
      best = v;
      best_distance = d;
    }
  }
  return best;
}

std::optional<temporal_value> in_calendar(phrase& p, std::optional<temporal_value> v) {
  if (!v) p.fail("invalid-date", "date " + quoted(p.text) + " is beyond the " + std::string(to_string(p.ctx.cal)) +
                                     " calendar's range");
  return v;
}

// A month name in the context's calendar.
std::optional<unsigned> read_month(phrase& p) {
  const token* tk = p.peek();
  if (!tk || tk->k != kind::word) return std::nullopt;
  const auto m = month_word(tk->word(), p.ctx.cal);
  if (m) p.advance();
  return m;
}

// An era word: +1 for AD/CE, -1 for BC/BCE, 0 for none.
int era_word(std::string_view w) {
  if (w == "bc" || w == "bce") return -1;
  if (w == "ad" || w == "ce") return 1;
  return 0;
}

// A year: `2015`, `44 BC`, `44BC`, `AD 79`, `79 CE`. Without an era, three digits at least.
// Returns the astronomical year (44 BC = -43).
std::optional<std::int64_t> read_year(phrase& p) {
  const std::size_t start = p.i;
  int era = 0;
  if (const token* tk = p.peek(); tk && tk->k == kind::word && era_word(tk->word()) > 0) {
    era = 1;
    p.advance();
  }
  const token* tk = p.peek();
  if (!tk || tk->k != kind::number) {
    p.i = start;
    return std::nullopt;
  }
  int glued = tk->len == 0 ? 0 : era_word(tk->suffix());
  if (tk->len != 0 && (glued == 0 || era != 0)) {
    p.i = start;
    return std::nullopt;
  }
  const std::int64_t y = tk->value;
  p.advance();
  if (glued != 0) era = glued;
  if (era == 0) {
    if (const token* e = p.peek(); e && e->k == kind::word && era_word(e->word()) != 0) {
      era = era_word(e->word());
      p.advance();
    }
  }
  if (era == 0 && tk->digits < 3) {
    p.i = start;
    return std::nullopt;
  }
  if (y > civil::max_year) {
    p.fail("invalid-date", "year " + std::to_string(y) + " in " + quoted(p.text) + " is beyond the range annals supports");
    return std::nullopt;
  }
  if (era != 0 && y == 0) {
    p.i = start;
    p.fail("invalid-date", "there is no year 0 in " + quoted(p.text) + ": 1 BC is followed by AD 1");
    return std::nullopt;
  }
  return era < 0 ? 1 - y : y;
}

// A count: digits or number words; at most a billion, so that a count of days,
// weeks, months or years times its unit in seconds stays far inside int64.
std::optional<std::int64_t> read_count(phrase& p) {
  constexpr std::int64_t max_count = 1'000'000'000;
  if (const token* tk = p.peek(); tk && tk->k == kind::number && tk->len == 0) {
    if (tk->value > max_count) return std::nullopt;
    p.advance();
    return tk->value;
  }
  const auto v = number_words(p.t, p.n, p.i);
  if (v && *v > max_count) return std::nullopt;
  if (v) p.reached();
  return v;
}

enum class unit : std::uint8_t { day, week, month, year };

std::optional<unit> read_unit(phrase& p) {
  const token* tk = p.peek();
  if (!tk || tk->k != kind::word) return std::nullopt;
  const std::string_view w = tk->word();
  std::optional<unit> u;
  if (w == "day" || w == "days") u = unit::day;
  else if (w == "week" || w == "weeks") u = unit::week;
  else if (w == "month" || w == "months") u = unit::month;
  else if (w == "year" || w == "years") u = unit::year;
  if (u) p.advance();
  return u;
}

// The calendar unit (day, Monday-Sunday week, month, year) containing `day` shifted by
// `count` units; Gregorian.
temporal_value unit_containing(std::int64_t day, unit u, std::int64_t count, calendar cal) {
  const civil::ymd d = civil::civil_from_days(day);
  switch (u) {
    case unit::day: return day_span(day + count, day + count, precision::day, cal);
    case unit::week: {
      const std::int64_t monday = day + 7 * count - civil::iso_weekday(day);
      return day_span(monday, monday + 6, precision::week, cal);
    }
    case unit::month: {
      auto v = *month_span(calendar::gregorian, d.y, d.m + count, d.y, d.m + count, precision::month);
      v.cal = cal;
      return v;
    }
    case unit::year: {
      auto v = *month_span(calendar::gregorian, d.y + count, 1, d.y + count, 12, precision::year);
      v.cal = cal;
      return v;
    }
  }
  return day_span(day, day, precision::day, cal);
}

// today, yesterday, the past week, last month, 3 days ago, in two weeks, ...
std::optional<temporal_value> read_relative(phrase& p) {
  const std::size_t start = p.i;
  const token* tk = p.peek();
  if (!tk) return std::nullopt;
  const calendar cal = p.ctx.cal;
  if (tk->is("today") || tk->is("yesterday") || tk->is("tomorrow")) {
    p.advance();
    const auto ref = reference_day(p);
    if (!ref) return std::nullopt;
    const std::int64_t shift = tk->is("today") ? 0 : tk->is("yesterday") ? -1 : 1;
    return day_span(*ref + shift, *ref + shift, precision::day, cal);
  }
  // the past week, the past three days, the last two months: reference - N units .. reference.
  {
    const bool the = p.eat("the");
    if ((the && p.eat_any("past", "last")) || (!the && p.eat("past"))) {
      const std::size_t counted = p.i;
      std::int64_t count = 1;
      if (auto c = read_count(p)) count = *c;
      if (auto u = read_unit(p)) {
        const auto ref = reference_day(p);
        if (!ref) return std::nullopt;
        std::int64_t begin = *ref;
        if (*u == unit::day || *u == unit::week) {
          begin -= (*u == unit::day ? 1 : 7) * count;
        } else {
          begin = civil::add_months(*ref, -(*u == unit::month ? 1 : 12) * count);
        }
        temporal_value v = day_span(begin, *ref, precision::day, cal);
        v.interval = true;
        v.form = date_form::interval;
        return v;
      }
      p.i = counted;
    }
    p.i = start;
  }
  // last|this|next week|month|year
  if (tk->is("last") || tk->is("this") || tk->is("next")) {
    p.advance();
    const auto u = read_unit(p);
    if (u && *u != unit::day) {
      const auto ref = reference_day(p);
      if (!ref) return std::nullopt;
      return unit_containing(*ref, *u, tk->is("last") ? -1 : tk->is("next") ? 1 : 0, cal);
    }
    p.i = start;
    return std::nullopt;
  }
  // N units ago | in N units
  const bool in = p.eat("in");
  if (const auto count = read_count(p)) {
    if (const auto u = read_unit(p)) {
      if (in || p.eat("ago")) {
        const auto ref = reference_day(p);
        if (!ref) return std::nullopt;
        return unit_containing(*ref, *u, in ? *count : -*count, cal);
      }
    }
  }
  p.i = start;
  return std::nullopt;
}

// early|mid|late + month [year], year or decade.
std::optional<temporal_value> read_part_of(phrase& p) {
  const std::size_t start = p.i;
  p.eat("the");
  int part = -1;  // 0 early, 1 mid, 2 late
  if (p.eat("early")) part = 0;
  else if (p.eat_any("mid", "middle")) part = 1;
  else if (p.eat("late")) part = 2;
  if (part < 0) {
    p.i = start;
    return std::nullopt;
  }
  p.eat("of");
  const calendar cal = p.ctx.cal;
  if (const auto m = read_month(p)) {
    // Days 1-10, 11-20, 21 to the month's end.
    auto build = [&](std::int64_t y) -> std::optional<temporal_value> {
      const unsigned last = days_in_month(cal, y, *m);
      if (last == 0) return std::nullopt;
      const auto first = to_days(cal, y, *m, part == 0 ? 1 : part == 1 ? 11 : 21);
      const auto end = to_days(cal, y, *m, part == 0 ? 10 : part == 1 ? 20 : last);
      if (!first || !end) return std::nullopt;
      return day_span(*first, *end, precision::day, cal);
    };
    if (const auto y = read_year(p)) return in_calendar(p, build(*y));
    if (p.error) return std::nullopt;
    return nearest_year(p, build);
  }
  if (const token* tk = p.peek(); tk && tk->k == kind::number && (tk->suffix() == "s") && tk->value % 10 == 0 &&
                                  tk->digits >= 3) {
    p.advance();
    static constexpr int first_year[] = {0, 4, 7};
    static constexpr int last_year[] = {3, 6, 9};
    return in_calendar(p, month_span(cal, tk->value + first_year[part], 1, tk->value + last_year[part], 12,
                                     precision::year));
  }
  if (const auto y = read_year(p)) {
    return in_calendar(p, month_span(cal, *y, 4 * part + 1, *y, 4 * part + 4, precision::month));
  }
  if (!p.error) p.i = start;
  return std::nullopt;
}

std::optional<int> season_word(std::string_view w) {
  if (w == "spring") return 1;
  if (w == "summer") return 2;
  if (w == "autumn" || w == "fall") return 3;
  if (w == "winter") return 4;
  return std::nullopt;
}

// A day of a month, with or without the year: "23 November 2015", "the 23rd of November",
// "November 23, 2015", "Nov. 23rd".
std::optional<temporal_value> read_day_month(phrase& p) {
  const std::size_t start = p.i;
  std::optional<std::int64_t> day;
  std::optional<unsigned> month;
  p.eat("the");
  if (auto d = ordinal(p.t, p.n, p.i, true)) {
    p.reached();
    p.eat("of");
    month = read_month(p);
    day = d;
  } else if ((month = read_month(p))) {
    p.eat("the");
    const token* tk = p.peek();
    // After a month, a bare number is a day when it has at most two digits ("November 23");
    // "December 2015" is a month and year, and so is "March 44 BC".
    const token* next = p.i + 1 < p.n ? &p.t[p.i + 1] : nullptr;
    const bool era_follows = next && next->k == kind::word && era_word(next->word()) != 0;
    if (tk && (tk->k == kind::word || tk->suffix().size() == 2 || (tk->len == 0 && tk->digits <= 2 && !era_follows)))
      day = ordinal(p.t, p.n, p.i, true);
    if (day) p.reached();
  }
  if (!day || !month) {
    p.i = start;
    return std::nullopt;
  }
  const calendar cal = p.ctx.cal;
  if (*day < 1 || *day > 31) return p.fail_at(start, "invalid-date", "day " + std::to_string(*day) + " in " + quoted(p.text) + " is not a day of a month");
  const auto d = static_cast<unsigned>(*day);
  auto build = [&](std::int64_t y) -> std::optional<temporal_value> {
    const auto z = to_days(cal, y, *month, d);
    if (!z) return std::nullopt;
    return day_span(*z, *z, precision::day, cal);
  };
  if (const auto y = read_year(p)) {
    if (auto v = build(*y)) return v;
    const unsigned length = days_in_month(cal, *y, *month);
    if (length == 0) return in_calendar(p, std::nullopt);
    return p.fail_at(start, "invalid-date",
                     "invalid date " + quoted(p.text) + ": month " + std::to_string(*month) + " of " +
                         std::to_string(*y) + " has " + std::to_string(length) + " days");
  }
  if (p.error) return std::nullopt;
  auto v = nearest_year(p, build);
  if (!v && !p.error)
    return p.fail_at(start, "invalid-date", "invalid date " + quoted(p.text) + ": no such day near the reference");
  return v;
}

// Monday .. Sunday (and their usual abbreviations): 0 .. 6, as civil::iso_weekday counts.
std::optional<unsigned> weekday_word(std::string_view w) {
  static constexpr std::string_view names[7][3] = {
      {"monday", "mon", "mon"},     {"tuesday", "tue", "tues"},  {"wednesday", "wed", "weds"},
      {"thursday", "thu", "thurs"}, {"friday", "fri", "fri"},    {"saturday", "sat", "sat"},
      {"sunday", "sun", "sun"}};
  for (unsigned d = 0; d < 7; ++d) {
    if (w == names[d][0] || w == names[d][1] || w == names[d][2]) return d;
  }
  return std::nullopt;
}

// Monday, last Friday, this Friday, next Tuesday; "Monday, November 23, 2015" (the weekday
// must be that date's). A bare weekday is the nearest such day within three days of the
// reference; last/next: the one before/after it; this: the one of its Monday-Sunday week.
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
                                                     std::string(weekday_names[civil::iso_weekday(day)]));
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

// Q3 2015, 3Q 2015, the third quarter of 2015; H1 2015, the first half of 2015, the second
// half of the year (the reference's).
std::optional<temporal_value> read_quarter(phrase& p) {
  const std::size_t start = p.i;
  p.eat("the");
  std::int64_t part = 0;
  bool half = false;
  const std::size_t first = p.i;
  const token* tk = p.peek();
  if (tk && (tk->is("q") || tk->is("h")) && p.i + 1 < p.n && p.t[p.i + 1].k == kind::number && p.t[p.i + 1].len == 0) {
    half = tk->is("h");
    p.advance();
    part = p.peek()->value;
    p.advance();
  } else if (tk && tk->k == kind::number && (tk->suffix() == "q" || tk->suffix() == "h")) {
    half = tk->suffix() == "h";
    part = tk->value;
    p.advance();
  } else if (auto n = ordinal(p.t, p.n, p.i, false); n && (p.at("quarter") || p.at("half"))) {
    half = p.at("half");
    part = *n;
    p.advance();
    p.eat("of");
  } else {
    p.i = start;
    return std::nullopt;
  }
  if (part < 1 || part > (half ? 2 : 4)) {
    return p.fail_at(first, "invalid-date", "there is no " + std::string(half ? "half " : "quarter ") +
                                                std::to_string(part) + " of a year in " + quoted(p.text));
  }
  std::int64_t year = 0;
  if (p.eat("the") && p.eat("year")) {
    const auto ref = reference_day(p);
    if (!ref) return std::nullopt;
    year = civil::civil_from_days(*ref).y;
  } else if (const auto y = read_year(p)) {
    year = *y;
  } else {
    if (p.error) return std::nullopt;
    const auto ref = reference_day(p);
    if (!ref) return std::nullopt;
    year = civil::civil_from_days(*ref).y;
  }
  const std::int64_t months = half ? 6 : 3;
  return in_calendar(p, month_span(p.ctx.cal, year, (part - 1) * months + 1, year, part * months, precision::month));
}

// A date without qualifier or relation.
std::optional<temporal_value> read_plain(phrase& p) {
  const std::size_t start = p.i;
  const calendar cal = p.ctx.cal;
  auto attempt = [&](auto reader) -> std::optional<temporal_value> {
    p.i = start;
    auto v = reader(p);
    if (!v && !p.error) p.i = start;
    return v;
  };
  if (auto v = attempt(read_weekday); v || p.error) return v;
  if (auto v = attempt(read_relative); v || p.error) return v;
  if (auto v = attempt(read_quarter); v || p.error) return v;
  if (auto v = attempt(read_part_of); v || p.error) return v;
  if (auto v = attempt(read_day_month); v || p.error) return v;
  p.i = start;
  p.eat("the");
  const token* tk = p.peek();
  if (!tk) {
    p.i = start;
    return std::nullopt;
  }
  // the 1990s (a decade); the 1800s (a century: 1800-1899)
  if (tk->k == kind::number && tk->suffix() == "s" && tk->digits >= 3 && tk->value % 10 == 0) {
    p.advance();
    const bool century = tk->value % 100 == 0;
    return in_calendar(p, month_span(cal, tk->value, 1, tk->value + (century ? 99 : 9), 12,
                                     century ? precision::century : precision::decade));
  }
  // the 20th century [BC]
  {
    const std::size_t before = p.i;
    if (const auto c = ordinal(p.t, p.n, p.i, false); c && p.at("century")) {
      p.advance();
      if (*c < 1) return p.fail("invalid-date", "there is no century 0 in " + quoted(p.text));
      int era = 1;
      if (const token* e = p.peek(); e && e->k == kind::word && era_word(e->word()) != 0) {
        era = era_word(e->word());
        p.advance();
      }
      // AD: years (c-1)*100+1 .. c*100; BC: c*100 BC .. (c-1)*100+1 BC, astronomically 1 - year.
      const std::int64_t y0 = era > 0 ? (*c - 1) * 100 + 1 : 1 - *c * 100;
      const std::int64_t y1 = era > 0 ? *c * 100 : 1 - ((*c - 1) * 100 + 1);
      return in_calendar(p, month_span(cal, y0, 1, y1, 12, precision::century));
    }
    p.i = before;
  }
  // spring 2016, winter
  if (tk->k == kind::word) {
    if (const auto s = season_word(tk->word())) {
      p.advance();
      auto build = [&](std::int64_t y) {
        return month_span(cal, y, season_first_month(*s), y, season_last_month(*s), precision::season);
      };
      if (const auto y = read_year(p)) return in_calendar(p, build(*y));
      if (p.error) return std::nullopt;
      return nearest_year(p, build);
    }
  }
  // December 2015, December
  if (const auto m = read_month(p)) {
    auto build = [&](std::int64_t y) { return month_span(cal, y, *m, y, *m, precision::month); };
    if (const auto y = read_year(p)) return in_calendar(p, build(*y));
    if (p.error) return std::nullopt;
    return nearest_year(p, build);
  }
  // 2015, 44 BC, AD 79
  if (const auto y = read_year(p)) return in_calendar(p, month_span(cal, *y, 1, *y, 12, precision::year));
  if (!p.error) p.i = start;
  return std::nullopt;
}

// [c.|circa|about|around|approximately] date
std::optional<temporal_value> read_date(phrase& p) {
  const bool approximate = p.eat_any("c", "ca", "circa", "about", "around", "approximately", "approx");
  auto v = read_plain(p);
  if (v && approximate && !qualify(*v, qualifier::approximate)) return in_calendar(p, std::nullopt);  // = DATE~
  return v;
}

std::optional<temporal_value> read_phrase(phrase& p) {
  constexpr std::chrono::seconds one{1};
  if (p.eat("before")) {
    auto d = read_date(p);
    if (!d) return d;
    temporal_value v = *d;
    v.earliest = v.stated_earliest = open_start;
    v.latest = d->earliest - one;
    v.stated_latest = d->stated_earliest - one;
    v.interval = false;
    v.form = date_form::before;
    v.start.kind = end_kind::open;
    return v;
  }
  if (p.eat("after")) {
    auto d = read_date(p);
    if (!d) return d;
    temporal_value v = *d;
    v.earliest = d->latest + one;
    v.stated_earliest = d->stated_latest + one;
    v.latest = v.stated_latest = open_end;
    v.interval = false;
    v.form = date_form::after;
    v.end.kind = end_kind::open;
    return v;
  }
  const bool between = p.eat("between");
  const bool from = !between && p.eat("from");
  if (between || from) {
    auto a = read_date(p);
    if (!a) return a;
    if (!(between ? p.eat("and") : p.eat_any("to", "until", "till", "through"))) return std::nullopt;
    auto b = read_date(p);
    if (!b) return b;
    temporal_value v = *a;
    v.latest = b->latest;
    v.stated_latest = b->stated_latest;
    v.end = b->end;
    v.prec = std::max(a->prec, b->prec);
    v.approximate = a->approximate || b->approximate;
    v.uncertain = a->uncertain || b->uncertain;
    v.interval = from;
    v.form = from ? date_form::interval : date_form::between;
    if (!v.ok()) return p.fail("invalid-date", "invalid date " + quoted(p.text) + ": the second date is before the first",
                               "put the earlier date first");
    return v;
  }
  // "on November 23rd", "in December 2015"; "in 3 days" is read by read_relative.
  const std::size_t start = p.i;
  if (auto v = read_date(p); v || p.error) return v;
  p.i = start;
  if (p.eat_any("on", "in")) return read_date(p);
  return std::nullopt;
}

// Accepted forms to point at when a phrase cannot be read.
constexpr std::string_view examples[] = {
    "23 November 2015", "November 23, 2015", "Nov. 23rd 2015", "the 23rd of November", "November 23rd",
    "December 2015",    "December",          "mid-December",   "early 2015",           "the late 1990s",
    "spring 2016",      "the 1990s",         "the 20th century", "c. 1500",            "circa 1500",
    "about 1500",       "44 BC",             "AD 79",          "before 2007",          "after 2015",
    "between 2007 and 2015", "today",        "yesterday",      "the past week",        "last week",
    "last month",       "last year",         "3 days ago",     "in 3 days",            "next month",
    "2015-11-23"};

std::string hint_for(std::string_view text, const token* stop) {
  if (stop && stop->k == kind::word) {
    if (const auto w = nearest_word(stop->word())) return "did you mean '" + std::string(*w) + "'?";
  }
  std::string_view best = examples[0];
  std::size_t best_distance = edit_distance(text, best);
  for (const std::string_view e : examples) {
    const std::size_t d = edit_distance(text, e);
    if (d < best_distance) {
      best = e;
      best_distance = d;
    }
  }
  // Far from every form, a single example would only mislead.
  if (best_distance > std::max<std::size_t>(best.size(), text.size()) / 2)
    return "write a date such as '2015-11-23', 'November 23, 2015', 'mid-December' or 'the past week'";
  return "nearest accepted form: '" + std::string(best) + "'";
}

}  // namespace

date_result parse_english(std::string_view text, const date_context& context) {
  std::array<token, max_tokens> tokens;
  const std::size_t count = tokenize(text, tokens.data());
  date_result r;
  if (count > max_tokens) {
    r.error = make_error("unparsed-date", "cannot read date " + quoted(text) + ": too many words",
                         hint_for(text, nullptr), tokens[max_tokens - 1].pos + tokens[max_tokens - 1].size);
    return r;
  }
  phrase p{tokens.data(), count, text, context, 0, 0, std::nullopt};
  std::optional<temporal_value> v = read_phrase(p);
  if (p.error) {
    r.error = std::move(p.error);
    return r;
  }
  if (!v || p.i != count) {
    const std::size_t stop = v ? std::max(p.i, p.furthest) : p.furthest;
    const token* at = stop < count ? &tokens[stop] : nullptr;
    const std::string what =
        at ? "unexpected " + quoted(text.substr(at->pos, at->size)) : std::string("it ends too early");
    r.error = make_error("unparsed-date", "cannot read date " + quoted(text) + ": " + what, hint_for(text, at),
                         at ? at->pos : text.size());
    return r;
  }
  r.value = *v;
  r.value.cal = context.cal;
  if (auto e = apply_zone(r.value, context, text, 0)) r.error = std::move(e);
  return r;
}

}  // namespace annals::detail
