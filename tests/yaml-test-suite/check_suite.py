#!/usr/bin/env python3
"""The official YAML test suite (yaml/yaml-test-suite, src/ beside this file with its
licence) against annals: every invalid case must be refused with `yaml-syntax`, every
valid single-document case read without it, every multi-document case refused by the
one-document rule with a message that says so.

    check_suite.py ANNALS_BIN
    check_suite.py --write-seeds DIR    each case as a file, the fuzz targets' seeds (tools/fuzz.sh)

Cases annals does not yet get right are listed below with the reason; the run fails when
the result differs from the lists either way, so the lists stay the true record.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml  # PyYAML decodes the suite's own files

HERE = os.path.dirname(os.path.abspath(__file__))

# Invalid YAML that yaml-cpp accepts and annals' own checks (engine/src/input/yaml_lint.cpp) do
# not see yet: none.
INVALID_ACCEPTED = set()

# Valid YAML that yaml-cpp 0.7 refuses (its parser's bugs; annals' message says what to
# write instead, which the run checks): a flow key whose ':' is on the
# next line (4MUZ, 5MUD, K3WX), '?' in flow collections (652Z, HM87/01, ZYU8/02), a line
# of spaces and a tab between entries (DK95/04), a quoted scalar's escaped tab (VJP3/01).
VALID_REFUSED = set("""
4MUZ/00 4MUZ/01 4MUZ/02 5MUD 652Z DK95/04 HM87/01 K3WX VJP3/01 ZYU8/02
""".split())


# The same valid cases embedded as the value of an event field: yaml-cpp also refuses
# '?' inside a nested flow sequence (JR7V).
EMBEDDED_VALID_REFUSED = VALID_REFUSED - {"5MUD", "K3WX", "ZYU8/02"} | {"JR7V"}


def embedded(text):
    """The case as the value of an event's field, indented under it."""
    body = "\n".join(("      " + line) if line else line for line in text.split("\n"))
    return "events:\n  - id: e\n    title: T\n    date: 2015\n    description:\n" + body + \
        ("" if text.endswith("\n") else "\n")


def embeddable(text, docs):
    """Where YAML allows it: one document, no directives or markers, no tab opening it."""
    return docs <= 1 and not text.startswith("\t") and \
        not any(line.startswith(("---", "...", "%")) for line in text.split("\n"))


def visible(s):
    """The suite's visible notation back to bytes (its ReadMe: Special Characters)."""
    s = re.sub("—*»", "\t", s.replace("␣", " "))
    s = s.replace("↵", "").replace("←", "\r").replace("⇔", "\ufeff")
    if s.endswith("∎\n"):
        s = s[:-2]
    return s


def cases():
    for path in sorted(glob.glob(os.path.join(HERE, "src", "*.yaml"))):
        items = yaml.safe_load(open(path, encoding="utf-8"))
        base = {}
        for k, item in enumerate(items):
            # A later item of a file repeats the first one's name and tags; the rest is its own.
            case = {key: v for key, v in base.items() if key in ("name", "from", "tags")}
            case.update(item)
            base = case
            if "skip" in case or "yaml" not in case:
                continue
            name = os.path.basename(path)[:-5] + (f"/{k:02d}" if len(items) > 1 else "")
            yield name, visible(case["yaml"]), bool(case.get("fail")), case.get("tree", "").count("+DOC")


def diagnostics(annals, text):
    with tempfile.NamedTemporaryFile("wb", suffix=".yaml", delete=False) as f:
        f.write(text.encode("utf-8"))
    try:
        r = subprocess.run([annals, "validate", f.name, "--format", "json"], capture_output=True, text=True,
                           timeout=30)
    finally:
        os.unlink(f.name)
    if r.returncode not in (0, 1):
        return [{"code": "exit", "message": f"exit status {r.returncode}: {r.stderr.strip()}"}]
    return json.loads(r.stdout)["diagnostics"]


def main():
    if sys.argv[1] == "--write-seeds":
        os.makedirs(sys.argv[2], exist_ok=True)
        for name, text, _, _ in cases():
            with open(os.path.join(sys.argv[2], name.replace("/", "-") + ".yaml"), "wb") as f:
                f.write(text.encode("utf-8"))
        return
    annals = sys.argv[1]
    invalid_accepted, valid_refused, problems = set(), set(), []
    counts = {"invalid refused": 0, "valid read": 0, "multi-document refused": 0}
    embedded_accepted, embedded_refused = set(), set()
    for name, text, fail, docs in cases():
        if embeddable(text, docs):
            syntax = [d for d in diagnostics(annals, embedded(text)) if d["code"] == "yaml-syntax"]
            if fail and not syntax:
                embedded_accepted.add(name)
            if not fail and syntax:
                embedded_refused.add(name)
        ds = diagnostics(annals, text)
        if any(d["code"] == "exit" for d in ds):
            problems.append(f"{name}: {ds[0]['message']}")
            continue
        syntax = [d for d in ds if d["code"] == "yaml-syntax"]
        if fail:
            if syntax:
                counts["invalid refused"] += 1
            else:
                invalid_accepted.add(name)
        elif docs > 1:
            if any("one YAML document" in d["message"] for d in syntax):
                counts["multi-document refused"] += 1
            else:
                problems.append(f"{name}: a multi-document case not refused by the one-document rule")
        elif syntax:
            valid_refused.add(name)
            # yaml-cpp's own refusals say what to write instead.
            said = [d["message"] + "; " + d.get("hint", "") for d in syntax]  # the hint is its own field
            if not any("yaml-cpp cannot" in t or "write one version" in t for t in said):
                problems.append(f"{name}: refused without saying what to write instead: {syntax[0]['message']}")
        else:
            counts["valid read"] += 1
    for name in sorted(invalid_accepted - INVALID_ACCEPTED):
        problems.append(f"{name}: invalid YAML accepted")
    for name in sorted(INVALID_ACCEPTED - invalid_accepted):
        problems.append(f"{name}: now refused: take it off INVALID_ACCEPTED")
    for name in sorted(valid_refused - VALID_REFUSED):
        problems.append(f"{name}: valid YAML refused")
    for name in sorted(VALID_REFUSED - valid_refused):
        problems.append(f"{name}: now read: take it off VALID_REFUSED")
    for name in sorted(embedded_accepted):
        problems.append(f"{name}: invalid YAML accepted as an event field's value")
    for name in sorted(embedded_refused ^ EMBEDDED_VALID_REFUSED):
        problems.append(f"{name}: embedded in an event, " +
                        ("refused" if name in embedded_refused else "now read: take it off EMBEDDED_VALID_REFUSED"))
    for p in problems:
        print("check_suite:", p, file=sys.stderr)
    print("check_suite: " + ", ".join(f"{n} {k}" for k, n in counts.items()) +
          f"; {len(invalid_accepted)} invalid accepted and {len(valid_refused)} valid refused, as listed; "
          f"embedded in an event: {len(embedded_accepted)} invalid accepted, {len(embedded_refused)} valid refused")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
