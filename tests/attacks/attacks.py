#!/usr/bin/env python3
"""The attack suite: files an attacker could hand annals (in a pull request checked in CI,
a timeline downloaded from elsewhere), each run through the real command line under
bounds on memory (RLIMIT_AS), CPU time (RLIMIT_CPU) and output size (RLIMIT_FSIZE), with
the outcome it must have: an exit status, a diagnostic code, and nothing outside the
file's own folder in any output.

    attacks.py ANNALS_BIN README.md [CASE...]

It also holds the README's limits table to the truth, line by line: every row names the
case that shows it (the `case` column of CASES below), and a row without a case, or a
case naming a row that is not there, fails the run.
"""
import os
import pathlib
import re
import resource
import subprocess
import sys
import tempfile
import time

MiB = 1 << 20
GiB = 1 << 30


class Failure(Exception):
    pass


def run(args, cwd, *, memory=2 * GiB, cpu=60, output=256 * MiB, stdin=None, stdout=subprocess.PIPE):
    """Runs annals under the bounds; returns (status, stdout bytes, stderr text, seconds)."""
    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        resource.setrlimit(resource.RLIMIT_FSIZE, (output, output))
    start = time.monotonic()
    p = subprocess.run([ANNALS] + args, cwd=cwd, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                       stdout=stdout, stderr=subprocess.PIPE, preexec_fn=limits)
    return p.returncode, p.stdout or b"", p.stderr.decode("utf-8", "replace"), time.monotonic() - start


def check(args, cwd, **bounds):
    """`annals validate` and the like: (status, every line it wrote, stdout then stderr)."""
    status, out, err, _ = run(args, cwd, **bounds)
    return status, out.decode("utf-8", "replace") + err


def expect(cond, what):
    if not cond:
        raise Failure(what)


def expect_status(got, want, err):
    expect(got == want, f"exit status {got}, expected {want}; stderr: {err[:600]}")


def events(n, body):
    return "timeline: t\ntitle: T\nreference: 2015-11-25\ntimezone: UTC\nevents:\n" + "".join(body(i) for i in range(n))


# --- the cases: each takes a scratch folder and raises Failure ---------------------

def nesting(d):
    (d / "f.yaml").write_text(events(1, lambda i: "  - {id: a, title: A, date: 2015, description: " + "[" * 200 + "]" * 200 + "}\n"))
    status, err = check(["validate", "f.yaml"], d)
    expect_status(status, 1, err)
    expect("[too-deep]" in err, "no too-deep: " + err[:300])


def scalar(d):
    (d / "f.yaml").write_text(events(1, lambda i: "  - {id: a, title: A, date: 2015, description: " + "x" * (MiB + 1) + "}\n"))
    status, err = check(["validate", "f.yaml"], d)
    expect_status(status, 1, err)
    expect("exceeds the limit of 1048576 [too-large]" in err, err[:300])
    expect(len(err) < 4000, f"{len(err)} bytes of diagnostics for one scalar")


def line(d):
    (d / "f.yaml").write_text("timeline: t\ndescription: " + "x" * (20 * MiB) + "\n")
    status, err = check(["validate", "f.yaml"], d, memory=1 * GiB, cpu=20)
    expect_status(status, 1, err)
    expect("line longer than the limit of 4194304 bytes [too-large]" in err, err[:300])


def entry_memory(d):
    # A flow list of 2.5 million one-letter items: many more bytes of nodes than of file.
    rows = "".join("    " + "a," * 250_000 + "\n" for _ in range(10))
    (d / "f.yaml").write_text("timeline: t\ntags: [\n" + rows + "  a]\n")
    status, err = check(["validate", "f.yaml"], d, memory=3 * GiB, cpu=60)
    expect_status(status, 1, err)
    expect("[too-large]" in err, err[:300])


def alias_nodes(d):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for k in range(1, 9):
        levels.append(f"a{k}: &a{k} [" + ", ".join([f"*a{k - 1}"] * 10) + "]")
    (d / "f.yaml").write_text("timeline: t\n" + "\n".join("x" + l for l in levels) + "\n")
    status, err = check(["validate", "f.yaml"], d, memory=1 * GiB, cpu=20)
    expect_status(status, 1, err)
    expect("aliases expand to more than 100000 nodes [too-large]" in err, err[:300])


def alias_self(d):
    (d / "f.yaml").write_text("timeline: t\nx: &a [*a]\n")
    status, err = check(["validate", "f.yaml"], d)
    expect_status(status, 1, err)
    expect("[yaml-syntax]" in err, err[:300])


def documents(d):
    (d / "f.yaml").write_text("timeline: t\n---\ntimeline: u\n")
    status, err = check(["validate", "f.yaml"], d)
    expect_status(status, 1, err)
    expect("f.yaml:2:1: error:" in err and "[yaml-syntax]" in err, err[:300])


def encoding(d):
    (d / "nul.yaml").write_bytes(b"timeline: t\ntitle: a\x00b\n")
    (d / "utf16.yaml").write_bytes("timeline: t\n".encode("utf-16"))
    status, err = check(["validate", "nul.yaml", "utf16.yaml"], d)
    expect_status(status, 1, err)
    expect("nul.yaml:2:9: error: NUL byte in the file [yaml-syntax]" in err, err[:400])
    expect("UTF-16" in err, err[:400])


def tags(d):
    (d / "f.yaml").write_text("timeline: t\ntitle: !custom T\n")
    status, err = check(["validate", "f.yaml"], d)
    expect_status(status, 1, err)
    expect("[schema]" in err, err[:300])


def file_size(d):
    with open(d / "f.yaml", "wb") as f:  # sparse: nothing of it is read
        f.truncate(GiB + 1)
    status, err = check(["validate", "f.yaml"], d, memory=256 * MiB, cpu=5)
    expect_status(status, 1, err)
    expect("file larger than the limit of 1073741824 bytes [too-large]" in err, err[:300])


def event_count(d):
    # 10 million events would take minutes: the limit is an option of the loader, and
    # tests/input/limits_test.cpp holds it at small values ("events past the event limit ...").
    source = (ROOT / "tests" / "input" / "limits_test.cpp").read_text()
    expect("events past the event limit are refused at the first one past it" in source, "limits_test lost its case")
    expect(re.search(r"max_events = 10'000'000;", (ROOT / "engine/include/annals/load.hpp").read_text()),
           "the event limit is no longer 10,000,000")


def fifo(d):
    os.mkfifo(d / "pipe.yaml")
    status, err = check(["validate", "pipe.yaml"], d, cpu=5)
    expect_status(status, 2, err)
    expect("[io-error]" in err, err[:300])


def causal_chain(d):
    # e0 on 28 January causes e1 ... causes e40 on 1 January: the contradiction runs
    # through 40 links, of which the message shows the last 16.
    n = 41
    date = lambda i: "2015-01-28" if i == 0 else "2015-01-01" if i == n - 1 else "2015"
    body = lambda i: f"  - {{id: e{i}, title: E, date: {date(i)}" + (f", caused_by: [e{i - 1}]" if i else "") + "}\n"
    (d / "f.yaml").write_text(events(n, body))
    status, err = check(["validate", "f.yaml"], d)
    expect_status(status, 1, err)
    message = next((l for l in err.splitlines() if "[causal-order]" in l), "")
    expect(message, "no causal-order: " + err[:300])
    expect("..." in message and message.count(" causes ") == 16, message[:800])


def spelling_hints(d):
    ids = [f"event-number-{i:06d}" for i in range(20_000)]
    body = lambda i: f"  - {{id: {ids[i]}, title: E, date: 2015, after: [evnt-nmber-{i:06d}]}}\n"
    (d / "f.yaml").write_text(events(len(ids), body))
    status, err = check(["validate", "f.yaml"], d, cpu=20)
    expect_status(status, 1, err)
    expect(err.count("[unknown-reference]") == len(ids), "not every unknown reference reported")


def quoted_text(d):
    bidi = "\u202e\u2066"
    (d / "f.yaml").write_text(events(2, lambda i: [
        "  - {id: a, title: A, date: \"" + "9" * MiB + "\"}\n",
        "  - {id: b, title: B, date: \"x\\e[2J\\ninput:1:1: error: forged" + bidi + "\"}\n"][i]))
    status, err = check(["validate", "f.yaml"], d)
    expect_status(status, 1, err)
    lines = err.splitlines()
    expect(all(len(l) < 3000 for l in lines), f"a diagnostic line of {max(map(len, lines))} bytes")
    expect("\x1b" not in err and "\u202e" not in err and "\u2066" not in err, "a control character reached the output")
    expect(not any(l.startswith("input:1:1") for l in lines), "a forged diagnostic line")
    expect("\\x1b" in err and "\\u202e" in err, "the controls are not shown as escapes: " + err[:500])
    # The same through a render warning and 'annals date'.
    status, _, err, _ = run(["date", "23 Nov\x1b[2J 2015" + bidi + "9" * 100_000], d)
    expect_status(status, 1, err)
    expect("\x1b" not in err and "\u202e" not in err and max(map(len, err.splitlines())) < 3000, err[:500])


PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


def media_file(url, extra=""):
    return ("timeline: t\ntitle: T\ntimezone: UTC\nevents:\n"
            f"  - {{id: a, title: A, date: 2015, media: {{url: {url}, alt: a picture}}{extra}}}\n")


def media_url(d):
    secret = "annals-attack-secret-" + "7" * 12
    outside = d / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(PNG + secret.encode())
    tree = d / "tree"
    tree.mkdir()
    (tree / "env.png").symlink_to("/proc/self/environ")
    (tree / "out.png").symlink_to(outside / "secret.png")
    (tree / "dir").symlink_to(outside)
    (tree / "text.png").write_text("not an image " + secret)
    for url in ['"../outside/secret.png"', '"/etc/passwd.png"', '"//evil.example/x.png"', r"'\\evil.example\x.png'",
                r"'/\evil.png'", '" x.png"', '"\tx.png"', '"<img src=//evil.example/p.gif>.png"', '"javascript:alert(1)"']:
        (tree / "f.yaml").write_text(media_file(url))
        status, err = check(["validate", "f.yaml"], tree)
        expect_status(status, 1, err)
        expect("[unsafe-url]" in err, url + ": " + err[:300])
    # Symlinks, a symlinked folder and a file whose bytes are not its type: validate cannot
    # see them, embedding refuses them; nothing of the outside file reaches any output.
    for url in ["env.png", "out.png", "dir/secret.png", "text.png"]:
        (tree / "f.yaml").write_text(media_file(url))
        for fmt in ["html", "timelinejs"]:
            status, out, err, _ = run(["render", "f.yaml", "--embed-media", "--format", fmt], tree, cpu=20,
                                      # the environment holds the secret: /proc/self/environ must not leak it
                                      )
            expect_status(status, 0, err)
            expect("cannot embed media" in err, f"{url}: no warning: {err[:300]}")
            expect(secret.encode() not in out and b"data:image" not in out, f"{url} reached the {fmt} output")
            expect(b"PATH=" not in out and b"UEFUSD" not in out, f"{url}: the environment reached the {fmt} output")


def source_url(d):
    for url in ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"]:
        (d / "f.yaml").write_text(f"timeline: t\nsources:\n  s: {{title: S, url: \"{url}\"}}\n"
                                  "events:\n  - {id: a, title: A, date: 2015, sources: [s]}\n")
        status, err = check(["validate", "f.yaml"], d)
        expect_status(status, 1, err)
        expect("[unsafe-url]" in err, url + ": " + err[:300])


def embed_file(d):
    (d / "big.png").write_bytes(PNG + b"\0" * (17 * MiB))
    (d / "f.yaml").write_text(media_file("big.png"))
    status, out, err, _ = run(["render", "f.yaml", "--embed-media", "--format", "html"], d, cpu=20)
    expect_status(status, 0, err)
    expect("larger than 16 MiB" in err or "larger than 16 MB" in err, err[:300])
    expect(len(out) < MiB, f"{len(out)} bytes of html")


def embed_budget(d):
    (d / "pic.png").write_bytes(PNG + b"\0" * (15 * MiB))
    body = "".join(f"  - {{id: e{i}, title: E, date: 2015, media: {{url: pic.png, alt: a picture}}}}\n" for i in range(30))
    (d / "f.yaml").write_text("timeline: t\ntitle: T\nevents:\n" + body)
    status, out, err, _ = run(["render", "f.yaml", "--embed-media", "--format", "html"], d, cpu=30, memory=2 * GiB)
    expect_status(status, 0, err)
    expect("budget" in err, err[:300])
    expect(len(out) < 70 * MiB, f"{len(out)} bytes of html")


def deep_chain(d):
    n = 20_000
    body = lambda i: f"  - {{id: e{i}, title: Event {i}, date: 2015" + (f", caused_by: [e{i - 1}]" if i else "") + "}\n"
    (d / "f.yaml").write_text(events(n, body))
    for args in (["why", "f.yaml", f"e{n - 1}"], ["effects", "f.yaml", "e0"], ["why", "f.yaml", f"e{n - 1}", "--format", "json"],
                 ["render", "f.yaml", "--format", "postmortem"]):
        if args[1] == "f.yaml" and args[0] == "render":
            (d / "f.yaml").write_text(events(n, lambda i: body(i)[:-2] + (", milestone: impact_start}\n" if i == n - 1 else "}\n")))
        status, out, err, _ = run(args, d, memory=1 * GiB, cpu=30, output=64 * MiB)
        expect_status(status, 0, err)
        expect(len(out) < 200 * n, f"{' '.join(args[:1])}: {len(out)} bytes for {n} events")
        expect(b"[depth 17]" in out or b'"depth": 17' in out, f"{args[0]}: no depth past the indentation cap")


def standard_output(d):
    (d / "f.yaml").write_text(events(200, lambda i: f"  - {{id: e{i}, title: Event {i}, date: 2015-01-01}}\n"))
    with open("/dev/full", "wb") as full:
        # (validate's text report of a clean file is empty, its summary on standard error: json writes one)
        for args in (["render", "f.yaml", "--format", "html"], ["validate", "f.yaml", "--format", "json"], ["date", "2015"],
                     ["gaps", "f.yaml", "--by", "kind"]):
            status, _, err, _ = run(args, d, stdout=full)
            expect_status(status, 2, err)
            expect(f"annals {args[0]}: cannot write standard output: No space left on device" in err, err[:300])


def claim_reads(d):
    # The adversarial generator's claim shapes (tests/fuzz/adversarial.py; the scale check
    # runs them at 160,000 events): each validates within its CPU bound, and many series of
    # common values stop at the reading limit with too-large.
    p = subprocess.run([sys.executable, str(ROOT / "tests/fuzz/adversarial.py"), "--claims", "--check", ANNALS,
                        "--cpu", "10", "40000", str(d)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    expect(p.returncode == 0, p.stdout[-800:])
    expect("common_series" in p.stdout, p.stdout[-800:])


def alias_bytes(d):
    # One 1 MB scalar aliased by 1,600 events: 1.1 MB of file that expanded to gigabytes.
    body = "".join(f"  - {{id: e{i}, title: E, date: 2015, description: *big}}\n" for i in range(1600))
    (d / "f.yaml").write_text("timeline: t\nx: &big " + "x" * 1_000_000 + "\nevents:\n" + body)
    status, err = check(["validate", "f.yaml"], d, memory=1 * GiB, cpu=20)
    expect_status(status, 1, err)
    expect("[too-large]" in err, err[:300])


def process_memory(d):
    # Every command on 20,000 events with too little memory: too-large (exit 1), never an abort.
    body = "".join(f"  - {{id: e{i}, title: Event {i}, date: 2015, kind: k{i % 7}"
                   + (f", caused_by: [e{i - 1}]" if i else "") + "}\n" for i in range(20_000))
    (d / "f.yaml").write_text("timeline: t\ntitle: T\ntimezone: UTC\nevents:\n" + body)
    for args in (["validate", "f.yaml"], ["render", "f.yaml", "--format", "json"], ["render", "f.yaml", "--format", "html"],
                 ["gaps", "f.yaml", "--by", "kind", "--format", "json"], ["why", "f.yaml", "e19999"]):
        status, err = check(args, d, memory=30 * MiB, cpu=20)
        expect(status == 1, f"{args[0]}: exit status {status} under 30 MiB: {err[-300:]}")
        expect("[too-large]" in err or "out of memory" in err, f"{args[0]}: {err[-300:]}")


CASES = {
    # README limits row (its first cell) -> the case that shows it
    "YAML nesting depth": nesting,
    "one scalar": scalar,
    "one line": line,
    "memory for the YAML of one top-level entry or event": entry_memory,
    "nodes copied by aliases, per file": alias_nodes,
    "an alias inside its own anchor (`&a [*a]`)": alias_self,
    "documents per file": documents,
    "encoding": encoding,
    "tags": tags,
    "one file read into memory": file_size,
    "events, all files together": event_count,
    "FILE that is a FIFO, device or socket": fifo,
    "a `causal-order` message": causal_chain,
    "spelling hints for unknown references": spelling_hints,
    "user text quoted in a message or warning": quoted_text,
    "a media `url` that is not http(s)": media_url,
    "a source `url`": source_url,
    "one file `--embed-media` reads": embed_file,
    "data URIs `--embed-media` writes, per render": embed_budget,
    "causes shown by `why`, `effects` and a postmortem's root causes": deep_chain,
    "standard output": standard_output,
    "events of their series that claims read, per run": claim_reads,
    "memory of the process (`ulimit -v`, or a machine too small for the input)": process_memory,
    "bytes copied by anchors and aliases, all files together": alias_bytes,
}


def limits_rows(readme):
    text = readme.read_text()
    table = text[text.index("## Limits"):]
    rows = []
    for l in table.splitlines()[1:]:
        if l.startswith("## "):
            break
        m = re.match(r"\| (.+?) \| .* \| .* \|$", l)
        if m and m.group(1) not in ("limit", "---"):
            rows.append(m.group(1))
    return rows


def main():
    global ANNALS, ROOT
    ANNALS = os.path.abspath(sys.argv[1])
    readme = pathlib.Path(sys.argv[2])
    ROOT = readme.resolve().parent
    only = sys.argv[3:]
    failed = []
    rows = limits_rows(readme)
    for row in rows:
        if row not in CASES:
            failed.append(f"README limits row '{row}' has no case here")
    for name in CASES:
        if name not in rows:
            failed.append(f"case '{name}' names no row of the README limits table")
    passed = 0
    for name, case in CASES.items():
        if only and case.__name__ not in only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            start = time.monotonic()
            try:
                case(pathlib.Path(tmp))
                passed += 1
                print(f"ok    {case.__name__:16} {time.monotonic() - start:6.2f} s  {name}")
            except Failure as e:
                failed.append(f"{case.__name__}: {e}")
                print(f"FAIL  {case.__name__:16} {name}: {e}")
    for f in failed:
        print("failed: " + f, file=sys.stderr)
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
