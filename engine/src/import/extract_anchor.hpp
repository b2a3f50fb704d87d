#pragma once

// Where a phrase is read from, and how its date is written so that the draft reads it
// back to the same interval.

#include <optional>
#include <string>
#include <string_view>

#include "annals/temporal.hpp"
#include "import/extract_phrases.hpp"

namespace annals::extract {

/// The last date the text named: the anchor of "the next day" and, once the text has
/// moved to another year, of a month without its year.
struct anchor_date {
  temporal_value value;
  std::string event_id;   // the event it dated
  std::string where;      // "3:12": its line and column in the article
  bool explicit_year = false;
  std::size_t sentence = 0;  // the sentence it was named in
};

/// The document's reading of a date: its reference (from --reference) and reading.
date_context document_context(const temporal_value& reference);

/// A phrase's value and the words saying what it was read against. `history`: the text
/// never speaks from its own date (see extract.cpp), so a month reads from the last year named.
struct reading_result {
  std::optional<temporal_value> value;
  std::string against;  // "the document's date 2015-11-25", "the last date named, 2007 (5:1)"
};

reading_result read_phrase(std::string_view core, const found_phrase& f, tense t, const temporal_value& reference,
                           const std::optional<anchor_date>& last, const std::optional<anchor_date>& last_explicit, bool history);

/// The text to write as `date:` so that, read in the document's context, it gives `v`:
/// the phrase itself when it does, else the phrase with its year, else ISO 8601. "" when
/// no form gives back the same bounds.
std::string written_date(std::string_view core, const temporal_value& v, const date_context& document);

}  // namespace annals::extract
