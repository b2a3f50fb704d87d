// Durations: reading ISO 8601 and English, calendar addition, and the instants a date
// can be at as it was written (what measures between times read).
// calendar_difference, to_iso and to_english live in duration_text.cpp.

#include "annals/duration.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "time/civil.hpp"
#include "time/words.hpp"

namespace annals {
namespace {

// Beyond this a component is surely a typo; it also keeps the arithmetic far from overflow.
constexpr std::int64_t max_component = 1'000'000'000;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// P[nY][nM][nW][nD][T[nH][nM][nS]], designators in this order, at least one component.
std::optional<duration> parse_iso(std::string_view s) {
  if (s.size() < 3 || s[0] != 'P') return std::nullopt;
  static constexpr std::string_view date_order = "YMWD";
  static constexpr std::string_view time_order = "HMS";
  duration d;
  bool in_time = false;
  bool any = false;
  std::size_t next = 0;  // index in the current order table: designators must ascend
  std::size_t i = 1;
  while (i < s.size()) {
    if (s[i] == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      next = 0;
      ++i;
      if (i == s.size()) return std::nullopt;  // "PT" alone
      continue;
    }
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data() + i, s.data() + s.size(), v);
    if (ec != std::errc{} || end == s.data() + s.size() || v > max_component) return std::nullopt;
    i = static_cast<std::size_t>(end - s.data());
    const std::string_view order = in_time ? time_order : date_order;
    const std::size_t at = order.find(s[i], next);
    if (at == std::string_view::npos) return std::nullopt;
    next = at + 1;
    ++i;
    any = true;
    if (!in_time) {
      if (at == 0) d.years = v;
      if (at == 1) d.months = v;
      if (at == 2) d.days += 7 * v;
      if (at == 3) d.days += v;
    } else {
      d.seconds += v * (at == 0 ? 3600 : at == 1 ? 60 : 1);
    }
  }
  if (!any) return std::nullopt;
  return d;
}

// What one unit word adds to a duration, per count.
bool add_unit(duration& d, std::string_view unit, std::int64_t n) {
  auto is = [&](std::string_view one, std::string_view many, std::string_view abbr1 = {},
                std::string_view abbr2 = {}) {
    return unit == one || unit == many || (!abbr1.empty() && (unit == abbr1 || unit == abbr2));
  };
  if (is("year", "years", "yr", "yrs")) d.years += n;
  else if (is("month", "months", "mo", "mos")) d.months += n;
  else if (is("week", "weeks", "wk", "wks")) d.days += 7 * n;
  else if (is("fortnight", "fortnights")) d.days += 14 * n;
  else if (is("day", "days")) d.days += n;
  else if (is("hour", "hours", "hr", "hrs")) d.seconds += 3600 * n;
  else if (is("minute", "minutes", "min", "mins")) d.seconds += 60 * n;
  else if (is("second", "seconds", "sec", "secs")) d.seconds += n;
  else if (is("decade", "decades")) d.years += 10 * n;
  else if (is("century", "centuries")) d.years += 100 * n;
  else return false;
  return true;
}

// One or more "N unit" parts: "8 years", "eight years", "a week", "1 year, 2 months and 3 days".
std::optional<duration> parse_words(std::string_view s) {
  detail::token tokens[detail::max_tokens];
  const std::size_t n = detail::tokenize(s, tokens);
  if (n == 0 || n > detail::max_tokens) return std::nullopt;
  duration d;
  std::size_t i = 0;
  while (i < n) {
    if (i > 0 && tokens[i].is("and")) ++i;
    std::int64_t count = 0;
    if (i < n && tokens[i].is_number() && tokens[i].suffix().empty()) {
      count = tokens[i++].value;
    } else if (auto words = detail::number_words(tokens, n, i)) {
      count = *words;
    } else {
      return std::nullopt;
    }
    if (count > max_component || i >= n || tokens[i].k != detail::token::kind::word) return std::nullopt;
    if (!add_unit(d, tokens[i].word(), count)) return std::nullopt;
    ++i;
  }
  return d;
}

instant shift(instant t, std::int64_t months, std::int64_t days, std::int64_t seconds) {
  if (t == open_start || t == open_end) return t;
  const std::int64_t all = t.time_since_epoch().count();
  const std::int64_t day = civil::floor_div(all, civil::seconds_per_day);
  const std::int64_t second_of_day = all - day * civil::seconds_per_day;  // [0, 86399]
  // The rule: a day past the target month's end becomes its last day.
  const std::int64_t moved = civil::clamp_day(civil::add_months(day, months) + civil::clamp_day(days));
  const std::int64_t s = moved * civil::seconds_per_day + second_of_day;
  // Saturate near the ends of time rather than overflow (a long chain of shifts).
  constexpr std::int64_t limit = civil::max_day * civil::seconds_per_day;
  const std::int64_t out = seconds > 0 ? (s > limit - seconds ? limit : s + seconds)
                                       : (s < -limit - seconds ? -limit : s + seconds);
  return instant{std::chrono::seconds{out}};
}

}  // namespace

std::optional<duration> parse_duration(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  if (text[0] == 'P') return parse_iso(text);
  return parse_words(text);
}

namespace {

// The words that bound a claim's duration, the longest first where one begins another.
struct bound_words {
  std::string_view words;
  duration_bound bound;
};
constexpr bound_words bound_table[] = {
    {"about", duration_bound::about},           {"around", duration_bound::about},
    {"roughly", duration_bound::about},         {"approximately", duration_bound::about},
    {"some", duration_bound::about},            {"nearly", duration_bound::nearly},
    {"almost", duration_bound::nearly},         {"more than", duration_bound::more_than},
    {"over", duration_bound::more_than},        {"less than", duration_bound::less_than},
    {"under", duration_bound::less_than},       {"fewer than", duration_bound::less_than},
    {"at least", duration_bound::at_least},     {"at most", duration_bound::at_most},
};

bool starts_with_word(std::string_view text, std::string_view words) {
  if (text.size() <= words.size() || text[words.size()] != ' ') return false;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(text[k])) != words[k]) return false;
  }
  return true;
}

}  // namespace

std::optional<bounded_duration> parse_bounded_duration(std::string_view text) {
  text = trim(text);
  for (const bound_words& b : bound_table) {
    if (!starts_with_word(text, b.words)) continue;
    if (auto d = parse_duration(text.substr(b.words.size() + 1))) return bounded_duration{b.bound, *d};
    return std::nullopt;
  }
  if (auto d = parse_duration(text)) return bounded_duration{duration_bound::in, *d};
  return std::nullopt;
}

std::string_view to_string(duration_bound b) {
  if (b == duration_bound::in) return "";
  for (const bound_words& w : bound_table) {
    if (w.bound == b) return w.words;
  }
  return "";
}

instant add(instant t, const duration& d) { return shift(t, total_months(d), d.days, d.seconds); }

instant subtract(instant t, const duration& d) { return shift(t, -total_months(d), -d.days, -d.seconds); }

std::int64_t total_months(const duration& d) {
  constexpr std::int64_t limit = civil::max_day;  // months beyond saturate every date anyway
  const std::int64_t years = std::clamp(d.years, -limit / 12, limit / 12);
  return std::clamp(years * 12 + std::clamp(d.months, -limit, limit), -limit, limit);
}

std::pair<std::int64_t, std::int64_t> written_range(instant first, instant last, precision written, instant anchor) {
  const std::int64_t lo = first.time_since_epoch().count(), hi = last.time_since_epoch().count();
  if (last == open_end) return {lo, hi};
  // Finer than a minute stays as written; an hour or coarser is at one of its minutes.
  const std::int64_t unit = info(std::min(written, precision::minute)).seconds;
  // With no stated start ("before 13:42"), the minutes of UTC: every zone's are the same.
  const std::int64_t from = anchor != open_start && anchor != open_end ? anchor.time_since_epoch().count()
                            : first != open_start                       ? lo
                                                                        : 0;
  return {lo, std::max(lo, from + civil::floor_div(hi - from, unit) * unit)};
}

std::int64_t add_days(std::int64_t day, const duration& d) {
  std::int64_t z = civil::clamp_day(civil::add_months(day, total_months(d)) + civil::clamp_day(d.days));
  // Seconds round up: a stretch of 36 hours needs 2 calendar days.
  const std::int64_t second_days = d.seconds >= 0 ? (d.seconds + 86399) / 86400 : -((-d.seconds) / 86400);
  return civil::clamp_day(z + second_days);
}

}  // namespace annals
