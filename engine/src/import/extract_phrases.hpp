#pragma once

// The date phrases of one sentence, found by the date grammar itself: every span that
// starts at a word is offered to normalize_date, longest first, and the longest it reads
// is a phrase. What the grammar reads but prose does not mean as a date ("may" the verb,
// "1,500 troops", "first in eight years") is left out here, by the rules of
// extract_words.hpp.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/temporal.hpp"

namespace annals::extract {

/// How a sentence places its bare weekdays and months: "said on Friday" looks back,
/// "will meet on Friday" forward.
enum class tense : std::uint8_t { past, present, future };
tense tense_of(std::string_view sentence);
/// The tense of the verb nearest to byte `at` of the sentence: the one its phrase there reads by.
tense tense_at(std::string_view sentence, std::size_t at);

/// What kind of anchor a phrase needs.
enum class anchoring : std::uint8_t {
  absolute,   // its year is written: "23 November 2015", "in 2007", "44 BC"
  deictic,    // the document's date: "yesterday", "last week", "three days ago", "this year"
  cyclic,     // a weekday, month, season or holiday without its year: by the tense, or the narrative
  anaphoric,  // the last date the text named: "the next day", "two years later", "that same day"
};

struct found_phrase {
  std::size_t begin = 0, end = 0;  // bytes of the sentence: the phrase as the grammar read it
  std::size_t core = 0;            // where the phrase begins without its leading preposition
  anchoring anchor = anchoring::deictic;
  bool time_only = false;
  bool weekday = false;
  bool unreadable = false;         // a month the grammar read without the number beside it ("November 31st"):
                                   // [begin, end) covers both; not an event, a comment            // a weekday without its date: by the tense, never the narrative          // a time of day with no date ("at 9 pm")
  std::string by;                  // anaphoric "N units later/earlier", "the next day": the duration ("1 day")
  bool before = false;             // ... counted back ("earlier", "before")
};

/// The phrases of `sentence`, in order, none overlapping; `context` only decides whether a
/// span reads (its reference is any day).
std::vector<found_phrase> find_phrases(std::string_view sentence, const date_context& context);

/// Spans that look like a date but that the grammar does not read ("the 45th of Nevember"):
/// a word that names a month or a weekday with a number beside it, not inside a phrase.
std::vector<std::pair<std::size_t, std::size_t>> unread_spans(std::string_view sentence,
                                                              const std::vector<found_phrase>& found);

/// "first … in eight years", "first … since 1979": the claim's text ("first in eight years"), or "".
std::string first_claim(std::string_view sentence);

}  // namespace annals::extract
