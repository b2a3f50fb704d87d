#!/usr/bin/env bash
# Installs the real clients the tests check annals' outputs with: Debian's chromium
# (headless browser checks) and, from the npm registry, tests/browser's locked packages
# (playwright-core to drive Chromium, @knight-lab/timelinejs). Idempotent and quiet.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-clients: installing ${missing[*]}" >&2
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

modules=tests/browser/node_modules
if [ ! -d "$modules/playwright-core" ] || [ ! -d "$modules/@knight-lab/timelinejs" ]; then
  echo "setup-clients: npm ci in tests/browser" >&2
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null
fi
