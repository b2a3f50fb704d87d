// The Hebrew calendar: ICU's Hebrew calendar gives the day of each 1 Tishri (the molad and
// its postponements); the months follow from the year's length. Years count from the
// Creation (Anno Mundi; 5670 began on 16 September 1909). The ICU headers stay in this file.
//
// ICU is loaded when a Hebrew date is first read, not when annals starts: its data library
// maps some 30 MB, which every run would otherwise pay (and a run under `ulimit -v` could
// not start). The C API (ucal_*) is looked up by its versioned names.

#include <dlfcn.h>

#include <cmath>
#include <string>

#include <unicode/ucal.h>
#include <unicode/uvernum.h>

#include "time/calendar_rows.hpp"

#define ANNALS_ICU_NAME2(x) #x
#define ANNALS_ICU_NAME(x) ANNALS_ICU_NAME2(x)  // "ucal_open_72": the renamed entry point

namespace annals::detail {
namespace {

constexpr double ms_per_day = 86400000.0;

// A leap year has Adar I: years 3, 6, 8, 11, 14, 17 and 19 of the 19-year cycle.
bool leap(std::int64_t y) { return civil::floor_mod(7 * y + 1, 19) < 7; }

// The ICU functions annals calls, from the library found at run time.
struct icu_api {
  decltype(&::ucal_open) open = nullptr;
  decltype(&::ucal_close) close = nullptr;
  decltype(&::ucal_clear) clear = nullptr;
  decltype(&::ucal_setDate) set_date = nullptr;
  decltype(&::ucal_getMillis) millis = nullptr;
};

const icu_api* icu() {
  static const icu_api* api = [] () -> const icu_api* {
    const std::string name = "libicui18n.so." + std::to_string(U_ICU_VERSION_MAJOR_NUM);
    void* lib = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!lib) return nullptr;
    static icu_api a;
    a.open = reinterpret_cast<decltype(a.open)>(dlsym(lib, ANNALS_ICU_NAME(ucal_open)));
    a.close = reinterpret_cast<decltype(a.close)>(dlsym(lib, ANNALS_ICU_NAME(ucal_close)));
    a.clear = reinterpret_cast<decltype(a.clear)>(dlsym(lib, ANNALS_ICU_NAME(ucal_clear)));
    a.set_date = reinterpret_cast<decltype(a.set_date)>(dlsym(lib, ANNALS_ICU_NAME(ucal_setDate)));
    a.millis = reinterpret_cast<decltype(a.millis)>(dlsym(lib, ANNALS_ICU_NAME(ucal_getMillis)));
    if (!a.open || !a.close || !a.clear || !a.set_date || !a.millis) return nullptr;
    return &a;
  }();
  return api;
}

// One ICU calendar per thread (ICU calendars are not shared across threads), in UTC.
struct hebrew_ucal {
  UCalendar* cal = nullptr;
  hebrew_ucal() {
    if (const icu_api* api = icu()) {
      static constexpr UChar utc[] = {u'U', u'T', u'C'};
      UErrorCode status = U_ZERO_ERROR;
      cal = api->open(utc, 3, "en@calendar=hebrew", UCAL_TRADITIONAL, &status);
      if (U_FAILURE(status)) cal = nullptr;
    }
  }
  ~hebrew_ucal() {
    if (cal) icu()->close(cal);
  }
  hebrew_ucal(const hebrew_ucal&) = delete;
  hebrew_ucal& operator=(const hebrew_ucal&) = delete;
};

const char* why_unavailable() {
  return icu() ? nullptr : "the Hebrew calendar needs ICU (libicui18n), which could not be loaded";
}

// The day of 1 Tishri of year y; nullopt when ICU cannot be loaded.
std::optional<std::int64_t> new_year(std::int64_t y) {
  thread_local hebrew_ucal h;
  if (!h.cal) return std::nullopt;
  const icu_api* api = icu();
  UErrorCode status = U_ZERO_ERROR;
  api->clear(h.cal);
  api->set_date(h.cal, static_cast<std::int32_t>(y), 0, 1, &status);  // 1 Tishri: ICU's month 0
  const UDate ms = api->millis(h.cal, &status);
  if (U_FAILURE(status)) return std::nullopt;
  return static_cast<std::int64_t>(std::floor(ms / ms_per_day));
}

// The lengths of the slots: Heshvan and Kislev follow the year's length (353..355 days, or
// 383..385 in a leap year: deficient, regular, complete); slot 6, Adar I, only in a leap year.
unsigned slot_length(std::int64_t y, unsigned m, unsigned year_days) {
  static constexpr unsigned fixed[] = {30, 0, 0, 29, 30, 30, 29, 30, 29, 30, 29, 30, 29};
  const unsigned kind = year_days % 10;  // 3 deficient, 4 regular, 5 complete
  if (m == 2) return kind == 5 ? 30 : 29;
  if (m == 3) return kind == 3 ? 29 : 30;
  if (m == 6 && !leap(y)) return 0;
  return fixed[m - 1];
}

std::optional<unsigned> year_days(std::int64_t y) {
  const auto a = new_year(y), b = new_year(y + 1);
  if (!a || !b) return std::nullopt;
  return static_cast<unsigned>(*b - *a);
}

std::optional<std::int64_t> to_days(std::int64_t y, unsigned m, unsigned d) {
  const auto start = new_year(y);
  const auto days = year_days(y);
  if (!start || !days || d > slot_length(y, m, *days)) return std::nullopt;
  std::int64_t z = *start;
  for (unsigned k = 1; k < m; ++k) z += slot_length(y, k, *days);
  return z + d - 1;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  const auto days = year_days(y);
  return days ? slot_length(y, m, *days) : 0;
}

civil::ymd from_days(std::int64_t z) {
  std::int64_t y = civil::civil_from_days(z).y + 3761;  // Tishri falls in September or October
  auto start = new_year(y);
  while (start && *start > z) start = new_year(--y);
  const auto year_length = year_days(y);
  if (!start || !year_length) return {y, 1, 1};  // ICU missing: no Hebrew date was read either
  const unsigned days = *year_length;
  auto rest = static_cast<unsigned>(z - *start);
  unsigned m = 1;
  while (rest >= slot_length(y, m, days)) rest -= slot_length(y, m++, days);
  return {y, m, rest + 1};
}

// Months elapsed before year y: 235 in each 19-year cycle, 12 or 13 a year.
std::int64_t months_before(std::int64_t y) { return civil::floor_div(235 * y - 234, 19); }

unsigned slot_at(std::int64_t y, unsigned k) { return leap(y) || k <= 5 ? k : k + 1; }

unsigned position_of(std::int64_t y, unsigned slot) {
  if (leap(y)) return slot;
  return slot == 6 ? 0 : slot < 6 ? slot : slot - 1;
}

// Slot 7 is Adar in a common year and Adar II in a leap year (ICU's ADAR); plain "Adar"
// reads as it, as ICU reads it.
constexpr month_name months[] = {
    {"Tishri", "Tishri", "Tishrei|Tishre|Tisri|Tishrey"},
    {"Heshvan", "Heshvan", "Cheshvan|Marcheshvan|Marheshvan|Hesvan|Khesvan|Mar Cheshvan|Chesvan|Marchesvan"},
    {"Kislev", "Kislev", "Chislev|Kislew|Kislef|Chisleu"},
    {"Tevet", "Tevet", "Teves|Tebeth|Tebet|Teveth"},
    {"Shevat", "Shevat", "Shvat|Shebat|Sebat|Shevet"},
    {"Adar I", "Adar I", "Adar Aleph|Adar Alef|Adar Rishon|Adar 1|First Adar"},
    {"Adar", "Adar", "Adar II|Adar Bet|Adar Beth|Adar Sheni|Veadar|Ve Adar|Second Adar|Adar 2", "Adar II"},
    {"Nisan", "Nisan", "Nissan|Nisn"},
    {"Iyar", "Iyar", "Iyyar|Iyyor|Ijar"},
    {"Sivan", "Sivan", "Siwan|Sivn"},
    {"Tammuz", "Tammuz", "Tamuz|Tamus"},
    {"Av", "Av", "Ab|Menachem Av"},
    {"Elul", "Elul", ""},
};

}  // namespace

extern const calendar_row hebrew_calendar{
    .cal = calendar::hebrew, .id = "hebrew", .title = "Hebrew", .names = "Jewish",
    .eras = "AM", .months = months, .lunar = true, .english_years = false,
    .min_year = 1, .max_year = 9999,
    .official_first = -civil::max_day, .official_last = civil::max_day,
    .to_days = to_days, .days_in_month = days_in_month, .from_days = from_days,
    .months_before = months_before, .slot_at = slot_at, .position_of = position_of, .leap = leap,
    .year_text = nullptr, .months_per_year = 235.0 / 19.0, .spring = 3, .unavailable = why_unavailable};

}  // namespace annals::detail
