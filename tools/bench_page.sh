#!/bin/sh
# Benchmark of the interactive html page (issue 23): generates timelines of 1,000 and 10,000
# events (tools/generate.py), times `annals render --format html` of each, then loads each
# page in headless Chromium and prints its load time and the time of a zoom step
# (tests/browser/bench_page.mjs). Not a test: figures to read and report.
#   tools/bench_page.sh [BUILD_DIR]     (default: build; files go to BUILD_DIR/bench-page)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
annals=$build/bin/annals
out=$build/bench-page
[ -x "$annals" ] || { echo "bench_page: no $annals (build the annals target)" >&2; exit 1; }
[ -d "$root/tests/browser/node_modules/playwright-core" ] || { echo "bench_page: run tools/setup-clients.sh" >&2; exit 1; }
mkdir -p "$out"
pages=""
for n in 1000 10000; do
  yaml=$out/events-$n.yaml
  [ -f "$yaml" ] || python3 "$root/tools/generate.py" "$n" > "$yaml"
  start=$(date +%s%N)
  "$annals" render "$yaml" --format html -o "$out/events-$n.html" 2>/dev/null
  end=$(date +%s%N)
  echo "annals render --format html, $n events: $(( (end - start) / 1000000 )) ms"
  pages="$pages $out/events-$n.html"
done
cd "$root/tests/browser"
# shellcheck disable=SC2086
node bench_page.mjs $pages
