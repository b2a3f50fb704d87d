#!/usr/bin/env python3
"""Writes a deterministic archive of N events as JSON Lines (one event per line, the
fields of annals' YAML format plus a column of its own), and with --yaml the same events
as one annals YAML file, for checking the recipe against `annals gaps` on the whole.

    recipes/dask/make_archive.py 200000 > archive.jsonl
    recipes/dask/make_archive.py 200000 --yaml > archive.yaml

Dates come in the forms an archive has (ISO days and months, years, English days,
approximate days, early/mid/late months, spans); each event has a kind and one or two
actors, so that `--by kind,actor` has series that cross every partition.
"""
import json
import random
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
KINDS = ["visit", "meeting", "statement", "decree", "summit", "strike", "talks", "report"]
REFERENCE = "2020-06-15"


def date_text(rng, i):
    year, month, day = 1990 + rng.randrange(30), 1 + rng.randrange(12), 1 + rng.randrange(28)
    form = i % 10
    if form < 4:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if form == 4:
        return f"{year:04d}-{month:02d}"
    if form == 5:
        return f"{day} {MONTHS[month - 1]} {year}"
    if form == 6:
        return f"{year:04d}-{month:02d}-{day:02d}~"
    if form == 7:
        return f"{('early', 'mid', 'late')[day % 3]} {MONTHS[month - 1]} {year}"
    if form == 8:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}-{day:02d}/{year:04d}-{month:02d}-{min(day + 3, 28):02d}"


def events(n):
    rng = random.Random(20151123)
    actors = [f"actor-{k}" for k in range(max(4, n // 2000))]
    for i in range(n):
        who = rng.sample(actors, 1 + (i % 7 == 0))
        yield {"id": f"e{i}", "title": f"Event {i}", "date": date_text(rng, i),
               "kind": KINDS[rng.randrange(len(KINDS))], "actors": who,
               "source_row": i}  # a column of the archive's own: passed through


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = sys.stdout
    if "--yaml" not in sys.argv:
        for e in events(n):
            out.write(json.dumps(e, separators=(",", ":")) + "\n")
        return
    # JSON is YAML's flow style: each record is an item of `events:` as it stands.
    actors = sorted({a for e in events(n) for a in e["actors"]})
    out.write(f"timeline: archive-{n}\nreference: {REFERENCE}\nactors:\n")
    for a in actors:
        out.write(f"  {a}: {{name: {a}}}\n")
    out.write("events:\n")
    for e in events(n):
        del e["source_row"]
        out.write("  - " + json.dumps(e, separators=(", ", ": ")) + "\n")


if __name__ == "__main__":
    main()
