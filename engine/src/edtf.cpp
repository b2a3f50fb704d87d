// ISO 8601 / EDTF reader. What it accepts (SPEC §3; the Library of Congress EDTF
// specification, levels 0 and 1):
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
//
// The date is read in the context's calendar: `1917-10-25` with calendar julian is the
// Julian 25 October. Plain day dates are the hot path: no allocation, std::from_chars-like
// digit loops, int64 civil arithmetic.

#include "edtf.hpp"

#include <algorithm>

#include "calendars.hpp"
#include "spans.hpp"
#include "zones.hpp"

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
  if (x > 0 && (signed_year || x > 3)) {
    r.i = start;
    return r.fail(x > 3 ? "a year of only 'X' digits is not supported (EDTF level 2)"
                        : "unspecified digits need an unsigned four-digit year");
  }
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
  if (p.hour > 23) return r.invalid("hour " + std::to_string(p.hour) + " is not in 00..23");
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

date_result read_parts(reader& r, parts& p) {
  if (auto y = read_year(r, p); !y.ok()) return y;
  const bool long_year = r.s[0] == 'Y';
  if (!long_year && p.unspecified_year_digits == 0 && r.peek() == '-') {
    ++r.i;
    if (r.peek() == 'X') {
      if (r.i + 1 >= r.s.size() || r.s[r.i + 1] != 'X') return r.fail("expected 'XX' for an unspecified month");
      r.i += 2;
      p.month_unspecified = true;
    } else {
      unsigned m = 0;
      if (!r.digits(2, m)) return r.fail("expected a two-digit month");
      if (m >= 21 && m <= 24) {
        p.season = static_cast<int>(m) - 20;
      } else if (m < 1 || m > 12) {
        r.i -= 2;
        return r.invalid("month " + std::to_string(m) + " is not in 01..12 (or a season 21..24)");
      } else {
        p.month = m;
      }
    }
    if (p.season == 0 && r.peek() == '-') {
      ++r.i;
      if (r.peek() == 'X') {
        if (r.i + 1 >= r.s.size() || r.s[r.i + 1] != 'X') return r.fail("expected 'XX' for an unspecified day");
        r.i += 2;
        p.day_unspecified = true;
      } else {
        if (p.month_unspecified) return r.fail("a known day in an unspecified month is not supported (EDTF level 2)");
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
  if (r.peek() == '?' || r.peek() == '~' || r.peek() == '%') p.qualifier = r.s[r.i++];
  if (!r.at_end()) {
    if (r.peek() == 'T') return r.fail("a time needs a full date before 'T'");
    return r.fail("unexpected " + quoted(r.s.substr(r.i, 1)));
  }
  return {};
}

// One date (not an interval): read, then turned into bounds.
date_result read_date(std::string_view text, std::string_view s, std::size_t base, const date_context& ctx) {
  reader r{text, s, base, 0, &ctx};
  parts p;
  if (auto read = read_parts(r, p); !read.ok()) return read;
  r.i = 0;  // errors below point at the date's start
  const calendar c = ctx.cal;
  date_result out;
  std::optional<temporal_value> v;
  const auto out_of_range = [&] { return r.invalid("year " + std::to_string(p.year) + " is beyond the " +
                                                   std::string(to_string(c)) + " calendar's range"); };
  if (p.unspecified_year_digits > 0) {
    static constexpr precision by_digits[] = {precision::year, precision::decade, precision::century,
                                              precision::millennium};
    const std::int64_t last = p.year + pow10(p.unspecified_year_digits) - 1;
    v = month_span(c, p.year, 1, last, 12, by_digits[p.unspecified_year_digits]);
  } else if (p.season != 0) {
    v = month_span(c, p.year, season_first_month(p.season), p.year, season_last_month(p.season), precision::season);
  } else if (p.month == 0) {
    v = month_span(c, p.year, 1, p.year, 12, precision::year);  // 2015, 2015-XX, 2015-XX-XX, Y17000000
  } else if (p.day == 0) {
    v = month_span(c, p.year, p.month, p.year, p.month, precision::month);  // 2015-11, 2015-11-XX
  } else {
    const auto day = to_days(c, p.year, p.month, p.day);
    if (!day) {
      const unsigned length = days_in_month(c, p.year, p.month);
      if (length == 0) return out_of_range();
      return r.invalid(c == calendar::gregorian
                           ? std::string(months_of(c).full[p.month - 1]) + " " + std::to_string(p.year) + " has " + std::to_string(length) +
                                 " days"
                           : "month " + std::to_string(p.month) + " of " + std::to_string(p.year) + " (" +
                                 std::string(to_string(c)) + ") has " + std::to_string(length) + " days");
    }
    if (!p.has_time) {
      v = day_span(*day, *day, precision::day, c);
    } else {
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
      v = t;
    }
  }
  if (!v) return out_of_range();
  // Days widen on the writer's calendar, then go into the zone; a time goes into the zone
  // first and widens by seconds there (a minute off a DST gap is still a time that exists).
  const auto widen = [&] {
    if (p.qualifier == 0) return true;
    return qualify(*v, p.qualifier == '?' ? qualifier::uncertain : p.qualifier == '~' ? qualifier::approximate
                                                                                      : qualifier::both);
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

}  // namespace

date_result parse_edtf(std::string_view text, const date_context& context) {
  if (date_result fast; plain_day(text, context, fast)) return fast;
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
