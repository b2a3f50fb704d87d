// Days named by a rule: holidays (the table in date_words.hpp), the n-th weekday, week or
// day of a month ("the first Monday in October", "the last week of October", "the last
// day of October 2015") and the week of a day ("the week of Nov. 23").

#include "time/calendars.hpp"
#include "time/date_phrase.hpp"
#include "time/date_words.hpp"

namespace annals::detail {
namespace {

using kind = token::kind;

// Easter Sunday of year y: the Gregorian computus (Meeus/Jones/Butcher) as a Gregorian
// date, or the Julian computus as a Julian date; as a day number.
std::optional<std::int64_t> easter(std::int64_t y, bool julian) {
  if (y < 1) return std::nullopt;
  if (julian) {
    const std::int64_t a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
    return to_days(calendar::julian, y, static_cast<unsigned>((d + e + 114) / 31),
                   static_cast<unsigned>((d + e + 114) % 31 + 1));
  }
  const std::int64_t a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const std::int64_t h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const std::int64_t m = (a + 11 * h + 22 * l) / 451;
  return to_days(calendar::gregorian, y, static_cast<unsigned>((h + l - 7 * m + 114) / 31),
                 static_cast<unsigned>((h + l - 7 * m + 114) % 31 + 1));
}

// The n-th (n = -1: the last) `weekday` of days [first, last].
std::optional<std::int64_t> nth_weekday(std::int64_t first, std::int64_t last, unsigned weekday, std::int64_t n) {
  if (n < 0) return last - static_cast<std::int64_t>((civil::iso_weekday(last) + 7 - weekday) % 7);
  const std::int64_t day = first + (weekday + 7 - civil::iso_weekday(first)) % 7 + 7 * (n - 1);
  if (day > last) return std::nullopt;
  return day;
}

// The day of holiday `h` in year y.
std::optional<std::int64_t> holiday_day(const holiday& h, std::int64_t y, calendar cal) {
  const calendar c = cal == calendar::julian ? calendar::julian : calendar::gregorian;
  switch (h.kind) {
    case holiday::rule::fixed: return to_days(c, y, h.month, static_cast<unsigned>(h.day));
    case holiday::rule::nth_weekday: {
      const auto first = to_days(c, y, h.month, 1), last = to_days(c, y, h.month, days_in_month(c, y, h.month));
      if (!first || !last) return std::nullopt;
      return nth_weekday(*first, *last, h.weekday, h.day);
    }
    case holiday::rule::easter: {
      const auto e = easter(y, c == calendar::julian);
      if (!e) return std::nullopt;
      return *e + h.day;
    }
    case holiday::rule::nowruz: return to_days(calendar::solar_hijri, y - 621, 1, 1);
  }
  return std::nullopt;
}

// The holiday whose words are at the reader; advances past them.
const holiday* read_holiday_name(phrase& p) {
  for (const holiday& h : holidays) {
    std::size_t k = p.i;
    std::size_t at = 0;
    bool same = true;
    while (same && at < h.words.size()) {
      const std::size_t end = std::min(h.words.find(' ', at), h.words.size());
      same = k < p.n && p.t[k].is(h.words.substr(at, end - at));
      ++k;
      at = end + 1;
    }
    if (same) {
      p.advance(k - p.i);
      return &h;
    }
  }
  return nullptr;
}

// Days [first, last] of a month ([of] year, else picked) or of a year, or of "this|next|
// last month": what "the first week of", "the last day of" count in.
std::optional<std::pair<std::int64_t, std::int64_t>> month_or_year(phrase& p) {
  const calendar cal = p.ctx.cal;
  const std::size_t start = p.i;
  p.eat("the");
  if (const auto m = read_month(p)) {
    p.eat("of");
    auto build = [&](std::int64_t c) { return month_span(cal, c, *m, c, *m, precision::month); };
    std::optional<std::int64_t> y = read_year(p);
    if (!y && !p.error) y = pick_year(p, build);
    if (!y) return std::nullopt;
    const auto v = build(*y);
    if (!v) return std::nullopt;
    return std::pair{civil::day_of(v->earliest), civil::day_of(v->latest)};
  }
  p.i = start;
  int shift = 0;
  if (p.eat("next")) shift = 1;
  else if (p.eat("last")) shift = -1;
  else if (p.eat("that")) p.eat("same");  // narrative: the last week of that month
  else if (p.eat("the")) {
    if (p.eat_any("next", "following")) shift = 1;
    else if (p.eat_any("previous", "preceding")) shift = -1;
    else p.eat("same");
  } else p.eat("this");
  if (p.eat("month") || p.eat("year")) {
    const bool year = p.t[p.i - 1].is("year");
    const auto ref = reference_day(p);
    if (!ref) return std::nullopt;
    const temporal_value v = unit_containing(*ref, year ? unit::year : unit::month, shift, calendar::gregorian);
    return std::pair{civil::day_of(v.earliest), civil::day_of(v.latest)};
  }
  p.i = start;
  if (const auto y = read_year(p)) {
    const auto v = year_span(cal, *y, *y, precision::year);
    if (!v) return std::nullopt;
    return std::pair{civil::day_of(v->earliest), civil::day_of(v->latest)};
  }
  if (!p.error) p.i = start;
  return std::nullopt;
}

}  // namespace

// Christmas, Christmas Eve 2015, Easter 2016, Thanksgiving, Nowruz: without a year, the
// year is picked as for a month (pick_year).
std::optional<temporal_value> read_holiday(phrase& p) {
  const std::size_t start = p.i;
  const holiday* h = read_holiday_name(p);
  if (!h) return std::nullopt;
  const calendar cal = p.ctx.cal;
  auto build = [&](std::int64_t y) -> std::optional<temporal_value> {
    const auto d = holiday_day(*h, y, cal);
    if (!d) return std::nullopt;
    return day_span(*d, *d, precision::day, cal);
  };
  const std::size_t year_at = p.i;
  p.eat("of");
  std::optional<std::int64_t> y = read_year(p);
  if (!y) {
    if (p.error) return std::nullopt;
    p.i = year_at;
    y = pick_year(p, build);
    if (!y) return p.error ? std::nullopt : p.fail_at(start, "invalid-date", "date " + quoted(p.text) + " has no day near the reference");
  }
  return in_calendar(p, build(*y));
}

// the first|second|..|last Monday|week|day of|in a month or year; the week of a day.
std::optional<temporal_value> read_nth_in(phrase& p) {
  const std::size_t start = p.i;
  const calendar cal = p.ctx.cal;
  p.eat("the");
  if (p.eat("week") && p.eat("of")) {  // the week of Nov. 23: its Monday-Sunday week
    const auto v = read_day_month(p);
    if (!v) return std::nullopt;
    return unit_containing(civil::day_of(v->stated_earliest), unit::week, 0, cal);
  }
  p.i = start;
  p.eat("the");
  std::int64_t n = 0;
  const std::size_t nth_at = p.i;
  if (p.eat("last")) n = -1;
  else if (const auto k = ordinal(p.t, p.n, p.i, false)) n = *k;
  else {
    p.i = start;
    return std::nullopt;
  }
  const token* what = p.peek();
  const auto wd = what && what->k == kind::word ? weekday_word(what->word()) : std::nullopt;
  if (!wd && !p.at("week") && !p.at("day")) {
    p.i = start;
    return std::nullopt;
  }
  p.advance();
  if (!p.eat_any("of", "in")) {
    p.i = start;
    return std::nullopt;
  }
  const auto span = month_or_year(p);
  if (!span) {
    if (!p.error) p.i = start;
    return std::nullopt;
  }
  const auto [first, last] = *span;
  const auto none = [&]() {
    return p.fail_at(nth_at, "invalid-date", "there is no such day in " + quoted(p.text));
  };
  if (wd) {
    const auto d = nth_weekday(first, last, *wd, n);
    if (!d || n == 0) return none();
    return day_span(*d, *d, precision::day, cal);
  }
  if (what->is("day")) {
    const std::int64_t d = n < 0 ? last : first + n - 1;
    if (n == 0 || d > last) return none();
    return day_span(d, d, precision::day, cal);
  }
  // Weeks of a month or year: days 1-7, 8-14, ...; the last week is its last seven days.
  const std::int64_t w0 = n < 0 ? last - 6 : first + 7 * (n - 1);
  if (n == 0 || w0 > last) return none();
  return day_span(w0, std::min(w0 + 6, last), precision::day, cal);
}

}  // namespace annals::detail
