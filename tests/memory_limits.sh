#!/bin/sh
# Memory bounded by the input, and memory that runs out is `too-large`, never an abort
# (README, Limits). One check per ctest:
#   memory_limits.sh commands ANNALS GENERATE WORK   every command under `ulimit -v`, at
#       several limits from "fails while loading" to "fails while writing": each exits 0,
#       1 with `too-large` or 2, never aborts, and each runs out at least once
#   memory_limits.sh aliases ANNALS WORK             a 1 MB scalar aliased by 1,600 events
#       (a 1.1 MB file that took 1.6 GB) stops at the alias budget, in 80 MB
#   memory_limits.sh stdin ANNALS WORK               a GiB of standard input, one byte under
#       the limit, is read whole within 1.4 GB of address space
set -u
mode=$1
annals=$2
shift 2
failed=0

fail() {
  echo "FAIL: $*"
  failed=1
}

# Runs ANNALS ARGS... with at most KB kilobytes of address space, from a shell of its own
# (a shell that lowers its own limit may run out itself); sets `status`, stderr in $err.
limited() {
  kb=$1
  shift
  sh -c 'ulimit -v "$0" && exec "$@"' "$kb" "$annals" "$@" >"$out" 2>"$err"
  status=$?
}

case $mode in
commands)
  generate=$1
  work=$2
  mkdir -p "$work"
  out=$work/out err=$work/err
  file=$work/events.yaml
  [ -f "$file" ] || python3 "$generate" 20000 >"$file" || exit 1
  formats=$("$annals" render --help | awk '/^formats:/ { on = 1; next } on && NF == 0 { exit } on { print $1 }')
  [ -n "$formats" ] || fail "no formats in 'annals render --help'"
  # Tries one command at each limit; KB ladders reach from the loader to the output.
  try() {
    what=$1
    ladder=$2
    shift 2
    ran_out=0
    for kb in $ladder; do
      limited "$kb" "$@"
      if grep -q 'terminate called\|std::bad_alloc' "$err"; then
        fail "$what under ulimit -v $kb: $(head -c 300 "$err")"
      fi
      case $status in
      0 | 2) ;;
      1) if grep -q 'out of memory.*\[too-large\]' "$err"; then ran_out=1; fi ;;
      *) fail "$what under ulimit -v $kb: exit status $status: $(head -c 300 "$err")" ;;
      esac
    done
    [ $ran_out -eq 1 ] || fail "$what never ran out of memory (the ladder $ladder is too high)"
    echo "ok: $what"
  }
  loads="30000 46000 62000"
  try validate "$loads" validate "$file"
  try "validate --format json" "$loads" validate --format json "$file"
  for format in $formats; do
    try "render --format $format" "$loads" render --format "$format" "$file"
  done
  try "render -o" "$loads" render --format html -o "$work/page.html" "$file"
  if ls -a "$work" | grep -q '\.tmp-'; then fail "render -o left a temporary file"; fi
  try gaps "$loads" gaps --by kind,actor "$file"
  try "gaps --format json" "$loads" gaps --format json "$file"
  try why "$loads" why "$file" e19999
  try effects "$loads" effects "$file" e0
  try metrics "$loads" metrics "$file"
  # Dates come from the command line: many of them, in a little memory.
  set -- $(awk 'BEGIN { for (i = 0; i < 20000; ++i) print "next-tuesday" }')
  try date "26000 28000 30000 32000 36000 40000" date --reference 2015-11-25 "$@"
  ;;
aliases)
  work=$1
  mkdir -p "$work"
  out=$work/out err=$work/err
  file=$work/amplifier.yaml
  python3 - "$file" <<'EOF' || exit 1
import sys
with open(sys.argv[1], "w") as f:
    f.write("timeline: t\ntitle: T\nreference: 2015-11-25\ndescription: &big " + "x" * 1000000 + "\nevents:\n")
    for i in range(1600):
        f.write("  - {id: e%d, title: *big, date: 2015}\n" % i)
EOF
  # Past 64 MiB and 4 bytes per byte of the file, aliases copy no more: well under 400 MB.
  limited 400000 validate "$file"
  [ $status -eq 1 ] || fail "the amplifier: exit status $status, expected 1"
  grep -q ':76:22: error: aliases copy more than 68 MiB (the limit for files of this size, all files together) \[too-large\]' "$out" ||
    fail "the amplifier: $(head -c 300 "$out")"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$work/peak" "$annals" validate "$file" >/dev/null 2>&1
    echo "the amplifier ($(wc -c <"$file") bytes): peak $(tail -n 1 "$work/peak") KB"
  fi
  ;;
stdin)
  work=$1
  mkdir -p "$work"
  out=$work/out err=$work/err
  # 1 GiB - 1 bytes on one line: read whole, then refused for its line, not its size.
  head -c 1073741823 /dev/zero | tr '\0' x | sh -c 'ulimit -v 1400000 && exec "$0" validate -' "$annals" >"$out" 2>"$err"
  status=$?
  [ $status -eq 1 ] || fail "standard input: exit status $status, expected 1: $(head -c 300 "$err")"
  grep -q '^-:1:1: error: line longer than the limit of 4194304 bytes \[too-large\]' "$out" ||
    fail "standard input: $(head -c 300 "$out")"
  if [ -x /usr/bin/time ]; then
    head -c 1073741823 /dev/zero | tr '\0' x | /usr/bin/time -f %M -o "$work/peak" "$annals" validate - >/dev/null 2>&1
    echo "1 GiB - 1 of standard input: peak $(tail -n 1 "$work/peak") KB"
  fi
  ;;
*)
  fail "unknown mode '$mode'"
  ;;
esac
exit $failed
