#pragma once

// The words of English dates, one table for each kind: the grammar (date_grammar.cpp and
// grammar_*.cpp) reads them, labels and messages write them, and the spelling hints
// (nearest_word) offer them. A word the grammar reads is in one of these tables.

#include <cstdint>
#include <string_view>

namespace annals::detail {

/// Monday .. Sunday, in civil::iso_weekday's order: the name and two abbreviations.
inline constexpr std::string_view weekday_names[7][3] = {
    {"Monday", "mon", "mon"},     {"Tuesday", "tue", "tues"}, {"Wednesday", "wed", "weds"},
    {"Thursday", "thu", "thurs"}, {"Friday", "fri", "fri"},   {"Saturday", "sat", "sat"},
    {"Sunday", "sun", "sun"}};

/// Seasons by number (1 spring .. 4 winter, as season_first_month counts), as labels
/// write them; "fall" is read as autumn.
inline constexpr std::string_view season_names[5] = {"", "spring", "summer", "autumn", "winter"};

/// Parts of a period, by the third they name (0 early, 1 mid, 2 late); each word is read
/// before a month, a year, a decade or a century ("the end of May", "the mid-19th century").
struct part_word {
  std::string_view word;
  int part;
};
inline constexpr part_word part_words[] = {{"early", 0}, {"beginning", 0}, {"start", 0}, {"mid", 1},
                                           {"middle", 1}, {"late", 2},     {"end", 2}};

/// Parts of a day, read with a day ("Monday night", "this morning", "the morning of February
/// 28, 2017") as their hours there: [first, last) in hours from the day's midnight, the
/// night running into the next day's small hours.
inline constexpr std::string_view day_parts[] = {"morning", "afternoon", "evening", "night"};
inline constexpr int day_part_hours[4][2] = {{6, 12}, {12, 18}, {18, 24}, {18, 30}};

/// Decades written as words: "the nineties" is "the 90s".
inline constexpr std::string_view decade_words[10] = {"",        "",       "twenties", "thirties", "forties",
                                                      "fifties", "sixties", "seventies", "eighties", "nineties"};

/// Named days. `words` is the name as its words, apostrophes dropped ("new year s day").
/// The rule: a fixed day of a month; the n-th weekday of a month (n = -1: the last);
/// days after Easter Sunday (computus: Gregorian, Julian under `calendar: julian`);
/// or 1 Farvardin (Nowruz) of the Solar Hijri year that begins in the Gregorian year.
struct holiday {
  enum class rule : std::uint8_t { fixed, nth_weekday, easter, nowruz };
  std::string_view words;
  rule kind;
  unsigned month = 0;
  int day = 0;  // fixed: the day; nth_weekday: n; easter: days after Easter Sunday
  unsigned weekday = 0;  // nth_weekday: 0 Monday .. 6 Sunday
};
inline constexpr holiday holidays[] = {
    {"christmas eve", holiday::rule::fixed, 12, 24},
    {"christmas day", holiday::rule::fixed, 12, 25},
    {"christmas", holiday::rule::fixed, 12, 25},
    {"xmas", holiday::rule::fixed, 12, 25},
    {"boxing day", holiday::rule::fixed, 12, 26},
    {"new year s eve", holiday::rule::fixed, 12, 31},
    {"new years eve", holiday::rule::fixed, 12, 31},
    {"new year s day", holiday::rule::fixed, 1, 1},
    {"new years day", holiday::rule::fixed, 1, 1},
    {"valentine s day", holiday::rule::fixed, 2, 14},
    {"valentines day", holiday::rule::fixed, 2, 14},
    {"st patrick s day", holiday::rule::fixed, 3, 17},
    {"may day", holiday::rule::fixed, 5, 1},
    {"independence day", holiday::rule::fixed, 7, 4},  // the United States'
    {"bastille day", holiday::rule::fixed, 7, 14},
    {"halloween", holiday::rule::fixed, 10, 31},
    {"veterans day", holiday::rule::fixed, 11, 11},
    {"armistice day", holiday::rule::fixed, 11, 11},
    {"martin luther king day", holiday::rule::nth_weekday, 1, 3, 0},
    {"memorial day", holiday::rule::nth_weekday, 5, -1, 0},
    {"labor day", holiday::rule::nth_weekday, 9, 1, 0},
    {"thanksgiving day", holiday::rule::nth_weekday, 11, 4, 3},
    {"thanksgiving", holiday::rule::nth_weekday, 11, 4, 3},
    {"good friday", holiday::rule::easter, 0, -2},
    {"easter sunday", holiday::rule::easter, 0, 0},
    {"easter monday", holiday::rule::easter, 0, 1},
    {"easter", holiday::rule::easter, 0, 0},
    {"nowruz", holiday::rule::nowruz},
    {"norouz", holiday::rule::nowruz},
    {"nowrouz", holiday::rule::nowruz},
};

/// Every other word the grammar reads.
inline constexpr std::string_view keywords[] = {
    "the",     "of",       "in",       "on",      "at",        "to",       "until",     "till",     "through",
    "from",    "between",  "and",      "or",      "since",     "by",       "before",    "after",    "circa",
    "about",   "around",   "approximately", "century", "centuries", "decade", "decades", "year",  "years",
    "month",   "months",   "week",     "weeks",   "weekend",   "day",      "days",      "today",    "yesterday",
    "tomorrow", "tonight", "past",     "last",    "this",      "next",     "following", "previous", "ago",
    "later",   "earlier",  "now",     "quarter",   "half",     "bc",        "bce",      "ad",
    "ce",      "noon",     "midnight", "am",      "pm",        "utc",      "over",      "first",    "second",
    "third",   "fourth",   "hundred",  "thousand", "so",
    "roughly", "ish",      "gmt",
    // narrative prose: that same day, the preceding winter, within a week, some weeks later
    "that",    "same",     "very",     "preceding", "subsequent", "prior",  "within",    "few",      "several",
    "some",    "afterwards", "afterward", "previously", "time",   "latter",   "former",    "part",     "during",
    "fortnight", "followed", "nearly",  "almost",   "less",      "under",    "rest",      "remainder", "new",
    "then"};

}  // namespace annals::detail
