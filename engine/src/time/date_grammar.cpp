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

#include "time/calendars.hpp"
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
  if (auto v = read_time_range(p, between ? date_form::between : date_form::interval, read_date); v || p.error) return v;
  p.i = start;
  if (auto v = read_range(p, from, between); v || p.error) return v;
  p.i = start;
  if (between || from) return read_pair(p, between);
  // "on November 23rd", "in December 2015"; "in 3 days" is read by read_relative.
  if (auto v = read_moment(p); v || p.error) return v;
  p.i = start;
  if (p.eat_any("on", "in")) return read_moment(p);
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
    "2015-11-23"};

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
  // A longer word after a time may be a misspelt month ("9:37AM Februray 28").
  if (stop && stop->k == kind::word &&
      (capitals || (zone_slot && (stop->word().size() <= 4 || !nearest_word(stop->word(), cal)))))
    return zone_word_hint(stop->word());
  if (stop && stop->k == kind::word) {
    if (const auto w = nearest_word(stop->word(), cal)) return "did you mean '" + std::string(*w) + "'?";
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

}  // namespace

date_result parse_english(std::string_view text, const date_context& context) {
  std::array<token, max_tokens> tokens;
  const std::size_t count = tokenize(text, tokens.data());
  date_result r;
  if (count > max_tokens) {
    r.error = make_error("unparsed-date", "cannot read date " + quoted(text) + ": too many words",
                         hint_for(text, nullptr, false, context.cal), tokens[max_tokens - 1].pos + tokens[max_tokens - 1].size);
    return r;
  }
  phrase p{tokens.data(), count, text, context, 0, 0, std::nullopt};
  std::optional<temporal_value> v = read_phrase(p);
  if (p.error) {
    r.error = std::move(p.error);
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
  r.value.cal = context.cal;
  date_context in = context;
  if (p.named_zone) {  // "9:37 PT": the zone the phrase names, by its rule on that date
    in.tz = p.named_zone;
    in.timezone = zone_name(p.named_zone);
  }
  if (auto e = apply_zone(r.value, in, text, 0)) r.error = std::move(e);
  return r;
}

}  // namespace annals::detail
