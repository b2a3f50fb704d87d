#!/usr/bin/env bash
# Graphviz must accept every approved dot output (the golden tests keep those equal to
# what the renderer writes now), as SVG and as PNG; each must fit a page, at most 1600 px
# wide at Graphviz's 96 dpi (1200 pt); the Roman chronology (rome) must fit an A4 page
# (595 x 842 pt); and hostile labels must come out as inert text.
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
    continue
  fi
  if ! dot -Tpng "$f" -o "$scratch/$name.png" 2>"$scratch/$name.err" || [ -s "$scratch/$name.err" ]; then
    echo "check_dot: dot could not draw $f as PNG:" >&2; cat "$scratch/$name.err" >&2; status=1
    continue
  fi
  # The SVG's size in points; the PNG's width in pixels (big-endian, bytes 16-19 of its header).
  read -r w h < <(sed -n 's/^<svg width="\([0-9]*\)pt" height="\([0-9]*\)pt".*/\1 \2/p' "$scratch/$name.svg")
  px=$(od -An -tu1 -j16 -N4 "$scratch/$name.png" | awk '{print (($1 * 256 + $2) * 256 + $3) * 256 + $4}')
  if [ -z "$w" ] || [ -z "$px" ]; then
    echo "check_dot: no size in the drawing of $f" >&2; status=1; continue
  fi
  if [ "$w" -gt 1200 ] || [ "$px" -gt 1600 ]; then
    echo "check_dot: $f is ${w} pt (${px} px) wide, more than a page (1200 pt, 1600 px)" >&2; status=1
  fi
  if [ "$name" = rome ] && { [ "$w" -gt 595 ] || [ "$h" -gt 842 ]; }; then
    echo "check_dot: $f is ${w} x ${h} pt, more than an A4 page (595 x 842 pt)" >&2; status=1
  fi
done
[ "$count" -gt 0 ] || { echo "check_dot: no .dot files in $dir" >&2; exit 1; }

# The fixture's hostile titles: escaped text in the SVG, never markup.
svg="$scratch/render-fixture.svg"
if [ -f "$svg" ]; then
  # (Titles wrap: "on goods" is split across two lines.)
  for want in '&lt;script&gt;alert(1)&lt;/script&gt;' 'back\slash' 'the ban, &quot;on<' '>goods&quot;;' '=HYPERLINK(&quot;http://x&quot;)'; do
    grep -qF -- "$want" "$svg" || { echo "check_dot: '$want' missing from $svg" >&2; status=1; }
  done
  if grep -qiE '<script|<img' "$svg"; then echo "check_dot: markup leaked into $svg" >&2; status=1; fi
fi
[ $status -eq 0 ] && echo "check_dot: graphviz accepted $count files, each within a page"
exit $status
