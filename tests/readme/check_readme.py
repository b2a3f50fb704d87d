#!/usr/bin/env python3
"""Every example the README shows must be true of the build.

    check_readme.py README.md ANNALS_BIN

- A fenced block whose lines start with `$ annals ...` is a session: each command runs
  (in a scratch folder that holds the repository's timelines/ and schemas/, and every
  file the README defines), and what it prints, standard output then standard error,
  must be exactly the lines that follow it; a last line `...` ends a prefix.
- Each command must also exit with the status its example shows. The rule: a command
  whose shown output has a diagnostic line with `: error:` in it exits 1, any other 0;
  a command that ends in the comment `# exit N` (bash ignores it; readers see it) exits N.
- A fenced block after `<!-- file: NAME -->` is written to NAME before the sessions run.
- Every date form in the README's date table reads as the table says: tests/readme/dates.txt
  gives, for each form the table lists, the earliest and latest bounds its "Reads as" cell
  states (`annals date --format json --reference 2015-11-25`, in Asia/Tehran for a time of
  day), and the two lists must hold the same forms: a row added to the table without its
  bounds there, or bounds for a form the table no longer lists, fail. The forms of the
  opening sentence must read.
- The "Shown as written" table's labels must be the labels annals gives.
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
    """(exit status, lines printed: standard output then standard error)."""
    env = dict(os.environ, NO_COLOR="1")
    env["PATH"] = str(pathlib.Path(annals).parent) + os.pathsep + env["PATH"]
    p = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True)
    return p.returncode, (p.stdout + p.stderr).splitlines()


def expected_status(command, expected):
    """The exit status an example shows: `# exit N` at the end of its command, else 1 when
    its output has an error diagnostic, else 0."""
    m = re.search(r"#\s*exit\s+(\d+)\s*$", command)
    if m:
        return int(m.group(1))
    return 1 if any(": error:" in line for line in expected) else 0


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


def is_mapping(text):
    """`{on: …, calendar: …}` is a mapping, not a text; `{1667,1668}` is an EDTF set."""
    return text.startswith("{") and ":" in text


def read_date(annals, text):
    """`annals date --format json` of a form; a time of day reads in a zone, as a file's
    `timezone` would give it: Asia/Tehran."""
    timed = re.search(r"\d:\d{2}|\d\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b", text, re.I)
    return date_json(annals, text, *(["--tz", "Asia/Tehran"] if timed else []))


def read_bounds(path):
    """form -> (earliest, latest) from lines `FORM | EARLIEST | LATEST` (`#` starts a comment)."""
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.rsplit(" | ", 2)]
        if len(parts) != 3:
            sys.exit(f"check_readme: {path}:{n}: not FORM | EARLIEST | LATEST: {line}")
        form, earliest, latest = parts
        out[form] = (None if earliest == "null" else earliest, None if latest == "null" else latest)
    return out


def main():
    readme, annals = pathlib.Path(sys.argv[1]), os.path.abspath(sys.argv[2])
    repo = readme.resolve().parent
    lines = readme.read_text(encoding="utf-8").splitlines()
    problems, checked, sessions_run = [], 0, 0

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
                status, got = run(command, scratch, annals)
                checked += 1
                sessions_run += 1
                prefix = bool(expected) and expected[-1] == "..."
                want = expected[:-1] if prefix else expected
                if (got[:len(want)] if prefix else got) != want:
                    problems.append(f"`{command}` printed:\n  " + "\n  ".join(got) +
                                    "\nthe README says:\n  " + "\n  ".join(expected))
                if status != expected_status(command, expected):
                    problems.append(f"`{command}` exited {status}; the README's example shows exit "
                                    f"{expected_status(command, expected)}")

    # The date table: each form reads as the table says (its bounds in tests/readme/dates.txt).
    bounds = read_bounds(pathlib.Path(__file__).with_name("dates.txt"))
    table = []
    for row in table_rows(lines, "| Written | Reads as"):
        table += [text for text in forms(row[0]) if not is_mapping(text)]
    if len(table) < 100:
        problems.append(f"the date table under '| Written | Reads as' gave only {len(table)} forms")
    for text in table:
        got = read_date(annals, text)
        checked += 1
        if "error" in got:
            problems.append(f"the README lists `{text}`, which annals does not read: {got['error']['message']}")
        elif text not in bounds:
            problems.append(f"the README's date table lists `{text}`, but tests/readme/dates.txt gives no "
                            f"bounds for it (annals reads {got['earliest']} | {got['latest']})")
        elif (got["earliest"], got["latest"]) != bounds[text]:
            problems.append(f"`{text}` reads as {got['earliest']} .. {got['latest']}; the README's table "
                            f"(tests/readme/dates.txt) says {bounds[text][0]} .. {bounds[text][1]}")
    for text in sorted(set(bounds) - set(table)):
        problems.append(f"tests/readme/dates.txt gives bounds for `{text}`, which the README's date table does not list")

    # The forms of the opening sentence all read.
    intro = " ".join(lines[:12])
    written = re.findall(r'"([^"]+)"', intro.split("normalizes every date")[1].split("to a bounded")[0])
    for text in written:
        got = read_date(annals, text)
        checked += 1
        if "error" in got:
            problems.append(f"the README's opening lists `{text}`, which annals does not read: {got['error']['message']}")

    # The labels of the "Shown as written" table.
    label_rows = 0
    for cell, labels in table_rows(lines, "| Written | Label"):
        texts = [t for t in forms(cell) if not t.startswith("{") or "calendar" in t]
        zone = re.search(r"\(timezone (\S+)\)", cell)
        wanted = [l.strip() for l in labels.split(",")] if len(texts) > 1 else [labels]
        label_rows += 1
        if texts and len(texts) != len(wanted):
            problems.append(f"the 'Shown as written' row `{cell}` has {len(texts)} forms but {len(wanted)} labels")
        for text, label in zip(texts, wanted):
            options = ["--tz", zone.group(1)] if zone else []
            m = re.match(r"\{on: (.*), calendar: (\w+)\}", text)
            if m:
                text, options = m.group(1), ["--calendar", m.group(2)]
            got = date_json(annals, text, *options)
            checked += 1
            if got.get("label") != label:
                problems.append(f"`{text}` is labelled {got.get('label', got.get('error'))!r}, the README says {label!r}")

    # A README whose layout the checker no longer finds must fail, not pass unchecked.
    if sessions_run < 5:
        problems.append(f"only {sessions_run} `$ annals` commands found in fenced blocks")
    if label_rows < 5:
        problems.append(f"only {label_rows} rows found under '| Written | Label'")
    for p in problems:
        print("check_readme:", p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"check_readme: {checked} examples hold")


if __name__ == "__main__":
    main()
