#!/bin/sh
# Renders every bundled timeline to html (horizontal and --layout vertical) and timelinejs
# with the annals command line and checks them in headless Chromium: the static page and
# axe-core with every rule, then the interactive page driven as a reader would (zoom,
# filters, search, keyboard, details). Screenshots of each state go to OUTDIR.
#   timelines.sh ANNALS_BIN TIMELINES_DIR OUTDIR
# Fails, never skips, when a tool it needs is missing (`annals render`, node, Chromium)
# or no timeline exists.
set -eu
annals=$1 timelines=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
"$annals" render --help >/dev/null 2>&1 || { echo "timelines: '$annals render --help' fails" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "timelines: node is not installed (tools/setup-clients.sh)" >&2; exit 1; }
found=0
for yaml in "$timelines"/*.yaml; do
  [ -f "$yaml" ] || continue
  found=1
  name=$(basename "$yaml" .yaml)
  "$annals" render "$yaml" --format json -o "$out/$name.json"
  # The number of events, from the json output: the independent count the pages must match.
  events=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).events.length)' "$out/$name.json")
  "$annals" render "$yaml" --format html -o "$out/$name.html"
  "$annals" render "$yaml" --format timelinejs -o "$out/$name.timelinejs.json"
  "$annals" render "$yaml" --format html --layout vertical -o "$out/$name.vertical.html"
  node "$here/html_page.mjs" "$out/$name.html" "$events" "$out/$name.png"
  node "$here/interactive.mjs" "$out/$name.html" "$out/$name"
  node "$here/html_page.mjs" "$out/$name.vertical.html" "$events" "$out/$name.vertical.png"
  node "$here/interactive.mjs" "$out/$name.vertical.html" "$out/$name.vertical"
  node "$here/timelinejs.mjs" "$out/$name.timelinejs.json" "$events" "$out/$name.timelinejs.png"
done
[ "$found" = 1 ] || { echo "timelines: no $timelines/*.yaml" >&2; exit 1; }
