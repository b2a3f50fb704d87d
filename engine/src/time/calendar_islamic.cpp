// The Islamic calendar in its tabular (arithmetic) form: date's islamic.h, the civil
// epoch (1 Muharram 1 AH = 16 July 622 Julian) and the 30-year cycle with leap years 2, 5,
// 7, 10, 13, 16, 18, 21, 24, 26, 29. The months as observed (by the sighted crescent, or
// Umm al-Qura's astronomy) may begin a day or two apart from these.

#include <date/date.h>
#include <date/islamic.h>

#include "time/calendar_rows.hpp"

namespace annals::detail {
namespace {

constexpr std::int64_t library_max_year = 32767;  // date::year's range

std::optional<std::int64_t> to_days(std::int64_t y, unsigned m, unsigned d) {
  const islamic::year_month_day ymd{islamic::year{static_cast<int>(y)}, islamic::month{m}, islamic::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd}.time_since_epoch().count();
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  const islamic::year_month_day_last last{islamic::year{static_cast<int>(y)},
                                          islamic::month_day_last{islamic::month{m}}};
  return static_cast<unsigned>(last.day());
}

civil::ymd from_days(std::int64_t z) {
  const islamic::year_month_day ymd{date::sys_days{date::days{z}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

// The names as labels print them, then the transliterations in use: with and without the
// article, I/II for the paired months, Turkish (Muharrem, Rebiülevvel, Cemaziyelevvel,
// Zilkade), Persian/Urdu (Ramazan, Jamadi) and Malay (Zulkaedah) forms. Apostrophes,
// hyphens, the article ("al-", "ul-", "'l-"), a final h, doubled letters and diacritics
// are folded away by month_word, so "Dhu'l-Qa'da" and "Dhu al-Qadah" are one spelling.
constexpr month_name months[] = {
    {"Muharram", "Muharram", "Moharram|Muharrem|Muharem|Moharam"},
    {"Safar", "Safar", "Sefer|Saphar"},
    {"Rabi al-Awwal", "Rabi I", "Rabi al-Awwal|Rabi ul-Awwal|Rabi I|Rabi al-Ula|Rabiulawal|Rebiulevvel|Rebi ul-evvel|"
                                "Rabi Awwal|Rabi 1|Rabi al-Auwal|Rebi I|Rabee al-Awwal|Rabia al-Awwal"},
    {"Rabi al-Thani", "Rabi II", "Rabi al-Thani|Rabi ul-Thani|Rabi II|Rabi al-Akhir|Rabi al-Akhar|Rabi ul-Akhir|"
                                 "Rabi al-Sani|Rabi us-Sani|Rabiulakhir|Rebiulahir|Rebi ul-ahir|Rabi Thani|"
                                 "Rabi 2|Rebi II|Rabee al-Thani|Rabia al-Thani|Rabi al-Akhira"},
    {"Jumada al-Ula", "Jumada I", "Jumada al-Ula|Jumada al-Awwal|Jumada al-Oula|Jumada al-Uwla|Jumada I|Jumada ul-Awwal|"
                                  "Jumadal Ula|Jamadi al-Awwal|Jamadi ul-Awwal|Jamadi I|Cemaziyelevvel|Cemaziyulevvel|"
                                  "Jumada Awwal|Jumada 1|Jumadil Awal|Jumad al-Awwal"},
    {"Jumada al-Akhirah", "Jumada II",
     "Jumada al-Akhirah|Jumada al-Akhira|Jumada al-Thani|Jumada al-Thaniya|Jumada al-Thaniyah|Jumada al-Ukhra|"
     "Jumada al-Akhir|Jumada II|Jumada ul-Akhir|Jumada ul-Thani|Jumada ath-Thaniyah|Jamadi al-Thani|"
     "Jamadi us-Sani|Jamadi al-Akhir|Jamadi II|Cemaziyelahir|Cemaziyulahir|Jumada Thani|Jumada 2|Jumadil Akhir|"
     "Jumada al-Sani|Jumad al-Akhir"},
    {"Rajab", "Rajab", "Recep|Receb|Radjab"},
    {"Shaban", "Shaban", "Sha'ban|Shaaban|Saban|Sha'aban|Chaabane"},
    {"Ramadan", "Ramadan", "Ramazan|Ramzan|Ramadhan|Ramathan|Ramadaan"},
    {"Shawwal", "Shawwal", "Sevval|Shavval|Chawwal|Syawal"},
    {"Dhu al-Qadah", "Dhu al-Qadah",
     "Dhu al-Qa'dah|Dhu al-Qa'da|Dhu'l-Qa'da|Dhu'l-Qa'dah|Dhul Qadah|Dhul Qada|Dhu al-Qi'dah|Dhu al-Qidah|"
     "Dhul-Qi'dah|Zulkaedah|Zulqadah|Zul Qadah|Zil Qad|Zilkade|Zilkaade|Zulkaidah|Zulqaidah|Dhu al-Qaada|Zhul Qadah|"
     "Thul Qadah|Dhu-l-Qa'da"},
    {"Dhu al-Hijjah", "Dhu al-Hijjah",
     "Dhu al-Hijja|Dhu'l-Hijja|Dhu'l-Hijjah|Dhul Hijjah|Dhul Hijja|Zulhijjah|Zul Hijjah|Zilhicce|Zilhijja|Zil Hajj|"
     "Zilhaj|Dhu al-Hijah|Dhu-l-Hijja|Zhul Hijjah|Thul Hijjah|Zulhijah"},
};

}  // namespace

extern const calendar_row islamic_calendar{
    .cal = calendar::islamic, .id = "islamic", .title = "Islamic", .names = "Hijri|Islamic tabular|Lunar Hijri",
    .eras = "AH", .months = months, .lunar = true, .english_years = false,
    .min_year = -library_max_year, .max_year = library_max_year,
    .official_first = civil::days_from_civil(622, 7, 19), .official_last = civil::max_day,  // 1 Muharram 1 AH
    .to_days = to_days, .days_in_month = days_in_month, .from_days = from_days};

}  // namespace annals::detail
