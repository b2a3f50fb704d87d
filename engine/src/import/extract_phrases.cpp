#include "import/extract_phrases.hpp"

#include <algorithm>
#include <cctype>

#include "annals/duration.hpp"
#include "import/extract_words.hpp"
#include "time/date_phrase.hpp"
#include "time/date_words.hpp"
#include "time/words.hpp"

namespace annals::extract {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <class List>
bool in(const List& list, std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// A word of the sentence: [begin, end) without the punctuation around it.
struct word {
  std::size_t begin, end;
};

// Newswire quotes are written ``so'' as often as "so".
bool opening(unsigned char c) { return c == '(' || c == '"' || c == '\'' || c == '[' || c == '`'; }
bool closing(unsigned char c) {
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '"' || c == '\'' || c == ']' ||
         c == '.' || c == '`';
}

std::vector<word> words_of(std::string_view s) {
  std::vector<word> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) break;
    std::size_t e = i;
    while (e < s.size() && !is_space(s[e])) ++e;
    std::size_t b = i, t = e;
    while (b < t && opening(static_cast<unsigned char>(s[b]))) ++b;
    // Curly quotes (3 bytes) around a word.
    while (t > b + 3 && static_cast<unsigned char>(s[t - 3]) == 0xE2 && static_cast<unsigned char>(s[t - 2]) == 0x80) t -= 3;
    if (b + 3 <= t && static_cast<unsigned char>(s[b]) == 0xE2 && static_cast<unsigned char>(s[b + 1]) == 0x80) b += 3;
    while (t > b && closing(static_cast<unsigned char>(s[t - 1]))) --t;
    // A possessive: "last year's level", "Friday's vote", "this week’s low".
    if (t > b + 2 && (s[t - 1] == 's' || s[t - 1] == 'S') && s[t - 2] == '\'') t -= 2;
    else if (t > b + 4 && s[t - 1] == 's' && s.substr(t - 4, 3) == "\xE2\x80\x99") t -= 4;
    if (t > b) out.push_back({b, t});
    i = e;
  }
  return out;
}

// The grammar's own reading of the phrase's words.
struct shape {
  bool month = false, weekday = false, season = false, holiday = false, year = false, era = false;
  bool deictic = false, anaphoric = false, count = false, day_number = false;
  std::size_t words = 0;
};

shape shape_of(std::string_view text) {
  shape sh;
  detail::token t[detail::max_tokens + 1];
  const std::size_t n = std::min(detail::tokenize(text, t), detail::max_tokens);
  sh.words = n;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view w = t[i].word();
    if (t[i].is_number()) {
      if (t[i].digits >= 3) sh.year = true;
      else sh.day_number = true;
      continue;
    }
    if (t[i].k != detail::token::kind::word) continue;
    if (detail::month_word(w, calendar::gregorian)) sh.month = true;
    if (detail::weekday_word(w)) sh.weekday = true;
    if (detail::season_word(w)) sh.season = true;
    if (detail::era_word(w) != 0) sh.era = true;
    for (const auto& h : detail::holidays) {
      if (h.words.substr(0, h.words.find(' ')) == w) sh.holiday = true;
    }
    if (in(deictic_words, w)) sh.deictic = true;
    if (in(anaphoric_words, w)) sh.anaphoric = true;
    if (w == "next" || w == "following") {
      if (i > 0 && t[i - 1].is("the")) sh.anaphoric = true;
    }
    std::size_t k = i;
    if (detail::number_words(t, n, k)) sh.count = true;
  }
  // "earlier this month", "later this year": the document's month and year.
  if (sh.anaphoric && (text.find("this") != std::string_view::npos || text.find("today") != std::string_view::npos ||
                       text.find("tomorrow") != std::string_view::npos || text.find("yesterday") != std::string_view::npos))
    sh.anaphoric = false;
  if (sh.anaphoric) sh.deictic = false;
  return sh;
}

// Whether the grammar reads `text`: a time of day without a zone counts (the draft has no
// zone to read it in; it is dated to its day, see extract_anchor.cpp).
bool reads(std::string_view text, const date_context& ctx, date_result* out = nullptr) {
  if (text.empty()) return false;
  date_result r = normalize_date(text, ctx);
  if (!r.ok() && r.error->code == "missing-timezone") {
    date_context utc = ctx;
    utc.timezone = "UTC";
    r = normalize_date(text, utc);
  }
  if (!r.ok()) return false;
  if (out) *out = r;
  return true;
}

// The duration of "the next day", "two weeks later", "a year earlier": the count and unit
// before the last word, as `by:` writes it; "" when the phrase is not of that shape.
std::string counted_by(std::string_view core, bool& before) {
  const std::string low = lower(core);
  if (low == "the next day" || low == "the following day" || low == "the day after" || low == "next day") {
    before = false;
    return "1 day";
  }
  if (low == "the day before" || low == "the previous day" || low == "the preceding day") {
    before = true;
    return "1 day";
  }
  for (const std::string_view tail : {" later", " afterwards", " afterward", " after", " earlier", " before"}) {
    if (low.size() > tail.size() && low.ends_with(tail)) {
      std::string d = low.substr(0, low.size() - tail.size());
      if (d.starts_with("some ") || d.starts_with("about ") || d.starts_with("nearly ") || d.starts_with("almost ") ||
          d.starts_with("several ") || d.starts_with("a few ") || d.starts_with("few "))
        return "";  // vague counts: read by the grammar from the anchor
      before = tail == " earlier" || tail == " before";
      std::string digits_or_words;
      for (const char c : d) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-')) return "";
      }
      return d;
    }
  }
  return "";
}

}  // namespace

tense tense_at(std::string_view sentence, std::size_t at) {
  // Every verb that marks a tense, and where it stands; the nearest to `at` decides (a
  // sentence may report the past of a plan: "said on Monday that it plans to").
  const std::string low = " " + lower(sentence) + " ";
  const std::size_t here = at == std::string_view::npos ? 0 : at + 1;
  std::size_t best = std::string::npos;
  tense found = tense::present;
  auto consider = [&](std::size_t pos, tense t) {
    const std::size_t distance = at == std::string_view::npos ? 0 : (pos > here ? pos - here : here - pos);
    if (best == std::string::npos || distance < best || (distance == best && t == tense::future)) {
      best = distance;
      found = t;
    }
  };
  for (const std::string_view m : future_markers) {
    for (std::size_t p = low.find(m); p != std::string::npos; p = low.find(m, p + 1)) {
      const bool starts = m.front() == '\'' || !std::isalpha(static_cast<unsigned char>(low[p - 1]));
      const bool ends = p + m.size() >= low.size() || !std::isalpha(static_cast<unsigned char>(low[p + m.size()]));
      if (starts && ends) consider(p, tense::future);
    }
  }
  const std::vector<word> ws = words_of(low);
  for (std::size_t i = 0; i < ws.size(); ++i) {
    const word& w = ws[i];
    std::string_view v = std::string_view(low).substr(w.begin, w.end - w.begin);
    if (v.ends_with("'s")) v.remove_suffix(2);
    const bool passive = i > 0 && in(present_auxiliaries, std::string_view(low).substr(ws[i - 1].begin, ws[i - 1].end - ws[i - 1].begin));
    // "is heard", "are held": a passive present, whether the participle ends in -ed or not.
    const bool past = (in(irregular_past, v) && !passive) ||
                      (v.size() >= 5 && v.ends_with("ed") && !in(not_past_ed, v) && !passive &&
                       std::all_of(v.begin(), v.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }));
    if (past) consider(w.begin, tense::past);
    else if (passive && (in(irregular_past, v) || v.ends_with("ed"))) consider(w.begin, tense::present);
  }
  return found;
}

tense tense_of(std::string_view sentence) { return tense_at(sentence, std::string_view::npos); }

std::vector<found_phrase> find_phrases(std::string_view s, const date_context& ctx) {
  std::vector<found_phrase> out;
  const std::vector<word> ws = words_of(s);
  constexpr std::size_t longest = 10;  // words: the grammar reads at most 16 tokens
  const bool first_before = [&] {
    const std::string low = lower(s);
    return low.find("first") != std::string::npos || low.find("highest") != std::string::npos ||
           low.find("lowest") != std::string::npos || low.find("largest") != std::string::npos ||
           low.find("biggest") != std::string::npos || low.find("worst") != std::string::npos ||
           low.find("best") != std::string::npos || low.find("most") != std::string::npos;
  }();
  for (std::size_t i = 0; i < ws.size();) {
    std::size_t best = 0;  // words taken
    for (std::size_t k = std::min(longest, ws.size() - i); k >= 1; --k) {
      const std::string_view text = s.substr(ws[i].begin, ws[i + k - 1].end - ws[i].begin);
      if (reads(text, ctx)) {
        best = k;
        break;
      }
    }
    if (best == 0) {
      ++i;
      continue;
    }
    found_phrase f;
    f.begin = ws[i].begin;
    f.end = ws[i + best - 1].end;
    f.core = f.begin;
    // "last Oct. 23", "next March 3": the grammar reads "last Oct" and "Oct. 23"; the date is
    // the longer one, and "last"/"next" says which way from the document's date it lies (the
    // caller reads the tense from the word).
    if (const std::string first = lower(s.substr(ws[i].begin, ws[i].end - ws[i].begin));
        (first == "last" || first == "next") && i + 1 < ws.size()) {
      for (std::size_t k = std::min(longest, ws.size() - i - 1); k >= best; --k) {
        if (reads(s.substr(ws[i + 1].begin, ws[i + k].end - ws[i + 1].begin), ctx)) {
          best = k + 1;
          f.end = ws[i + k].end;
          f.core = ws[i + 1].begin;
          break;
        }
      }
    }
    // Leading signals that say how an event relates to the date, not which date: dropped
    // when the rest reads alone.
    for (std::size_t skip = 1; skip < best && f.core == f.begin; ++skip) {
      const std::string lead = lower(s.substr(ws[i].begin, ws[i + skip - 1].end - ws[i].begin));
      if (!in(leading_signals, lead)) continue;
      if (reads(s.substr(ws[i + skip].begin, f.end - ws[i + skip].begin), ctx)) {
        f.core = ws[i + skip].begin;
        break;
      }
    }
    // "get around Wednesday's ruling": before a possessive, "around" and "about" belong to
    // the verb, not to the date; the date is Wednesday, not about Wednesday.
    if (f.core == f.begin && best > 1 && (s.substr(f.end).starts_with("'s") || s.substr(f.end).starts_with("\xE2\x80\x99s"))) {
      const std::string lead = lower(s.substr(ws[i].begin, ws[i].end - ws[i].begin));
      if ((lead == "around" || lead == "about") && reads(s.substr(ws[i + 1].begin, f.end - ws[i + 1].begin), ctx))
        f.begin = f.core = ws[i + 1].begin;
    }
    const std::string_view core = s.substr(f.core, f.end - f.core);
    const std::string core_low = lower(core);
    const shape sh = shape_of(core);
    const std::string_view before_text = s.substr(0, f.begin);
    const std::size_t next_at = f.end;
    bool keep = true;
    // One word alone.
    // One word alone, "the" aside ("the spring").
    const bool the = core_low.starts_with("the ");
    const std::string_view word_alone = the ? core.substr(4) : core;
    if ((sh.words == 1 || (the && sh.words == 2)) && !sh.year && !sh.era && !sh.day_number) {
      const bool capital = std::isupper(static_cast<unsigned char>(word_alone[0]));
      if (in(never_alone, core_low)) keep = false;
      else if (in(standalone_words, core_low)) keep = true;
      else if (sh.season && !the && f.core != f.begin) keep = true;  // "in summer"
      else if (sh.season && the && f.core != f.begin) keep = true;   // "in the summer"
      else if (!capital) keep = false;  // "may", "march", "the spring", "sun"
      else if (sh.season) keep = f.core != f.begin;  // "Spring" alone: a name as often as a season
      else if (sh.month && in(month_verbs, core_low) && f.core == f.begin) keep = false;
      else if (sh.month && core_low.size() <= 3 && !(core_low == "may" && f.core != f.begin)) keep = false;  // "Jan", "Dec": names; "in May" is the month
      else if (sh.weekday && core_low.size() <= 4) keep = false;  // "Sun", "Sat", "Wed"
    }
    // "150 to 175", "20-30": a range of counts, no years, unless a signal or era says so.
    if (keep && sh.year && !sh.era && !sh.month && !sh.weekday && !sh.season && f.core == f.begin) {
      std::size_t run = 0, longest_run = 0;
      for (const char c : core) {
        run = std::isdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
        longest_run = std::max(longest_run, run);
      }
      if (longest_run < 4) keep = false;
    }
    // A month that is also a word, in lower case, is the word: "at this march", "this may
    // change"; prose capitalizes months.
    if (keep && sh.month) {
      for (std::size_t w = i; w < i + best; ++w) {
        const std::string_view word = s.substr(ws[w].begin, ws[w].end - ws[w].begin);
        if (in(month_verbs, word)) keep = false;
      }
    }
    // An ordinal before a name is part of the name: "the 11th Circuit", "the 82nd Airborne";
    // before a noun, an adjective: "the 25th anniversary", "a 5th grade boy". Before a word
    // that a day of the month stands before ("on the 25th at noon", "the 5th of"), a date.
    if (keep && sh.day_number && !sh.month && !sh.weekday && !sh.year && sh.words <= 2 && i + best < ws.size() &&
        ws[i + best].begin == f.end + 1 && std::isalpha(static_cast<unsigned char>(s[f.end - 1]))) {
      const std::string next = lower(s.substr(ws[i + best].begin, ws[i + best].end - ws[i + best].begin));
      if (std::isupper(static_cast<unsigned char>(s[ws[i + best].begin])) || !in(after_a_day, next)) keep = false;
    }
    // A number alone: a year only where prose puts years.
    if (keep && sh.words == 1 && sh.year && !sh.era) {
      const std::size_t digits = static_cast<std::size_t>(std::count_if(core.begin(), core.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }));
      long value = 0;
      for (const char c : core) {
        if (std::isdigit(static_cast<unsigned char>(c))) value = value * 10 + (c - '0');
      }
      // "at 285", "at 1,000": a level or a price; a year is "in", "since", "by" it.
      const bool signal = f.core != f.begin && !lower(s.substr(f.begin, f.core - f.begin)).starts_with("at");
      keep = digits == 4 && (signal || (value >= 1900 && value <= 2100));
      // "employs 2000 workers", "is 1990 metres": a count before the plural or unit it
      // counts; "the 2019 elections" is the year (an article or possessive before it).
      if (keep && !signal && i + best < ws.size() && ws[i + best].begin == f.end + 1 && i > 0) {
        const std::string next = lower(s.substr(ws[i + best].begin, ws[i + best].end - ws[i + best].begin));
        const std::string previous = lower(s.substr(ws[i - 1].begin, ws[i - 1].end - ws[i - 1].begin));
        const bool lower_word = std::islower(static_cast<unsigned char>(s[ws[i + best].begin]));
        const bool counted = in(count_units, next) || (next.size() > 3 && next.ends_with("s") && !in(not_plurals, next));
        if (lower_word && counted && !in(year_modifiers, previous)) keep = false;
      }
      if (digits == 3 && signal) keep = true;
      if (!before_text.empty() && (before_text.back() == '$' || before_text.back() == '#')) keep = false;
    }
    // "about 100", "around 300": a count, not the year 100.
    if (keep && sh.year && !sh.era && !sh.month && sh.words == 2 &&
        (core_low.starts_with("about ") || core_low.starts_with("around ") || core_low.starts_with("approximately ") ||
         core_low.starts_with("roughly ") || core_low.starts_with("some ")) &&
        core.find_first_of("0123456789") != std::string_view::npos) {
      const std::size_t d = core.find_first_of("0123456789");
      const std::size_t e = core.find_first_not_of("0123456789", d);
      if ((e == std::string_view::npos ? core.size() : e) - d < 4) keep = false;
    }
    // Quantities: "$35", "57%", "1,500", "2,000 people".
    if (keep) {
      if (f.begin > 0 && (s[f.begin - 1] == '$' || s[f.begin - 1] == ',' || s[f.begin - 1] == '.')) keep = false;
      if (next_at < s.size() && (s[next_at] == '%' || (s[next_at] == ',' && next_at + 1 < s.size() &&
                                                       std::isdigit(static_cast<unsigned char>(s[next_at + 1])))))
        keep = false;
      if (core.find(',') != std::string_view::npos) {
        for (std::size_t p = core.find(','); p != std::string_view::npos; p = core.find(',', p + 1)) {
          if (p + 1 < core.size() && std::isdigit(static_cast<unsigned char>(core[p + 1])) && p > 0 &&
              std::isdigit(static_cast<unsigned char>(core[p - 1])))
            keep = false;
        }
      }
    }
    // "in eight years" outside a sentence about the future: a duration ("the first in eight
    // years", "the highest in a decade"), not the year eight years on.
    if (keep && core_low.starts_with("in ") && sh.count && !sh.year && (tense_at(s, f.begin) != tense::future || first_before)) keep = false;
    if (keep && core_low.starts_with("within ")) keep = false;
    // "at the same time", "at that time": when, but no date.
    if (keep && (core_low.ends_with(" time") || core_low.find(" time ") != std::string::npos)) keep = false;
    if (!keep) {
      ++i;
      continue;
    }
    // A month read without the number beside it: "November 31st", "31st November", "30
    // February 2026" that the grammar refuses. Not a date to guess at.
    if (sh.month && !sh.day_number) {
      const bool number_after = i + best < ws.size() && std::isdigit(static_cast<unsigned char>(s[ws[i + best].begin])) &&
                                ws[i + best].begin == f.end + 1;
      const bool number_before = i > 0 && std::isdigit(static_cast<unsigned char>(s[ws[i - 1].begin])) &&
                                 ws[i - 1].end + 1 == f.begin;
      if (number_after || number_before) {
        f.unreadable = true;
        if (number_after) f.end = ws[i + best].end;
        if (number_before) f.begin = f.core = ws[i - 1].begin;
        out.push_back(f);
        i += best + (number_after ? 1 : 0);
        continue;
      }
    }
    // How it is anchored.
    if (sh.year || sh.era) f.anchor = anchoring::absolute;
    else if (sh.anaphoric) f.anchor = anchoring::anaphoric;
    else if (sh.deictic) f.anchor = anchoring::deictic;
    else if (sh.month || sh.weekday || sh.season || sh.holiday) f.anchor = anchoring::cyclic;
    else f.anchor = anchoring::deictic;
    date_result r;
    if (reads(core, ctx, &r) && r.value.prec < precision::day && !sh.month && !sh.weekday && !sh.deictic &&
        !sh.year && !sh.anaphoric) {
      f.time_only = true;
      f.anchor = anchoring::anaphoric;  // "at 9 pm": on the day the text is at
    }
    if (f.anchor == anchoring::anaphoric) f.by = counted_by(core, f.before);
    // A weekday with a clock time ("at 3 p.m. on Sunday") is still a weekday the tense places;
    // with a day of the month ("Sunday the 13th") the number places it.
    const bool clock = core_low.find(':') != std::string::npos || core_low.find("a.m") != std::string::npos ||
                       core_low.find("p.m") != std::string::npos || core_low.find(" am") != std::string::npos ||
                       core_low.find(" pm") != std::string::npos || core_low.find("o'clock") != std::string::npos;
    f.weekday = sh.weekday && !sh.month && (!sh.day_number || clock);
    out.push_back(f);
    i += best;
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> unread_spans(std::string_view s, const std::vector<found_phrase>& found) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const std::vector<word> ws = words_of(s);
  auto covered = [&](std::size_t at) {
    return std::any_of(found.begin(), found.end(), [&](const found_phrase& f) { return at >= f.begin && at < f.end; });
  };
  for (std::size_t i = 0; i < ws.size(); ++i) {
    const std::string_view w = s.substr(ws[i].begin, ws[i].end - ws[i].begin);
    if (covered(ws[i].begin) || !std::isupper(static_cast<unsigned char>(w[0]))) continue;
    std::string low = lower(w);
    std::erase(low, '.');
    if (!detail::month_word(low, calendar::gregorian) || low.size() <= 3 || in(month_verbs, low)) continue;
    // A month with a number beside it that is not read: "November 31", "the 45th of Nevember".
    auto number = [&](std::size_t k) {
      return k < ws.size() && std::isdigit(static_cast<unsigned char>(s[ws[k].begin])) && !covered(ws[k].begin);
    };
    if (number(i + 1) || (i > 0 && number(i - 1))) {
      const std::size_t b = i > 0 && number(i - 1) ? ws[i - 1].begin : ws[i].begin;
      const std::size_t e = number(i + 1) ? ws[i + 1].end : ws[i].end;
      out.emplace_back(b, e);
    }
  }
  return out;
}

std::string first_claim(std::string_view s) {
  const std::string low = lower(s);
  std::size_t at = low.find("first");
  while (at != std::string::npos) {
    const std::size_t in_at = low.find(" in ", at);
    const std::size_t since_at = low.find(" since ", at);
    if (in_at != std::string::npos && (since_at == std::string::npos || in_at < since_at)) {
      // "in eight years", "in more than a decade": up to the unit word
      const std::size_t from = in_at + 4;
      for (const std::string_view u : {"years", "year", "decades", "decade", "months", "month", "weeks", "centuries", "century"}) {
        const std::size_t p = low.find(u, from);
        if (p == std::string::npos || p - from > 24) continue;
        // Only what a claim's first_in reads: "eight years", "more than a decade".
        const std::string d = low.substr(from, p + u.size() - from);
        if (parse_bounded_duration(d)) return "in " + d;
      }
    }
    if (since_at != std::string::npos) {
      const std::size_t from = since_at + 7;
      std::size_t e = low.find_first_of(",.;", from);
      if (e == std::string::npos) e = low.size();
      return "since " + std::string(s.substr(from, e - from));
    }
    at = low.find("first", at + 5);
  }
  return "";
}

}  // namespace annals::extract
