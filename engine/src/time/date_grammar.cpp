// English date phrases (SPEC §3 form 3): a small deterministic grammar over tokens.
// Case-insensitive; spaces, commas, apostrophes and hyphens or en dashes only separate
// words; a word's dots are dropped ("Nov." = "nov", "B.C." = "bc"). Every phrase either
// reads to its end or is `unparsed-date` at the first token it could not read, with the
// nearest accepted form. The families live in grammar_*.cpp (see date_phrase.hpp), their
// words in date_words.hpp; this file joins them: qualifiers (c., about, a trailing ?),
// relations (before, after, since, until, by, between, from), ranges and times.
// The README's date table lists every form with the interval it reads as.

#include "time/date_grammar.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "time/calendar_marks.hpp"
#include "time/calendars.hpp"
#include "time/date_label.hpp"
#include "time/date_phrase.hpp"
#include "time/zones.hpp"

namespace annals::detail {
namespace {

using kind = token::kind;

// A date without qualifier or relation.
std::optional<temporal_value> read_plain(phrase& p) {
  static constexpr reader families[] = {read_nth_in,  read_weekday, read_relative,  read_holiday, read_quarter,
                                        read_part_of, read_slash_day, read_day_month, read_period};
  const std::size_t start = p.i;
  for (const reader family : families) {
    p.i = start;
    auto v = family(p);
    if (v || p.error) return v;
  }
  p.i = start;
  return std::nullopt;
}

// [c.|circa|about|around|approximately] date [morning|night] [or so] [?]
std::optional<temporal_value> read_date(phrase& p) {
  bool approximate = p.eat_any("c", "ca", "circa", "about", "around", "approximately", "approx", "roughly");
  p.day_part = -1;
  auto v = read_plain(p);
  if (!v) return v;
  if (v->prec == precision::day && civil::day_of(v->stated_earliest) == civil::day_of(v->stated_latest)) eat_day_part(p);
  if (p.day_part >= 0) {  // Monday night, this morning: the part's hours
    const int part = std::exchange(p.day_part, -1);
    v = day_part_of(p, *v, part);
    if (!v) return v;
  }
  if (p.at("or") && p.peek(1) && p.peek(1)->is("so") && !approximate) {
    p.advance(2);
    approximate = true;
  }
  if (approximate && !qualify(*v, qualifier::approximate)) return in_calendar(p, std::nullopt);  // = DATE~
  if (const token* q = p.peek(); q && q->k == kind::other && q->size == 1 && p.text[q->pos] == '?') {  // 60 BC?
    p.advance();
    if (!qualify(*v, approximate ? qualifier::both : qualifier::uncertain)) return in_calendar(p, std::nullopt);
  }
  return v;
}

// A date with its time of day, if one is written.
std::optional<temporal_value> read_moment(phrase& p) { return read_timed(p, read_date); }

// "between A and B", "from A to B" when the sides do not share parts: each a whole date.
std::optional<temporal_value> read_pair(phrase& p, bool between) {
  auto a = read_moment(p);
  if (!a) return a;
  if (!(between ? p.eat("and") : p.eat_any("to", "until", "till", "through", "thru"))) return std::nullopt;
  auto b = read_moment(p);
  if (!b) return b;
  return join(p, *a, *b, between ? date_form::between : date_form::interval);
}

std::optional<temporal_value> read_phrase(phrase& p) {
  constexpr std::chrono::seconds one{1};
  if (p.eat("before")) {
    auto d = read_moment(p);
    if (!d) return d;
    temporal_value v = *d;
    v.earliest = v.stated_earliest = open_start;
    v.latest = d->earliest - one;
    v.stated_latest = d->stated_earliest - one;
    v.interval = false;
    v.form = date_form::before;
    v.start.kind = end_kind::open;
    return v;
  }
  if (p.eat("after")) {
    auto d = read_moment(p);
    if (!d) return d;
    temporal_value v = *d;
    v.earliest = d->latest + one;
    v.stated_earliest = d->stated_latest + one;
    v.latest = v.stated_latest = open_end;
    v.interval = false;
    v.form = date_form::after;
    v.end.kind = end_kind::open;
    return v;
  }
  // since 2007: from then to the reference day, a span.
  if (p.eat("since")) {
    auto d = read_moment(p);
    if (!d) return d;
    const auto ref = reference_day(p);
    if (!ref) return std::nullopt;
    temporal_value end = day_span(*ref, *ref, precision::day, p.ctx.cal);
    if (d->earliest > end.latest)
      return p.fail_at(0, "invalid-date", "invalid date " + quoted(p.text) + ": it begins after the reference date",
                    "'since' counts up to the reference date");
    return join(p, *d, end, date_form::interval);
  }
  // until 2016, through 2014: a span that ends with the date, its start not said;
  // by 1945: a moment no later than the date's end.
  const bool until = p.eat_any("until", "till", "through", "thru");
  if (until || p.eat("by")) {
    auto d = read_moment(p);
    if (!d) return d;
    temporal_value v = *d;
    v.earliest = v.stated_earliest = open_start;
    v.start.kind = end_kind::open;
    v.interval = until;
    v.form = until ? date_form::interval : date_form::single;
    return v;
  }
  const bool between = p.eat("between");
  const bool from = !between && p.eat("from");
  const std::size_t start = p.i;
  if (!between && !from) {  // 24/25 October 1917, 25 October / 7 November 1917
    if (auto v = read_dual(p); v || p.error) return v;
    p.i = start;
  }
  if (auto v = read_time_range(p, between ? date_form::between : date_form::interval, read_date); v || p.error) return v;
  p.i = start;
  if (auto v = read_range(p, from, between); v || p.error) return v;
  p.i = start;
  if (between || from) return read_pair(p, between);
  // "on November 23rd", "in December 2015", "during the following winter", "at that time";
  // "in 3 days" is read by read_relative.
  if (auto v = read_moment(p); v || p.error) return v;
  p.i = start;
  if (p.eat_any("on", "in", "during", "at")) return read_moment(p);
  return std::nullopt;
}

// Accepted forms to point at when a phrase cannot be read.
constexpr std::string_view examples[] = {
    "23 November 2015", "November 23, 2015", "Nov. 23rd 2015", "the 23rd of November", "November 23rd",
    "December 2015",    "December",          "mid-December",   "early 2015",           "the late 1990s",
    "spring 2016",      "the 1990s",         "the 20th century", "c. 1500",            "circa 1500",
    "about 1500",       "44 BC",             "AD 79",          "before 2007",          "after 2015",
    "between 2007 and 2015", "today",        "yesterday",      "the past week",        "last week",
    "last month",       "last year",         "3 days ago",     "in 3 days",            "next month",
    "2015-11-23",       "25 October 1917 O.S.", "25 October / 7 November 1917", "the night of 24–25 October 1917"};

std::string hint_for(std::string_view text, const token* stop, bool zone_slot, calendar cal) {
  // A word where a zone stands, or one in capitals ("PZT"), is no misspelt English word.
  const bool capitals = stop && stop->k == kind::word && stop->size >= 2 && stop->size <= 5 &&
                        std::all_of(text.begin() + stop->pos, text.begin() + stop->pos + stop->size,
                                    [](char c) { return c >= 'A' && c <= 'Z'; });
  if (stop && stop->k == kind::word) {
    if (const auto other = calendar_of_month(stop->word(), cal)) {  // "14 Jumada II 1324": AH forgotten
      const std::string title(calendar_title(*other));
      std::string hint(1, '\'');
      hint += text.substr(stop->pos, stop->size);
      hint += "' is a month of the " + title + " calendar: name it at the end, as '(" + title + ")'";
      return hint;
    }
  }
  // A longer word after a time may be a misspelt month ("9:37AM Februray 28"). In a
  // calendar with months of its own, a word in capitals is a numeral or an era, no zone.
  const bool own_months = cal != calendar::gregorian && cal != calendar::julian;
  if (stop && stop->k == kind::word && !own_months &&
      (capitals || (zone_slot && (stop->word().size() <= 4 || !nearest_word(stop->word(), cal)))))
    return zone_word_hint(stop->word());
  if (stop && stop->k == kind::word) {
    if (const auto w = nearest_word(stop->word(), cal)) return "did you mean '" + std::string(*w) + "'?";
  }
  if (own_months) {  // the calendar's forms, not Gregorian examples
    std::string months;
    for (const month_name& m : row_of(cal).months) months += (months.empty() ? "" : ", ") + std::string(m.abbr);
    const std::string title(calendar_title(cal));
    const std::int64_t year = from_days(cal, civil::days_from_civil(1800, 1, 1)).y;  // a year of its use
    return "write the day, the month by its name and the year, as '14 " + std::string(row_of(cal).months[0].abbr) +
           ' ' + year_label(year, cal) + " (" + title + ")'; the months of the " + title + " calendar: " + months;
  }
  std::string_view best = examples[0];
  std::size_t best_distance = edit_distance(text, best);
  for (const std::string_view e : examples) {
    const std::size_t d = edit_distance(text, e);
    if (d < best_distance) {
      best = e;
      best_distance = d;
    }
  }
  // Far from every form, a single example would only mislead.
  if (best_distance > std::max<std::size_t>(best.size(), text.size()) / 2)
    return "write a date such as '2015-11-23', 'November 23, 2015', 'mid-December' or 'the past week'";
  return "nearest accepted form: '" + std::string(best) + "'";
}

// The English dual year at the end of a date: "1 March 1720/21", "March 1720/1", "1 March
// 1699/1700". Before 1752 England began its year on 25 March: a day from 1 January to 24
// March belonged to the year begun the March before (Old Style) and to the year begun on
// 1 January (as we count), and writers gave both. Returns the index of the first year's
// token, nullopt when the date ends otherwise.
std::optional<std::size_t> dual_year(std::string_view text, const token* t, std::size_t n) {
  if (n < 4) return std::nullopt;  // a day or a month before it: "1720/21" alone is no date
  const token &y = t[n - 3], &slash = t[n - 2], &next = t[n - 1], &before = t[n - 4];
  // After a day or a month only: "winter 1944/45" is no dual year.
  if (before.k != kind::number && !(before.k == kind::word && month_word(before.word(), calendar::julian)))
    return std::nullopt;
  if (y.k != kind::number || y.len != 0 || y.digits < 3 || y.digits > 4) return std::nullopt;
  if (slash.k != kind::other || slash.size != 1 || text[slash.pos] != '/' || slash.pos != y.pos + y.size ||
      next.pos != slash.pos + 1 || next.k != kind::number || next.len != 0)
    return std::nullopt;
  const std::int64_t following = y.value + 1;
  const bool same = (next.digits == 1 && next.value == following % 10) ||
                    (next.digits == 2 && next.value == following % 100) ||
                    (next.digits == 4 && next.value == following);
  if (!same) return std::nullopt;
  return n - 3;
}

// Whether `v`, read with the dual year's second year, lies in 1 January .. 24 March of it.
bool in_dual_year(const temporal_value& v, calendar c, std::int64_t year) {
  if (v.prec != precision::day && v.prec != precision::month) return false;
  const civil::ymd a = from_days(c, civil::day_of(v.stated_earliest)),
                   b = from_days(c, civil::day_of(v.stated_latest));
  return a.y == year && b.y == year && (b.m < 3 || (b.m == 3 && (v.prec == precision::month || b.d <= 24)));
}

// Two ends written in different calendars: "9 January 1905 (Julian) to 17 July 1918",
// "from 1905-01-09 (Julian) to 1918-07-17", "between 1907 (Julian) and 1909". The first
// end names its calendar before the word (or dash) that joins the ends; the second is in
// the calendar named at the end, else the context's. Each end is read whole, as a date of
// its own (a part written once cannot belong to both across calendars), without the
// reference. The value is in the non-Gregorian calendar written (the first end's when
// both are), so that its label shows what was written beside the Gregorian equivalent.
std::optional<date_result> read_across_calendars(std::string_view text, const token* t, std::size_t n,
                                                 const date_context& context) {
  const bool between = n > 0 && t[0].is("between");
  const std::size_t first = n > 0 && (between || t[0].is("from")) ? 1 : 0;
  for (std::size_t k = first + 1; k + 1 < n; ++k) {
    const token& before = t[k - 1];
    if (before.k == kind::number) continue;  // a mark ends with ")" or a word (O.S., AH)
    const bool joins = between ? t[k].is("and") : t[k].is("to") || t[k].is("until") || t[k].is("till") ||
                                                      t[k].is("through") || t[k].is("thru");
    const bool dash = !between && t[k].dash_before;
    if (!joins && !dash) continue;
    const auto named = calendar_mark(text.substr(0, before.pos + before.size));
    if (!named || named->rest.size() <= t[first].pos) continue;
    date_context ends = context;
    ends.reference.reset();
    const auto side = [&](std::string_view part, std::size_t at, calendar cal) {
      ends.cal = cal;
      date_result r = normalize_date(part, ends);
      if (r.error) {
        r.error->offset += static_cast<std::uint32_t>(at);
        if (r.error->code == "missing-reference") {
          r.error->offset = static_cast<std::uint32_t>(at);
          r.error->message = "date " + quoted(part) + " in " + quoted(text) +
                             " is read by itself, without the reference: an end written in a calendar of its own "
                             "shares no part with the other end";
          r.error->hint = "write each end whole: 9 January 1905 (Julian) to 17 July 1918";
        }
      }
      return r;
    };
    const std::size_t b_at = joins ? t[k + 1].pos : t[k].pos;
    date_result a = side(named->rest.substr(t[first].pos), t[first].pos, named->cal);
    if (a.error) return a;
    date_result b = side(text.substr(b_at), b_at, context.cal);
    if (b.error) return b;
    phrase p{t, n, text, context, 0, 0, std::nullopt};
    auto v = join(p, a.value, b.value, between ? date_form::between : date_form::interval);
    date_result r;
    if (!v) {
      r.error = std::move(p.error);
      return r;
    }
    r.value = *v;
    r.value.cal = a.value.cal != calendar::gregorian ? a.value.cal : b.value.cal;
    return r;
  }
  return std::nullopt;
}

}  // namespace

date_result parse_english(std::string_view text, const date_context& context) {
  std::array<token, max_tokens> tokens;
  std::size_t count = tokenize(text, tokens.data());
  date_result r;
  if (count > max_tokens) {
    r.error = make_error("unparsed-date", "cannot read date " + quoted(text) + ": too many words",
                         hint_for(text, nullptr, false, context.cal), tokens[max_tokens - 1].pos + tokens[max_tokens - 1].size);
    return r;
  }
  if (auto across = read_across_calendars(text, tokens.data(), count, context)) return std::move(*across);
  date_context ctx = context;
  // 1 March 1720/21 is read as 1 March 1721, in the Julian calendar unless another is named
  // (England kept the Julian calendar, and dual years, until 1752).
  const std::optional<std::size_t> dual = dual_year(text, tokens.data(), count);
  if (dual) {
    ++tokens[*dual].value;
    count -= 2;
    if (ctx.cal == calendar::gregorian) ctx.cal = calendar::julian;
  }
  phrase p{tokens.data(), count, text, ctx, 0, 0, std::nullopt};
  std::optional<temporal_value> v = read_phrase(p);
  if (p.error) {
    r.error = std::move(p.error);
    return r;
  }
  if (dual && v && p.i == count && !in_dual_year(*v, ctx.cal, tokens[*dual].value)) {
    const token& y = tokens[*dual];
    r.error = make_error("invalid-date",
                         "invalid date " + quoted(text) + ": a dual year such as " +
                             quoted(text.substr(y.pos)) + " dates a day or a month from 1 January to 24 March, when the year begun on 25 March " +
                             std::to_string(y.value - 1) + " was still running",
                         "from 25 March to 31 December the year has one number: " +
                             quoted(text.substr(0, y.pos + y.size)),
                         y.pos);
    return r;
  }
  if (!v || p.i != count) {
    const std::size_t stop = v ? std::max(p.i, p.furthest) : p.furthest;
    const token* at = stop < count ? &tokens[stop] : nullptr;
    const std::string what =
        at ? "unexpected " + quoted(text.substr(at->pos, at->size)) : std::string("it ends too early");
    r.error = make_error("unparsed-date", "cannot read date " + quoted(text) + ": " + what, hint_for(text, at, stop == p.zone_slot, context.cal),
                         at ? at->pos : text.size());
    return r;
  }
  r.value = *v;
  r.value.cal = p.written_cal.value_or(ctx.cal);
  date_context in = ctx;
  if (p.named_zone) {  // "9:37 PT": the zone the phrase names, by its rule on that date
    in.tz = p.named_zone;
    in.timezone = zone_name(p.named_zone);
  }
  if (auto e = apply_zone(r.value, in, text, 0)) r.error = std::move(e);
  return r;
}

}  // namespace annals::detail
