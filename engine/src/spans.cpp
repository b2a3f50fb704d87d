#include "spans.hpp"

#include "calendars.hpp"

namespace annals::detail {

temporal_value day_span(std::int64_t first, std::int64_t last, precision p, calendar c) {
  temporal_value v;
  v.earliest = day_start(first);
  v.latest = day_end(last);
  v.prec = p;
  v.cal = c;
  return v;
}

std::optional<temporal_value> month_span(calendar c, std::int64_t y0, std::int64_t m0, std::int64_t y1,
                                         std::int64_t m1, precision p) {
  // Normalize month carries: (y, m) with m in [1, 12].
  const std::int64_t i0 = y0 * 12 + (m0 - 1);
  const std::int64_t i1 = y1 * 12 + (m1 - 1);
  y0 = civil::floor_div(i0, 12);
  y1 = civil::floor_div(i1, 12);
  const auto mm0 = static_cast<unsigned>(i0 - y0 * 12 + 1);
  const auto mm1 = static_cast<unsigned>(i1 - y1 * 12 + 1);
  const auto first = to_days(c, y0, mm0, 1);
  const unsigned last_day = days_in_month(c, y1, mm1);
  if (!first || last_day == 0) return std::nullopt;
  const auto last = to_days(c, y1, mm1, last_day);
  if (!last) return std::nullopt;
  return day_span(*first, *last, p, c);
}

precision_unit unit_of(precision p) {
  switch (p) {
    case precision::second: return {0, 1};
    case precision::minute: return {0, 60};
    case precision::hour: return {0, 3600};
    case precision::day: return {0, 86400};
    case precision::week: return {0, 7 * 86400};
    case precision::month: return {1, 0};
    case precision::season: return {3, 0};
    case precision::year: return {12, 0};
    case precision::decade: return {120, 0};
    case precision::century: return {1200, 0};
    case precision::millennium: return {12000, 0};
  }
  return {0, 86400};
}

bool widen(temporal_value& v, int units) {
  const precision_unit u = unit_of(v.prec);
  if (u.seconds != 0) {
    if (v.bounded_start()) v.earliest -= std::chrono::seconds{u.seconds * units};
    if (v.bounded_end()) v.latest += std::chrono::seconds{u.seconds * units};
    return true;
  }
  // Month-based: move the first month back and the last month forward, whole months.
  if (v.bounded_start()) {
    const civil::ymd first = from_days(v.cal, day_of(v.earliest));
    const auto span = month_span(v.cal, first.y, first.m - u.months * units, first.y, first.m - u.months * units, v.prec);
    if (!span) return false;
    v.earliest = span->earliest;
  }
  if (v.bounded_end()) {
    const civil::ymd last = from_days(v.cal, day_of(v.latest));
    const auto span = month_span(v.cal, last.y, last.m + u.months * units, last.y, last.m + u.months * units, v.prec);
    if (!span) return false;
    v.latest = span->latest;
  }
  return true;
}

date_error make_error(std::string_view code, std::string message, std::string hint, std::size_t offset) {
  date_error e;
  e.code = std::string(code);
  e.message = std::move(message);
  e.hint = std::move(hint);
  e.offset = static_cast<std::uint32_t>(offset);
  return e;
}

std::string quoted(std::string_view text) {
  std::string s;
  s.reserve(text.size() + 2);
  s += '\'';
  s += text;
  s += '\'';
  return s;
}

}  // namespace annals::detail
