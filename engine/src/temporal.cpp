// normalize_date's dispatch, bound formatting and the names of precisions and calendars.

#include "annals/temporal.hpp"

#include <charconv>

#include "date_grammar.hpp"
#include "edtf.hpp"
#include "spans.hpp"

namespace annals {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

char* put_digits(char* p, std::int64_t v, int width) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  for (int pad = width - static_cast<int>(end - buf); pad > 0; --pad) *p++ = '0';
  for (char* q = buf; q != end; ++q) *p++ = *q;
  return p;
}

}  // namespace

date_result normalize_date(std::string_view text, const date_context& context) {
  const std::string_view original = text;
  text = trim(text);
  const auto lead = static_cast<std::uint32_t>(text.data() - original.data());
  date_result r;
  if (text.empty()) {
    r.error = detail::make_error("unparsed-date", "empty date", "a date such as 2015-11-23 or 23 November 2015", 0);
    return r;
  }
  r = detail::looks_like_edtf(text) ? detail::parse_edtf(text, context) : detail::parse_english(text, context);
  if (r.error) r.error->offset += lead;  // offsets count in the text as given
  return r;
}

std::string format_bound(instant t, precision p) {
  if (t == open_start || t == open_end) return "..";
  const std::int64_t all = t.time_since_epoch().count();
  const std::int64_t day = detail::day_of(t);
  const civil::ymd d = civil::civil_from_days(day);
  char buf[48];
  char* o = buf;
  // ISO 8601 expanded years outside 0000..9999, astronomical numbering (44 BC is -0043).
  if (d.y < 0) {
    *o++ = '-';
    o = put_digits(o, -d.y, 4);
  } else {
    if (d.y > 9999) *o++ = '+';
    o = put_digits(o, d.y, 4);
  }
  *o++ = '-';
  o = put_digits(o, d.m, 2);
  *o++ = '-';
  o = put_digits(o, d.d, 2);
  if (p < precision::day) {
    const std::int64_t s = all - day * civil::seconds_per_day;  // [0, 86399]
    *o++ = 'T';
    o = put_digits(o, s / 3600, 2);
    *o++ = ':';
    o = put_digits(o, s / 60 % 60, 2);
    *o++ = ':';
    o = put_digits(o, s % 60, 2);
    *o++ = 'Z';
  }
  return std::string(buf, o);
}

std::string_view to_string(precision p) {
  switch (p) {
    case precision::second: return "second";
    case precision::minute: return "minute";
    case precision::hour: return "hour";
    case precision::day: return "day";
    case precision::week: return "week";
    case precision::month: return "month";
    case precision::season: return "season";
    case precision::year: return "year";
    case precision::decade: return "decade";
    case precision::century: return "century";
    case precision::millennium: return "millennium";
  }
  return "day";
}

std::string_view to_string(calendar c) {
  switch (c) {
    case calendar::gregorian: return "gregorian";
    case calendar::julian: return "julian";
    case calendar::solar_hijri: return "solar_hijri";
    case calendar::islamic: return "islamic";
  }
  return "gregorian";
}

std::optional<calendar> parse_calendar(std::string_view name) {
  for (const calendar c : {calendar::gregorian, calendar::julian, calendar::solar_hijri, calendar::islamic})
    if (to_string(c) == name) return c;
  return std::nullopt;
}

}  // namespace annals
