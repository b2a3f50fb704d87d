#!/bin/sh
# Standard input is checked as it streams: 2 GB of NUL bytes stop at the first one (were
# they all read, the 1 GiB limit would speak instead). Passes only when annals exits 1
# with the NUL message; any other status or message fails.
#   stdin_streams.sh ANNALS_BIN
set -u
annals=${1:?usage: stdin_streams.sh ANNALS_BIN}
want='-:1:1: error: NUL byte in the file [yaml-syntax]'
out=$(mktemp)
trap 'rm -f "$out"' EXIT
head -c 2000000000 /dev/zero | "$annals" validate - >"$out" 2>&1
status=$?
if [ "$status" -ne 1 ]; then
  echo "stdin_streams: 'annals validate -' exited $status, not 1; it printed:" >&2
  head -c 2000 "$out" >&2
  exit 1
fi
if ! grep -qF -e "$want" "$out"; then
  echo "stdin_streams: 'annals validate -' did not print '$want'; it printed:" >&2
  head -c 2000 "$out" >&2
  exit 1
fi
echo "stdin_streams: exit 1 with '$want'"
