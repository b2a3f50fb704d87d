// The calendar table and what every calendar shares: month indexes, names, suffixes.
// Each row's arithmetic lives in its own file (calendar_<id>.cpp).

#include "time/calendars.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "time/calendar_rows.hpp"

namespace annals::detail {
namespace {

constexpr const calendar_row* rows[] = {&gregorian_calendar,   &julian_calendar, &solar_hijri_calendar,
                                        &islamic_calendar,     &hebrew_calendar, &rumi_calendar,
                                        &french_republican_calendar};
static_assert(std::size(rows) == static_cast<std::size_t>(calendar::french_republican) + 1);

constexpr month_name no_month{};

std::int64_t months_before(const calendar_row& r, std::int64_t y) {
  return r.months_before ? r.months_before(y) : 12 * y;
}

// ASCII case-insensitive equality.
bool same_words(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

// Whether '|'-separated `list` holds `w` (case-insensitive).
bool listed(std::string_view list, std::string_view w) {
  for (std::size_t at = 0; at <= list.size();) {
    const std::size_t end = std::min(list.find('|', at), list.size());
    if (end > at && same_words(list.substr(at, end - at), w)) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace

std::span<const calendar_row* const> calendar_rows() { return rows; }

const calendar_row& row_of(calendar c) { return *rows[static_cast<std::size_t>(c)]; }

std::optional<std::string_view> unavailable(calendar c) {
  const calendar_row& r = row_of(c);
  if (const char* why = r.unavailable ? r.unavailable() : nullptr) return why;
  return std::nullopt;
}

bool year_in_range(calendar c, std::int64_t y) {
  const calendar_row& r = row_of(c);
  return y >= r.min_year && y <= r.max_year && !unavailable(c);
}

std::optional<std::int64_t> to_days(calendar c, std::int64_t y, unsigned m, unsigned d) {
  if (!year_in_range(c, y) || m < 1 || m > row_of(c).months.size() || d < 1) return std::nullopt;
  return row_of(c).to_days(y, m, d);
}

unsigned days_in_month(calendar c, std::int64_t y, unsigned m) {
  if (!year_in_range(c, y) || m < 1 || m > row_of(c).months.size()) return 0;
  return row_of(c).days_in_month(y, m);
}

civil::ymd from_days(calendar c, std::int64_t z) { return row_of(c).from_days(z); }

unsigned months_in_year(calendar c, std::int64_t y) {
  const calendar_row& r = row_of(c);
  return static_cast<unsigned>(months_before(r, y + 1) - months_before(r, y));
}

std::int64_t first_month_index(calendar c, std::int64_t y) { return months_before(row_of(c), y); }

std::optional<std::int64_t> month_index(calendar c, std::int64_t y, std::int64_t m) {
  const calendar_row& r = row_of(c);
  if (m >= 1 && m <= static_cast<std::int64_t>(r.months.size())) {
    const unsigned k = r.position_of ? r.position_of(y, static_cast<unsigned>(m)) : static_cast<unsigned>(m);
    if (k == 0) return std::nullopt;
    return months_before(r, y) + k - 1;
  }
  return months_before(r, y) + (m - 1);  // counts on from the year's first month
}

civil::ymd month_at(calendar c, std::int64_t index) {
  const calendar_row& r = row_of(c);
  if (!r.months_before) {
    const std::int64_t y = civil::floor_div(index, 12);
    return {y, static_cast<unsigned>(index - y * 12 + 1), 1};
  }
  auto y = static_cast<std::int64_t>(std::floor(static_cast<double>(index) / r.months_per_year));
  while (r.months_before(y) > index) --y;
  while (r.months_before(y + 1) <= index) ++y;
  const auto k = static_cast<unsigned>(index - r.months_before(y) + 1);  // [1, months in y]
  return {y, r.slot_at ? r.slot_at(y, k) : k, 1};
}

std::pair<std::int64_t, std::int64_t> year_part(calendar c, std::int64_t y, int part) {
  const std::int64_t first = first_month_index(c, y);
  return {first + 4 * part, part == 2 ? first_month_index(c, y + 1) - 1 : first + 4 * part + 3};
}

const month_name& month_of(calendar c, std::int64_t, unsigned m) {
  const calendar_row& r = row_of(c);
  return m >= 1 && m <= r.months.size() ? r.months[m - 1] : no_month;
}

std::string_view month_label(calendar c, std::int64_t y, unsigned m) {
  const calendar_row& r = row_of(c);
  const month_name& n = month_of(c, y, m);
  if (!n.leap.empty() && r.leap && r.leap(y)) return n.leap;
  return n.abbr;
}

std::optional<std::string> year_text(calendar c, std::int64_t y) {
  const calendar_row& r = row_of(c);
  if (r.year_text) return r.year_text(y);
  return std::nullopt;
}

std::string_view calendar_title(calendar c) { return row_of(c).title; }

bool proleptic(calendar c, std::int64_t z) {
  const calendar_row& r = row_of(c);
  return z < r.official_first || z > r.official_last;
}

std::optional<named_calendar> calendar_suffix(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  // "1437 AH", "1394 A.H.": the calendar's era after the year.
  if (const std::size_t space = text.rfind(' '); space != std::string_view::npos && space > 0 &&
                                                 text[space - 1] >= '0' && text[space - 1] <= '9') {
    std::string era;
    for (const char c : text.substr(space + 1))
      if (c != '.') era += c;
    // The year's digits: "AM" after fewer than four is a time of day ("10 AM").
    std::size_t digits = 0;
    while (digits < space && text[space - 1 - digits] >= '0' && text[space - 1 - digits] <= '9') ++digits;
    const bool after_time = digits < space && text[space - 1 - digits] == ':';
    for (const calendar_row* r : rows) {
      if (!listed(r->eras, era)) continue;
      if (same_words(era, "am") && (digits < 4 || after_time)) continue;
      return named_calendar{r->cal, text.substr(0, space)};
    }
  }
  // "18 Brumaire an VIII": a year in the French Republican form names its calendar.
  if (const std::size_t space = text.rfind(' '); space != std::string_view::npos && space >= 3 &&
                                                 same_words(text.substr(space - 3, 3), " an") &&
                                                 roman_year(text.substr(space + 1)))
    return named_calendar{calendar::french_republican, text};
  if (text.empty() || text.back() != ')') return std::nullopt;
  const std::size_t open = text.rfind('(');
  if (open == std::string_view::npos) return std::nullopt;
  const std::string_view name = text.substr(open + 1, text.size() - open - 2);
  for (const calendar_row* r : rows) {
    if (!same_words(name, r->title) && !listed(r->names, name)) continue;
    std::string_view rest = text.substr(0, open);
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    return named_calendar{r->cal, rest};
  }
  return std::nullopt;
}

}  // namespace annals::detail

namespace annals {

std::string_view to_string(calendar c) { return detail::row_of(c).id; }

std::optional<calendar> parse_calendar(std::string_view name) {
  for (const detail::calendar_row* r : detail::rows)
    if (r->id == name) return r->cal;
  return std::nullopt;
}

}  // namespace annals
