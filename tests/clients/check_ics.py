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


def expected_events(doc):
    """id -> (start, end exclusive, title, description) for each event RFC 5545 can hold."""
    out = {}
    for e in doc["events"]:
        d = e["date"]
        inferred = d.get("inferred") or {}
        first = d["earliest"] or inferred.get("earliest")
        last = d["latest"] or inferred.get("latest")
        if not first or not last:
            continue  # an open end: no calendar event
        if not (first[:1].isdigit() and last[:1].isdigit()) or len(first.split("-")[0]) != 4:
            continue  # years outside 0001..9999
        if int(first[:4]) < 1 or int(last[:4]) > 9999:
            continue
        timed = "T" in first
        start = parse_bound(first, timed)
        end = parse_bound(last, timed) + (dt.timedelta(seconds=1) if timed else dt.timedelta(days=1))
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
        got_start, got_end = ve.decoded("DTSTART"), ve.decoded("DTEND")
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
