#!/usr/bin/env bash
# Scale benchmark (issue 8): generates synthetic timelines and runs, side by side on
# each file, annals validate / render --format json / gaps --by kind,actor, the bare
# yaml-cpp event parse (the floor), and where present js-yaml 4 and PyYAML load+sort.
# Prints wall time, peak RSS and the ratios to validate: the median of three runs
# (ANNALS_BENCH_RUNS), PyYAML's one run.
#   tools/bench.sh                 10k and 100k events
#   tools/bench.sh 10000 100000 1000000    the sizes given (the issue's table)
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
work=${ANNALS_BENCH_DIR:-build/bench}
mkdir -p "$work"

# js-yaml 4 into the bench folder when npm can fetch it; PyYAML when python3 has it.
jsyaml=""
if command -v node >/dev/null && { [ -d "$work/node/node_modules/js-yaml" ] ||
     npm install --prefix "$work/node" --no-audit --no-fund --loglevel=error js-yaml@4 >/dev/null 2>&1; }; then
  jsyaml="$work/node/node_modules"
fi
pyyaml=""
for py in /usr/bin/python3 python3; do
  if "$py" -c "import yaml" 2>/dev/null; then pyyaml=$py; break; fi
done

# Each figure is the median of $runs runs, taken in rounds over every command so
# that a shared machine's slow minutes fall on all of them alike.
runs=${ANNALS_BENCH_RUNS:-3}
names=(validate "validate (1 thread)" "render --format json" "gaps --by kind,actor" "yaml-cpp event parse (floor)")
[ -z "$jsyaml" ] || names+=("js-yaml 4 load+sort")
[ -z "$pyyaml" ] || names+=("PyYAML load+sort")

command_for() {  # name file: sets cmd
  case $1 in
    validate) cmd=(build/bin/annals validate "$2") ;;
    "validate (1 thread)") cmd=(env ANNALS_THREADS=1 build/bin/annals validate "$2") ;;
    "render --format json") cmd=(build/bin/annals render --format json "$2" -o "$work/out.json") ;;
    "gaps --by kind,actor") cmd=(build/bin/annals gaps --by kind,actor "$2") ;;
    "yaml-cpp event parse (floor)") cmd=(build/bin/yaml_floor "$2") ;;
    "js-yaml 4 load+sort") cmd=(env NODE_PATH="$jsyaml" node bench/scripts/jsyaml_sort.js "$2") ;;
    "PyYAML load+sort") cmd=("$pyyaml" bench/scripts/pyyaml_sort.py "$2") ;;
  esac
}

# Files are kept between runs, named by the generator that wrote them.
generator=$(sha1sum tools/generate.py | cut -c1-8)
# Every figure also goes to a table for the summary: size, name, seconds, peak KB, file bytes.
results="$work/results.tsv"
: > "$results"
printf '%-9s %-34s %9s %10s %8s %10s\n' events what seconds "peak MB" "vs val." "µs/event"
for n in "${sizes[@]}"; do
  file="$work/events-$n-$generator.yaml"
  [ -f "$file" ] || python3 tools/generate.py "$n" > "$file"
  bytes=$(stat -c %s "$file")
  declare -A t m
  raw="$work/raw.tsv"
  : > "$raw"
  for ((r = 0; r < runs; ++r)); do
    for name in "${names[@]}"; do
      # PyYAML once: at a million events one run takes six minutes.
      [ "$name" != "PyYAML load+sort" ] || [ "$r" -eq 0 ] || continue
      command_for "$name" "$file"
      sync  # no run pays for an earlier one's writes (render -o syncs its file)
      /usr/bin/time -f "%e %M" -o "$work/time.txt" "${cmd[@]}" >/dev/null 2>"$work/stderr.txt" || true
      printf '%s\t%s\n' "$name" "$(tail -n 1 "$work/time.txt")" >> "$raw"
    done
  done
  for name in "${names[@]}"; do
    out=$(awk -F '\t' -v name="$name" '$1 == name { print $2 }' "$raw" | sort -n |
          awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')
    t[$name]=${out% *}
    m[$name]=${out#* }
    printf '%s\t%s\t%s\t%s\t%s\n' "$n" "$name" "${t[$name]}" "${m[$name]}" "$bytes" >> "$results"
  done
  echo "$n events: $file, $(( bytes / 1048576 )) MB"
  for name in "${names[@]}"; do
    awk -v n="$n" -v name="$name" -v s="${t[$name]}" -v kb="${m[$name]}" -v v="${t[validate]}" 'BEGIN {
      printf "%-9s %-34s %9.2f %10.0f %8.2f %10.2f\n", n, name, s, kb / 1024, (v > 0 ? s / v : 0), s * 1e6 / n }'
  done
  unset t m
done
rm -f "$work/out.json" "$raw"

# The issue's targets, from the table: at 100k events (or the nearest size run),
# at the largest size, and the spread of time per event across sizes.
echo
echo "targets ($(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)):"
awk -F '\t' '
  { t[$1, $2] = $3; kb[$1, $2] = $4; bytes[$1] = $5; sizes[$1] = 1 }
  END {
    for (n in sizes) {
      if (mid == "" || (n - 100000) ^ 2 < (mid - 100000) ^ 2) mid = n
      if (big == "" || n + 0 > big + 0) big = n
    }
    v = "validate"
    printf "  %-62s %6.2f  (target < 0.85)\n", "validate / yaml-cpp floor, " mid " events", t[mid, v] / t[mid, "yaml-cpp event parse (floor)"]
    if ((mid, "js-yaml 4 load+sort") in t)
      printf "  %-62s %6.2f  (target < 1)\n", "validate / js-yaml 4 load+sort, " mid " events", t[mid, v] / t[mid, "js-yaml 4 load+sort"]
    printf "  %-62s %6.2f  (target <= 3)\n", "validate peak memory / file size, " big " events", kb[big, v] * 1024 / bytes[big]
    printf "  %-62s %6.2f  (target <= 1.5)\n", "render --format json / validate, " big " events", t[big, "render --format json"] / t[big, v]
    printf "  %-62s %6.2f  (target <= 1.5)\n", "gaps --by kind,actor / validate, " big " events", t[big, "gaps --by kind,actor"] / t[big, v]
    split("validate|render --format json|gaps --by kind,actor", names, "|")
    for (i = 1; i <= 3; ++i) {
      lo = hi = ""; count = 0
      for (n in sizes) {
        if (!((n, names[i]) in t)) continue
        per = t[n, names[i]] / n; ++count
        if (lo == "" || per < lo) lo = per
        if (hi == "" || per > hi) hi = per
      }
      if (count > 1) printf "  %-62s %6.2f  (target <= 1.5)\n", "time per event, slowest / fastest size: " names[i], hi / lo
    }
  }' "$results"
