#include "time/date_phrase.hpp"

#include <algorithm>

#include "time/calendars.hpp"
#include "time/date_words.hpp"

namespace annals::detail {

std::int64_t year_in(calendar c, std::int64_t day) {
  return c == calendar::gregorian ? civil::civil_from_days(day).y : from_days(c, day).y;
}

std::optional<std::int64_t> reference_day(phrase& p) {
  if (p.ctx.reference) return p.ctx.reference->time_since_epoch().count();
  p.fail("missing-reference", "date " + quoted(p.text) + " needs a reference date to anchor it",
         "give the full date (November 23, 2015) or set the file's 'reference' (--reference)");
  return std::nullopt;
}

std::optional<reference_span> reference_days(phrase& p) {
  const auto first = reference_day(p);
  if (!first) return std::nullopt;
  const std::int64_t last = p.ctx.reference_last ? std::max(*first, p.ctx.reference_last->time_since_epoch().count()) : *first;
  return reference_span{*first, last, last == *first ? precision::day : p.ctx.reference_prec};
}

std::optional<temporal_value> in_calendar(phrase& p, std::optional<temporal_value> v) {
  if (!v && unavailable(p.ctx.cal)) p.fail("invalid-date", "cannot read date " + quoted(p.text) + ": " +
                                                              std::string(*unavailable(p.ctx.cal)));
  if (!v) p.fail("invalid-date", "date " + quoted(p.text) + " is beyond the " + std::string(to_string(p.ctx.cal)) +
                                     " calendar's range");
  return v;
}

std::optional<unsigned> read_month(phrase& p) {
  std::size_t at = p.i;
  const auto m = month_words(p.t, p.n, at, p.ctx.cal);
  if (m) p.advance(at - p.i);
  return m;
}

std::optional<int> season_word(std::string_view w) {
  if (w == "fall") return 3;
  for (int s = 1; s <= 4; ++s)
    if (w == season_names[s]) return s;
  return std::nullopt;
}

std::optional<unsigned> weekday_word(std::string_view w) {
  for (unsigned d = 0; d < 7; ++d) {
    const std::string_view full = weekday_names[d][0];
    const bool same_full = w.size() == full.size() &&
                           std::equal(w.begin(), w.end(), full.begin(), [](char a, char b) { return a == (b | 0x20); });
    if (same_full || w == weekday_names[d][1] || w == weekday_names[d][2]) return d;
  }
  return std::nullopt;
}

std::optional<int> part_word_of(std::string_view w) {
  for (const part_word& pw : part_words)
    if (w == pw.word) return pw.part;
  return std::nullopt;
}

bool eat_day_part(phrase& p) {
  for (std::size_t k = 0; k < std::size(day_parts); ++k)
    if (p.eat(day_parts[k])) {
      p.day_part = static_cast<int>(k);
      return true;
    }
  return false;
}

int era_word(std::string_view w) {
  if (w == "bc" || w == "bce") return -1;
  if (w == "ad" || w == "ce") return 1;
  return 0;
}

int era_ahead(const phrase& p) {
  const token* e = p.peek();
  return e && e->k == token::kind::word ? era_word(e->word()) : 0;
}

namespace {

// nineteen ninety-one, twenty fifteen, nineteen oh five, nineteen hundred, two thousand
// and five: a year of three or four digits in words.
std::optional<std::int64_t> spelled_year(phrase& p) {
  const std::size_t start = p.i;
  const auto reset = [&]() -> std::optional<std::int64_t> {
    p.i = start;
    return std::nullopt;
  };
  const auto a = number_words(p.t, p.n, p.i);
  if (!a || *a < 1 || p.t[start].is("a") || p.t[start].is("an")) return reset();
  std::int64_t y = 0;
  if (*a <= 9 && p.eat("thousand")) {
    y = *a * 1000;
    p.eat("and");
    const std::size_t rest = p.i;
    if (const auto b = number_words(p.t, p.n, p.i)) {
      if (p.eat("hundred")) {
        y += *b * 100;
        p.eat("and");
        if (const auto c = number_words(p.t, p.n, p.i)) y += *c;
      } else {
        y += *b;
      }
    } else {
      p.i = rest;
    }
  } else if (*a >= 10 && p.eat("hundred")) {
    y = *a * 100;
    p.eat("and");
    if (const auto b = number_words(p.t, p.n, p.i)) y += *b;
  } else if (*a >= 10) {
    if (p.eat_any("oh", "o")) {
      const std::size_t unit_at = p.i;
      const auto u = number_words(p.t, p.n, p.i);
      if (!u || *u < 1 || *u > 9 || p.t[unit_at].is("a") || p.t[unit_at].is("an")) return reset();
      y = *a * 100 + *u;
    } else {
      const std::size_t second = p.i;
      const auto b = number_words(p.t, p.n, p.i);
      if (!b || *b < 10 || p.t[second].is("a") || p.t[second].is("an")) return reset();
      y = *a * 100 + *b;
    }
  } else {
    return reset();
  }
  p.reached();
  return y;
}

}  // namespace

std::optional<std::int64_t> read_year(phrase& p) {
  const std::size_t start = p.i, furthest = p.furthest;
  // A calendar with years of its own form: "an VIII" (French Republican), "an 8".
  if (year_text(p.ctx.cal, 1) && p.at("an") && p.peek(1)) {
    const token& y = *p.peek(1);
    const auto roman = y.k == token::kind::word ? roman_year(p.text.substr(y.pos, y.size)) : std::nullopt;
    if (roman || (y.k == token::kind::number && y.len == 0 && y.value >= 1)) {
      p.advance(2);
      return roman ? *roman : y.value;
    }
  }
  int era = 0;
  if (era_ahead(p) > 0) {
    era = 1;
    p.advance();
  }
  const token* tk = p.peek();
  std::int64_t y = 0;
  std::size_t digits = 4;
  int glued = 0;
  if (tk && tk->k == token::kind::word) {
    const auto spelled = spelled_year(p);
    if (!spelled) {
      p.i = start;
      return std::nullopt;
    }
    y = *spelled;
  } else {
    if (!tk || tk->k != token::kind::number) {
      p.i = start;
      return std::nullopt;
    }
    glued = tk->len == 0 ? 0 : era_word(tk->suffix());
    if (tk->len != 0 && (glued == 0 || era != 0)) {
      p.i = start;
      return std::nullopt;
    }
    y = tk->value;
    digits = tk->digits;
    p.advance();
  }
  if (glued != 0) era = glued;
  if (era == 0 && (era = era_ahead(p)) != 0) p.advance();
  // Without an era a year has three or four digits: "February 151998" is not a date.
  if (era == 0 && (digits < 3 || digits > 4)) {
    p.i = start;
    p.furthest = furthest;  // reading stops at the number, not after it
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

void eat_winter_end(phrase& p, std::int64_t year) {
  const token* tk = p.peek();
  if (!tk || tk->k != token::kind::number || tk->len != 0 || !tk->dash_before) return;
  if ((tk->digits == 2 && tk->value == civil::floor_mod(year + 1, 100)) || (tk->digits == 4 && tk->value == year + 1))
    p.advance();
}

std::optional<std::int64_t> read_count(phrase& p) {
  constexpr std::int64_t max_count = 1'000'000'000;
  if (const token* tk = p.peek(); tk && tk->k == token::kind::number && tk->len == 0) {
    if (tk->value > max_count) return std::nullopt;
    p.advance();
    return tk->value;
  }
  const auto v = number_words(p.t, p.n, p.i);
  if (v && *v > max_count) return std::nullopt;
  if (v) p.reached();
  return v;
}

std::optional<unit> read_unit(phrase& p, bool* plural) {
  static constexpr struct {
    std::string_view one, many;
    unit u;
  } units[] = {{"day", "days", unit::day},       {"week", "weeks", unit::week},       {"month", "months", unit::month},
               {"year", "years", unit::year},    {"decade", "decades", unit::decade}, {"century", "centuries", unit::century}};
  const token* tk = p.peek();
  if (!tk || tk->k != token::kind::word) return std::nullopt;
  for (const auto& u : units) {
    if (tk->is(u.one) || tk->is(u.many)) {
      if (plural) *plural = tk->is(u.many);
      p.advance();
      return u.u;
    }
  }
  return std::nullopt;
}

std::int64_t shift_day(std::int64_t day, unit u, std::int64_t count) {
  switch (u) {
    case unit::day: return day + count;
    case unit::week: return day + 7 * count;
    case unit::month: return civil::add_months(day, count);
    case unit::year: return civil::add_months(day, 12 * count);
    case unit::decade: return civil::add_months(day, 120 * count);
    case unit::century: return civil::add_months(day, 1200 * count);
  }
  return day;
}

temporal_value unit_containing(std::int64_t day, unit u, std::int64_t count, calendar cal) {
  const civil::ymd d = civil::civil_from_days(day);
  // Beyond the range annals supports: a value that is not ok() (its caller says so).
  const auto beyond = [] {
    temporal_value v;
    v.earliest = v.stated_earliest = open_end;
    v.latest = v.stated_latest = open_start;
    return v;
  };
  const auto years = [&](std::int64_t first, std::int64_t last, precision p) {
    auto v = month_span(calendar::gregorian, first, 1, last, 12, p);
    if (!v) return beyond();
    v->cal = cal;
    return *v;
  };
  switch (u) {
    case unit::day: return day_span(day + count, day + count, precision::day, cal);
    case unit::week: {
      const std::int64_t monday = day + 7 * count - civil::iso_weekday(day);
      return day_span(monday, monday + 6, precision::week, cal);
    }
    case unit::month: {
      auto v = month_span(calendar::gregorian, d.y, d.m + count, d.y, d.m + count, precision::month);
      if (!v) return beyond();
      v->cal = cal;
      return *v;
    }
    case unit::year: return years(d.y + count, d.y + count, precision::year);
    case unit::decade: {
      // Decades as they are named: 1860-1869 (the 1860s); before AD 1 the years whose BC
      // number shares its tens (the 480s BC: 489-480 BC, astronomically -488..-479), so
      // 489 BC lies in the 480s BC and the decade after is the 470s BC. Decade k >= 0 is
      // the years 10k..10k+9 (k = 0: 1-9); k < 0 the BC years 10(-1-k)+9 .. 10(-1-k) BC.
      const std::int64_t k = (d.y > 0 ? civil::floor_div(d.y, 10) : -1 - civil::floor_div(1 - d.y, 10)) + count;
      if (k >= 0) return years(std::max<std::int64_t>(10 * k, 1), 10 * k + 9, precision::decade);
      const std::int64_t tens = 10 * (-1 - k);  // BC years tens+9 .. tens (never year 0 BC)
      return years(1 - (tens + 9), 1 - std::max<std::int64_t>(tens, 1), precision::decade);
    }
    case unit::century: {
      const std::int64_t first = civil::floor_div(d.y - 1, 100) * 100 + 1 + 100 * count;
      return years(first, first + 99, precision::century);
    }
  }
  return day_span(day, day, precision::day, cal);
}

temporal_value days_value(std::int64_t first, std::int64_t last, calendar cal) {
  return day_span(first, last, precision::day, cal);
}

std::optional<temporal_value> read_slash_day(phrase& p) {
  const auto slash = [&](std::size_t ahead) {
    const token* tk = p.peek(ahead);
    return tk && tk->k == token::kind::other && tk->size == 1 && p.text[tk->pos] == '/';
  };
  const auto digits = [&](std::size_t ahead, int lo, int hi) {
    const token* tk = p.peek(ahead);
    return tk && tk->k == token::kind::number && tk->len == 0 && tk->digits >= lo && tk->digits <= hi;
  };
  if (!digits(0, 4, 4)) return std::nullopt;
  std::size_t m_at = 2, d_at = 4;  // 2017/01/31
  if (slash(1) && digits(2, 1, 2) && slash(3) && digits(4, 1, 2)) {
  } else if (digits(1, 2, 2) && p.peek(1)->dash_before && digits(2, 2, 2) && p.peek(2)->dash_before) {
    m_at = 1;  // 2017-02-28, before a time and a zone word (ISO's own form is read by edtf.cpp)
    d_at = 2;
  } else {
    return std::nullopt;
  }
  const std::int64_t y = p.t[p.i].value, m = p.t[p.i + m_at].value, d = p.t[p.i + d_at].value;
  // In the phrase's calendar: "from 1326-05-23 to 1327-06-27 (Islamic)".
  const auto day = m < 1 || m > 12 || d < 1 || d > 31
                       ? std::nullopt
                       : to_days(p.ctx.cal, y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  if (!day)
    return p.fail("invalid-date", "invalid date " + quoted(p.text) + ": no day " + std::to_string(d) + " in month " +
                                      std::to_string(m) + " of " + std::to_string(y),
                  "write the year, month and day: 2017/01/31");
  p.advance(d_at + 1);
  return day_span(*day, *day, precision::day, p.ctx.cal);
}

std::optional<temporal_value> join(phrase& p, const temporal_value& a, const temporal_value& b, date_form form) {
  temporal_value v = a;
  v.latest = b.latest;
  v.stated_latest = b.stated_latest;
  v.end = b.end;
  v.prec = std::max(a.prec, b.prec);
  v.approximate = a.approximate || b.approximate;
  v.uncertain = a.uncertain || b.uncertain || form == date_form::either;
  v.has_time = a.has_time || b.has_time;
  v.interval = form == date_form::interval;
  v.form = form;
  if (a.has_offset != b.has_offset || (a.has_offset && a.offset != b.offset)) {
    if (a.has_offset != b.has_offset)
      return p.fail("invalid-date", "invalid date " + quoted(p.text) + ": one time has a zone and the other none",
                    "write the zone once, at the end, or on both times");
    v.offset = b.offset;  // each end is in UTC already; the label shows the second's offset
  }
  if (!v.ok() || b.stated_earliest < a.stated_earliest)
    return p.fail("invalid-date", "invalid date " + quoted(p.text) + ": the second date is before the first",
                  "put the earlier date first");
  return v;
}

}  // namespace annals::detail
