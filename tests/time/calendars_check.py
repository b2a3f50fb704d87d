#!/usr/bin/env python3
"""Independent computations of the dates tests/time/calendars_test.cpp and the README's
date table (tests/readme/dates.txt) state for the Islamic, Hebrew, French Republican and
Rumi calendars: the arithmetic of Dershowitz and Reingold, Calendrical Calculations
(fixed day numbers = Python's proleptic Gregorian ordinals), written apart from annals."""
from datetime import date, timedelta


def islamic(y, m, d):  # the arithmetic (tabular) Islamic calendar, civil epoch
    return 227015 - 1 + (y - 1) * 354 + (3 + 11 * y) // 30 + 29 * (m - 1) + m // 2 + d


def hebrew_new_year(y):  # fixed day of 1 Tishri
    def elapsed(y):
        months = (235 * y - 234) // 19
        day = 29 * months + (12084 + 13753 * months) // 25920
        return day + 1 if (3 * (day + 1)) % 7 < 3 else day
    ny0, ny1, ny2 = elapsed(y - 1), elapsed(y), elapsed(y + 1)
    correction = 2 if ny2 - ny1 == 356 else 1 if ny1 - ny0 == 382 else 0
    return -1373427 + ny1 + correction


def show(name, ordinal):
    print(f"{name}: {date.fromordinal(ordinal).isoformat()}")


show("14 Jumada II 1324 AH", islamic(1324, 6, 14))
for m in range(1, 13):
    show(f"1 month {m} of 1324 AH", islamic(1324, m, 1))
show("last day of Dhu al-Qadah 1324 AH", islamic(1324, 12, 1) - 1)
for y in (5670, 5671):
    show(f"1 Tishri {y}", hebrew_new_year(y))
    print(f"  days in {y}: {hebrew_new_year(y + 1) - hebrew_new_year(y)}")
# 5670: deficient leap year (383 days): Tishri 30, Heshvan 29, Kislev 29, Tevet 29, Shevat 30, Adar I 30
adar_ii = hebrew_new_year(5670) + 30 + 29 + 29 + 29 + 30 + 30
show("1 Adar II 5670", adar_ii)
show("15 Nisan 5670", adar_ii + 29 + 14)
# French Republican: 1 Vendémiaire VIII and XIV as the calendar was kept (22 Sep 1792 + days).
epoch = date(1792, 9, 22).toordinal()
sextiles = lambda n: sum(1 for s in (3, 7, 11, 15) if s <= n)
new_year = lambda y: epoch + 365 * (y - 1) + sextiles(y - 1)
show("18 Brumaire VIII", new_year(8) + 30 + 17)
show("1 Vendémiaire XIV", new_year(14))
show("9 Thermidor II", new_year(2) + 30 * 10 + 8)
# Rumi before 1917: Julian dates; Julian = Gregorian + 13 days in 1900-2099.
print("7 Nisan 1327 = Julian 1911-04-07 =", date(1911, 4, 7) + timedelta(days=13))
