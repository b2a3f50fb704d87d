#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz) from the sanitizer tree build-asan/.
#   tools/fuzz.sh [SECONDS] [TARGET...]   each target for SECONDS (default 1800), one after
#                                         another; all targets when none is named
#   tools/fuzz.sh --ci                    what tools/test.sh runs: 15 s each
# New inputs accumulate in build-asan/fuzz-corpus/TARGET (the checked-in seeds in
# tests/fuzz/corpus/TARGET are only read). A crash, hang, leak or out-of-memory fails
# the run, and its input is copied to tests/fuzz/regressions/TARGET/, which the
# TARGET_regressions test replays. Nice'd: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=1800
if [ "${1:-}" = "--ci" ]; then seconds=15; shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/*_fuzz.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi

# The official YAML test suite's cases seed the targets that read files.
suite_seeds=build-asan/fuzz-seeds/yaml-test-suite
mkdir -p "$suite_seeds"
/usr/bin/python3 tests/yaml-test-suite/check_suite.py --write-seeds "$suite_seeds"

status=0
for t in "${targets[@]}"; do
  bin=build-asan/bin/$t
  [ -x "$bin" ] || { echo "fuzz: $bin is missing (run tools/setup.sh --sanitize)" >&2; exit 2; }
  work=build-asan/fuzz-corpus/$t artifacts=build-asan/fuzz-artifacts/$t
  mkdir -p "$work" "$artifacts" "tests/fuzz/regressions/$t"
  # libFuzzer takes one dictionary: a target's is its parts joined (the date words in all).
  case $t in
    date_fuzz|roundtrip_fuzz) parts=(dates) ;;
    load_fuzz) parts=(load dates) ;;
    render_fuzz) parts=(render load dates) ;;
    *) parts=() ;;
  esac
  dict=()
  if [ ${#parts[@]} -gt 0 ]; then
    joined=build-asan/fuzz-dicts/$t.dict
    mkdir -p build-asan/fuzz-dicts
    : >"$joined"
    for p in "${parts[@]}"; do cat "tests/fuzz/$p.dict" >>"$joined"; done
    dict=(-dict="$joined")
  fi
  seeds=(); case $t in load_fuzz|render_fuzz) seeds=("$suite_seeds") ;; esac
  log=$artifacts/log.txt
  echo "fuzz: $t for ${seconds}s" >&2
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     nice -n 10 "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       "${dict[@]}" -artifact_prefix="$artifacts/" "$work" "tests/fuzz/corpus/$t" "${seeds[@]}" >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$log" | tail -2 | sed "s/^/fuzz: $t: /" >&2
  else
    status=1
    tail -40 "$log" >&2
    for a in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/leak-* "$artifacts"/oom-*; do
      [ -e "$a" ] || continue
      cp "$a" "tests/fuzz/regressions/$t/"
      echo "fuzz: $t failed; input kept as tests/fuzz/regressions/$t/$(basename "$a")" >&2
    done
  fi
done
exit $status
