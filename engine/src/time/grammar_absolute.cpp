// Dates named by the calendar: a day of a month, a month, a season, a year, a decade, a
// century, a quarter or half, and the early/mid/late part of any of them.

#include "time/calendars.hpp"
#include "time/date_label.hpp"
#include "time/date_phrase.hpp"
#include "time/date_words.hpp"

namespace annals::detail {
namespace {

using kind = token::kind;

// A year, after an optional "of" ("November of 2015", "the summer of 1914").
std::optional<std::int64_t> read_year_of(phrase& p) {
  const std::size_t start = p.i;
  const bool of = p.eat("of");
  if (auto y = read_year(p)) return y;
  if (of && !p.error) p.i = start;
  return std::nullopt;
}

// "this|last|next WORD" or "the WORD" ("last year", "the month"), and as narratives write
// them "[of] that|the same|the following|the previous WORD" ("August of that year", "early
// the next year"): the shift, -1, 0 or 1, with the reader past it; nullopt (reader
// unmoved) when they are not there.
std::optional<int> reference_shift(phrase& p, std::string_view word) {
  const std::size_t start = p.i;
  int shift = 0;
  p.eat("of");
  if (p.eat("last")) shift = -1;
  else if (p.eat("next")) shift = 1;
  else if (p.eat("that")) p.eat("same");
  else if (p.eat("this")) {
  } else if (p.eat("the")) {
    if (p.eat_any("next", "following", "subsequent") || (word == "year" && p.eat("new"))) shift = 1;  // the new year
    else if (p.eat_any("previous", "preceding", "prior")) shift = -1;
    else p.eat("same");
  } else {
    p.i = start;
    return std::nullopt;
  }
  if (p.eat(word)) return shift;
  p.i = start;
  return std::nullopt;
}

// The reference's year so shifted; `found` tells an absent phrase from a missing reference.
std::optional<std::int64_t> reference_year(phrase& p, bool* found) {
  const auto shift = reference_shift(p, "year");
  if (!shift) return std::nullopt;
  *found = true;
  const auto ref = reference_day(p);
  if (!ref) return std::nullopt;
  return civil::civil_from_days(*ref).y + *shift;
}

// The same for a month: its index (y * 12 + m - 1).
std::optional<std::int64_t> reference_month(phrase& p, bool* found) {
  const auto shift = reference_shift(p, "month");
  if (!shift) return std::nullopt;
  *found = true;
  const auto ref = reference_day(p);
  if (!ref) return std::nullopt;
  const civil::ymd d = civil::civil_from_days(*ref);
  return d.y * 12 + (d.m - 1) + *shift;
}

// The years of a run as one value.
std::optional<temporal_value> years_value(phrase& p, std::int64_t first, std::int64_t last, precision prec) {
  return in_calendar(p, year_span(p.ctx.cal, first, last, prec));
}

// Days 1-10, 11-20, 21 to the end of month (y, m) of the context's calendar.
std::optional<temporal_value> month_part(calendar cal, std::int64_t y, std::int64_t m, int part) {
  const auto index = month_index(cal, y, m);
  if (!index) return std::nullopt;
  const civil::ymd ym = month_at(cal, *index);
  const unsigned last = days_in_month(cal, ym.y, ym.m);
  if (last == 0) return std::nullopt;
  const auto first = to_days(cal, ym.y, ym.m, part == 0 ? 1 : part == 1 ? 11 : 21);
  const auto end = to_days(cal, ym.y, ym.m, part == 0 ? 10 : part == 1 ? 20 : last);
  if (!first || !end) return std::nullopt;
  return day_span(*first, *end, precision::day, cal);
}

// Month `m` of year `y`, or the error that the year has none (Adar I in a common Hebrew
// year) or that it is beyond the calendar.
std::optional<temporal_value> month_of_year(phrase& p, std::size_t start, std::int64_t y, unsigned m,
                                            std::optional<temporal_value> v) {
  const calendar cal = p.ctx.cal;
  if (!v && year_in_range(cal, y) && !month_index(cal, y, m))
    return p.fail_at(start, "invalid-date", "invalid date " + quoted(p.text) + ": " + year_label(y, cal) + " (" +
                                                std::string(calendar_title(cal)) + ") has no " +
                                                std::string(month_of(cal, y, m).full));
  return in_calendar(p, v);
}

// Years [first, last] of a run cut in three: a decade's 0-3, 4-6, 7-9; a century's first
// 33, next 33 and last 34 years.
std::pair<std::int64_t, std::int64_t> third_of(const year_run& r, int part) {
  if (r.last - r.first == 9) {
    static constexpr int from[] = {0, 4, 7}, to[] = {3, 6, 9};
    return {r.first + from[part], r.first + to[part]};
  }
  static constexpr int from[] = {0, 33, 66}, to[] = {32, 65, 99};
  return {r.first + from[part], r.first + to[part]};
}

}  // namespace

std::optional<year_run> read_decade(phrase& p) {
  const std::size_t start = p.i;
  const token* tk = p.peek();
  if (!tk) return std::nullopt;
  std::int64_t value = 0;
  bool two_digits = false;
  if (tk->k == kind::number && tk->suffix() == "s" && tk->value % 10 == 0 && tk->digits >= 2 && tk->digits <= 4) {
    value = tk->value;
    two_digits = tk->digits == 2;
  } else if (tk->k == kind::word) {
    // the nineties; the nineteen fifties (its century spelled too)
    std::size_t k = p.i;
    const auto century = number_words(p.t, p.n, k);
    if (!century || *century < 10 || k >= p.n) k = p.i;
    int d = 2;
    while (d < 10 && !p.t[k].is(decade_words[d])) ++d;
    if (d == 10) return std::nullopt;
    value = 10 * d;
    two_digits = k == p.i;
    if (!two_digits) value += *century * 100;
    p.advance(k - p.i);
  } else {
    return std::nullopt;
  }
  p.advance();
  // The 1800s are a century (1800-1899), the 1990s a decade. The 2000s are a decade too
  // (2000-2009, "the early 2000s": 2000-2003): the century under way is "the 21st century".
  const std::int64_t span = !two_digits && value % 100 == 0 && value != 2000 ? 100 : 10;
  const precision prec = span == 100 ? precision::century : precision::decade;
  if (era_ahead(p) < 0) {  // the 50s BC: 59..50 BC
    p.advance();
    return year_run{1 - (value + span - 1), 1 - value, prec};
  }
  if (two_digits) {  // the 90s: the latest such decade that has begun by the reference
    const auto ref = reference_day(p);
    if (!ref) {
      p.i = start;
      return std::nullopt;
    }
    const std::int64_t ry = civil::civil_from_days(*ref).y;
    std::int64_t first = civil::floor_div(ry, 100) * 100 + value;
    if (first > ry) first -= 100;
    return year_run{first, first + 9, prec};
  }
  return year_run{value, value + span - 1, prec};
}

std::optional<year_run> read_century(phrase& p) {
  const std::size_t start = p.i;
  const auto c = ordinal(p.t, p.n, p.i, false);
  if (!c || !(p.at("century") || p.at("centuries"))) {
    p.i = start;
    return std::nullopt;
  }
  p.advance();
  if (*c < 1) {
    p.fail_at(start, "invalid-date", "there is no century 0 in " + quoted(p.text));
    return std::nullopt;
  }
  // AD: years (c-1)*100+1 .. c*100; BC: c*100 BC .. (c-1)*100+1 BC, astronomically 1 - year.
  if (era_ahead(p) != 0) {
    const int era = era_ahead(p);
    p.advance();
    if (era < 0) return year_run{1 - *c * 100, 1 - ((*c - 1) * 100 + 1), precision::century};
  }
  return year_run{(*c - 1) * 100 + 1, *c * 100, precision::century};
}

// A day of a month, with or without the year: "23 November 2015", "the 23rd of November",
// "November 23, 2015", "Nov. 23rd". Without a year, the month's year is picked (pick_year)
// and the day must be in it: "February 29" in a year without one is invalid-date.
std::optional<temporal_value> read_day_month(phrase& p) {
  const std::size_t start = p.i;
  std::optional<std::int64_t> day;
  std::optional<unsigned> month;
  p.eat("the");
  // A bare number is a day only with one or two digits, 1..31 ("2024 August" and
  // "Aug 96" are not days); "32nd" is a day that does not exist.
  const token* first = p.peek();
  const bool bare = first && first->k == kind::number && first->len == 0;
  const bool bare_day = bare && first->digits <= 2 && first->value >= 1 && first->value <= 31;
  if (auto d = !bare || bare_day ? ordinal(p.t, p.n, p.i, true) : std::nullopt) {
    p.reached();
    p.eat("of");
    month = read_month(p);
    day = d;
  } else if ((month = read_month(p))) {
    p.eat("the");
    const token* tk = p.peek();
    // After a month, a bare number is a day when it has at most two digits ("November 23");
    // "December 2015" is a month and year, and so is "March 44 BC".
    const token* next = p.peek(1);
    const bool era_follows = next && next->k == kind::word && era_word(next->word()) != 0;
    if (tk && (tk->k == kind::word || tk->suffix().size() == 2 ||
               (tk->len == 0 && tk->digits <= 2 && tk->value >= 1 && tk->value <= 31 && !era_follows)))
      day = ordinal(p.t, p.n, p.i, true);
    if (day) p.reached();
  }
  if (!day || !month) {
    p.i = start;
    return std::nullopt;
  }
  const calendar cal = p.ctx.cal;
  if (*day < 1 || *day > 31)
    return p.fail_at(start, "invalid-date", "day " + std::to_string(*day) + " in " + quoted(p.text) + " is not a day of a month");
  const auto d = static_cast<unsigned>(*day);
  const auto no_such_day = [&](std::int64_t y) {
    const unsigned length = days_in_month(cal, y, *month);
    if (length == 0 && year_in_range(cal, y))  // Adar I in a common year
      return p.fail_at(start, "invalid-date", "invalid date " + quoted(p.text) + ": " + year_label(y, cal) + " (" +
                                                  std::string(calendar_title(cal)) + ") has no " +
                                                  std::string(month_of(cal, y, *month).full));
    if (length == 0) return in_calendar(p, std::nullopt);
    return p.fail_at(start, "invalid-date",
                     "invalid date " + quoted(p.text) + ": " + std::string(month_of(cal, y, *month).full) + " " +
                         year_label(y, cal) + " has " +
                         std::to_string(length) + " days");
  };
  std::optional<std::int64_t> y = read_year_of(p);
  if (!y) {
    if (p.error) return std::nullopt;
    y = pick_year(p, [&](std::int64_t c) { return month_span(cal, c, *month, c, *month, precision::month); });
    if (!y) return in_calendar(p, std::nullopt);
  }
  const auto z = to_days(cal, *y, *month, d);
  if (!z) return no_such_day(*y);
  return day_span(*z, *z, precision::day, cal);
}

// early|mid|late (and the beginning, the middle, the end of) a month [year], a year,
// "this|last|next year|month", a decade or a century; "earlier|later this week|month|year".
std::optional<temporal_value> read_part_of(phrase& p) {
  const std::size_t start = p.i;
  const calendar cal = p.ctx.cal;
  // earlier this month: from its start to the reference; later this year: from the reference to its end.
  if (p.at("earlier") || p.at("later")) {
    const bool earlier = p.at("earlier");
    p.advance();
    if (!p.eat("this")) {
      p.i = start;
      return std::nullopt;
    }
    const auto u = read_unit(p);
    if (!u || (*u != unit::week && *u != unit::month && *u != unit::year)) {
      p.i = start;
      return std::nullopt;
    }
    const auto ref = reference_day(p);
    if (!ref) return std::nullopt;
    const temporal_value whole = unit_containing(*ref, *u, 0, cal);
    const std::int64_t first = civil::day_of(whole.earliest), last = civil::day_of(whole.latest);
    return earlier ? days_value(first, *ref, cal) : days_value(*ref, last, cal);
  }
  p.eat_any("at", "towards", "toward");
  p.eat("the");
  const token* tk = p.peek();
  auto part = tk && tk->k == kind::word ? part_word_of(tk->word()) : std::nullopt;
  // the latter part of 1862, the early part of the year: the third the word names
  if (!part && tk && (tk->is("latter") || tk->is("later")) && p.peek(1) && p.peek(1)->is("part")) part = 2;
  if (!part) {
    p.i = start;
    return std::nullopt;
  }
  p.advance();
  p.eat("part");
  p.eat_any("of", "in");
  const std::size_t base = p.i;
  bool found = false;
  if (const auto m = read_month(p)) {
    if (const auto y = read_year_of(p)) return month_of_year(p, start, *y, *m, month_part(cal, *y, *m, *part));
    if (p.error) return std::nullopt;
    const auto y = pick_year(p, [&](std::int64_t c) { return month_span(cal, c, *m, c, *m, precision::month); });
    if (!y) return in_calendar(p, std::nullopt);
    return in_calendar(p, month_part(cal, *y, *m, *part));
  }
  // early spring, late autumn of 481 BC, the end of the winter of that year, late that
  // summer (the reference year's): a season's thirds are its months (late autumn is November).
  const bool that = !p.eat("the") && p.eat("that");
  if (const token* w = p.peek(); w && w->k == kind::word) {
    if (const auto s = season_word(w->word())) {
      p.advance();
      const auto build = [&](std::int64_t c) {
        return month_span(cal, c, season_first_month(*s), c, season_last_month(*s), precision::season);
      };
      std::optional<std::int64_t> y = that ? std::nullopt : read_year_of(p);
      if (that) {
        const auto ref = reference_day(p);
        if (!ref) return std::nullopt;
        y = civil::civil_from_days(*ref).y;
      }
      if (!y && !p.error) y = reference_year(p, &found);
      if (!y && !p.error && !found) y = pick_year(p, build);
      if (!y) return p.error ? std::nullopt : in_calendar(p, std::nullopt);
      if (*s == 4) eat_winter_end(p, *y);
      const std::int64_t m = season_first_month(*s) + *part;
      return in_calendar(p, month_span(cal, *y, m, *y, m, precision::month));
    }
  }
  p.i = base;
  if (const auto m = reference_month(p, &found); m || found) {
    if (!m) return std::nullopt;
    const civil::ymd ym = civil::month_of_index(*m);
    return in_calendar(p, month_part(calendar::gregorian, ym.y, ym.m, *part));
  }
  if (const auto y = reference_year(p, &found); y || found) {
    if (!y) return std::nullopt;
    return in_calendar(p, month_span(calendar::gregorian, *y, 4 * *part + 1, *y, 4 * *part + 4, precision::month));
  }
  // the end of the decade, early the following century: the reference's
  for (const auto& [word, u] : {std::pair{"decade", unit::decade}, std::pair{"century", unit::century}}) {
    if (const auto shift = reference_shift(p, word)) {
      const auto ref = reference_day(p);
      if (!ref) return std::nullopt;
      const temporal_value whole = unit_containing(*ref, u, *shift, calendar::gregorian);
      const year_run r{civil::civil_from_days(civil::day_of(whole.earliest)).y,
                       civil::civil_from_days(civil::day_of(whole.latest)).y, whole.prec};
      const auto [first, last] = third_of(r, *part);
      return years_value(p, first, last, precision::year);
    }
  }
  p.eat("the");
  if (auto r = read_decade(p)) {
    const auto [first, last] = third_of(*r, *part);
    return years_value(p, first, last, precision::year);
  }
  if (p.error) return std::nullopt;
  if (auto r = read_century(p)) {
    const auto [first, last] = third_of(*r, *part);
    return years_value(p, first, last, precision::year);
  }
  if (p.error) return std::nullopt;
  p.i = base;
  if (const auto y = read_year(p)) {
    if (!year_in_range(cal, *y)) return in_calendar(p, std::nullopt);
    const auto [first, last] = year_part(cal, *y, *part);
    return in_calendar(p, index_span(cal, first, last, precision::month));
  }
  if (!p.error) p.i = start;
  return std::nullopt;
}

// Q3 2015, 3Q 2015, the third quarter of 2015; H1 2015, the first half of 2015, the second
// half of the year (the reference's); the first half of the 20th century, of the 1990s.
std::optional<temporal_value> read_quarter(phrase& p) {
  const std::size_t start = p.i;
  // last|this|next quarter: the calendar quarter from the reference's.
  if (p.at("last") || p.at("this") || p.at("next")) {
    const int shift = p.at("last") ? -1 : p.at("next") ? 1 : 0;
    p.advance();
    if (!p.eat_any("quarter", "qtr")) {
      p.i = start;
      return std::nullopt;
    }
    const auto ref = reference_day(p);
    if (!ref) return std::nullopt;
    const civil::ymd d = civil::civil_from_days(*ref);
    const std::int64_t first = static_cast<std::int64_t>(d.m - 1) / 3 * 3 + 1 + 3 * shift;
    return in_calendar(p, month_span(calendar::gregorian, d.y, first, d.y, first + 2, precision::month));
  }
  p.eat("the");
  std::int64_t part = 0;
  bool half = false;
  const std::size_t first = p.i;
  const token* tk = p.peek();
  const token* next = p.peek(1);
  if (tk && (tk->is("q") || tk->is("h")) && next && next->k == kind::number && next->len == 0) {
    half = tk->is("h");
    part = next->value;
    p.advance(2);
  } else if (tk && tk->k == kind::number && (tk->suffix() == "q" || tk->suffix() == "h")) {
    half = tk->suffix() == "h";
    part = tk->value;
    p.advance();
  } else if (tk && (tk->is("latter") || tk->is("former")) && next && next->is("half")) {  // the latter half of 2008
    half = true;
    part = tk->is("latter") ? 2 : 1;
    p.advance(2);
    p.eat("of");
  } else if (auto n = ordinal(p.t, p.n, p.i, false); n && (p.at("quarter") || p.at("qtr") || p.at("half"))) {
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
  if (half) {  // of a decade or a century
    const std::size_t at = p.i;
    p.eat("the");
    std::optional<year_run> r = read_decade(p);
    if (!r && !p.error) r = read_century(p);
    if (p.error) return std::nullopt;
    if (r) {
      const std::int64_t mid = r->first + (r->last - r->first + 1) / 2;
      return years_value(p, part == 1 ? r->first : mid, part == 1 ? mid - 1 : r->last, precision::year);
    }
    p.i = at;
  }
  bool found = false;
  std::optional<std::int64_t> year = reference_year(p, &found);
  if (!found) {
    year = read_year(p);
    if (!year && !p.error) {
      const auto ref = reference_day(p);
      if (ref) year = civil::civil_from_days(*ref).y;
    }
  }
  if (!year) return std::nullopt;
  const std::int64_t months = half ? 6 : 3;
  return in_calendar(p, month_span(p.ctx.cal, *year, (part - 1) * months + 1, *year, part * months, precision::month));
}

// A month, a season, a year, a decade or a century, each with or without its year where
// one applies: "December 2015", "November of 2015", "the summer of 1914", "2015 summer",
// "winter 2015-16", "the year 2000", "the 1990s", "the 90s", "the 20th century BC".
std::optional<temporal_value> read_period(phrase& p) {
  const std::size_t start = p.i;
  const calendar cal = p.ctx.cal;
  p.eat("the");
  if (p.eat("year")) {  // the year 2000, the year two thousand
    if (const auto y = read_year(p)) return in_calendar(p, year_span(cal, *y, *y, precision::year));
    if (p.error) return std::nullopt;
    p.i = start;
    return std::nullopt;
  }
  if (auto r = read_decade(p)) return years_value(p, r->first, r->last, r->prec);
  if (p.error) return std::nullopt;
  if (auto r = read_century(p)) return years_value(p, r->first, r->last, r->prec);
  if (p.error) return std::nullopt;
  const auto season = [&](int s, std::optional<std::int64_t> y) -> std::optional<temporal_value> {
    if (row_of(cal).lunar)  // Rabi I drifts through every season in 33 years
      return p.fail_at(start, "invalid-date",
                       "invalid date " + quoted(p.text) + ": a season has no fixed months in the lunar " +
                           std::string(calendar_title(cal)) + " calendar",
                       "write its months (Rabi al-Awwal 1324 AH) or the season in the Gregorian calendar (spring 1906)");
    auto build = [&](std::int64_t c) {
      return season_span(cal, c, s);
    };
    if (!y) y = pick_year(p, build);
    if (!y) return in_calendar(p, std::nullopt);
    return in_calendar(p, build(*y));
  };
  if (const token* tk = p.peek(); tk && tk->k == kind::word) {
    if (const auto s = season_word(tk->word())) {
      p.advance();
      bool found = false;
      auto y = read_year_of(p);
      if (!y && !p.error) y = reference_year(p, &found);  // summer last year
      if (p.error || (found && !y)) return std::nullopt;
      if (y && *s == 4) eat_winter_end(p, *y);
      return season(*s, y);
    }
  }
  if (const auto m = read_month(p)) {
    auto build = [&](std::int64_t y) { return month_span(cal, y, *m, y, *m, precision::month); };
    std::optional<std::int64_t> y = read_year_of(p);
    bool found = false;  // May last year, November next year
    if (!y && !p.error) y = reference_year(p, &found);
    if (!y && !p.error && !found) y = pick_year(p, build);
    if (!y) return p.error ? std::nullopt : in_calendar(p, std::nullopt);
    return month_of_year(p, start, *y, *m, build(*y));
  }
  if (const auto y = read_year(p)) {
    if (const token* tk = p.peek(); tk && tk->k == kind::word) {  // 2015 summer
      if (const auto s = season_word(tk->word())) {
        p.advance();
        return season(*s, y);
      }
    }
    return in_calendar(p, year_span(cal, *y, *y, precision::year));
  }
  if (!p.error) p.i = start;
  return std::nullopt;
}

}  // namespace annals::detail
