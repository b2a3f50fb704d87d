// A time of day with its date: "9:49 p.m.", "at 9:49 p.m. on April 20, 2010", "tomorrow
// at 5pm", "24 October, 9 pm", "noon", "9:37AM PST on February 28, 2017", "around 11pm",
// "11pm-ish UTC", "between 9:37AM and 11:37AM on February 28, 2017", "9:37–11:37AM",
// "the morning of February 28, 2017", "the night of 24–25 October 1917". Without a date it
// is on the reference day; without a zone word it is in the writer's zone, as an ISO time
// without an offset.

#include <utility>

#include "time/date_phrase.hpp"
#include "time/date_words.hpp"
#include "time/zones.hpp"

namespace annals::detail {
namespace {

using kind = token::kind;

// A clock face as written, before a meridiem written once for two times is shared.
struct face {
  std::int64_t hour = 0, minute = 0, second = 0;
  int half = -1;       // 0 a.m., 12 p.m., -1 not written
  bool named = false;  // noon, midnight
  precision prec = precision::minute;
  std::size_t start = 0;  // its first token
};

// A time of day: seconds since midnight with what was written beside it.
struct clock {
  std::int64_t seconds = 0;
  precision prec = precision::minute;
  std::optional<std::int32_t> offset;  // UTC, GMT or a zone abbreviation: a fixed offset
  zone tz = nullptr;                   // PT, ET, CT, MT: a zone's rule
  bool approximate = false;
};

bool is_colon(const phrase& p, const token* tk) {
  return tk && tk->k == kind::other && tk->size == 1 && p.text[tk->pos] == ':';
}

int meridiem(std::string_view w) { return w == "am" ? 0 : w == "pm" ? 12 : -1; }

// 9:49 p.m., 9:49pm, 21:49, 21:49:30, 5pm, 9 pm, noon, midnight. A bare hour ("9") only
// when `bare` (the first of two times, which may take the second's meridiem).
std::optional<face> read_face(phrase& p, bool bare) {
  const std::size_t start = p.i, furthest = p.furthest;
  face f;
  f.start = start;
  if (p.eat_any("noon", "midday")) {
    f.hour = 12;
    f.named = true;
    return f;
  }
  if (p.eat("midnight")) {
    f.named = true;
    return f;
  }
  const token* h = p.peek();
  if (!h || h->k != kind::number || h->digits > 2) return std::nullopt;
  f.half = h->len == 0 ? -1 : meridiem(h->suffix());
  if (h->len != 0 && f.half < 0) return std::nullopt;
  p.advance();
  f.hour = h->value;
  f.prec = precision::hour;
  const token* last = h;
  for (int field = 0; field < 2 && f.half < 0 && last->len == 0 && is_colon(p, p.peek()); ++field) {
    const token* m = p.peek(1);
    if (!m || m->k != kind::number || m->digits != 2 || (m->len != 0 && meridiem(m->suffix()) < 0)) break;
    (field == 0 ? f.minute : f.second) = m->value;
    f.prec = field == 0 ? precision::minute : precision::second;
    p.advance(2);
    last = m;
    if (m->len != 0) f.half = meridiem(m->suffix());
  }
  if (f.half < 0 && p.peek() && p.peek()->k == kind::word) {
    f.half = meridiem(p.peek()->word());
    if (f.half >= 0) p.advance();
  }
  if (f.half < 0 && f.prec == precision::hour && !bare) {  // "9" alone is not a time
    p.i = start;
    p.furthest = furthest;
    return std::nullopt;
  }
  return f;
}

// The clock of face `f`; nullopt (the error set) for an hour or minute no clock shows.
std::optional<clock> clock_of(phrase& p, const face& f) {
  clock c;
  c.prec = f.named ? precision::minute : f.prec;
  std::int64_t hour = f.hour;
  if (f.half >= 0) {
    if (hour < 1 || hour > 12) {
      p.fail_at(f.start, "invalid-date",
                "invalid time in " + quoted(p.text) + ": the hour of a.m. or p.m. is 1..12");
      return std::nullopt;
    }
    hour = hour % 12 + f.half;
  }
  if (hour > 23 || f.minute > 59 || f.second > 59) {
    p.fail_at(f.start, "invalid-date",
              "invalid time in " + quoted(p.text) + ": hours are 0..23, minutes and seconds 0..59");
    return std::nullopt;
  }
  c.seconds = hour * 3600 + f.minute * 60 + f.second;
  return c;
}

// A word of the grammar's own, or a month: never a zone.
bool grammar_word(std::string_view w) {
  for (const std::string_view k : keywords)
    if (w == k) return true;
  return month_word(w, calendar::gregorian).has_value();
}

// Written in capitals, two to five letters: meant as a zone abbreviation ("PZT").
bool looks_like_abbreviation(const phrase& p, const token& tk) {
  if (tk.k != kind::word || tk.size < 2 || tk.size > 5) return false;
  for (std::size_t k = tk.pos; k < tk.pos + tk.size; ++k)
    if (p.text[k] < 'A' || p.text[k] > 'Z') return false;
  return true;
}

// What may follow a time: "-ish", and a zone word (UTC, GMT, PST, PT, ...). Sets `c`;
// false (the error set) for an ambiguous or unknown zone abbreviation.
bool read_suffix(phrase& p, clock& c) {
  for (int round = 0; round < 2; ++round) {
    if (p.eat("ish")) {  // 11pm-ish
      c.approximate = true;
      continue;
    }
    const token* w = p.peek();
    if (c.offset || c.tz || !w || w->k != kind::word) break;
    if (p.eat_any("utc", "gmt", "z")) {
      c.offset = 0;
      continue;
    }
    if (grammar_word(w->word())) break;
    p.zone_slot = p.i;
    const auto z = read_zone_word(w->word(), p.ctx.tz, p.text);
    if (!z) {
      if (!looks_like_abbreviation(p, *w)) break;
      p.fail("unknown-timezone",
             "unknown time zone abbreviation " + quoted(p.text.substr(w->pos, w->size)) + " in " +
                 quoted(p.text),
             zone_word_hint(w->word()));
      return false;
    }
    if (z->error) {
      date_error e = *z->error;
      e.offset = w->pos;
      if (!p.error) p.error = std::move(e);
      return false;
    }
    c.offset = z->offset;
    c.tz = z->tz;
    p.advance();
  }
  return true;
}

// about, around, approximately, roughly, c., circa: before a time.
bool eat_approximately(phrase& p) {
  return p.eat_any("about", "around", "approximately", "approx", "roughly", "c", "ca", "circa");
}

// How far an approximate time reaches each way, by how it was written: a time on the hour
// ("around 11pm", "about 11:00") 30 minutes, on a quarter or half hour 15, else 5.
std::int64_t approximate_reach(const clock& c) {
  const std::int64_t minute = c.seconds / 60 % 60;
  if (c.prec == precision::hour || (minute == 0 && c.seconds % 60 == 0)) return 30 * 60;
  if (minute % 15 == 0 && c.seconds % 60 == 0) return 15 * 60;
  return 5 * 60;
}

// The time `c` on the day `d` (plus `next` days: a range that passes midnight).
std::optional<temporal_value> at_time(phrase& p, const temporal_value& d, const clock& c,
                                      std::int64_t next = 0) {
  const std::int64_t day = civil::day_of(d.stated_earliest);
  if (d.prec != precision::day || civil::day_of(d.stated_latest) != day || d.form != date_form::single)
    return p.fail("invalid-date", "invalid date " + quoted(p.text) + ": a time of day needs a single day");
  temporal_value t = d;
  const std::chrono::seconds shift{c.offset.value_or(0)};
  t.stated_earliest = civil::day_start(day + next) + std::chrono::seconds{c.seconds} - shift;
  t.prec = c.prec;
  if (c.approximate) {  // the minute written, reaching either way: 11:27 ± 5 is 11:22:00 .. 11:32:59
    t.prec = std::min(c.prec, precision::minute);
    t.approximate = true;
  }
  t.stated_latest = t.stated_earliest + std::chrono::seconds{info(t.prec).seconds - 1};
  const std::chrono::seconds reach{c.approximate ? approximate_reach(c) : 0};
  t.earliest = t.stated_earliest - reach;
  t.latest = t.stated_latest + reach;
  t.has_time = true;
  t.has_offset = c.offset.has_value();
  t.offset = c.offset.value_or(0);
  t.interval = false;
  set_single_ends(t);
  if (c.tz) p.named_zone = c.tz;
  return t;
}

// The date a time is on: what follows ("on February 28, 2017"), else the reference day.
std::optional<temporal_value> date_after(phrase& p, reader date) {
  if (p.done()) {
    const auto ref = reference_day(p);
    if (!ref) return std::nullopt;
    return day_span(*ref, *ref, precision::day, p.ctx.cal);
  }
  p.eat_any("on", "of");
  return date(p);
}

}  // namespace

std::optional<temporal_value> day_part_of(phrase& p, const temporal_value& day, int part) {
  clock first, last;
  first.seconds = std::int64_t{day_part_hours[part][0]} * 3600;
  last.seconds = std::int64_t{day_part_hours[part][1]} * 3600 - 60;  // its last minute
  std::int64_t next = 0;
  if (last.seconds >= civil::seconds_per_day) {
    last.seconds -= civil::seconds_per_day;
    next = 1;
  }
  if (!p.ctx.tz) first.offset = last.offset = 0;  // no zone: UTC's hours, as a day is UTC's day
  auto a = at_time(p, day, first);
  if (!a) return a;
  auto b = at_time(p, day, last, next);
  if (!b) return b;
  return join(p, *a, *b, date_form::between);
}

std::optional<temporal_value> read_timed(phrase& p, reader date) {
  const std::size_t start = p.i;
  // the morning of February 28, 2017; the night of 24–25 October 1917 (read_night)
  const std::size_t the = p.at("the") ? 1 : 0;
  if (p.peek(the + 1) && p.peek(the + 1)->is("of")) {
    p.advance(the);
    if (eat_day_part(p)) {
      const int part = std::exchange(p.day_part, -1);
      p.advance();
      if (day_parts[part] == "night")
        if (auto v = read_night(p); v || p.error) return v;
      const auto d = date(p);
      if (!d) return d;
      if (p.day_part >= 0)
        return p.fail("invalid-date", "invalid date " + quoted(p.text) + ": two parts of a day");
      auto v = day_part_of(p, *d, part);
      // "the night of 25 October 1917": the night into the next day, labelled as a night.
      if (v && day_parts[part] == "night" && d->prec == precision::day && d->form == date_form::single && !d->interval)
        v->form = date_form::night;
      return v;
    }
    p.i = start;
  }
  p.eat("at");
  const bool approximate = eat_approximately(p);
  if (const auto f = read_face(p, false)) {  // [at] [about] TIME [on] DATE, or TIME on the reference day
    auto c = clock_of(p, *f);
    if (!c || !read_suffix(p, *c)) return std::nullopt;
    c->approximate = c->approximate || approximate;
    auto d = date_after(p, date);
    if (!d) return std::nullopt;
    if (!read_suffix(p, *c)) return std::nullopt;  // 11:27pm on January 31, 2017 UTC
    return at_time(p, *d, *c);
  }
  if (p.error) return std::nullopt;
  p.i = start;
  auto d = date(p);  // DATE [at] [about] TIME
  if (!d || p.done()) return d;
  const std::size_t after = p.i;
  p.eat("at");
  const bool approximately = eat_approximately(p);
  if (const auto f = read_face(p, false)) {
    auto c = clock_of(p, *f);
    if (!c || !read_suffix(p, *c)) return std::nullopt;
    c->approximate = c->approximate || approximately;
    return at_time(p, *d, *c);
  }
  if (!p.error) p.i = after;
  return d;
}

std::optional<temporal_value> read_time_range(phrase& p, date_form form, reader date) {
  const std::size_t start = p.i, furthest = p.furthest;
  const auto reset = [&]() -> std::optional<temporal_value> {
    p.i = start;
    p.furthest = furthest;
    return std::nullopt;
  };
  const bool approximate = eat_approximately(p);
  auto a = read_face(p, true);
  if (!a) return reset();
  clock ca, cb;
  if (!read_suffix(p, ca)) return std::nullopt;
  const token* sep = p.peek();
  const bool joined = form == date_form::between ? p.eat("and")
                                                 : p.eat_any("to", "until", "till", "through", "thru") ||
                                                       (form == date_form::interval && sep &&
                                                        sep->dash_before && sep->k == kind::number);
  if (!joined) return reset();
  auto b = read_face(p, true);
  if (!b) return reset();
  // The meridiem written once belongs to both: 9:37–11:37AM; 11–1pm is 11 a.m. to 1 p.m.
  if (a->half < 0 && !a->named && b->half >= 0) {
    a->half = b->half;
    if (b->half == 12 && a->hour % 12 > b->hour % 12) a->half = 0;
  }
  if ((a->half < 0 && a->prec == precision::hour && !a->named) ||
      (b->half < 0 && b->prec == precision::hour && !b->named))
    return reset();  // "from 9 to 5" is no time
  const auto fa = clock_of(p, *a), fb = clock_of(p, *b);
  if (!fa || !fb) return std::nullopt;
  const clock suffix_a = ca;
  ca = *fa;
  ca.offset = suffix_a.offset;
  ca.tz = suffix_a.tz;
  ca.approximate = suffix_a.approximate;
  cb = *fb;
  if (!read_suffix(p, cb)) return std::nullopt;
  // A zone written once belongs to both.
  if (!ca.offset && !ca.tz) {
    ca.offset = cb.offset;
    ca.tz = cb.tz;
  } else if (!cb.offset && !cb.tz) {
    cb.offset = ca.offset;
    cb.tz = ca.tz;
  }
  ca.approximate = ca.approximate || approximate;
  cb.approximate = cb.approximate || approximate;
  auto d = date_after(p, date);
  if (!d) return std::nullopt;
  auto va = at_time(p, *d, ca);
  if (!va) return std::nullopt;
  // 11pm to 1am: the second time is on the next day.
  auto vb = at_time(p, *d, cb, cb.seconds < ca.seconds ? 1 : 0);
  if (!vb) return std::nullopt;
  return join(p, *va, *vb, form);
}

}  // namespace annals::detail
