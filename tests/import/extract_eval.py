#!/usr/bin/env python3
"""Recall and precision of `annals extract` on the articles of tests/data/extract.

Each ARTICLE has ARTICLE.gold.tsv beside it: a first line `# reference: DATE`, then one
line per dated expression, `PHRASE<TAB>EARLIEST<TAB>LATEST` (days), in text order, checked
by hand. An event of the draft matches a gold expression when the phrase its comment
quotes ends with the gold phrase (a signal like "on" may go before it); it is right when
its interval, as `annals render --format json` resolves it, is the gold one to the day.

A range ("from 1991 to 1997", "between 1982 and 1992") is one event of the draft, and two
expressions of the gold: each end counts as found and right when the range event's phrase
holds it and the event starts on the first's first day or ends on the last's last day.
Beside that strict figure, a looser one: an interval nested in the gold one or holding it
("late November" where the gold has all of November) counts too.

    python3 tests/import/extract_eval.py build/bin/annals [--min-recall R]

Prints one line per article and the totals; exits 1 when the draft of an article does not
validate, or when recall with the right interval falls below --min-recall.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "extract")
NOTE = re.compile(r'^  # [^\n]*?:\d+:\d+: "([^"]*)",')
RANGE = re.compile(r" to |\band\b|\d\s*[-\u2013]\s*\d| until | through ", re.I)


def evaluate(annals, article, gold_path):
    with open(gold_path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    reference = lines[0].split(":", 1)[1].strip()
    gold = [tuple(l.split("\t")) for l in lines[1:]]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "draft.yaml")
        r = subprocess.run([annals, "extract", article, "--reference", reference, "-o", out],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(f"{os.path.basename(article)}: extract failed ({r.returncode}): {r.stderr}")
            return None
        draft = open(out, encoding="utf-8").read().split("\n")
        phrases = {}
        pending = None
        for line in draft:
            m = NOTE.match(line)
            if m:
                pending = m.group(1)
            elif line.startswith("  - id: ") and pending is not None:
                phrases[line[len("  - id: "):].strip().strip('"')] = pending
                pending = None
        r = subprocess.run([annals, "render", out, "--format", "json"], capture_output=True, text=True)
        events = json.loads(r.stdout)["events"]
    predicted = []
    for e in events:
        d = e["date"]
        predicted.append((phrases.get(e["id"], ""), (d.get("earliest") or "")[:10], (d.get("latest") or "")[:10]))
    used = [False] * len(predicted)
    found = right = nested = 0
    right_events = set()  # a range's event is right once, for both of its ends
    misses = []
    for phrase, early, late in gold:
        for i, (p, pe, pl) in enumerate(predicted):
            if not used[i] and p.lower().endswith(phrase.lower()):
                used[i] = True
                found += 1
                if (pe, pl) == (early, late):
                    right += 1
                    right_events.add(i)
                elif RANGE.search(p) and (pe == early or pl == late):
                    right += 1
                    right_events.add(i)
                elif early <= pe <= pl <= late or pe <= early <= late <= pl:
                    nested += 1
                    misses.append(f"  {phrase!r}: {pe}..{pl}, gold {early}..{late} (nested)")
                else:
                    misses.append(f"  {phrase!r}: {pe}..{pl}, gold {early}..{late}")
                break
        else:
            # The first end of a range, inside the phrase of the event it shares.
            for i, (p, pe, pl) in enumerate(predicted):
                if RANGE.search(p) and re.search(r"\b" + re.escape(phrase.lower()) + r"\b", p.lower()) and (pe == early or pl == late):
                    found += 1
                    right += 1
                    right_events.add(i)
                    break
            else:
                misses.append(f"  {phrase!r}: not found")
    extra = [p for i, (p, _, _) in enumerate(predicted) if not used[i]]
    for p in extra:
        misses.append(f"  {p!r}: not in the gold")
    return len(gold), found, right, nested, len(right_events), len(predicted), misses


def main():
    annals = sys.argv[1] if len(sys.argv) > 1 else "build/bin/annals"
    min_recall = 0.0
    if "--min-recall" in sys.argv:
        min_recall = float(sys.argv[sys.argv.index("--min-recall") + 1])
    totals = [0, 0, 0, 0, 0, 0]
    failed = False
    for gold_path in sorted(glob.glob(os.path.join(DATA, "*.gold.tsv"))):
        article = gold_path[: -len(".gold.tsv")]
        article = next(p for p in glob.glob(article + ".*") if not p.endswith(".gold.tsv"))
        result = evaluate(annals, article, gold_path)
        if result is None:
            failed = True
            continue
        g, f, r, n, e, p, misses = result
        totals = [a + b for a, b in zip(totals, (g, f, r, n, e, p))]
        print(f"{os.path.basename(article)}: {g} gold, {f} found, {r} with the right interval, {p} events")
        for m in misses:
            print(m)
    g, f, r, n, e, p = totals
    recall = r / g if g else 0.0
    precision = e / p if p else 0.0
    print(f"total: {g} dated expressions; found {f} ({f / g:.0%}); right interval {r} "
          f"(recall {recall:.0%}); {p} events (precision {precision:.0%}); "
          f"nested in the gold interval or holding it too: {r + n} ({(r + n) / g if g else 0:.0%})")
    if failed or recall < min_recall:
        sys.exit(1)


if __name__ == "__main__":
    main()
