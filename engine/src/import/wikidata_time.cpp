#include "import/wikidata_time.hpp"

#include <cctype>
#include <charconv>
#include <initializer_list>
#include <utility>

#include "time/calendars.hpp"
#include "time/civil.hpp"

namespace annals::wikidata {

namespace {

using std::int64_t;

// Wikibase's precisions (TimeValue::PRECISION_*) that the rules below name.
constexpr int millennium = 6, century = 7, decade = 8, year = 9, month = 10, day = 11, hour = 12, minute = 13;

constexpr int64_t seconds_per_day = civil::seconds_per_day;
constexpr int64_t max_shift = 1'000'000;  // before/after beyond this many units are refused

// The years of one unit of a precision coarser than a year: 10 for a decade .. 10^9 for 0.
int64_t unit_years(int p) {
  int64_t u = 10;
  for (int k = p; k < decade; ++k) u *= 10;
  return u;
}

int64_t magnitude(int64_t y) { return y < 0 ? -y : y; }

// Pieces joined by appending (GCC 12 warns falsely, -Wrestrict, on "[" + std::string&&).
std::string join(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (const std::string_view p : pieces) out += p;
  return out;
}

// Historical numbering (no year 0, 1 BC is -1) to astronomical (1 BC is 0).
int64_t astronomical(int64_t h) { return h < 0 ? h + 1 : h; }

bool writable_year(int64_t y) { return magnitude(y) <= civil::max_year; }

std::string two(unsigned n) { return {static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)}; }

// A year as EDTF writes it: four digits and a sign before year 1; more digits after `Y`.
std::string edtf_year(int64_t y) {
  char out[40];
  char* p = out;
  const int64_t a = magnitude(y);
  if (a > 9999) *p++ = 'Y';
  if (y < 0) *p++ = '-';
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, a);
  for (auto n = end - digits; n < 4; ++n) *p++ = '0';
  for (const char* c = digits; c != end; ++c) *p++ = *c;
  return std::string(out, p);
}

// A year as English writes it, "1066", "AD 79", "44 BC"; empty past four digits (prose
// reads no longer years).
std::string english_year(int64_t y) {
  if (y >= 1000 && y <= 9999) return std::to_string(y);
  if (y >= 1 && y < 1000) return "AD " + std::to_string(y);
  if (y <= 0 && 1 - y <= 9999) return std::to_string(1 - y) + " BC";
  return {};
}

std::string ordinal(int64_t n) {
  const int64_t r100 = n % 100, r10 = n % 10;
  const char* suffix = (r100 >= 11 && r100 <= 13) ? "th" : r10 == 1 ? "st" : r10 == 2 ? "nd" : r10 == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

// A value's calendar, when it has one (year precision or finer); coarser values fit any.
bool named(const time_value& v) { return v.precision >= year; }

std::optional<calendar> common_calendar(const time_value& a, const time_value& b) {
  if (named(a) && named(b) && a.cal != b.cal) return std::nullopt;
  return named(a) ? a.cal : named(b) ? b.cal : calendar::gregorian;
}

// The value in EDTF (what annals reads first), or empty where EDTF has no form for it (a
// century, a decade BC, a millennium, ten thousand years or more).
std::string edtf(const time_value& v) {
  if (v.precision >= year) {
    std::string s = edtf_year(v.y);
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "-" + std::string.
    const auto add = [&s](char separator, unsigned n) {
      s += separator;
      s += two(n);
    };
    if (v.precision >= month) add('-', v.m);
    if (v.precision >= day) add('-', v.d);
    if (v.precision >= hour) {
      add('T', v.hh);
      if (v.precision >= minute) add(':', v.mi);
      if (v.precision > minute) add(':', v.ss);
      s += 'Z';
    }
    return s;
  }
  if (v.precision == decade && v.first_year >= 0 && v.first_year % 10 == 0 && v.last_year == v.first_year + 9 &&
      v.first_year <= 9990) {
    std::string s = edtf_year(v.first_year);
    s.back() = 'X';  // EDTF's unspecified digit: 196X is 1960..1969
    return s;
  }
  return {};
}

// The value in English words, which compose into "between … and …" and "from … to …";
// empty where the grammar reads no such words (times of day, years past four digits).
std::string english(const time_value& v) {
  const int64_t f = v.first_year, l = v.last_year;
  if (v.precision >= year && v.precision <= day) {
    std::string y = english_year(v.y);
    if (y.empty() || v.precision == year) return y;
    y = std::string(detail::month_of(v.cal, v.y, v.m).full) + " " + y;
    return v.precision == month ? y : std::to_string(v.d) + " " + y;
  }
  if (v.precision == decade) {
    // "the 1800s" reads as a century: a decade that begins a century has no words here.
    if (f >= 10 && f % 10 == 0 && f % 100 != 0 && l == f + 9 && f <= 9990) return "the " + std::to_string(f) + "s";
    const int64_t tens = -f - 8;  // the 10s BC are 19 BC .. 10 BC: years -18 .. -9
    if (f < 0 && tens >= 10 && tens % 10 == 0 && tens % 100 != 0 && l == 1 - tens && tens <= 9990) {
      return "the " + std::to_string(tens) + "s BC";
    }
  }
  if (v.precision == century) {
    if (f >= 1 && (f - 1) % 100 == 0 && l == f + 99 && l <= 10000) return "the " + ordinal(l / 100) + " century";
    if (l <= 0 && l % 100 == 0 && f == l - 99 && -l <= 9900) return "the " + ordinal(-l / 100 + 1) + " century BC";
  }
  return {};
}

// The value in EDTF, or the first or last year it covers.
std::string edtf_or_year(const time_value& v, bool first) {
  std::string s = edtf(v);
  return s.empty() ? edtf_year(first ? v.first_year : v.last_year) : s;
}

// The first or last day of a value as a Gregorian EDTF date, where two ends of a range are
// in different calendars and cannot both be written in words.
std::string gregorian_day(const time_value& v, bool first) {
  if (!named(v)) return edtf_or_year(v, first);
  const int64_t z = civil::floor_div(first ? first_second(v) : last_second(v), seconds_per_day);
  const civil::ymd g = civil::civil_from_days(z);
  time_value day_value;
  day_value.precision = day;
  day_value.y = g.y;
  day_value.m = g.m;
  day_value.d = g.d;
  return edtf(day_value);
}

std::string with_calendar(const std::string& words, const time_value& v) {
  return join({words, " (", detail::calendar_title(v.cal), ")"});
}

record date_record(std::string text, calendar cal, std::uint32_t line, std::uint32_t column) {
  if (cal == calendar::gregorian) return record::string(std::move(text), line, column);
  record m = record::mapping(line, column);
  m.set("on", record::string(std::move(text), line, column));
  m.set("calendar", record::scalar(std::string(detail::row_of(cal).id), line, column));
  return m;
}

// The parts of an xsd:dateTime: [+-]Y...-MM-DD[Thh:mm:ss[.fff]][Z|+00:00]. Month and day
// may be 00, as Wikibase writes them below their precision.
struct stamp {
  int64_t year = 0;
  unsigned m = 0, d = 0, hh = 0, mi = 0, ss = 0;
};

std::optional<stamp> parse_stamp(std::string_view s) {
  std::size_t i = 0;
  const auto digit = [&](std::size_t k) { return k < s.size() && std::isdigit(static_cast<unsigned char>(s[k])); };
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  stamp st;
  const std::size_t from = i;
  for (; digit(i); ++i) {
    if (i - from >= 16) return std::nullopt;  // Wikibase writes at most 16 digits
    st.year = st.year * 10 + (s[i] - '0');
  }
  if (i == from) return std::nullopt;
  if (negative) st.year = -st.year;
  const auto pair = [&](char separator, unsigned& out) {
    if (i >= s.size() || s[i] != separator || !digit(i + 1) || !digit(i + 2)) return false;
    out = static_cast<unsigned>((s[i + 1] - '0') * 10 + (s[i + 2] - '0'));
    i += 3;
    return true;
  };
  if (!pair('-', st.m) || !pair('-', st.d)) return std::nullopt;
  if (i < s.size() && s[i] == 'T') {
    if (!pair('T', st.hh) || !pair(':', st.mi) || !pair(':', st.ss)) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
      for (++i; digit(i); ++i) {
      }
    }
  }
  if (s.substr(i) == "Z" || s.substr(i) == "+00:00" || s.substr(i) == "-00:00") i = s.size();
  if (i != s.size()) return std::nullopt;
  return st;
}

// What a coarse value of Wikibase's historical year `h` covers; a warning when its year
// closes a century or millennium (an editor may have meant the one it opens).
void coarse_years(int64_t h, int p, time_value& v, std::string& warning) {
  const int64_t a = magnitude(h);
  if (p == decade) {
    const int64_t tens = a / 10 * 10;  // floor(year / 10): 1965 is the 1960s, -0015 the 10s BC
    v.first_year = h > 0 ? tens : -tens - 8;
    v.last_year = h > 0 ? tens + 9 : (tens == 0 ? 0 : 1 - tens);
    return;
  }
  const int64_t u = unit_years(p);
  if (p == century || p == millennium) {
    const int64_t n = (a + u - 1) / u;  // ceil(year / 100): 1901 .. 2000 are the 20th century
    v.first_year = h > 0 ? u * (n - 1) + 1 : 1 - u * n;
    v.last_year = h > 0 ? u * n : -u * (n - 1);
    if (a % u == 0) {
      // 1900 closes the 19th century (1801-1900) and names the 1900s (1900-1999).
      const std::string era = h > 0 ? "" : " BC";
      const auto years = [&](int64_t from, int64_t to) {
        return std::to_string(from) + era + "–" + std::to_string(to) + era;
      };
      warning = "the year " + std::to_string(a) + era + " at " + (p == century ? "century" : "millennium") +
                " precision is read as Wikidata shows it, the " + ordinal(n) + (p == century ? " century" : " millennium") +
                era + " (" + (h > 0 ? years(v.first_year, v.last_year) : years(1 - v.first_year, 1 - v.last_year)) +
                "); it may have been meant as the years " + (h > 0 ? years(a, a + u - 1) : years(a + u - 1, a));
    }
    return;
  }
  // Ten thousand years or more: the year rounded to the unit, as Wikidata shows it ("13.8
  // billion years BCE" to the nearest hundred million), half a unit either side.
  const int64_t rounded = (a + u / 2) / u * u;
  const int64_t centre = h < 0 ? -rounded : rounded;
  v.first_year = astronomical(centre - u / 2);
  v.last_year = astronomical(centre + u / 2);
}

}  // namespace

time_read read_time(std::string_view text, int p, calendar cal) {
  time_read r;
  const auto st = parse_stamp(text);
  if (!st) {
    r.error = "cannot read the time value '" + std::string(text) +
              "': expected an xsd:dateTime as the query service writes it, such as 1917-11-07T00:00:00Z";
    return r;
  }
  if (!writable_year(st->year)) {
    r.error = "the year " + std::to_string(st->year) + " is beyond the years annals reads (100 billion either side)";
    return r;
  }
  // A month or day that no calendar has is a broken value at any precision, even where
  // the precision leaves it unread.
  if (st->m > 12 || st->d > 31) {
    r.error = "the time value '" + std::string(text) + "' has no such month or day";
    return r;
  }
  time_value v;
  v.precision = p;
  if (p < year) {
    if (st->year == 0) {
      r.error = "the year 0 of '" + std::string(text) + "' does not exist in Wikidata's numbering of years";
      return r;
    }
    coarse_years(st->year, p, v, r.warning);
    if (!writable_year(v.first_year) || !writable_year(v.last_year)) {
      r.error = "the time value '" + std::string(text) + "' reaches beyond the years annals reads";
      return r;
    }
    r.value = v;
    return r;
  }
  // A value with a plus sign or a zero month or day is in Wikibase's own serialization (its
  // API's and dumps' JSON), which the RDF builder changes for the service: historical years
  // (44 BC is -0044) and Julian days as written. Without, it is the service's: XSD 1.1
  // years (44 BC is -0043) and Julian days converted to the Gregorian calendar.
  const bool stored = text.starts_with('+') || st->m == 0 || st->d == 0;
  v.y = stored ? astronomical(st->year) : st->year;
  v.m = p >= month ? st->m : 1;
  v.d = p >= day ? st->d : 1;
  if (p >= hour) {
    v.hh = st->hh;
    v.mi = st->mi;
    v.ss = st->ss;
  }
  if (p >= month && magnitude(v.y) > 9999) {
    r.error = "the time value '" + std::string(text) +
              "' has a month in a year of more than four digits, which annals writes as a year alone";
    return r;
  }
  if ((p >= month && (v.m < 1 || v.m > 12)) || v.hh > 23 || v.mi > 59 || v.ss > 59) {
    r.error = "the time value '" + std::string(text) + "' has no such month or time of day";
    return r;
  }
  v.cal = cal;
  if (cal == calendar::julian && p >= day && v.y >= -4712 && !stored) {
    // The service converted the Julian day to the Gregorian calendar (PHP's juliantojd
    // reaches back to 4713 BC); converted back, it is the day the item's editors wrote.
    const auto z = detail::to_days(calendar::gregorian, v.y, v.m, v.d);
    if (!z) {
      r.error = "the time value '" + std::string(text) + "' is no day of the Gregorian calendar";
      return r;
    }
    const civil::ymd j = detail::from_days(calendar::julian, *z);
    v.y = j.y;
    v.m = j.m;
    v.d = j.d;
  } else if (cal != calendar::gregorian && !detail::year_in_range(cal, v.y)) {
    v.cal = calendar::gregorian;  // as Wikibase reads a Julian date beyond its range
  }
  if (p >= day && !detail::to_days(v.cal, v.y, v.m, v.d)) {
    r.error = "the time value '" + std::string(text) + "' is no day of the " +
              std::string(detail::calendar_title(v.cal)) + " calendar";
    return r;
  }
  v.first_year = v.last_year = v.y;
  r.value = v;
  return r;
}

std::int64_t first_second(const time_value& v) {
  if (v.precision < month) {
    const calendar c = named(v) ? v.cal : calendar::gregorian;
    return detail::to_days(c, v.first_year, 1, 1).value_or(0) * seconds_per_day;
  }
  const int64_t z = detail::to_days(v.cal, v.y, v.m, v.precision >= day ? v.d : 1).value_or(0);
  return z * seconds_per_day + (v.precision >= hour ? v.hh * 3600 + v.mi * 60 + v.ss : 0);
}

std::int64_t last_second(const time_value& v) {
  if (v.precision < month) {
    const calendar c = named(v) ? v.cal : calendar::gregorian;
    return detail::to_days(c, v.last_year, 12, 31).value_or(0) * seconds_per_day + seconds_per_day - 1;
  }
  if (v.precision == month) {
    return detail::to_days(v.cal, v.y, v.m, detail::days_in_month(v.cal, v.y, v.m)).value_or(0) * seconds_per_day +
           seconds_per_day - 1;
  }
  const int64_t unit = v.precision == day ? seconds_per_day : v.precision == hour ? 3600 : v.precision == minute ? 60 : 1;
  return first_second(v) + unit - 1;
}

std::optional<time_value> shifted(const time_value& v, std::int64_t n) {
  if (n == 0) return v;
  if (magnitude(n) > max_shift) return std::nullopt;
  time_value s = v;
  if (v.precision < year) {
    const int64_t by = n * unit_years(v.precision);
    s.first_year += by;
    s.last_year += by;
    if (!writable_year(s.first_year) || !writable_year(s.last_year)) return std::nullopt;
    return s;
  }
  // Years that stay within what the value's calendar and EDTF's months write.
  const int64_t limit = v.precision == year ? (v.cal == calendar::gregorian ? civil::max_year : 32000) : 9999;
  if (v.precision == year) {
    s.y += n;
  } else if (v.precision == month) {
    const auto index = detail::month_index(v.cal, v.y, v.m);
    if (!index) return std::nullopt;
    const civil::ymd m = detail::month_at(v.cal, *index + n);
    s.y = m.y;
    s.m = m.m;
  } else {
    const int64_t unit = v.precision == day ? seconds_per_day : v.precision == hour ? 3600 : v.precision == minute ? 60 : 1;
    const int64_t t = first_second(v) + n * unit;
    const int64_t z = civil::floor_div(t, seconds_per_day);
    if (magnitude(civil::civil_from_days(z).y) > limit) return std::nullopt;
    const civil::ymd dt = detail::from_days(v.cal, z);
    const int64_t rest = t - z * seconds_per_day;
    s.y = dt.y;
    s.m = dt.m;
    s.d = dt.d;
    s.hh = static_cast<unsigned>(rest / 3600);
    s.mi = static_cast<unsigned>(rest / 60 % 60);
    s.ss = static_cast<unsigned>(rest % 60);
  }
  if (magnitude(s.y) > limit) return std::nullopt;
  s.first_year = s.last_year = s.y;
  return s;
}

record single_date(const time_value& v, std::uint32_t line, std::uint32_t column) {
  std::string text = edtf(v);
  if (text.empty()) text = english(v);
  if (text.empty()) {
    // A millennium, or ten thousand years or more: somewhere within the years it covers.
    const std::string a = english_year(v.first_year), b = english_year(v.last_year);
    text = !a.empty() && !b.empty() ? join({"between ", a, " and ", b})
                                    : join({"[", edtf_year(v.first_year), "..", edtf_year(v.last_year), "]"});
  }
  return date_record(std::move(text), named(v) ? v.cal : calendar::gregorian, line, column);
}

record between_dates(const time_value* lo, const time_value* hi, std::uint32_t line, std::uint32_t column) {
  if (lo && hi) {
    const std::string a = english(*lo), b = english(*hi);
    if (const auto cal = common_calendar(*lo, *hi)) {
      std::string text = !a.empty() && !b.empty() ? join({"between ", a, " and ", b})
                                                  : join({"[", edtf_or_year(*lo, true), "..", edtf_or_year(*hi, false), "]"});
      return date_record(std::move(text), *cal, line, column);
    }
    // Each end in its own calendar: named after it in words, else both as Gregorian days.
    std::string text = !a.empty() && !b.empty()
                           ? join({"between ", with_calendar(a, *lo), " and ", with_calendar(b, *hi)})
                           : join({"[", gregorian_day(*lo, true), "..", gregorian_day(*hi, false), "]"});
    return date_record(std::move(text), calendar::gregorian, line, column);
  }
  if (lo) return date_record(join({"[", edtf_or_year(*lo, true), "..]"}), named(*lo) ? lo->cal : calendar::gregorian, line, column);
  return date_record(join({"[..", edtf_or_year(*hi, false), "]"}), named(*hi) ? hi->cal : calendar::gregorian, line, column);
}

record span_dates(const time_value* start, const time_value* end, std::uint32_t line, std::uint32_t column) {
  if (start && end) {
    const std::string a = edtf(*start), b = edtf(*end);
    const std::string wa = english(*start), wb = english(*end);
    if (const auto cal = common_calendar(*start, *end)) {
      std::string text = !a.empty() && !b.empty()     ? join({a, "/", b})
                         : !wa.empty() && !wb.empty() ? join({"from ", wa, " to ", wb})
                                                      : join({edtf_or_year(*start, true), "/", edtf_or_year(*end, false)});
      return date_record(std::move(text), *cal, line, column);
    }
    std::string text = !wa.empty() && !wb.empty()
                           ? join({"from ", with_calendar(wa, *start), " to ", with_calendar(wb, *end)})
                           : join({gregorian_day(*start, true), "/", gregorian_day(*end, false)});
    return date_record(std::move(text), calendar::gregorian, line, column);
  }
  // An end Wikidata does not give is unknown, not open (EDTF's empty end).
  if (start) {
    return date_record(join({edtf_or_year(*start, true), "/"}), named(*start) ? start->cal : calendar::gregorian, line, column);
  }
  return date_record(join({"/", edtf_or_year(*end, false)}), named(*end) ? end->cal : calendar::gregorian, line, column);
}

}  // namespace annals::wikidata
