#!/usr/bin/python3
"""The gaps per series of an archive too big for one process, on Dask.

    recipes/dask/annals_gaps.py ARCHIVE.jsonl --by kind,actor --reference 2020-06-15 \\
        [--workers 4] [--partitions 16] [--annals build/bin/annals] [--check ARCHIVE.yaml] [-o GAPS.json]

1. The archive (JSON Lines, an event per line) is cut into partitions at line starts.
2. Each partition goes through `annals normalize` in a worker process of a local Dask
   cluster: the date grammar, the schema and the diagnostics are annals' own.
3. Each clean record joins one series per value of the --by keys (as `annals gaps --by`
   groups them); a shuffle brings each series together.
4. Each series is sorted and swept as `annals gaps` sweeps one (README "gaps", SPEC §5): the
   gap before an event runs from the latest possible end of what came before to its
   earliest possible start (min_days), or from the earliest end to the latest start
   (max_days); an event that surely begins before that end, or on its day, makes none.
5. With --check, the result is compared with `annals gaps --by ... --format json` on the
   whole archive (as YAML): exit 1 when they differ.

Limits (README "Beyond one machine"): links (causes, after, part_of, ...) and relative
dates ({after: ID}) are not followed, since what they name may be in another partition:
such records are left out (and counted); gaps between times of day, which annals counts in minutes, are not computed (the
recipe counts days, and refuses an archive with times); `--min`, `--quiet`, `--series`,
`--from` and `--to` are not offered.
"""
import argparse
import functools
import json
import os
import subprocess
import sys
import time
import zlib

# The fields that link an event to another (schemas/timeline.schema.json): what they say of
# its bounds takes the other event, which may be in another partition.
LINKS = ("causes", "caused_by", "enables", "enabled_by", "responds_to", "part_of", "after", "before")


def days_from_civil(y, m, d):
    """Days since 1970-01-01 of a proleptic Gregorian date, any year (Hinnant's algorithm)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def iso_day(z):
    """`YYYY-MM-DD` as annals writes a day: ISO 8601 expanded years outside 1..9999."""
    y, m, d = civil_from_days(z)
    year = f"{y:04d}" if 0 < y <= 9999 else f"{'-' if y < 0 else '+'}{abs(y):04d}"
    return f"{year}-{m:02d}-{d:02d}"


@functools.lru_cache(maxsize=1 << 16)  # an archive's dates repeat: its days, far fewer than its records
def parse_bound(text):
    """(days, seconds of the day, has_time) of `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`."""
    sign = -1 if text[0] == "-" else 1
    body = text[1:] if text[0] in "+-" else text
    date, _, clock = body.partition("T")
    y, m, d = (int(p) for p in date.split("-"))
    z = days_from_civil(sign * y, m, d)
    if not clock:
        return z, 0, False
    h, mi, s = (int(p) for p in clock.rstrip("Z").split(":"))
    return z, h * 3600 + mi * 60 + s, True


def add_unit(z, unit, n):
    """Day `z` moved by `n` of a precision's units (day, week, month, year)."""
    if unit == "day":
        return z + n
    if unit == "week":
        return z + 7 * n
    y, m, d = civil_from_days(z)
    months = y * 12 + (m - 1) + n * (12 if unit == "year" else 1)
    return days_from_civil(months // 12, months % 12 + 1, d)


def member(record, part, line):
    """What a series needs of a normalized record: its order key and its bounds in days.
    None for a record the recipe cannot place alone (relative, open, timed)."""
    date = record.get("date")
    if not isinstance(date, dict) or "relative" in date or date.get("zone"):
        return None
    utc, stated = date["utc"], date["stated"]
    if None in (utc["earliest"], utc["latest"], stated["earliest"]):
        return None
    e_day, e_sec, _ = parse_bound(utc["earliest"])
    l_day, l_sec, _ = parse_bound(utc["latest"])
    s_day, s_sec, timed = parse_bound(stated["earliest"])
    if timed or date["precision"] not in ("day", "week", "month", "year"):
        raise SystemExit(f"annals_gaps: record {record.get('id')!r}: a date finer than a day; the recipe counts days")
    earliest, latest = e_day * 86400 + e_sec, l_day * 86400 + l_sec
    start_max_day, end_min_day = l_day, e_day
    # An unqualified span begins within the first unit of its start's precision and ends
    # within the last unit of its end's (annals' constraints, stated_bounds).
    if date["interval"]:
        start, end = date["start"], date["end"]
        if start["qualifier"] == "none" and start["precision"] in ("day", "week", "month", "year"):
            start_max_day = min(start_max_day, add_unit(e_day, start["precision"], 1) - 1)
        if end["qualifier"] == "none" and end["precision"] in ("day", "week", "month", "year"):
            end_min_day = max(end_min_day, add_unit(l_day + 1, end["precision"], -1))
    position = min(max(s_day * 86400, earliest), start_max_day * 86400 + 86399)
    return (position, latest, part, line, record["id"], e_day, start_max_day, end_min_day, l_day, date["approximate"])


def series_names(record, by):
    """The series a record joins, named as `annals gaps` names them (kind, actors, place, tags)."""
    values = {"kind": [record.get("kind")], "actor": list(record.get("actors") or []),
              "place": [record.get("place")], "tag": list(record.get("tags") or [])}
    names = [{}]
    for key in by:
        names = [dict(n, **{key: v}) for n in names for v in values[key] if v]
    out = []
    for n in names:
        words = [f"{k}={n[k]}" for k in ("kind", "actor", "place", "tag") if k in n]
        out.append(" ".join(words))
    return out


def normalize_part(task):
    """Runs `annals normalize` on bytes [start, end) of the archive: (series, member) pairs
    and the counts of records, of records with diagnostics and of those left out."""
    path, start, end, part, annals, reference, by, buckets = task
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    args = [annals, "normalize", "-"] + (["--reference", reference] if reference else [])
    run = subprocess.run(args, input=data, capture_output=True, check=False)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"annals normalize failed on bytes {start}..{end}: {run.stderr.decode()}")
    pairs, counts = [[] for _ in range(buckets)], {"records": 0, "diagnostics": 0, "left_out": 0}
    for line_number, line in enumerate(run.stdout.splitlines(), 1):
        record = json.loads(line)
        counts["records"] += 1
        if any(d["severity"] == "error" for d in record["diagnostics"]):
            counts["diagnostics"] += 1
            continue
        m = member(record, part, line_number)
        if m is None or any(record.get(k) for k in LINKS):
            counts["left_out"] += 1
            continue
        for name in series_names(record, by):
            # By a hash of the name every process agrees on (Python's own hash of a
            # string differs from process to process).
            pairs[zlib.crc32(name.encode()) % buckets].append((name, m))
    return pairs, counts


def series_gaps(name, members):
    """The gaps of one series, as `annals gaps` sweeps it (reasoning/gaps.cpp find_gaps)."""
    members = sorted(members)
    gaps = []
    last = members[0]
    end_min = last[7]
    for nxt in members[1:]:
        end_max = last[8]
        min_days = max(nxt[5] - end_max, 0)
        a = end_min
        b = max(nxt[6], a)
        max_days = max(b - a, min_days)
        if max_days != 0:  # 0: it surely begins before the end, or on its day
            gaps.append({"series": name, "from": last[4], "to": nxt[4], "from_date": iso_day(end_max),
                         "to_date": iso_day(nxt[5]), "min_days": min_days, "max_days": max_days,
                         "approximate": last[9] or nxt[9]})
        end_min = max(end_min, nxt[7])
        if nxt[1] >= last[1]:
            last = nxt
    return gaps


def bucket_gaps(parts):
    """The gaps of each series in one bucket: its (series, member) pairs from every partition."""
    series = {}
    for pairs in parts:
        for name, m in pairs:
            series.setdefault(name, []).append(m)
    return [g for name, members in series.items() for g in series_gaps(name, members)]


def sum_counts(counts):
    return {k: sum(c[k] for c in counts) for k in counts[0]}


def byte_ranges(path, parts):
    """[start, end) of `parts` pieces of the file, each cut at a line start."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as f:
        for k in range(1, parts):
            f.seek(max(size * k // parts, cuts[-1]))
            if f.tell() > 0:
                f.readline()
            cuts.append(min(f.tell(), size))
    cuts.append(size)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def compared(gaps):
    keys = ("series", "from", "to", "from_date", "to_date", "min_days", "max_days", "approximate")
    return [{k: g[k] for k in keys} for g in gaps]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("archive")
    ap.add_argument("--by", default="kind,actor")
    ap.add_argument("--reference", default="")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--partitions", type=int, default=0, help="default: 4 per worker")
    ap.add_argument("--annals", default="annals")
    ap.add_argument("--check", default="", help="the same archive as annals YAML: compare with annals gaps on it")
    ap.add_argument("-o", "--output", default="")
    args = ap.parse_args()
    by = [k.rstrip("s") for k in args.by.split(",")]
    if any(k not in ("kind", "actor", "place", "tag") for k in by):
        ap.error(f"--by: keys are kind, actor, place, tag: {args.by!r}")

    import dask
    from distributed import Client, LocalCluster

    # Several worker processes on this machine, nothing listening beyond it, no dashboard.
    dask.config.set({"distributed.worker.daemon": False})
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, scheduler_port=0) as cluster, Client(cluster):
        started = time.monotonic()
        ranges = byte_ranges(args.archive, args.partitions or 4 * args.workers)
        buckets = 2 * args.workers
        parts = [dask.delayed(normalize_part, pure=True)((args.archive, a, b, k, args.annals, args.reference, by, buckets))
                 for k, (a, b) in enumerate(ranges)]
        # The shuffle: bucket j of every partition goes to one task, which holds whole series.
        series = [dask.delayed(bucket_gaps, pure=True)([p[0][j] for p in parts]) for j in range(buckets)]
        counts = dask.delayed(sum_counts)([p[1] for p in parts])
        counts, per_bucket = dask.compute(counts, series)
        gaps = [g for bucket in per_bucket for g in bucket]
        elapsed = time.monotonic() - started
    gaps.sort(key=lambda g: g["series"])  # series by name; each series' gaps stay in order
    # Stable sort keeps each series in its sweep order; the series came in any order.
    result = {"gaps": compared(gaps)}
    text = json.dumps(result, indent=2) + "\n"
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    print(f"annals_gaps: {counts['records']} records in {len(ranges)} partitions on {args.workers} workers: "
          f"normalized and gaps found in {elapsed:.1f} s ({counts['records'] / elapsed:,.0f} records/s); "
          f"{counts['diagnostics']} with diagnostics, {counts['left_out']} left out; {len(gaps)} gaps",
          file=sys.stderr)

    if args.check:
        whole = subprocess.run([args.annals, "gaps", args.check, "--by", args.by, "--format", "json"],
                               capture_output=True, check=False)
        if whole.returncode != 0:
            raise SystemExit(f"annals_gaps: annals gaps {args.check} failed: {whole.stderr.decode()}")
        expected = compared(json.loads(whole.stdout)["gaps"])
        if expected != result["gaps"]:
            for k, (a, b) in enumerate(zip(expected, result["gaps"])):
                if a != b:
                    print(f"annals_gaps: gap {k} differs:\n  annals gaps: {a}\n  recipe:      {b}", file=sys.stderr)
                    break
            print(f"annals_gaps: {len(expected)} gaps from annals gaps, {len(result['gaps'])} from the recipe",
                  file=sys.stderr)
            return 1
        print(f"annals_gaps: the {len(expected)} gaps equal annals gaps on the whole archive", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
