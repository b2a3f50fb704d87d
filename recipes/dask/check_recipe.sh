#!/bin/sh
# The Dask recipe's test: a generated archive through annals_gaps.py on a local cluster of
# three worker processes (no network beyond 127.0.0.1), its gaps compared with `annals
# gaps` on the whole archive. Debian's python3-dask and python3-distributed are required
# (tools/setup-clients.sh installs them): without them this fails, it never skips.
#   check_recipe.sh ANNALS SCRATCH_DIR [EVENTS]
set -eu
annals=$1
scratch=$2
events=${3:-100000}
here=$(cd "$(dirname "$0")" && pwd)
if ! /usr/bin/python3 -c 'import dask.bag, distributed' 2>/dev/null; then
  echo "check_recipe: Debian's python3-dask and python3-distributed are missing: run tools/setup-clients.sh" >&2
  exit 1
fi
rm -rf "$scratch"
mkdir -p "$scratch"
/usr/bin/python3 "$here/make_archive.py" "$events" > "$scratch/archive.jsonl"
/usr/bin/python3 "$here/make_archive.py" "$events" --yaml > "$scratch/archive.yaml"
cd "$scratch"
/usr/bin/python3 "$here/annals_gaps.py" archive.jsonl --by kind,actor --reference 2020-06-15 --workers 3 \
  --annals "$annals" --check archive.yaml -o gaps.json
rm -rf "$scratch"
