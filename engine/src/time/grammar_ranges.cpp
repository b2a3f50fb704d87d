// Two dates that share their parts: "23-25 November", "November 23–25, 2015", "Nov. 23 to
// 25", "23 November to 2 December 2015", "March to May 2015", "1939–45", "58 BC to 50 BC",
// "between November 2014 and March", and alternatives: "12 or 13 July", "1914 or 1915".
// Each side is read as far as it is written; what one side lacks (a month, a year, an
// era) it takes from the other, and a year that would put the ends out of order moves.

#include "time/calendars.hpp"
#include "time/date_phrase.hpp"

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

// The value of a side once its year is known.
std::optional<temporal_value> build(phrase& p, const side& s, std::int64_t year) {
  const calendar cal = p.ctx.cal;
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

}  // namespace

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
