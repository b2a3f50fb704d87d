#pragma once

// The rows of the calendar table, one file each (calendar_<id>.cpp); calendars.cpp lists
// them in the enum's order. Only calendars.cpp includes this.

#include "time/calendars.hpp"

namespace annals::detail {

extern const calendar_row gregorian_calendar;
extern const calendar_row julian_calendar;
extern const calendar_row solar_hijri_calendar;
extern const calendar_row islamic_calendar;
extern const calendar_row hebrew_calendar;
extern const calendar_row rumi_calendar;
extern const calendar_row french_republican_calendar;

/// English month names, shared by the Gregorian and Julian rows.
extern const month_name english_months[12];

}  // namespace annals::detail
