#include "import/extract_anchor.hpp"

#include <cctype>
#include <chrono>

namespace annals::extract {

namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::sys_days;

date_context context_at(const temporal_value& ref, reading mode) {
  date_context c;
  c.reference = floor<days>(ref.stated_earliest == open_start ? ref.earliest : ref.stated_earliest);
  const instant last = ref.stated_latest == open_end ? ref.latest : ref.stated_latest;
  if (last != open_end && floor<days>(last) != *c.reference) {
    c.reference_last = floor<days>(last);
    c.reference_prec = std::max(ref.prec, precision::day);
  }
  c.mode = mode;
  return c;
}

std::string day_text(instant t) { return format_bound(t, precision::day); }

bool same(const temporal_value& a, const temporal_value& b) {
  return a.earliest == b.earliest && a.latest == b.latest;
}

// What the draft's loader reads: the grammar, nothing more.
std::optional<temporal_value> read_as_written(std::string_view text, const date_context& c) {
  const date_result r = normalize_date(text, c);
  if (!r.ok()) return std::nullopt;
  return r.value;
}

std::optional<temporal_value> read(std::string_view text, const date_context& c) {
  const date_result r = normalize_date(text, c);
  if (r.ok()) return r.value;
  if (r.error->code != "missing-timezone") return std::nullopt;
  // A time of day without a zone ("at 5 p.m."): the draft has no zone to read it in, and
  // annals invents none; it is dated to the day it is on, which the text does say.
  date_context utc = c;
  utc.timezone = "UTC";
  const date_result t = normalize_date(text, utc);
  if (!t.ok() || !t.value.bounded_start() || !t.value.bounded_end()) return std::nullopt;
  const std::string first = format_bound(t.value.earliest, precision::day);
  const std::string last = format_bound(t.value.latest, precision::day);
  return read(first == last ? first : first + "/" + last, c);
}

}  // namespace

date_context document_context(const temporal_value& reference) { return context_at(reference, reading::news); }

namespace {

// A night ("Friday night", "tonight", "last night") belongs to the day it begins on, as
// news dates it: its hours run into the next morning, its date does not.
void night_to_its_day(std::string_view core, reading_result& r, const date_context& c) {
  if (!r.value || !r.value->bounded_start()) return;
  std::string low(core);
  for (char& ch : low) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (!(low.ends_with(" night") || low == "tonight" || low.ends_with(" tonight") || low.starts_with("the night of ") ||
        low.starts_with("night of ")))
    return;
  if (const std::optional<temporal_value> day = read_as_written(format_bound(r.value->earliest, precision::day), c)) {
    r.value = day;
    r.against += ", the night dated by the day it begins";
  }
}

reading_result read_phrase_as_is(std::string_view core, const found_phrase& f, tense t, const temporal_value& reference,
                                 const std::optional<anchor_date>& last, const std::optional<anchor_date>& last_explicit,
                                 bool history);

}  // namespace

reading_result read_phrase(std::string_view core, const found_phrase& f, tense t, const temporal_value& reference,
                           const std::optional<anchor_date>& last, const std::optional<anchor_date>& last_explicit,
                           bool history) {
  reading_result r = read_phrase_as_is(core, f, t, reference, last, last_explicit, history);
  night_to_its_day(core, r, document_context(reference));
  return r;
}

namespace {

reading_result read_phrase_as_is(std::string_view core, const found_phrase& f, tense t, const temporal_value& reference,
                           const std::optional<anchor_date>& last, const std::optional<anchor_date>& last_explicit, bool history) {
  reading_result out;
  const date_context doc = document_context(reference);
  const std::string doc_words = "the document's date " + day_text(reference.earliest);
  auto from_anchor = [&](const anchor_date& a, std::string_view why) {
    out.value = read(core, context_at(a.value, reading::narrative));
    out.against = std::string(why) + " " + (a.value.prec <= precision::day ? day_text(a.value.earliest)
                                                                            : day_text(a.value.earliest) + ".." + day_text(a.value.latest)) +
                  " (" + a.where + ")";
  };
  switch (f.anchor) {
    case anchoring::absolute:
    case anchoring::deictic:
      out.value = read(core, doc);
      out.against = doc_words;
      return out;
    case anchoring::anaphoric:
      // "earlier in the day", "that same day" after a year: the day is the article's.
      if (last && f.time_only && last->value.prec > precision::day && !history) {
        // News: "at midday" after "in 1998" is today's midday; a year aside does not
        // move the day a report speaks from.
        out.value = read(core, doc);
        out.against = doc_words + " (the last date named is coarser than a day)";
        return out;
      }
      if (last && f.time_only && last->value.prec > precision::day) {
        // A history: "at 10 p.m." after "in October" has not said which day; the time
        // is within the last date named, and no finer.
        out.value = last->value;
        out.against = "the last date named, " + day_text(last->value.earliest) + ".." + day_text(last->value.latest) + " (" +
                      last->where + "), coarser than a day: the time is within it";
        return out;
      }
      if (last && !(last->value.prec > precision::day && std::string_view(core).find("day") != std::string_view::npos)) {
        from_anchor(*last, "the last date named,");
        return out;
      }
      out.value = read(core, doc);
      out.against = doc_words + (last ? " (the last date named is coarser than a day)" : " (no date named before it)");
      return out;
    case anchoring::cyclic: break;
  }
  // A month, season or holiday without its year. In a history (a text that never speaks
  // from its own date: no "yesterday", "last week", weekday), from the last year it named,
  // forward: "In 1925 ... In March, work stopped." In a news article a year is an aside
  // ("the last flood, in 1998", "it went public in 1986") that does not move what follows.
  const std::int64_t ref_year = static_cast<int>(std::chrono::year_month_day(floor<days>(reference.earliest)).year());
  if (history && t != tense::future && last_explicit && !f.weekday && last_explicit->value.latest < reference.earliest) {
    const std::int64_t y = static_cast<int>(std::chrono::year_month_day(floor<days>(last_explicit->value.earliest)).year());
    if (y != ref_year) {
      from_anchor(*last_explicit, "the last date named,");
      return out;
    }
  }
  out.value = read(core, doc);
  out.against = doc_words;
  if (!out.value) return out;
  // By the sentence's tense: "said on Friday" is the one before, "will meet on Friday" the one after.
  const instant ref_start = reference.earliest;
  const instant ref_end = reference.latest;
  const bool weekday = f.weekday;
  // A day of a month or a month within a month of the reference is read as the grammar
  // places it ("by Jan. 14", written on 7 January, is the coming one whatever the verb;
  // "said talks resume in early March", written on 10 February, this March).
  // News names a coming day of the year without its year (and a past one of last year
  // with it): a day of a month up to three months ahead stays ahead ("said the vote is on
  // Feb. 10", written on 7 January; "until March 6"), whatever the verb. A month alone in
  // the past tense is still the last one ("In January, ..." written in October).
  const bool day_of_month = core.find_first_of("0123456789") != std::string_view::npos;
  if (!weekday && out.value->earliest - ref_end < std::chrono::days(day_of_month ? 92 : 31) &&
      ref_start - out.value->latest < std::chrono::days(31))
    return out;
  // A weekday moves by a week, anything else by a year.
  auto shifted = [&](int sign) {
    temporal_value moved = reference;
    const auto step = weekday ? std::chrono::days(7) : std::chrono::days(365);
    moved.earliest += sign * step;
    moved.latest += sign * step;
    if (moved.stated_earliest != open_start) moved.stated_earliest += sign * step;
    if (moved.stated_latest != open_end) moved.stated_latest += sign * step;
    return read(core, document_context(moved));
  };
  // Tomorrow's weekday stays tomorrow's: news reports plans with a past verb ("officials
  // said the vote is Tuesday", written on Monday); from two days on, the past tense wins.
  const auto ahead = weekday ? std::chrono::days(1) : std::chrono::days(0);
  if (t == tense::past && out.value->earliest > ref_end + ahead) {
    if (auto v = shifted(-1); v && v->earliest <= ref_end) {
      out.value = v;
      out.against = doc_words + ", looking back (the sentence is in the past tense)";
    }
  } else if (t == tense::future && out.value->latest < ref_start) {
    if (auto v = shifted(+1); v && v->latest >= ref_start) {
      out.value = v;
      out.against = doc_words + ", looking ahead (the sentence speaks of the future)";
    }
  }
  return out;
}

}  // namespace

std::string written_date(std::string_view core, const temporal_value& v, const date_context& document) {
  auto gives = [&](const std::string& text) {
    const std::optional<temporal_value> r = read_as_written(text, document);
    return r && same(*r, v);
  };
  std::string phrase(core);
  if (gives(phrase)) return phrase;
  if (v.bounded_start() && core.find_first_of("0123456789") == std::string_view::npos) {
    const std::string year = format_bound(v.earliest, precision::year).substr(0, 4);
    if (v.earliest >= instant{} && gives(phrase + " " + year)) return phrase + " " + year;
  } else if (v.bounded_start()) {
    const std::string year = format_bound(v.earliest, precision::year).substr(0, 4);
    if (v.earliest >= instant{} && gives(phrase + ", " + year)) return phrase + ", " + year;
  }
  if (!v.bounded_start() || !v.bounded_end()) return "";
  const std::string first = format_bound(v.earliest, precision::day);
  const std::string last = format_bound(v.latest, precision::day);
  for (const std::string& iso : {first, first.substr(0, 7), first.substr(0, 4), first + "/" + last}) {
    if (gives(iso)) return iso;
  }
  if (v.prec < precision::day) {
    const std::string a = format_bound(v.earliest, v.prec), b = format_bound(v.latest, v.prec);
    if (gives(a)) return a;
    if (gives(a + "/" + b)) return a + "/" + b;
  }
  return "";
}

}  // namespace annals::extract
