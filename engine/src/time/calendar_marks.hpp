#pragma once

// The calendar a date names after itself: "(Julian)", "1437 AH" (calendars.cpp's
// calendar_suffix), and Old Style / New Style as English histories write them: "O.S.",
// "OS", "(O.S.)", "(Old Style)" are the Julian calendar, "N.S.", "(N.S.)", "(New Style)" the
// Gregorian. English histories mean by Old Style the Julian calendar (and, before 1752 in
// England, a year beginning on 25 March: the dual year "1720/21", read in date_grammar.cpp).

#include <optional>
#include <string_view>

#include "time/calendars.hpp"

namespace annals::detail {

/// `text` split into the calendar named at its end and the date before it, by any of the
/// marks above (any case, with or without dots); nullopt when it names none.
std::optional<named_calendar> calendar_mark(std::string_view text);

}  // namespace annals::detail
