#!/usr/bin/env python3
"""Writes adversarial timelines of N events into DIR, for measuring that annals stays
near-linear on them (issue 7): python3 tests/fuzz/adversarial.py N DIR, then
`/usr/bin/time -f '%es %MKB' build/bin/annals validate DIR/FILE.yaml` for each."""
import os
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
out = sys.argv[2] if len(sys.argv) > 2 else "."
os.makedirs(out, exist_ok=True)
HEAD = "timeline: adv\ntitle: Adversarial\nreference: 2015-11-25\n"


def write(name, body):
    with open(os.path.join(out, name + ".yaml"), "w") as f:
        f.write(HEAD)
        f.write(body)


def lines(gen):
    return "".join(gen)


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
# n claims, each with its own series.
write("claims", "events:\n" + lines(
    f"  - {{id: c{i}, title: C, date: 2015, kind: k{i}, claims: [{{first_in: 1 year}}]}}\n" for i in range(n)))
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
