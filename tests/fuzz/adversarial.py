#!/usr/bin/env python3
"""Writes adversarial timelines of N events into DIR, for measuring that annals stays
near-linear on them (issue 7): python3 tests/fuzz/adversarial.py N DIR, then
`/usr/bin/time -f '%es %MKB' build/bin/annals validate DIR/FILE.yaml` for each.

python3 tests/fuzz/adversarial.py --claims --check ANNALS --cpu SECONDS N DIR writes only
the claim shapes and validates each under `ulimit -t SECONDS`, printing the CPU time each
took: a run the limit kills, one that crashes or one that finds the file invalid fails
(the scale check in ctest)."""
import argparse
import datetime
import itertools
import os
import resource
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("n", type=int, nargs="?", default=20000, help="events per file")
parser.add_argument("out", nargs="?", default=".", help="where the files go")
parser.add_argument("--claims", action="store_true", help="write only the claim shapes")
parser.add_argument("--check", metavar="ANNALS", help="validate each claim shape with this binary")
parser.add_argument("--cpu", type=int, default=20, help="the CPU seconds each may take (ulimit -t)")
options = parser.parse_args()
n, out, claims_only, check, cpu = options.n, options.out, options.claims, options.check, options.cpu
os.makedirs(out, exist_ok=True)
HEAD = "timeline: adv\ntitle: Adversarial\nreference: 2015-11-25\n"
written = []


def write(name, body):
    with open(os.path.join(out, name + ".yaml"), "w") as f:
        f.write(HEAD)
        f.write(body)
    written.append(name)


def lines(gen):
    return "".join(gen)


def day(i):
    return (datetime.date(1800, 1, 1) + datetime.timedelta(days=i)).isoformat()


# The claim shapes (issue 19): each was quadratic in its series or ran a claim per event
# over the whole timeline.
# n claims, each with its own series.
write("claims", "events:\n" + lines(
    f"  - {{id: c{i}, title: C, date: 2015, kind: k{i}, claims: [{{first_in: 1 year}}]}}\n" for i in range(n)))
# n events of one day, each claiming first_in over a series whose only earlier event is a
# year before: every claim holds, past all the members of its own day.
write("claims_same_start", "events:\n  - {id: c0, title: C, date: 2014-11-23, kind: visit}\n" + lines(
    f"  - {{id: c{i}, title: C, date: 2015-11-23, kind: visit, claims: [{{first_in: 1 year}}]}}\n"
    for i in range(1, n)))
# The same in a vague year: each may be a year after the first, so each holds.
write("claims_same_year", "events:\n  - {id: c0, title: C, date: 2014, kind: visit}\n" + lines(
    f"  - {{id: c{i}, title: C, date: 2015, kind: visit, claims: [{{first_in: {{at_least: 1 month}}}}]}}\n"
    for i in range(1, n)))
# A chain of first_since over consecutive days: nothing lies between any two, so every
# claim holds and a scan reads the whole series for each.
write("first_since_chain", "events:\n  - {id: f0, title: F, date: " + day(0) + ", kind: visit}\n" + lines(
    f"  - {{id: f{i}, title: F, date: {day(i)}, kind: visit, claims: [{{first_since: f{i-1}}}]}}\n"
    for i in range(1, n)))
# The same chain on one vague date: nothing is certainly between any two.
write("first_since_same_start", "events:\n  - {id: f0, title: F, date: 2015, kind: visit}\n" + lines(
    f"  - {{id: f{i}, title: F, date: 2015, kind: visit, claims: [{{first_since: f{i-1}}}]}}\n"
    for i in range(1, n)))
# n/2 series, each of two events of a common kind and a tag of its own, the second
# claiming first_in and first_since of the first.
write("many_series", "events:\n" + lines(
    f"  - {{id: a{i}, title: A, date: 2014-11-23, kind: visit, tags: [t{i}]}}\n"
    f"  - {{id: b{i}, title: B, date: 2015-11-23, kind: visit, tags: [t{i}], claims: "
    f"[{{first_in: 1 year, series: {{kind: visit, tags: [t{i}]}}}}, "
    f"{{first_since: a{i}, series: {{kind: visit, tags: [t{i}]}}}}]}}\n" for i in range(n // 2)))
# n/2 events carrying the same 20 tags, and n/2 claims each naming a distinct 10 of them:
# every series holds every event, so reading them all would cost series × events; the
# reading limit stops it with too-large.
common = [f"t{i}" for i in range(20)]
subsets = itertools.combinations(common, 10)
write("common_series", "events:\n" + lines(
    f"  - {{id: a{i}, title: A, date: 2014-11-23, kind: visit, tags: [{', '.join(common)}]}}\n"
    for i in range(n - n // 2)) + lines(
    f"  - {{id: b{i}, title: B, date: 2015-11-23, kind: visit, claims: "
    f"[{{first_in: 1 year, series: {{tags: [{', '.join(next(subsets))}]}}}}]}}\n" for i in range(n // 2)))
claim_shapes = list(written)
# What validate must say of each: every claim holds (exit 0), or the reading limit stops
# it (exit 1, too-large).
expected = {name: (0, None) for name in claim_shapes}
expected["common_series"] = (1, "[too-large]")



def other_shapes():
    # A chain of n/2 links feeding n/2 leaves that each contradict it: n/2 causal-order errors.
    k = n // 2
    write("chain_conflicts", "events:\n  - {id: a0, title: A, date: 2020}\n"
          + lines(f"  - {{id: a{i}, title: A, date: the 21st century, caused_by: [a{i-1}]}}\n" for i in range(1, k))
          + lines(f"  - {{id: l{j}, title: L, date: 2010, caused_by: [a{k-1}]}}\n" for j in range(n - k)))
    # n/2 cycles of two events.
    write("many_cycles", "events:\n" + lines(
        f"  - {{id: e{i}, title: E, date: 2015, causes: [e{i+1}]}}\n"
        f"  - {{id: e{i+1}, title: E, date: 2015, causes: [e{i}]}}\n" for i in range(0, n, 2)))
    # One cycle through every event.
    write("long_cycle", "events:\n" + lines(
        f"  - {{id: e{i}, title: E, date: 2015, causes: [e{(i+1) % n}]}}\n" for i in range(n)))
    # A dense graph: m events, each after all earlier ones (m^2/2 links, about 10 n).
    m = int((20 * n) ** 0.5)
    write("dense", "events:\n" + lines(
        f"  - {{id: d{i}, title: D, date: 2015, after: [{', '.join(f'd{j}' for j in range(i))}]}}\n" for i in range(m)))
    # n unknown references, each one typo away from an event id.
    write("unknown_refs", "events:\n" + lines(
        f"  - {{id: event-{i:08d}, title: E, date: 2015, after: [evnet-{i:08d}]}}\n" for i in range(n)))
    # Two ids of 500,000 characters, one character apart.
    write("long_ids", "events:\n  - {id: " + "a" * 500000 + "b, title: E, date: 2015}\n"
          "  - {id: x, title: E, date: 2015, after: [" + "a" * 500000 + "c]}\n")
    # n actors with a misspelt field each: 2 n schema errors in the header.
    write("bad_actors", "actors:\n" + lines(f"  p{i}: {{nam: P}}\n" for i in range(n)) + "events: []\n")
    # A chain of relative dates: shifts make propagation iterate (at most 64 rounds).
    write("shift_chain", "events:\n  - {id: s0, title: S, date: 2015}\n" + lines(
        f"  - {{id: s{i}, title: S, date: {{after: s{i-1}, by: 1 day}}}}\n" for i in range(1, n)))
    # Issue 13's shapes, each to validate in seconds (sizes from the issue: 100,000 keys,
    # 20,000 files, a 100 MB line, a 10 MB flow sequence).
    # 5 n unknown keys at the top level (n = 20000: 100,000 keys, about 1 MB).
    with open(os.path.join(out, "top_keys.yaml"), "w") as f:
        f.write(HEAD + "events: []\n" + lines(f"unknown{i}: 1\n" for i in range(5 * n)))
    # n small files, each its own timeline (`annals validate DIR/files/*.yaml`).
    os.makedirs(os.path.join(out, "files"), exist_ok=True)
    for i in range(n):
        with open(os.path.join(out, "files", f"f{i:06d}.yaml"), "w") as f:
            f.write(f"events:\n  - {{id: e{i}, title: T, date: 2015-11-23}}\n")
    # One 100 MB line: refused at its line before it is parsed.
    with open(os.path.join(out, "long_line.yaml"), "w") as f:
        f.write(HEAD + "events: []\ndescription: " + "x" * 100_000_000 + "\n")
    # A 10 MB flow sequence across lines: the memory budget stops it at the node that crosses it.
    with open(os.path.join(out, "flow_sequence.yaml"), "w") as f:
        f.write(HEAD + "events: []\nsources:\n  s: {title: [\n" + ",\n".join(["    1"] * 3_300_000) + "]}\n")


def check_claim_shapes():
    """Validates each claim shape under `ulimit -t`, printing the CPU seconds it took."""
    failed = False
    for name in claim_shapes:
        path = os.path.join(out, name + ".yaml")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run = subprocess.run(["sh", "-c", f'ulimit -t {cpu} && exec "$0" validate "$1"', check, path],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        # A kill by the CPU limit or a crash is a signal; any other result than the one
        # expected (a limit that refuses the file early, a finding) leaves claims unchecked.
        status, says = expected[name]
        ok = run.returncode == status and (says is None or says in run.stdout)
        failed |= not ok
        result = f"exit {run.returncode}" if run.returncode >= 0 else f"killed by signal {-run.returncode}"
        if says and says in run.stdout:
            result += " " + says
        print(f"{name:24} {n:>8} events {seconds:7.2f} s CPU  {result}"
              + ("" if ok else f"  FAILED (expected exit {status}{' ' + says if says else ''}"
                 f" within {cpu} s of CPU)"), flush=True)
    return not failed


if not claims_only:
    other_shapes()
if check:
    sys.exit(0 if check_claim_shapes() else 1)
