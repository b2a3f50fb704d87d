#!/usr/bin/python3
"""python3-icalendar must parse every approved ics output and find each event with the
dates of the matching approved json output (the golden tests keep both equal to what
the renderers write now). Run with Debian's /usr/bin/python3, which has the module.

    check_ics.py GOLDEN_DIR
"""
import datetime as dt
import json
import pathlib
import sys

try:
    import icalendar
except ImportError:
    sys.exit("check_ics: python3-icalendar is not installed (tools/setup-clients.sh)")

FINER_THAN_DAY = {"second", "minute", "hour"}


def parse_bound(text, timed):
    if timed:
        return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    return dt.date.fromisoformat(text)


def in_range(bound):
    """Whether iCalendar can write the year of a bound: 0001..9999 only."""
    return bound[:1].isdigit() and len(bound.split("-")[0]) == 4 and int(bound[:4]) >= 1


def expected_events(doc):
    """id -> (start, end exclusive or None, title, description) for each event RFC 5545 can hold.
    An open-ended event starts at its known bound and has no DTEND (RFC 5545 3.6.1)."""
    out = {}
    for e in doc["events"]:
        d = e["date"]
        inferred = d.get("inferred") or {}
        first = d["earliest"] or inferred.get("earliest")
        last = d["latest"] or inferred.get("latest")
        if not first and not last:
            continue  # no date at all: left out, with a warning
        if not all(in_range(b) for b in (first, last) if b):
            continue  # years outside 0001..9999: left out, with a warning
        timed = "T" in (first or last)
        step = dt.timedelta(seconds=1) if timed else dt.timedelta(days=1)
        if first and last:
            start, end = parse_bound(first, timed), parse_bound(last, timed) + step
        else:
            start, end = parse_bound(first or last, timed), None
        out[e["id"]] = (start, end, e["title"], e.get("description"))
    return out


def check(ics_path, json_path):
    problems = []
    cal = icalendar.Calendar.from_ical(ics_path.read_bytes())
    found = {}
    for ve in cal.walk("VEVENT"):
        uid = str(ve["UID"])
        found[uid.split("@")[0]] = ve
    want = expected_events(json.loads(json_path.read_text(encoding="utf-8")))
    for eid, (start, end, title, description) in want.items():
        ve = found.get(eid)
        if ve is None:
            problems.append(f"{ics_path.name}: no VEVENT for {eid}")
            continue
        got_start, got_end = ve.decoded("DTSTART"), ve.decoded("DTEND") if "DTEND" in ve else None
        if got_start != start or got_end != end:
            problems.append(f"{ics_path.name}: {eid}: {got_start} .. {got_end}, want {start} .. {end}")
        if str(ve["SUMMARY"]) != title:
            problems.append(f"{ics_path.name}: {eid}: SUMMARY {str(ve['SUMMARY'])!r}, want {title!r}")
        if description and description not in str(ve["DESCRIPTION"]):
            problems.append(f"{ics_path.name}: {eid}: DESCRIPTION lacks {description!r}")
    extra = set(found) - set(want)
    if extra:
        problems.append(f"{ics_path.name}: unexpected events {sorted(extra)}")
    return problems, len(want)


def main():
    golden = pathlib.Path(sys.argv[1])
    files = sorted(golden.glob("*.ics"))
    if not files:
        sys.exit(f"check_ics: no .ics files in {golden}")
    problems, events = [], 0
    for ics in files:
        p, n = check(ics, ics.with_suffix(".json"))
        problems += p
        events += n
    for p in problems:
        print("check_ics:", p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"check_ics: icalendar found all {events} events in {len(files)} files")


if __name__ == "__main__":
    main()
