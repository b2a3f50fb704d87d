#pragma once

// The words extract reads prose by, one list each: the tense of a sentence, the words
// that introduce a date without being part of its value, and the words of anaphora. The
// date words themselves are the grammar's (time/date_words.hpp).

#include <string_view>

namespace annals::extract {

/// A sentence with one of these speaks of the future: "will meet on Friday" is after the
/// reference. Several words: all of them, in order.
inline constexpr std::string_view future_markers[] = {
    "will", "shall", "'ll", "going to", "plans to", "plan to", "planning to", "is due to", "are due to",
    "is expected", "are expected", "is scheduled to", "are scheduled to", "is set to", "are set to",
    "intends to", "intend to", "aims to", "would", "upcoming", "is to", "are to"};

/// Verbs in the past tense that do not end in -ed ("said on Friday" is before the reference);
/// any word of five or more letters ending in -ed counts too, but for not_past_ed.
inline constexpr std::string_view irregular_past[] = {
    "said", "was", "were", "had", "did", "told", "went", "came", "met", "made", "took", "gave", "saw",
    "began", "found", "held", "left", "got", "became", "won", "lost", "fell", "rose", "sent", "spoke",
    "wrote", "ran", "brought", "built", "paid", "sold", "bought", "led", "kept", "struck", "stood",
    "thought", "felt", "meant", "knew", "grew", "drew", "flew", "threw", "chose", "broke", "woke",
    "fought", "caught", "taught", "sought", "hid", "bit", "shot", "slid", "spent", "lent", "bent",
    "dealt", "heard", "swore", "tore", "wore", "sank", "sang", "rang", "drank", "swam", "forgot",
    "forgave", "froze", "rode", "drove", "arose", "overtook", "withdrew", "undertook", "ago"};
/// Before a word in -ed, these make it a passive of the present ("is expected"), not a past.
inline constexpr std::string_view present_auxiliaries[] = {"is", "are", "am", "be", "being"};
inline constexpr std::string_view not_past_ed[] = {"need", "indeed", "hundred", "speed", "seed", "feed",
                                                   "breed", "bleed", "proceed", "exceed", "succeed", "embed"};

/// Words before a date that relate an event to it but are not its value (TimeML's
/// signals): `since May`, `on Friday` are dated May, Friday. Dropped from the phrase when
/// what follows them reads alone ("in 3 days" keeps its "in": "3 days" is no date).
inline constexpr std::string_view leading_signals[] = {"on", "in", "at", "during", "since", "until", "till",
                                                       "by", "before", "after", "from", "of", "through",
                                                       "throughout", "as of", "as early as", "as late as"};

/// Words that make a phrase count from the date the text named last: "the next day",
/// "two years later", "that same day", "the following week".
inline constexpr std::string_view anaphoric_words[] = {"later", "afterwards", "afterward", "earlier", "subsequent",
                                                       "that", "same", "following", "previous", "preceding",
                                                       "prior", "before", "after", "then"};

/// Words that count from the document's date even in a narrative: "next week", "last May",
/// "three days ago", "this year", "earlier this month".
inline constexpr std::string_view deictic_words[] = {"last", "next", "this", "past", "ago", "coming",
                                                     "today", "yesterday", "tomorrow", "tonight", "now", "recent"};

/// A date read alone from one of these is a false friend: "then" reads as the reference
/// but says only "at that time".
inline constexpr std::string_view never_alone[] = {"then", "now", "so"};

/// Words a day of the month written alone stands before ("on the 25th at noon", "the 5th
/// of"): after any other word, an ordinal is an adjective ("the 25th anniversary").
inline constexpr std::string_view after_a_day[] = {
    "of", "and", "or", "at", "in", "on", "to", "when", "that", "this", "the", "a", "an", "was", "is", "will", "would",
    "by", "before", "after", "until", "through", "as", "with", "for", "but", "he", "she", "they", "it", "we", "i",
    "you", "were", "are", "had", "has", "have", "said", "from", "so", "if", "because", "while", "there", "his", "her",
    "its", "their", "our", "morning", "afternoon", "evening", "night", "last", "next"};

/// Single words that are dates even alone and in lower case.
inline constexpr std::string_view standalone_words[] = {"today", "yesterday", "tomorrow", "tonight", "noon", "midday", "midnight"};

/// Months that are also English words: alone, without a number or a preposition before
/// them, they are not read ("May I", "March on").
inline constexpr std::string_view month_verbs[] = {"may", "march", "august"};

/// Units a number counts when it stands before them without a plural's s: "1990 metres" is
/// a distance, not the year 1990.
inline constexpr std::string_view count_units[] = {"metres", "meters", "feet", "foot", "km", "kilometres", "kilometers",
                                                   "miles", "mph", "kg", "tonnes", "tons", "people", "staff", "police",
                                                   "cattle", "per", "times", "percent"};

/// Words ending in s that are no plural a number could count: "2019 was", "2019 has".
inline constexpr std::string_view not_plurals[] = {"was", "has", "is", "as", "this", "thus", "plus", "always",
                                                   "perhaps", "unless", "whereas", "less", "across", "its", "his",
                                                   "towards", "afterwards", "besides", "regardless", "nevertheless"};

/// Words before a year that make it a modifier of the noun after it: "the 2019 elections",
/// "its 2020 budget", "a 1990s hit".
inline constexpr std::string_view year_modifiers[] = {"the", "a", "an", "its", "his", "her", "their", "our", "this",
                                                      "that", "last", "next", "whose", "from", "until", "and", "or"};

}  // namespace annals::extract
