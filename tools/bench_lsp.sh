#!/bin/sh
# The language server's re-check latency: a 10,000-event timeline (tools/generate.py),
# opened, then 20 one-line changes, each timed until publishDiagnostics is produced.
# usage: tools/bench_lsp.sh [EVENTS] [CHANGES]   (after building the lsp_bench target)
set -eu
cd "$(dirname "$0")/.."
events=${1:-10000}
changes=${2:-20}
file=build/bench-lsp-$events.yaml
[ -f "$file" ] || python3 tools/generate.py "$events" > "$file"
exec build/bin/lsp_bench "$file" "$changes"
