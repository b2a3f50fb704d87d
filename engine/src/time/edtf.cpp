// ISO 8601 / EDTF reader. What it accepts (SPEC §3; the Library of Congress EDTF
// specification, levels 0 and 1, and part of 2):
//
//   2015  2015-11  2015-11-23                      year, month, day
//   2015-11-23T14  T14:00  T14:00:00[.sss]          a time: hour, minute, second precision
//     ...Z  ...+03:30  ...+0330  ...-04             with a UTC offset; without one the
//                                                   context's zone (missing-timezone if none)
//   -0043-03-15  +12000-01-01                       negative and expanded (signed, ≥4 digit) years
//   Y17000000  Y-12000                              long years (year precision)
//   2015?  2015-12~  2015-11-23%                    uncertain / approximate / both, widening by
//                                                   one unit of precision each side (two for %)
//   201X  19XX  1XXX  2015-XX  2015-11-XX  2015-XX-XX   unspecified digits (coarser precision)
//   2015-21 .. 2015-24                              spring, summer, autumn, winter (Dec-Feb)
//   A/B  ../B  A/..  /B  A/                         intervals; open (..) and unknown (empty) ends
//   -201X  T24:00  2010-04-20 21:49                 negative unspecified years; the end of a day;
//                                                   a space for the 'T'
// and the most used part of level 2:
//   2004?-06-11  2004-?06-11  2004-06-?11           a qualifier beside one component (its unit)
//   156X-12-25  2004-XX-11                          one of several dates: covered, uncertain
//   [1667,1668,1670..1672]  [..1760-12-03]  {1667,1668}   one of (uncertain) / all of a set
//
// The date is read in the context's calendar: `1917-10-25` with calendar julian is the
// Julian 25 October. Plain day dates are the hot path: no allocation, std::from_chars-like
// digit loops, int64 civil arithmetic.

#include "time/edtf.hpp"

#include <algorithm>

#include "time/calendars.hpp"
#include "time/spans.hpp"
#include "time/zones.hpp"

namespace annals::detail {
namespace {

constexpr std::string_view edtf_hint = "write an EDTF date such as 2015-11-23, 2015-11, 2015 or 2015-11-23T14:00Z";

bool digit(char c) { return c >= '0' && c <= '9'; }

struct reader {
  std::string_view text;  // the whole text, for messages
  std::string_view s;     // the part being read (one end of an interval)
  std::size_t base = 0;   // offset of s in text
  std::size_t i = 0;
  const date_context* context = nullptr;

  bool at_end() const { return i >= s.size(); }
  char peek() const { return i < s.size() ? s[i] : '\0'; }

  // Exactly n digits, value in v.
  bool digits(std::size_t n, unsigned& v) {
    if (i + n > s.size()) return false;
    unsigned r = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (!digit(s[i + k])) return false;
      r = r * 10 + static_cast<unsigned>(s[i + k] - '0');
    }
    v = r;
    i += n;
    return true;
  }

  date_result fail(std::string what) const {
    date_result r;
    r.error = make_error("unparsed-date", "cannot read date " + quoted(text) + ": " + std::move(what),
                         std::string(edtf_hint), base + i);
    return r;
  }
  date_result invalid(std::string what) const {
    date_result r;
    r.error = make_error("invalid-date", "invalid date " + quoted(text) + ": " + std::move(what), "", base + i);
    return r;
  }
};

// What was read of one date, before it becomes an interval.
struct parts {
  std::int64_t year = 0;
  int unspecified_year_digits = 0;  // 201X: 1
  unsigned month = 0;               // 0: not given
  bool month_unspecified = false;
  int season = 0;                   // 1 spring .. 4 winter
  unsigned day = 0;
  bool day_unspecified = false;
  bool has_time = false;
  unsigned hour = 0, minute = 0, second = 0;
  precision time_prec = precision::hour;
  bool has_offset = false;
  std::int64_t offset_seconds = 0;
  char qualifier = 0;
  precision qualified = precision::day;  // the unit a qualifier widens by: the date's own, or
  bool on_component = false;             // (level 2) the one component it stands beside
  bool negative_year = false;
};

std::int64_t pow10(int n) {
  std::int64_t r = 1;
  while (n-- > 0) r *= 10;
  return r;
}

date_result read_year(reader& r, parts& p) {
  if (r.peek() == 'Y') {
    // Long year: Y, optional minus, digits; nothing but a qualifier may follow.
    ++r.i;
    const bool negative = r.peek() == '-';
    if (negative) ++r.i;
    const std::size_t start = r.i;
    std::int64_t y = 0;
    while (!r.at_end() && digit(r.peek())) {
      if (r.i - start >= 12) return r.invalid("year beyond the range annals supports");
      y = y * 10 + (r.peek() - '0');
      ++r.i;
    }
    if (r.i == start) return r.fail("expected the digits of a year after 'Y'");
    if (y > civil::max_year) return r.invalid("year beyond the range annals supports");
    p.year = negative ? -y : y;
    return {};
  }
  bool negative = false;
  bool signed_year = false;
  if (r.s.substr(r.i, 3) == "\xE2\x88\x92") return r.fail("a Unicode minus sign '\xE2\x88\x92': write '-'");
  if (r.peek() == '-' || r.peek() == '+') {
    negative = r.peek() == '-';
    signed_year = true;
    ++r.i;
  }
  const std::size_t start = r.i;
  std::int64_t y = 0;
  int x = 0;
  while (!r.at_end() && (digit(r.peek()) || r.peek() == 'X')) {
    if (r.peek() == 'X') {
      ++x;
    } else {
      if (x > 0) return r.fail("unspecified digits 'X' must end the year");
      if (r.i - start >= 12) return r.invalid("year beyond the range annals supports");
      y = y * 10 + (r.peek() - '0');
    }
    ++r.i;
  }
  const std::size_t n = r.i - start;
  if (n == 0) {
    r.i = start;
    return r.fail("expected a four-digit year");
  }
  if (signed_year ? n < 4 : n != 4) {
    r.i = start;
    return r.fail(signed_year ? "expected at least four digits of the year" : "expected a four-digit year");
  }
  if (x > 0 && (x > 3 || (signed_year && (!negative || n != 4)))) {
    r.i = start;
    return r.fail(x > 3 ? "a year of only 'X' digits is not supported (EDTF level 2)"
                        : "unspecified digits need a four-digit year, unsigned or negative");
  }
  p.negative_year = negative;
  if (y > civil::max_year) return r.invalid("year beyond the range annals supports");
  p.year = negative ? -y * pow10(x) : y * pow10(x);
  p.unspecified_year_digits = x;
  return {};
}

date_result read_time(reader& r, parts& p) {
  const std::size_t start = r.i;
  if (!r.digits(2, p.hour)) return r.fail("expected a two-digit hour after 'T'");
  p.time_prec = precision::hour;
  if (r.peek() == ':') {
    ++r.i;
    if (!r.digits(2, p.minute)) return r.fail("expected two-digit minutes");
    p.time_prec = precision::minute;
    if (r.peek() == ':') {
      ++r.i;
      if (!r.digits(2, p.second)) return r.fail("expected two-digit seconds");
      p.time_prec = precision::second;
      if (r.peek() == '.' || r.peek() == ',') {  // fractions of a second: read, not kept
        ++r.i;
        const std::size_t fraction = r.i;
        while (!r.at_end() && digit(r.peek())) ++r.i;
        if (r.i == fraction) return r.fail("expected digits after the decimal point");
      }
    }
  }
  const std::size_t end = r.i;
  r.i = start;  // a clock value out of range: point at the time
  // 24:00 is the end of the day (ISO 8601), the next day's 00:00.
  if (p.hour > 23 && !(p.hour == 24 && p.minute == 0 && p.second == 0))
    return r.invalid("hour " + std::to_string(p.hour) + " is not in 00..23 (or 24:00, the end of the day)");
  if (p.minute > 59) return r.invalid("minute " + std::to_string(p.minute) + " is not in 00..59");
  if (p.second > 59) return r.invalid("second " + std::to_string(p.second) + " is not in 00..59");
  r.i = end;
  const char c = r.peek();
  if (c == 'Z') {
    ++r.i;
    p.has_offset = true;
  } else if (c == '+' || c == '-') {
    ++r.i;
    unsigned oh = 0, om = 0;
    if (!r.digits(2, oh)) return r.fail("expected a two-digit offset hour");
    if (r.peek() == ':') {
      ++r.i;
      if (!r.digits(2, om)) return r.fail("expected two-digit offset minutes");
    } else if (digit(r.peek())) {
      if (!r.digits(2, om)) return r.fail("expected two-digit offset minutes");
    }
    if (oh > 23 || om > 59) return r.invalid("offset out of range");
    p.has_offset = true;
    p.offset_seconds = (c == '-' ? -1 : 1) * static_cast<std::int64_t>(oh * 3600 + om * 60);
  }
  return {};
}

// EDTF level 2: a qualifier beside one component ("2004?-06-11": the year; "2004-?06-11":
// the month), which then widens by that component's unit.
date_result component_qualifier(reader& r, parts& p, precision unit) {
  const char c = r.peek();
  if (c != '?' && c != '~' && c != '%') return {};
  if (p.qualifier != 0) return r.fail("one qualifier per date is all annals reads");
  p.qualifier = c;
  p.qualified = unit;
  p.on_component = true;
  ++r.i;
  return {};
}

bool is_qualifier(char c) { return c == '?' || c == '~' || c == '%'; }

date_result read_parts(reader& r, parts& p) {
  if (auto y = read_year(r, p); !y.ok()) return y;
  const bool long_year = r.s[0] == 'Y';
  if (is_qualifier(r.peek()) && r.i + 1 < r.s.size() && r.s[r.i + 1] == '-') {  // 2004?-06-11
    if (auto q = component_qualifier(r, p, precision::year); !q.ok()) return q;
  }
  if (!long_year && r.peek() == '-') {
    ++r.i;
    if (auto q = component_qualifier(r, p, precision::month); !q.ok()) return q;  // 2004-?06-11
    if (r.peek() == 'X') {
      if (r.i + 1 >= r.s.size() || r.s[r.i + 1] != 'X') return r.fail("expected 'XX' for an unspecified month");
      r.i += 2;
      p.month_unspecified = true;
    } else {
      unsigned m = 0;
      if (!r.digits(2, m)) return r.fail("expected a two-digit month");
      if (m >= 21 && m <= 24) {
        p.season = static_cast<int>(m) - 20;
      } else if (const std::size_t months = row_of(r.context->cal).months.size(); m < 1 || m > months) {
        r.i -= 2;
        return r.invalid("month " + std::to_string(m) + " is not in 01.." + std::to_string(months) +
                         " (or a season 21..24)");
      } else {
        p.month = m;
      }
    }
    if (is_qualifier(r.peek()) && r.i + 1 < r.s.size() && r.s[r.i + 1] == '-') {  // 2004-06?-11
      if (auto q = component_qualifier(r, p, precision::month); !q.ok()) return q;
    }
    if (p.season == 0 && r.peek() == '-') {
      ++r.i;
      if (auto q = component_qualifier(r, p, precision::day); !q.ok()) return q;  // 2004-06-?11
      if (r.peek() == 'X') {
        if (r.i + 1 >= r.s.size() || r.s[r.i + 1] != 'X') return r.fail("expected 'XX' for an unspecified day");
        r.i += 2;
        p.day_unspecified = true;
      } else {
        if (!r.digits(2, p.day)) return r.fail("expected a two-digit day");
        if (p.day < 1 || p.day > 31) {
          r.i -= 2;
          return r.invalid("day " + std::to_string(p.day) + " is not in 01..31");
        }
        if (r.peek() == 'T' || (r.peek() == ' ' && r.i + 1 < r.s.size() && digit(r.s[r.i + 1]))) {  // ISO 8601 allows a space
          ++r.i;
          p.has_time = true;
          if (auto t = read_time(r, p); !t.ok()) return t;
        }
      }
    }
  }
  if (is_qualifier(r.peek())) {
    if (p.qualifier != 0) return r.fail("one qualifier per date is all annals reads");
    p.qualifier = r.s[r.i++];
  }
  if (!r.at_end()) {
    if (r.peek() == 'T') return r.fail("a time needs a full date before 'T'");
    if (r.s.substr(r.i, 3) == "\xE2\x88\x92") return r.fail("a Unicode minus sign '\xE2\x88\x92': write '-'");
    if (r.peek() == 'z') return r.fail("write the UTC designator as 'Z'");
    return r.fail("unexpected " + quoted(r.s.substr(r.i, 1)));
  }
  return {};
}

// The value of one date whose year, month and day are each one value (or unspecified
// in the EDTF level 1 way, to the end); nullopt with `failure` set when it cannot be.
std::optional<temporal_value> one_date(const parts& p, calendar c, const reader& r, date_result& failure) {
  if (p.unspecified_year_digits > 0) {
    static constexpr precision by_digits[] = {precision::year, precision::decade, precision::century,
                                              precision::millennium};
    const std::int64_t span = pow10(p.unspecified_year_digits) - 1;  // -201X: -2019 .. -2010
    const std::int64_t first = p.negative_year ? p.year - span : p.year;
    return year_span(c, first, first + span, by_digits[p.unspecified_year_digits]);
  }
  if (p.season != 0 && row_of(c).lunar) {
    failure = r.invalid("a season has no fixed months in the lunar " + std::string(calendar_title(c)) + " calendar");
    return std::nullopt;
  }
  if (p.season != 0)
    return season_span(c, p.year, p.season);
  if (p.month == 0) return year_span(c, p.year, p.year, precision::year);  // 2015, 2015-XX, Y17000000
  if (p.day == 0) return month_span(c, p.year, p.month, p.year, p.month, precision::month);  // 2015-11, 2015-11-XX
  const auto day = to_days(c, p.year, p.month, p.day);
  if (!day) {
    const unsigned length = days_in_month(c, p.year, p.month);
    if (length == 0) return std::nullopt;
    failure = r.invalid(c == calendar::gregorian
                            ? std::string(month_of(c, p.year, p.month).full) + " " + std::to_string(p.year) + " has " +
                                  std::to_string(length) + " days"
                            : "month " + std::to_string(p.month) + " of " + std::to_string(p.year) + " (" +
                                  std::string(to_string(c)) + ") has " + std::to_string(length) + " days");
    return std::nullopt;
  }
  if (!p.has_time) return day_span(*day, *day, precision::day, c);
  const std::int64_t local = *day * civil::seconds_per_day + p.hour * 3600 + p.minute * 60 + p.second;
  temporal_value t;
  t.earliest = t.stated_earliest = instant{std::chrono::seconds{local - p.offset_seconds}};
  t.latest = t.stated_latest = t.earliest + std::chrono::seconds{info(p.time_prec).seconds - 1};
  t.prec = p.time_prec;
  t.cal = c;
  t.has_time = true;
  t.has_offset = p.has_offset;
  t.offset = static_cast<std::int32_t>(p.offset_seconds);
  set_single_ends(t);
  return t;
}

// One date (not an interval): read, then turned into bounds.
date_result read_date(std::string_view text, std::string_view s, std::size_t base, const date_context& ctx) {
  reader r{text, s, base, 0, &ctx};
  parts p;
  if (auto read = read_parts(r, p); !read.ok()) return read;
  r.i = 0;  // errors below point at the date's start
  const calendar c = ctx.cal;
  date_result out;
  const auto out_of_range = [&] { return r.invalid("year " + std::to_string(p.year) + " is beyond the " +
                                                   std::string(to_string(c)) + " calendar's range"); };
  // EDTF level 2: an unspecified digit left of a known part (156X-12-25, 2004-XX-11) is
  // one of several dates: the interval from the first to the last, uncertain which.
  const bool year_varies = p.unspecified_year_digits > 0 && (p.month != 0 || p.season != 0);
  const bool month_varies = p.month_unspecified && p.day != 0;
  std::optional<temporal_value> v;
  if (year_varies || month_varies) {
    parts first = p, last = p;
    if (year_varies) {
      const std::int64_t span = pow10(p.unspecified_year_digits) - 1;
      first.unspecified_year_digits = last.unspecified_year_digits = 0;
      first.year = p.negative_year ? p.year - span : p.year;
      last.year = first.year + span;
    }
    if (month_varies) {
      first.month = 1;
      last.month = 12;
    }
    auto a = one_date(first, c, r, out), b = one_date(last, c, r, out);
    if (out.error) return out;
    if (a && b) {
      v = *a;
      v->latest = b->latest;
      v->stated_latest = b->stated_latest;
      v->end = b->end;
      v->uncertain = true;
      v->form = date_form::between;
    }
  } else {
    v = one_date(p, c, r, out);
    if (out.error) return out;
  }
  if (!v) return out_of_range();
  // Days widen on the writer's calendar, then go into the zone; a time goes into the zone
  // first and widens by seconds there (a minute off a DST gap is still a time that exists).
  // A qualifier beside one component (level 2) widens by that component's unit.
  const auto widen = [&] {
    if (p.qualifier == 0) return true;
    const precision own = v->prec;
    if (p.on_component) v->prec = std::max(p.qualified, own);
    const bool ok = qualify(*v, p.qualifier == '?' ? qualifier::uncertain : p.qualifier == '~' ? qualifier::approximate
                                                                                                : qualifier::both);
    v->prec = own;
    if (p.on_component) set_single_ends(*v);
    return ok;
  };
  if (!v->has_time && !widen()) return out_of_range();
  if (auto e = apply_zone(*v, ctx, text, base)) {
    out.error = std::move(*e);
    return out;
  }
  if (v->has_time && !widen()) return out_of_range();
  out.value = *v;
  return out;
}

}  // namespace

bool looks_like_edtf(std::string_view text) {
  // Years written as a range are English: 2007-2015, 1939-45 (but 2015-11 is a month and
  // 2015-21 a season, as EDTF reads them).
  const auto all_digits = [](std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), digit); };
  if (text.size() >= 7 && text[4] == '-' && all_digits(text.substr(0, 4)) && all_digits(text.substr(5))) {
    const std::string_view tail = text.substr(5);
    const int two = tail.size() == 2 ? (tail[0] - '0') * 10 + (tail[1] - '0') : 0;
    const int first_two = (text[2] - '0') * 10 + (text[3] - '0');
    if (tail.size() == 4 || (tail.size() == 2 && two > 12 && (two < 21 || two > 24) && two > first_two)) return false;
  }
  // A date that starts as ISO 8601 does is read (and its errors placed) as one:
  // 1985-04-12T23:20:30z, 1985-04-12invalid; so is an EDTF set, and a Unicode minus.
  if (text.front() == '[' || text.front() == '{') return true;
  if (text.substr(0, 3) == "\xE2\x88\x92" && text.size() > 3 && digit(text[3])) return true;
  // A time of day first is English: 9:37, 09:37-11:37.
  if (text.size() > 2 && digit(text[0]) && (text[1] == ':' || (digit(text[1]) && text[2] == ':'))) return false;
  if (text.size() > 5 && all_digits(text.substr(0, 4)) && text[4] == '-' && (digit(text[5]) || text[5] == 'X')) {
    // 2017-02-28 09:37 PST: a day and a time with a zone word, which English reads.
    const std::size_t last = text.rfind(' ');
    if (text.find(' ') == 10 && last > 10 &&
        std::all_of(text.begin() + last + 1, text.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }))
      return false;
    return text.find(' ') == std::string_view::npos || text.find(' ') == 10;
  }
  // One space may stand for the 'T' before a time: 2010-04-20 21:49.
  const std::size_t space = text.find(' ');
  if (space != std::string_view::npos && (space != 10 || text.find(' ', space + 1) != std::string_view::npos)) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return digit(c) || c == '-' || c == ':' || c == '/' || c == '.' || c == '+' || c == 'T' || c == 'Z' ||
           c == 'X' || c == 'Y' || c == '?' || c == '~' || c == '%' || c == ',' || c == ' ';
  });
}

namespace {

// The hot path: a plain Gregorian YYYY-MM-DD, read with no detour through the general reader.
bool plain_day(std::string_view s, const date_context& ctx, date_result& out) {
  if (s.size() != 10 || ctx.cal != calendar::gregorian || s[4] != '-' || s[7] != '-') return false;
  unsigned v[8];
  static constexpr int at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (int k = 0; k < 8; ++k) {
    v[k] = static_cast<unsigned>(s[at[k]] - '0');
    if (v[k] > 9) return false;
  }
  const unsigned y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
  const unsigned m = v[4] * 10 + v[5];
  const unsigned d = v[6] * 10 + v[7];
  if (m < 1 || m > 12 || d < 1 || d > civil::last_day(y, m)) return false;  // the general reader explains
  if (!ctx.tz && !ctx.timezone.empty()) return false;                      // a zone to look up or refuse
  const std::int64_t day = civil::days_from_civil(y, m, d);
  out.value = day_span(day, day, precision::day, calendar::gregorian);
  out.value.tz = ctx.tz;
  zone_days(ctx.tz, out.value.earliest, out.value.latest);
  if (out.value.earliest > out.value.latest) return false;  // a day the zone skipped: the general reader says so
  out.value.stated_earliest = out.value.earliest;
  out.value.stated_latest = out.value.latest;
  return true;
}

// EDTF level 2 sets: `[1667,1668,1670..1672]` is one of its members (the interval covering
// them, uncertain which), `{1667,1668}` all of them (a span covering them). A member is a
// date or a range `A..B`, `..B`, `A..`.
date_result read_set(std::string_view text, const date_context& ctx) {
  const bool one_of = text.front() == '[';
  const char close = one_of ? ']' : '}';
  date_result result;
  const auto fail = [&](std::string what, std::size_t at) {
    result.error = make_error("unparsed-date", "cannot read date " + quoted(text) + ": " + std::move(what),
                              one_of ? "a set such as [1667,1668,1670..1672]" : "a set such as {1667,1668}", at);
    return result;
  };
  if (text.size() < 3 || text.back() != close) return fail(std::string("a set ends with '") + close + "'", text.size());
  temporal_value& v = result.value;
  bool any = false;
  const auto take = [&](const temporal_value& m, bool open_before, bool open_after) {
    const instant first = open_before ? open_start : m.earliest, last = open_after ? open_end : m.latest;
    if (!any || first < v.earliest) {
      v.earliest = first;
      v.stated_earliest = open_before ? open_start : m.stated_earliest;
      v.start = m.start;
      if (open_before) v.start.kind = end_kind::open;
    }
    if (!any || last > v.latest) {
      v.latest = last;
      v.stated_latest = open_after ? open_end : m.stated_latest;
      v.end = m.end;
      if (open_after) v.end.kind = end_kind::open;
    }
    if (!any) {
      v.tz = m.tz;
      v.cal = m.cal;
      v.has_time = m.has_time;
      v.has_offset = m.has_offset;
      v.offset = m.offset;
    }
    v.prec = any ? std::max(v.prec, m.prec) : m.prec;
    v.approximate = v.approximate || m.approximate;
    v.uncertain = v.uncertain || m.uncertain;
    any = true;
  };
  for (std::size_t at = 1; at < text.size() - 1;) {
    const std::size_t comma = std::min(text.find(',', at), text.size() - 1);
    const std::string_view member = text.substr(at, comma - at);
    if (member.empty()) return fail("a member is empty", at);
    const std::size_t dots = member.find("..");
    if (dots == std::string_view::npos) {
      date_result m = read_date(text, member, at, ctx);
      if (!m.ok()) return m;
      take(m.value, false, false);
    } else {
      const std::string_view left = member.substr(0, dots), right = member.substr(dots + 2);
      if (left.empty() && right.empty()) return fail("'..' needs a date on one side", at);
      date_result a, b;
      if (!left.empty() && !(a = read_date(text, left, at, ctx)).ok()) return a;
      if (!right.empty() && !(b = read_date(text, right, at + dots + 2, ctx)).ok()) return b;
      if (!left.empty() && !right.empty() && b.value.latest < a.value.earliest) {
        result.error = make_error("invalid-date", "invalid date " + quoted(text) + ": a range in the set ends before it starts",
                                  "put the earlier date first", at);
        return result;
      }
      if (!left.empty()) take(a.value, false, right.empty());
      if (!right.empty()) take(b.value, left.empty(), false);
    }
    at = comma + 1;
  }
  v.form = one_of ? date_form::between : date_form::interval;
  v.interval = !one_of;
  v.uncertain = v.uncertain || one_of;
  return result;
}

}  // namespace

date_result parse_edtf(std::string_view text, const date_context& context) {
  if (date_result fast; plain_day(text, context, fast)) return fast;
  if (text.front() == '[' || text.front() == '{') return read_set(text, context);
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    if (text == "..") {
      date_result r;
      r.error = make_error("unparsed-date", "cannot read date " + quoted(text) + ": '..' is only an interval end",
                           "an open interval such as 2015/.. or ../2015", 0);
      return r;
    }
    return read_date(text, text, 0, context);
  }
  if (text.find('/', slash + 1) != std::string_view::npos) {
    date_result r;
    r.error = make_error("unparsed-date", "cannot read date " + quoted(text) + ": an interval has one '/'",
                         "an interval such as 2007-10-16/2015-11-23", text.find('/', slash + 1));
    return r;
  }
  const std::string_view left = text.substr(0, slash);
  const std::string_view right = text.substr(slash + 1);
  const bool left_known = !left.empty() && left != "..";
  const bool right_known = !right.empty() && right != "..";
  if (!left_known && !right_known) {
    date_result r;
    r.error = make_error("unparsed-date", "cannot read date " + quoted(text) + ": an interval needs a known end",
                         "an interval such as 2007-10-16/2015-11-23 or 2015/..", 0);
    return r;
  }
  date_result result;
  temporal_value& v = result.value;
  v.cal = context.cal;
  v.interval = true;
  v.form = date_form::interval;
  // An end not given is open (`..`) or unknown (empty); it takes the other end's precision.
  const auto missing = [](std::string_view end) { return end.empty() ? end_kind::unknown : end_kind::open; };
  date_result a, b;
  if (left_known) {
    a = read_date(text, left, 0, context);
    if (!a.ok()) return a;
  }
  if (right_known) {
    b = read_date(text, right, slash + 1, context);
    if (!b.ok()) return b;
  }
  const temporal_value& first = left_known ? a.value : b.value;
  const temporal_value& last = right_known ? b.value : a.value;
  v.prec = std::max(first.prec, last.prec);  // the coarser end
  v.approximate = a.value.approximate || b.value.approximate;
  v.uncertain = a.value.uncertain || b.value.uncertain;
  v.tz = first.tz ? first.tz : last.tz;
  v.has_time = first.has_time || last.has_time;
  v.has_offset = first.has_offset;
  v.offset = first.offset;
  v.start = first.start;
  v.end = last.end;
  if (left_known) {
    v.earliest = a.value.earliest;
    v.stated_earliest = a.value.stated_earliest;
  } else {
    v.start.kind = missing(left);
  }
  if (right_known) {
    v.latest = b.value.latest;
    v.stated_latest = b.value.stated_latest;
  } else {
    v.end.kind = missing(right);
  }
  if (!v.ok()) {
    result.error = make_error("invalid-date", "invalid date " + quoted(text) + ": the interval ends before it starts",
                              "put the earlier date first", slash + 1);
  }
  return result;
}

}  // namespace annals::detail
