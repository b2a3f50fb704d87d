#!/bin/sh
# Throughput of `annals normalize` alone (records/s and peak memory, one process) and of the
# Dask recipe with 2 and 4 worker processes, on a generated archive. Prints figures; asserts
# nothing.
#   recipes/dask/bench.sh [EVENTS] [ANNALS]      (default 200000, build/bin/annals)
set -eu
events=${1:-200000}
here=$(cd "$(dirname "$0")" && pwd)
annals=$(cd "$(dirname "${2:-build/bin/annals}")" && pwd)/$(basename "${2:-build/bin/annals}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/make_archive.py" "$events" > "$work/archive.jsonl"
bytes=$(wc -c < "$work/archive.jsonl")
echo "archive: $events records, $((bytes / 1048576)) MB"
/usr/bin/time -v "$annals" normalize "$work/archive.jsonl" --reference 2020-06-15 -o "$work/out.jsonl" 2> "$work/time"
seconds=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
awk -v n="$events" -v s="$seconds" -v kb="$peak" \
  'BEGIN { printf "annals normalize, one process: %.2f s, %.0f records/s, peak RSS %.1f MB\n", s, n / s, kb / 1024 }'
for workers in 2 4; do
  (cd "$work" && /usr/bin/python3 "$here/annals_gaps.py" archive.jsonl --by kind,actor --reference 2020-06-15 \
     --workers "$workers" --annals "$annals" -o gaps.json 2>&1 >/dev/null | grep '^annals_gaps:')
done
