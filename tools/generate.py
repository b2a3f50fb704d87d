#!/usr/bin/env python3
"""Writes a deterministic synthetic timeline of N events in annals' YAML format.

    tools/generate.py 100000 > /tmp/events-100k.yaml

Every date form of SPEC §3 appears (ISO days, months, years, times with zones and
offsets, EDTF qualifiers, unspecified digits, seasons, intervals, English phrases,
calendars, relative dates), with actors, places, tags, sources and consistent links
(every link points to an earlier event whose date cannot come after it).
"""
import random
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
KINDS = ["visit", "meeting", "statement", "decree", "summit", "strike", "talks", "report"]
VERBS = ["announces", "signs", "rejects", "proposes", "confirms", "postpones", "opens", "ends"]
OBJECTS = ["a trade agreement", "new sanctions", "the gas pipeline project", "a joint statement",
           "talks on the nuclear programme", "a loan for infrastructure", "the visa regime",
           "a military exercise"]
SENTENCES = ["The announcement followed weeks of talks between the two delegations.",
             "Officials did not give a date for the next round.",
             "The agency quoted an unnamed source close to the negotiations.",
             "Analysts said the move had been expected since the spring.",
             "The statement was read out at a press conference in the capital.",
             "Earlier reports had put the figure at twice that amount."]


def date_form(rng, i, year, month, day):
    """A date text for day `day` of `month` of `year`, in a form chosen by `i`."""
    form = i % 20
    if form < 8:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if form == 8:
        return f"{year:04d}-{month:02d}"
    if form == 9:
        return f"{year:04d}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+03:30"
    if form == 10:
        return f"{year:04d}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}Z"
    if form == 11:
        return f"{year:04d}-{month:02d}-{day:02d}~"
    if form == 12:
        return f"{year:04d}-{month:02d}-XX"
    if form == 13:  # the season holding the date; Jan and Feb are the winter of the year before
        if month <= 2:
            return f"{year - 1:04d}-24"
        return f"{year:04d}-{21 + (month - 3) // 3}"
    if form == 14:
        return f"{day} {MONTHS[month - 1]} {year}"
    if form == 15:
        return f"{MONTHS[month - 1]} {day}, {year}"
    if form == 16:
        part = 'early' if day <= 10 else 'mid' if day <= 20 else 'late'  # the part holding the day
        return f"{part} {MONTHS[month - 1]} {year}"
    if form == 17:
        return f"{year:04d}-{month:02d}-{day:02d}/{year:04d}-{month:02d}-{min(day + 2, 28):02d}"
    if form == 18:
        return "{on: %04d-%02d-%02d, calendar: julian}" % (year, month, min(day, 28))
    return f"{year:04d}-{month:02d}-{day:02d}?"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(20151123)
    actors = [f"actor-{k}" for k in range(max(10, n // 100))]
    places = [f"place-{k}" for k in range(max(5, n // 1000))]
    out = sys.stdout
    out.write("# yaml-language-server: $schema=../schemas/timeline.schema.json\n")
    out.write(f"timeline: synthetic-{n}\ntitle: A synthetic timeline of {n} events\n")
    out.write("reference: 2020-06-15\ntimezone: Asia/Tehran\n")
    out.write("sources:\n  wire: {title: The wire service, url: https://example.org/wire}\n")
    out.write("actors:\n")
    for a in actors:
        out.write(f"  {a}: {{name: Actor {a[6:]}}}\n")
    out.write("places:\n")
    for p in places:
        out.write(f"  {p}: {{name: Place {p[6:]}, country: Somewhere}}\n")
    out.write("events:\n")
    # Dates rise with the index (a day every few events), and links reach back
    # more than a season's worth of days, so they never contradict the dates.
    start = 1990 * 372
    per_day = n // 8000 + 1
    for i in range(n):
        t = start + i // per_day
        year, month, day = t // 372, t % 372 // 31 + 1, t % 31 + 1
        day = min(day, 28)
        lines = [f"  - id: e{i}",
                 f"    title: Actor {i % 97} {VERBS[i % 8]} {OBJECTS[i // 8 % 8]} (event {i})",
                 f"    date: {date_form(rng, i, year, month, day)}",
                 f"    kind: {KINDS[i % len(KINDS)]}",
                 f"    actors: [{actors[rng.randrange(len(actors))]}, {actors[rng.randrange(len(actors))]}]"
                 if i % 7 == 0 else f"    actors: [{actors[rng.randrange(len(actors))]}]",
                 f"    place: {places[rng.randrange(len(places))]}",
                 f"    tags: [t{i % 13}]",
                 "    sources: [wire]"]
        if i % 4 != 3:  # three events in four carry a description, folded over lines
            words = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 3))
            lines.append("    description: >-\n      " + words.replace(". ", ".\n      "))
        back = per_day * (100 + rng.randrange(30))
        if i > back and i % 10 == 3:
            lines.append(f"    after: [e{i - back}]")
        if i > back and i % 10 == 6:
            lines.append(f"    caused_by: [e{i - back}]")
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
