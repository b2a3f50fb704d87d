#pragma once

// The lines of an iCalendar text, unfolded (RFC 5545 3.1), with where each starts and where
// its value starts: libical reads the calendar but gives no line numbers, so the importer
// finds each component's and property's line here. Not a parser: only BEGIN/END nesting
// and each line's name are read.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals::ics {

// One unfolded line of the text: its property (or BEGIN/END) name, where it starts, where
// its value starts, and (the first few hundred characters of) its text.
struct text_line {
  std::string name;
  std::string text;
  std::uint32_t line = 0;
  std::uint32_t value_column = 1;
  int event = -1;  // the VEVENT (in text order) whose own property it is; -1 none
};

struct scan_result {
  std::vector<text_line> lines;
  std::vector<std::uint32_t> events;  // the line of each BEGIN:VEVENT, in order
  std::optional<text_line> unclosed;  // a BEGIN whose END never comes
  std::optional<text_line> too_deep;  // a BEGIN nested deeper than max_depth
  std::vector<std::vector<std::size_t>> by_event;  // each VEVENT's own lines (indexes into lines)
};

// Components nest a few deep (VCALENDAR > VEVENT > VALARM, VTIMEZONE > STANDARD): deeper is
// refused before libical, whose recursion it would exhaust.
constexpr std::size_t max_depth = 16;

/// Every unfolded line of `bytes` (CRLF, LF or CR ends), the VEVENTs among them, and the
/// first BEGIN never ended or nested too deep.
scan_result scan(std::string_view bytes);

/// `s` in ASCII capitals: iCalendar names are case-insensitive.
std::string upper(std::string_view s);

}  // namespace annals::ics
