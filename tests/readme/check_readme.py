#!/usr/bin/env python3
"""Every example the README shows must be true of the build.

    check_readme.py README.md ANNALS_BIN

- A fenced block whose lines start with `$ annals ...` is a session: each command runs
  (in a scratch folder that holds the repository's timelines/ and schemas/, and every
  file the README defines), and what it prints, standard output then standard error,
  must be exactly the lines that follow it; a last line `...` ends a prefix.
- A fenced block after `<!-- file: NAME -->` is written to NAME before the sessions run.
- Every date form in the README's date tables, and in its opening sentence, must read
  (`annals date --reference 2015-11-25`); the "Shown as written" table's labels must be
  the labels annals gives.
"""
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

REFERENCE = "2015-11-25"


def blocks(lines):
    """(file name or None, [lines]) for each fenced block."""
    out, name, i = [], None, 0
    while i < len(lines):
        m = re.match(r"<!-- file: (\S+) -->", lines[i])
        if m:
            name = m.group(1)
        if lines[i].startswith("```"):
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            out.append((name, lines[i + 1:j]))
            name, i = None, j
        i += 1
    return out


def sessions(block):
    """[(command, expected lines)] of a block that starts with `$ `."""
    out = []
    for line in block:
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line)
    return out


def run(command, cwd, annals):
    env = dict(os.environ, NO_COLOR="1")
    env["PATH"] = str(pathlib.Path(annals).parent) + os.pathsep + env["PATH"]
    p = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True)
    return (p.stdout + p.stderr).splitlines()


def date_json(annals, text, *options):
    p = subprocess.run([annals, "date", text, "--format", "json", "--reference", REFERENCE, *options],
                       capture_output=True, text=True)
    return json.loads(p.stdout.splitlines()[0])


def table_rows(lines, header):
    """The rows (as lists of cells) of the table whose header row starts with `header`."""
    rows, inside = [], False
    for line in lines:
        if line.startswith(header):
            inside = True
            continue
        if inside:
            if not line.startswith("|"):
                break
            if set(line.replace("|", "").strip()) <= {"-", " "}:
                continue
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


def forms(cell):
    return re.findall(r"`([^`]+)`", cell)


def main():
    readme, annals = pathlib.Path(sys.argv[1]), os.path.abspath(sys.argv[2])
    repo = readme.resolve().parent
    lines = readme.read_text(encoding="utf-8").splitlines()
    problems, checked = [], 0

    with tempfile.TemporaryDirectory() as scratch:
        for sub in ("timelines", "schemas"):
            os.symlink(repo / sub, pathlib.Path(scratch) / sub)
        all_blocks = blocks(lines)
        for name, block in all_blocks:
            if name:
                (pathlib.Path(scratch) / name).write_text("\n".join(block) + "\n", encoding="utf-8")
        for _, block in all_blocks:
            if not block or not block[0].startswith("$ annals"):
                continue
            for command, expected in sessions(block):
                got = run(command, scratch, annals)
                checked += 1
                prefix = bool(expected) and expected[-1] == "..."
                want = expected[:-1] if prefix else expected
                if (got[:len(want)] if prefix else got) != want:
                    problems.append(f"`{command}` printed:\n  " + "\n  ".join(got) +
                                    "\nthe README says:\n  " + "\n  ".join(expected))

    # The forms the date table lists, and those of the opening sentence, all read.
    intro = " ".join(lines[:12])
    written = re.findall(r'"([^"]+)"', intro.split("normalizes every date")[1].split("to a bounded")[0])
    for cell in [r[0] for r in table_rows(lines, "| Written | Reads as")] + [" ".join(f"`{w}`" for w in written)]:
        for text in forms(cell):
            if text.startswith("{"):
                continue  # a mapping, not a text
            # A time of day reads in a zone: give one, as a file's `timezone` would.
            timed = re.search(r"\d:\d{2}|\d\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b", text, re.I)
            zone = ["--tz", "Asia/Tehran"] if timed else []
            got = date_json(annals, text, *zone)
            checked += 1
            if "error" in got:
                problems.append(f"the README lists `{text}`, which annals does not read: {got['error']['message']}")

    # The labels of the "Shown as written" table.
    for cell, labels in table_rows(lines, "| Written | Label"):
        texts = [t for t in forms(cell) if not t.startswith("{") or "calendar" in t]
        zone = re.search(r"\(timezone (\S+)\)", cell)
        wanted = [l.strip() for l in labels.split(",")] if len(texts) > 1 else [labels]
        for text, label in zip(texts, wanted):
            options = ["--tz", zone.group(1)] if zone else []
            m = re.match(r"\{on: (.*), calendar: (\w+)\}", text)
            if m:
                text, options = m.group(1), ["--calendar", m.group(2)]
            got = date_json(annals, text, *options)
            checked += 1
            if got.get("label") != label:
                problems.append(f"`{text}` is labelled {got.get('label', got.get('error'))!r}, the README says {label!r}")

    for p in problems:
        print("check_readme:", p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"check_readme: {checked} examples hold")


if __name__ == "__main__":
    main()
