// The Ottoman Rumi (fiscal, mali) calendar, civil from 1 Mart 1256 (13 March 1840) to the
// end of 1925: Julian months and days, the year numbered Julian year - 584 and beginning on
// 1 Mart (Kânunusani and Şubat of Rumi year y are January and February of Julian y + 585).
// The reform of 1917: 15 Şubat 1332 (Julian 15 February = Gregorian 28 February 1917) was
// followed by 1 Mart 1333 = 1 March 1917 Gregorian; from then the days are Gregorian, and
// the year's beginning moved to 1 Kânunusani, so that 1333 had ten months (Mart to
// Kânunuevvel) and 1334 began on 1 January 1918: from 1334 Rumi year = Gregorian - 584.
// (Some tables keep a 1 March new year until 1925; the day numbers of Mart..Kânunuevvel
// agree under both readings.) Before 1840 and after 1925 the rule runs on, proleptic.

#include "time/calendar_rows.hpp"

namespace annals::detail {
namespace {

constexpr std::int64_t reform_year = 1333;  // its 1 Mart was Gregorian
constexpr std::int64_t shift = 584;

// Slots run Kânunusani (1) .. Kânunuevvel (12); until 1333 a year runs Mart (3) .. Şubat (2).
unsigned days_in_month(std::int64_t y, unsigned m) {
  if (y < reform_year) {
    if (y == reform_year - 1 && m == 2) return 15;  // Şubat 1332 ended on the 15th
    return julian_calendar.days_in_month(m >= 3 ? y + shift : y + shift + 1, m);
  }
  if (y == reform_year && m < 3) return 0;
  return civil::last_day(y + shift, m);
}

std::optional<std::int64_t> to_days(std::int64_t y, unsigned m, unsigned d) {
  if (d > days_in_month(y, m)) return std::nullopt;
  if (y < reform_year) return julian_calendar.to_days(m >= 3 ? y + shift : y + shift + 1, m, d);
  return civil::days_from_civil(y + shift, m, d);
}

civil::ymd from_days(std::int64_t z) {
  if (z >= civil::days_from_civil(1917, 3, 1)) {
    const civil::ymd g = civil::civil_from_days(z);
    return {g.y - shift, g.m, g.d};
  }
  const civil::ymd j = julian_calendar.from_days(z);
  return {j.m >= 3 ? j.y - shift : j.y - shift - 1, j.m, j.d};
}

std::int64_t months_before(std::int64_t y) { return y <= reform_year ? 12 * y : 12 * y - 2; }

unsigned slot_at(std::int64_t y, unsigned k) {
  if (y > reform_year) return k;
  return k <= 10 ? k + 2 : k - 10;
}

unsigned position_of(std::int64_t y, unsigned m) {
  if (y > reform_year) return m;
  if (m >= 3) return m - 2;
  return y == reform_year ? 0 : m + 10;
}

// Modern Turkish spellings as labels print them; the Ottoman forms with their izafet
// written apart (Teşrin-i Evvel) and ASCII spellings read too.
constexpr month_name months[] = {
    {"Kânunusani", "Kânunusani", "Kanunusani|Kânun-ı Sani|Kanun-i Sani|Kanunisani|Kânunisani|Kanun-ı Sani|Kanun Sani"},
    {"Şubat", "Şubat", "Subat"},
    {"Mart", "Mart", ""},
    {"Nisan", "Nisan", ""},
    {"Mayıs", "Mayıs", "Mayis|Mayys"},
    {"Haziran", "Haziran", ""},
    {"Temmuz", "Temmuz", ""},
    {"Ağustos", "Ağustos", "Agustos|Agostos|Ağostos"},
    {"Eylül", "Eylül", "Eylul"},
    {"Teşrinievvel", "Teşrinievvel", "Tesrinievvel|Teşrin-i Evvel|Tesrin-i Evvel|Tesrinevvel|Teşrin-ı Evvel|Tishrin-i Evvel"},
    {"Teşrinisani", "Teşrinisani", "Tesrinisani|Teşrin-i Sani|Tesrin-i Sani|Tesrinsani|Teşrin-ı Sani"},
    {"Kânunuevvel", "Kânunuevvel", "Kanunuevvel|Kânun-ı Evvel|Kanun-i Evvel|Kanunievvel|Kanun-ı Evvel|Kanun Evvel"},
};

}  // namespace

extern const calendar_row rumi_calendar{
    .cal = calendar::rumi, .id = "rumi", .title = "Rumi", .names = "Ottoman|Rumi fiscal|Mali",
    .eras = "", .months = months, .lunar = false, .english_years = false,
    .min_year = 1, .max_year = 9999,
    .official_first = civil::days_from_civil(1840, 3, 13), .official_last = civil::days_from_civil(1925, 12, 31),
    .to_days = to_days, .days_in_month = days_in_month, .from_days = from_days,
    .months_before = months_before, .slot_at = slot_at, .position_of = position_of, .leap = nullptr,
    .year_text = nullptr, .months_per_year = 12};

}  // namespace annals::detail
