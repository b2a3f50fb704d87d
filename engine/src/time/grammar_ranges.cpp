// Two dates that share their parts: "23-25 November", "November 23–25, 2015", "Nov. 23 to
// 25", "23 November to 2 December 2015", "March to May 2015", "1939–45", "58 BC to 50 BC",
// "between November 2014 and March", and alternatives: "12 or 13 July", "1914 or 1915".
// Each side is read as far as it is written; what one side lacks (a month, a year, an
// era) it takes from the other, and a year that would put the ends out of order moves.
// Two days written with a slash or brackets are read here too: a night ("24/25 October
// 1917", "the night of 16 to 17 July 1918") or one day in the Julian and the Gregorian
// calendars, Old Style first ("25 October / 7 November 1917", "25 October (7 November) 1917").

#include "time/calendars.hpp"
#include "time/date_label.hpp"
#include "time/date_phrase.hpp"
#include "time/date_words.hpp"

namespace annals::detail {
namespace {

using kind = token::kind;

// One side as written.
struct side {
  std::optional<std::int64_t> day;
  std::optional<unsigned> month;
  std::optional<int> season;
  std::optional<std::int64_t> year;    // astronomical
  std::optional<std::int64_t> number;  // a bare number of one or two digits: a day or a short year
  std::size_t at = 0;                  // its first token
  bool era_written = false;            // its year has AD, BC, ... ("190 or 180 BC": the first has none)
};

// Whether the tokens read since `from` hold an era ("44 BC", "44BC", "AD 79").
bool era_between(const phrase& p, std::size_t from) {
  for (std::size_t k = from; k < p.i; ++k)
    if (era_word(p.t[k].word()) != 0) return true;
  return false;
}

std::optional<side> read_side(phrase& p) {
  side s;
  const std::size_t start = p.i;
  s.at = start;
  p.eat("the");
  const token* tk = p.peek();
  if (!tk) return std::nullopt;
  if (auto d = ordinal(p.t, p.n, p.i, false)) {  // 23rd, the twenty-third [of November]
    s.day = d;
    p.eat("of");
    s.month = read_month(p);
  } else if ((s.month = read_month(p))) {
    if (const token* w = p.peek(); w && w->k == kind::word) s.day = ordinal(p.t, p.n, p.i, false);  // May eighth
    const token* next = p.peek(1);
    const bool era_follows = next && next->k == kind::word && era_word(next->word()) != 0;
    if (const token* d = p.peek(); d && d->k == kind::number && !d->dash_before &&
                                   (d->suffix().size() == 2 ||
                                    (d->len == 0 && d->digits <= 2 && d->value >= 1 && d->value <= 31 && !era_follows)))
      s.day = ordinal(p.t, p.n, p.i, true);
  } else if (tk->k == kind::word && season_word(tk->word())) {
    s.season = season_word(tk->word());
    p.advance();
  } else if (tk->k == kind::number && tk->len == 0 && tk->digits <= 2 && !(p.peek(1) && era_word(p.peek(1)->word()))) {
    s.number = tk->value;
    p.advance();
    if (const auto m = read_month(p)) {  // 23 November
      s.day = s.number;
      s.number.reset();
      s.month = m;
    }
  } else if (const auto y = read_year(p)) {
    s.year = y;
    s.era_written = era_between(p, start);
    return s;
  } else {
    p.i = start;
    return std::nullopt;
  }
  p.eat("of");
  const std::size_t year_at = p.i;
  if (const auto y = read_year(p)) {
    s.year = y;
    s.era_written = era_between(p, year_at);
    if (s.season == 4) eat_winter_end(p, *y);
  }
  if (p.error) return std::nullopt;
  return s;
}

// 1939-45: the year of `first`'s century that ends in the two digits, when it follows `first`.
std::optional<std::int64_t> short_year(std::int64_t first, std::int64_t two) {
  const std::int64_t y = first - civil::floor_mod(first, 100) + two;
  if (y <= first) return std::nullopt;
  return y;
}

// The value of a side once its year is known, in the phrase's calendar or `in`.
std::optional<temporal_value> build(phrase& p, const side& s, std::int64_t year,
                                    std::optional<calendar> in = std::nullopt) {
  const calendar cal = in.value_or(p.ctx.cal);
  if (s.day) {
    const auto z = to_days(cal, year, *s.month, static_cast<unsigned>(*s.day));
    if (!z) return std::nullopt;
    return day_span(*z, *z, precision::day, cal);
  }
  if (s.month) return month_span(cal, year, *s.month, year, *s.month, precision::month);
  if (s.season)
    return season_span(cal, year, *s.season);
  return year_span(cal, year, year, precision::year);
}

bool is_mark(const phrase& p, const token* tk, char c) {
  return tk && tk->k == kind::other && tk->size == 1 && p.text[tk->pos] == c;
}

// The index of "night" in day_parts: its hours are a night's.
constexpr int night_part = [] {
  for (std::size_t k = 0; k < std::size(day_parts); ++k)
    if (day_parts[k] == "night") return static_cast<int>(k);
  return -1;
}();
static_assert(night_part >= 0);

// Two days written side by side: `a` and `b` each a day of a month, what one lacks (its
// month, its year) taken from the other; `year` the year written once ("24/25 October
// 1917", "25 October (7 November) 1917"). Nullopt when they are not two days.
struct two_days {
  side a, b;
  std::int64_t year = 0;  // the year written (the second side's, else the first's), else picked
};

std::optional<two_days> resolve_days(phrase& p, side a, side b, std::optional<std::int64_t> tail) {
  // 24/25 October, 1 (14) January: a bare number is a day beside a day; after a year
  // ("1 March 1720/22") it is no day.
  for (side* s : {&a, &b})
    if (s->number && !s->day && !(s == &b && a.year)) {
      s->day = s->number;
      s->number.reset();
    }
  if (!a.day || !b.day || a.number || b.number || a.season || b.season) return std::nullopt;
  if (!a.month) a.month = b.month;
  if (!b.month) b.month = a.month;
  if (!a.month) return std::nullopt;
  two_days d{a, b, 0};
  if (const auto written = b.year ? b.year : tail ? tail : a.year) {
    d.year = *written;
  } else {  // no year written: the second side's month picks it, as a lone month's is
    const auto picked = pick_year(p, [&](std::int64_t c) {
      side whole = b;
      whole.day.reset();
      return build(p, whole, c);
    });
    if (!picked) return std::nullopt;
    d.year = *picked;
  }
  return d;
}

// The two days of `d` in calendar `c`: the first side in the year that puts it before the
// second when its own year is not written ("31 December/1 January 1918").
struct day_numbers {
  std::optional<std::int64_t> first, second;
  std::int64_t first_year = 0, second_year = 0;
};
day_numbers days_of(const two_days& d, calendar c) {
  day_numbers n;
  n.second_year = d.b.year.value_or(d.year);
  n.first_year = d.a.year.value_or(n.second_year);
  const auto at = [&](const side& s, std::int64_t y) {
    return to_days(c, y, *s.month, static_cast<unsigned>(*s.day));
  };
  n.first = at(d.a, n.first_year);
  n.second = at(d.b, n.second_year);
  if (!d.a.year && n.first && n.second && *n.first > *n.second) n.first = at(d.a, --n.first_year);
  return n;
}

// The night from day `first` into the next: a night's hours (day_part_hours), form night.
std::optional<temporal_value> night_from(phrase& p, std::int64_t first) {
  auto v = day_part_of(p, day_span(first, first, precision::day, p.ctx.cal), night_part);
  if (v) v->form = date_form::night;
  return v;
}

// "25 October 1917 (Julian)": a day as a reader of the Old Style writes it.
std::string julian_text(const side& s, std::int64_t year) {
  return std::to_string(*s.day) + ' ' + std::string(month_of(calendar::julian, year, *s.month).full) + ' ' +
         year_label(year, calendar::julian) + " (Julian)";
}

// One day written twice, Old Style (Julian) first and New Style (Gregorian) second: the
// two must be the same day.
std::optional<temporal_value> one_day_twice(phrase& p, const two_days& d, std::size_t at, bool slash) {
  const day_numbers julian = days_of(d, calendar::julian);
  const day_numbers gregorian = days_of(d, calendar::gregorian);
  if (!gregorian.second)
    return p.fail_at(d.b.at, "invalid-date", "invalid date " + quoted(p.text) + ": no day " +
                                                 std::to_string(*d.b.day) + " in that month of " +
                                                 std::to_string(gregorian.second_year));
  const std::int64_t day = *gregorian.second;
  // Its Julian year may be the one before (19 December 1917 (Julian) is 1 January 1918).
  const std::int64_t base = d.a.year.value_or(julian.second_year);
  for (std::int64_t back = 0; back <= (d.a.year ? 0 : 1); ++back) {
    const auto z = to_days(calendar::julian, base - back, *d.a.month, static_cast<unsigned>(*d.a.day));
    if (z && *z == day) {
      p.written_cal = calendar::julian;  // the first reading: its label shows both
      return day_span(day, day, precision::day, calendar::julian);
    }
  }
  const std::int64_t year = d.a.year.value_or(julian.second_year);
  const auto z = to_days(calendar::julian, year, *d.a.month, static_cast<unsigned>(*d.a.day));
  if (!z)
    return p.fail_at(d.a.at, "invalid-date", "invalid date " + quoted(p.text) + ": no day " + std::to_string(*d.a.day) +
                                                 " in that month of " + std::to_string(year) + " (Julian)");
  const std::string b = std::to_string(*d.b.day) + ' ' + std::string(month_of(calendar::gregorian, gregorian.second_year, *d.b.month).full) +
                        ' ' + year_label(gregorian.second_year);
  std::string hint = "write the Old Style (Julian) day first, then the same day New Style (Gregorian)";
  if (slash && d.a.month == d.b.month)
    hint += ", or a night as two days that follow each other (" + std::to_string(*d.a.day) + '/' +
            std::to_string(*d.a.day + 1) + ')';
  return p.fail_at(at, "invalid-date",
                   "invalid date " + quoted(p.text) + ": " + julian_text(d.a, year) + " is " + day_label(*z) +
                       " (Gregorian), not " + b,
                   hint);
}

}  // namespace

std::optional<temporal_value> read_dual(phrase& p) {
  bool marked = false;  // what follows has a slash or a bracket: cheap to rule out
  for (std::size_t k = p.i; k < p.n && !marked; ++k) marked = is_mark(p, &p.t[k], '/') || is_mark(p, &p.t[k], '(');
  if (!marked) return std::nullopt;
  const std::size_t start = p.i;
  const auto give_up = [&]() -> std::optional<temporal_value> {
    if (!p.error) p.i = start;
    return std::nullopt;
  };
  auto a = read_side(p);
  if (!a) return give_up();
  const bool bracket = is_mark(p, p.peek(), '(');
  if (!bracket && !is_mark(p, p.peek(), '/')) return give_up();
  const std::size_t at = p.i;
  p.advance();
  auto b = read_side(p);
  if (!b) return give_up();
  // 25 October (7 November) 1917, 1 (14) January 1918: the month and year after the brackets.
  std::optional<std::int64_t> tail;
  if (bracket) {
    if (!is_mark(p, p.peek(), ')')) return give_up();
    p.advance();
    if (const auto m = read_month(p)) {
      if (a->month || b->month) return give_up();
      a->month = b->month = m;
    }
    if (!p.done() && !(tail = read_year(p))) return give_up();
    if (tail && (a->year || b->year)) return give_up();
  }
  if (!p.done()) return give_up();
  const auto d = resolve_days(p, *a, *b, tail);
  if (!d) return give_up();
  if (!bracket) {  // 24/25 October 1917: two days that follow each other are a night
    const day_numbers n = days_of(*d, p.ctx.cal);
    if (n.first && n.second && *n.second == *n.first + 1) return night_from(p, *n.first);
  }
  if (p.ctx.cal != calendar::gregorian)
    return p.fail_at(at, "invalid-date",
                     "invalid date " + quoted(p.text) + ": a date written twice is Old Style (Julian) and New Style (Gregorian), in no other calendar",
                     "name no calendar after it");
  return one_day_twice(p, *d, at, !bracket);
}

std::optional<temporal_value> read_night(phrase& p) {
  const std::size_t start = p.i;
  const auto give_up = [&]() -> std::optional<temporal_value> {
    if (!p.error) p.i = start;
    return std::nullopt;
  };
  auto a = read_side(p);
  if (!a) return give_up();
  const token* next = p.peek();
  if (!next) return give_up();
  const std::size_t at = p.i;
  if (is_mark(p, next, '/') || next->is("to")) p.advance();
  else if (!next->dash_before) return give_up();
  auto b = read_side(p);
  if (!b) return give_up();
  const auto d = resolve_days(p, *a, *b, std::nullopt);
  if (!d) return give_up();
  const day_numbers n = days_of(*d, p.ctx.cal);
  if (!n.first || !n.second)
    return p.fail_at(n.first ? d->b.at : d->a.at, "invalid-date", "invalid date " + quoted(p.text) + ": no such day");
  if (*n.second != *n.first + 1)
    return p.fail_at(at, "invalid-date", "invalid date " + quoted(p.text) + ": a night runs from one day into the next",
                     "write two days that follow each other: the night of 24–25 October 1917");
  return night_from(p, *n.first);
}

std::optional<temporal_value> read_range(phrase& p, bool prefixed_from, bool prefixed_between) {
  const std::size_t start = p.i;
  const auto give_up = [&]() -> std::optional<temporal_value> {
    if (!p.error) p.i = start;
    return std::nullopt;
  };
  auto a = read_side(p);
  if (!a) return give_up();
  date_form form = date_form::interval;
  const token* next = p.peek();
  if (!next) return give_up();
  if (prefixed_between) {
    if (!p.eat("and")) return give_up();
    form = date_form::between;
  } else if (p.eat_any("to", "until", "till", "through", "thru")) {
  } else if (!prefixed_from && p.eat("or")) {
    form = date_form::either;
  } else if (!next->dash_before) {
    return give_up();
  }
  auto b = read_side(p);
  if (!b || !p.done()) return give_up();
  // A bare number is a day beside a day of a month, a year beside a year.
  if (a->number && (b->day || b->month)) {
    if (!b->day) return give_up();
    a->day = a->number;
  } else if (a->number && b->year && !b->month && !b->season) {
    if (*b->year > 0) return give_up();  // "45 to 1939": a year without an era has three digits
    a->year = 1 - *a->number;            // 58 to 50 BC
  }
  if (b->number && a->day && a->month) b->day = b->number;
  else if (b->number && a->year && !a->month && !a->season && !a->day && *a->year > 0) {
    b->year = short_year(*a->year, *b->number);
    if (!b->year) return give_up();
  }
  if ((a->number && !a->day && !a->year) || (b->number && !b->day && !b->year)) return give_up();
  if (a->year && !a->era_written && b->era_written && *b->year <= 0) a->year = 1 - *a->year;  // 190 or 180 BC
  if (a->day && !a->month) a->month = b->month;
  if (b->day && !b->month) b->month = a->month;
  if (!a->month && a->day) return give_up();
  // Years: one written applies to both; without any, the first side's is picked.
  std::int64_t ya = 0, yb = 0;
  if (a->year && b->year) {
    ya = *a->year;
    yb = *b->year;
  } else if (b->year) {
    yb = *b->year;
    ya = yb;
    const auto va = build(p, *a, ya), vb = build(p, *b, yb);
    if (va && vb && va->earliest > vb->earliest && a->month != b->month) --ya;
  } else if (a->year) {
    ya = *a->year;
    yb = ya;
    const auto va = build(p, *a, ya), vb = build(p, *b, yb);
    if (va && vb && vb->earliest < va->earliest && a->month != b->month) ++yb;
  } else {  // the first side's year is picked as a lone month's is, and the second follows it
    const auto y = pick_year(p, [&](std::int64_t c) {
      side whole = *a;
      whole.day.reset();  // the month's year, as for a lone "November 25"
      return build(p, whole, c);
    });
    if (!y) return std::nullopt;
    yb = ya = *y;
    const auto va = build(p, *a, ya), vb = build(p, *b, yb);
    if (va && vb && vb->earliest < va->earliest && a->month != b->month) ++yb;  // December to May
  }
  const auto va = build(p, *a, ya), vb = build(p, *b, yb);
  if (!va || !vb) {
    return p.fail_at(!va ? a->at : b->at, "invalid-date",
                     "invalid date " + quoted(p.text) + ": no such day in " + std::to_string(!va ? ya : yb));
  }
  return join(p, *va, *vb, form);
}

}  // namespace annals::detail
