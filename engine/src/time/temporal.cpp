// normalize_date's dispatch, bound formatting and the names of precisions and calendars.

#include "annals/temporal.hpp"

#include <charconv>

#include "time/calendar_marks.hpp"
#include "time/calendars.hpp"
#include "time/date_grammar.hpp"
#include "time/edtf.hpp"
#include "time/spans.hpp"
#include "time/zones.hpp"

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
  date_context ctx = context;
  if (!ctx.tz) ctx.tz = find_zone(ctx.timezone);
  // "25 October 1917 (Julian)", "2 Azar 1394 (Solar Hijri)", "25 October 1917 O.S.": the
  // calendar named in the text.
  std::string uncertain;  // "14 Jumada II 1324 AH?": the era read before a trailing '?'
  if (const auto named = detail::calendar_mark(text)) {
    ctx.cal = named->cal;
    text = named->rest;
  } else if (text.size() > 1 && text.back() == '?') {
    if (const auto era = detail::calendar_mark(text.substr(0, text.size() - 1))) {
      ctx.cal = era->cal;
      uncertain = std::string(era->rest) + '?';
      text = uncertain;
    }
  }
  r = detail::looks_like_edtf(text) ? detail::parse_edtf(text, ctx) : detail::parse_english(text, ctx);
  if (r.error) r.error->offset += lead;  // offsets count in the text as given
  return r;
}

std::string format_bound(instant t, precision p, zone tz) {
  if (t == open_start || t == open_end) return "..";
  // Days and coarser: the calendar date in the writer's zone; finer: the UTC timestamp.
  const std::int64_t seconds = p < precision::day ? t.time_since_epoch().count() : detail::local_seconds(tz, t);
  const civil::date_time c = civil::to_date_time(seconds);
  const civil::ymd& d = c.date;
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
    *o++ = 'T';
    o = put_digits(o, c.hour, 2);
    *o++ = ':';
    o = put_digits(o, c.minute, 2);
    *o++ = ':';
    o = put_digits(o, c.second, 2);
    *o++ = 'Z';
  }
  return std::string(buf, o);
}

namespace {

constexpr std::int64_t day_s = civil::seconds_per_day;

// One row per precision, finest first (the enum's order).
constexpr precision_info precisions[] = {
    {"second", 0, 1, 1},
    {"minute", 0, 60, 60},
    {"hour", 0, 3600, 3600},
    {"day", 0, day_s, day_s},
    {"week", 0, 7 * day_s, 7 * day_s},
    {"month", 1, 0, 31 * day_s},
    {"season", 3, 0, 92 * day_s},
    {"year", 12, 0, 366 * day_s},
    {"decade", 120, 0, 3653 * day_s},
    {"century", 1200, 0, 36525 * day_s},
    {"millennium", 12000, 0, 365250 * day_s},
};
static_assert(std::size(precisions) == static_cast<std::size_t>(precision::millennium) + 1);

}  // namespace

const precision_info& info(precision p) { return precisions[static_cast<std::size_t>(p)]; }

std::string_view to_string(precision p) { return info(p).name; }

std::string_view to_string(qualifier q) {
  static constexpr std::string_view names[] = {"none", "uncertain", "approximate", "both"};
  return names[static_cast<std::size_t>(q)];
}

std::string_view to_string(end_kind k) {
  static constexpr std::string_view names[] = {"known", "open", "unknown"};
  return names[static_cast<std::size_t>(k)];
}

std::string_view to_string(date_form f) {
  static constexpr std::string_view names[] = {"single", "interval", "between", "before",
                                                "after",  "relative", "either",  "night"};
  return names[static_cast<std::size_t>(f)];
}

}  // namespace annals
