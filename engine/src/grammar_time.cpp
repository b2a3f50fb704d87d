// A time of day with its date: "9:49 p.m.", "at 9:49 p.m. on April 20, 2010", "tomorrow
// at 5pm", "24 October, 9 pm", "noon". Without a date it is on the reference day; without
// `UTC` it is in the writer's zone, as an ISO time without an offset.

#include "date_phrase.hpp"

namespace annals::detail {
namespace {

using kind = token::kind;

struct clock {
  std::int64_t seconds = 0;  // since midnight
  precision prec = precision::minute;
  bool utc = false;
};

bool is_colon(const phrase& p, const token* tk) {
  return tk && tk->k == kind::other && tk->size == 1 && p.text[tk->pos] == ':';
}

// 9:49 p.m., 9:49pm, 21:49, 21:49:30, 5pm, 9 pm, noon, midnight; then UTC or GMT.
std::optional<clock> read_clock(phrase& p) {
  const std::size_t start = p.i, furthest = p.furthest;
  clock c;
  const auto meridiem = [](std::string_view w) { return w == "am" ? 0 : w == "pm" ? 12 : -1; };
  if (p.eat_any("noon", "midday")) {
    c.seconds = 12 * 3600;
  } else if (p.eat("midnight")) {
    c.seconds = 0;
  } else {
    const token* h = p.peek();
    if (!h || h->k != kind::number || h->digits > 2) return std::nullopt;
    int half = h->len == 0 ? -1 : meridiem(h->suffix());
    if (h->len != 0 && half < 0) return std::nullopt;
    p.advance();
    std::int64_t minute = 0, second = 0;
    c.prec = precision::hour;
    const token* last = h;
    for (int field = 0; field < 2 && half < 0 && last->len == 0 && is_colon(p, p.peek()); ++field) {
      const token* m = p.peek(1);
      if (!m || m->k != kind::number || m->digits != 2 || (m->len != 0 && meridiem(m->suffix()) < 0)) break;
      (field == 0 ? minute : second) = m->value;
      c.prec = field == 0 ? precision::minute : precision::second;
      p.advance(2);
      last = m;
      if (m->len != 0) half = meridiem(m->suffix());
    }
    if (half < 0 && p.peek() && p.peek()->k == kind::word) {
      half = meridiem(p.peek()->word());
      if (half >= 0) p.advance();
    }
    if (half < 0 && c.prec == precision::hour) {  // "9" alone is not a time
      p.i = start;
      p.furthest = furthest;
      return std::nullopt;
    }
    std::int64_t hour = h->value;
    if (half >= 0) {
      if (hour < 1 || hour > 12) {
        p.fail_at(start, "invalid-date", "invalid time in " + quoted(p.text) + ": the hour of a.m. or p.m. is 1..12");
        return std::nullopt;
      }
      hour = hour % 12 + half;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      p.fail_at(start, "invalid-date", "invalid time in " + quoted(p.text) + ": hours are 0..23, minutes and seconds 0..59");
      return std::nullopt;
    }
    c.seconds = hour * 3600 + minute * 60 + second;
  }
  c.utc = p.eat_any("utc", "gmt");
  return c;
}

// The time `c` on the day `d`.
std::optional<temporal_value> at_time(phrase& p, const temporal_value& d, const clock& c) {
  const std::int64_t day = civil::day_of(d.stated_earliest);
  if (d.prec != precision::day || civil::day_of(d.stated_latest) != day || d.form != date_form::single)
    return p.fail("invalid-date", "invalid date " + quoted(p.text) + ": a time of day needs a single day");
  temporal_value t = d;
  t.earliest = t.stated_earliest = civil::day_start(day) + std::chrono::seconds{c.seconds};
  t.latest = t.stated_latest = t.earliest + std::chrono::seconds{info(c.prec).seconds - 1};
  t.prec = c.prec;
  t.has_time = true;
  t.has_offset = c.utc;
  t.offset = 0;
  t.interval = false;
  set_single_ends(t);
  return t;
}

}  // namespace

std::optional<temporal_value> read_timed(phrase& p, reader date) {
  const std::size_t start = p.i;
  p.eat("at");
  if (const auto c = read_clock(p)) {  // [at] TIME [on] DATE, or TIME on the reference day
    std::optional<temporal_value> d;
    if (p.done()) {
      const auto ref = reference_day(p);
      if (!ref) return std::nullopt;
      d = day_span(*ref, *ref, precision::day, p.ctx.cal);
    } else {
      p.eat_any("on", "of");
      d = date(p);
      if (!d) return std::nullopt;
    }
    return at_time(p, *d, *c);
  }
  if (p.error) return std::nullopt;
  p.i = start;
  auto d = date(p);  // DATE [at] TIME
  if (!d || p.done()) return d;
  const std::size_t after = p.i;
  p.eat("at");
  if (const auto c = read_clock(p)) return at_time(p, *d, *c);
  if (!p.error) p.i = after;
  return d;
}

}  // namespace annals::detail
