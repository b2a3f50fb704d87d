#pragma once

// TimelineJS3 input, its JSON and its Google Sheets template alike: both become
// TimelineJS's own configuration (title slide, event slides, eras, scale), the sheet's rows
// converted as TimelineJS's ConfigFactory converts them, and that configuration becomes
// annals events in one place (import_timelinejs.cpp).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/record.hpp"
#include "import/draft.hpp"

namespace annals {

/// A TimelineJS configuration as records, every node at its position in the input.
struct timelinejs_config {
  record title;                                // the title slide (null when none)
  record events = record::sequence(1, 1);      // slides: {start_date, end_date, text, media, group, ...}
  record eras = record::sequence(1, 1);        // {start_date, end_date, text}
  bool cosmological = false;                   // `scale: cosmological`: years only
};

/// Reads the TimelineJS sheet template saved as CSV (columns by header name, the v3
/// Year/Month/Day/Time sheet or the older Start Date/End Date/Tag one) into slides, each
/// cell at its row and column (csv_reader.hpp reads the CSV). Problems go to `d`; false
/// when no row could be read (a quoted cell never closed, not UTF-8, no header).
bool read_timelinejs_sheet(std::string_view bytes, draft::input& in, draft& d, timelinejs_config& out);

/// The paragraphs of an HTML fragment as text: tags dropped (a <p>, <div>, <li>,
/// <blockquote> or heading ends a paragraph, <br> is a line break), entities decoded once
/// (named ones of HTML's common set, decimal and hexadecimal), each paragraph trimmed.
std::vector<std::string> html_paragraphs(std::string_view html);

/// `s` without the blanks (spaces, tabs, line breaks) at its ends.
std::string blank_trimmed(std::string_view s);

}  // namespace annals
