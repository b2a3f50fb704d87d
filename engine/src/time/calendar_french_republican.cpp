// The French Republican calendar: twelve months of 30 days and the complementary days
// (sansculottides), five, six in a sextile year; year I began on 22 September 1792, the
// autumn equinox. Years I-XIV are as the calendar was kept until 10 Nivôse XIV (31 December
// 1805), sextile III, VII and XI by the equinox; XV is sextile too and XVI-XIX common, as
// the equinox places them. From year XX Romme's rule, which the Convention never enacted,
// runs on proleptically: a year divisible by 4 is sextile except one divisible by 100 and
// not by 400, or by 4000. Years are written in Roman numerals: "18 Brumaire an VIII".

#include <cmath>
#include <string>

#include "time/calendar_rows.hpp"

namespace annals::detail {
namespace {

constexpr std::int64_t epoch = civil::days_from_civil(1792, 9, 22);  // 1 Vendémiaire I

// Romme's sextile years among 1..n (n >= 0).
std::int64_t romme_sextiles(std::int64_t n) { return n / 4 - n / 100 + n / 400 - n / 4000; }

bool sextile(std::int64_t y) {
  if (y < 20) return y == 3 || y == 7 || y == 11 || y == 15;
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) && y % 4000 != 0;
}

// Sextile years among 1..n.
std::int64_t sextiles(std::int64_t n) {
  if (n < 20) return (n >= 3) + (n >= 7) + (n >= 11) + (n >= 15);
  return 4 + romme_sextiles(n) - romme_sextiles(19);
}

std::int64_t new_year(std::int64_t y) { return epoch + 365 * (y - 1) + sextiles(y - 1); }

unsigned days_in_month(std::int64_t y, unsigned m) { return m <= 12 ? 30 : sextile(y) ? 6 : 5; }

std::optional<std::int64_t> to_days(std::int64_t y, unsigned m, unsigned d) {
  if (d > days_in_month(y, m)) return std::nullopt;
  return new_year(y) + 30 * (m - 1) + d - 1;
}

civil::ymd from_days(std::int64_t z) {
  auto y = static_cast<std::int64_t>(std::floor(static_cast<double>(z - epoch) / 365.2425)) + 1;
  while (y > 1 && new_year(y) > z) --y;
  while (new_year(y + 1) <= z) ++y;
  const auto doy = static_cast<unsigned>(z - new_year(y));  // [0, 365]
  return {y, doy / 30 + 1, doy % 30 + 1};
}

std::int64_t months_before(std::int64_t y) { return 13 * y; }

std::string roman(std::int64_t y) {
  if (y < 1 || y > 3999) return std::to_string(y);
  static constexpr struct {
    int value;
    const char* letters;
  } numerals[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
                  {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},   {1, "I"}};
  std::string s = "an ";
  for (const auto& n : numerals)
    for (; y >= n.value; y -= n.value) s += n.letters;
  return s;
}

constexpr month_name months[] = {
    {"Vendémiaire", "Vendémiaire", "Vendemiaire"},
    {"Brumaire", "Brumaire", ""},
    {"Frimaire", "Frimaire", ""},
    {"Nivôse", "Nivôse", "Nivose"},
    {"Pluviôse", "Pluviôse", "Pluviose"},
    {"Ventôse", "Ventôse", "Ventose"},
    {"Germinal", "Germinal", ""},
    {"Floréal", "Floréal", "Floreal"},
    {"Prairial", "Prairial", ""},
    {"Messidor", "Messidor", ""},
    {"Thermidor", "Thermidor", "Fervidor"},
    {"Fructidor", "Fructidor", ""},
    {"Sansculottides", "Sansculottides",
     "Sans-culottides|Sansculottide|jours complémentaires|jour complémentaire|complementary days|complementary day|"
     "jours épagomènes"},
};

}  // namespace

/// The year in Roman numerals that "an VIII" writes; nullopt for no such numeral.
std::optional<std::int64_t> roman_year(std::string_view w) {
  const auto value = [](char c) -> int {
    switch (c | 0x20) {
      case 'i': return 1;
      case 'v': return 5;
      case 'x': return 10;
      case 'l': return 50;
      case 'c': return 100;
      case 'd': return 500;
      case 'm': return 1000;
    }
    return 0;
  };
  if (w.empty() || w.size() > 15) return std::nullopt;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const int v = value(w[i]);
    if (v == 0) return std::nullopt;
    const int next = i + 1 < w.size() ? value(w[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  // Only the canonical numeral: "IIII" and "VX" are no years.
  if (total < 1 || roman(total) != "an " + [&] {
        std::string up(w);
        for (char& c : up) c = static_cast<char>(c & ~0x20);
        return up;
      }())
    return std::nullopt;
  return total;
}

extern const calendar_row french_republican_calendar{
    .cal = calendar::french_republican, .id = "french_republican", .title = "French Republican",
    .names = "Republican|French revolutionary", .eras = "", .months = months, .lunar = false,
    .english_years = false, .min_year = 1, .max_year = 3999,
    .official_first = epoch, .official_last = civil::days_from_civil(1805, 12, 31),
    .to_days = to_days, .days_in_month = days_in_month, .from_days = from_days,
    .months_before = months_before, .slot_at = nullptr, .position_of = nullptr, .leap = nullptr,
    .year_text = roman, .months_per_year = 13};

}  // namespace annals::detail
