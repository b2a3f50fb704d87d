#!/usr/bin/env bash
# Graphviz must accept every approved dot output (the golden tests keep those equal to
# what the renderer writes now), and hostile labels must come out as inert text.
#   check_dot.sh GOLDEN_DIR
set -euo pipefail
dir=${1:?usage: check_dot.sh GOLDEN_DIR}
command -v dot >/dev/null || { echo "check_dot: graphviz is not installed (tools/setup-clients.sh)" >&2; exit 1; }

status=0; count=0
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
for f in "$dir"/*.dot; do
  [ -e "$f" ] || continue
  count=$((count + 1))
  name=$(basename "$f" .dot)
  if ! dot -Tsvg "$f" -o "$scratch/$name.svg" 2>"$scratch/$name.err" || [ -s "$scratch/$name.err" ]; then
    echo "check_dot: dot rejected $f:" >&2; cat "$scratch/$name.err" >&2; status=1
  fi
done
[ "$count" -gt 0 ] || { echo "check_dot: no .dot files in $dir" >&2; exit 1; }

# The fixture's hostile titles: escaped text in the SVG, never markup.
svg="$scratch/render-fixture.svg"
if [ -f "$svg" ]; then
  for want in '&lt;script&gt;alert(1)&lt;/script&gt;' 'back\slash' '&quot;on goods&quot;' '=HYPERLINK(&quot;http://x&quot;)'; do
    grep -qF -- "$want" "$svg" || { echo "check_dot: '$want' missing from $svg" >&2; status=1; }
  done
  if grep -qiE '<script|<img' "$svg"; then echo "check_dot: markup leaked into $svg" >&2; status=1; fi
fi
[ $status -eq 0 ] && echo "check_dot: graphviz accepted $count files"
exit $status
