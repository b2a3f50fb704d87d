#!/usr/bin/env bash
# Installs the real clients that the render tests feed their output to:
#   graphviz            `dot -Tsvg` must accept the dot output
#   python3-icalendar   parses the ics output (run with /usr/bin/python3: Debian's module)
#   chromium            headless browser for the html and timelinejs checks
#   tests/browser's locked npm packages (npm ci): playwright-core drives Chromium,
#                       @knight-lab/timelinejs loads the timelinejs output
# Idempotent and quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(graphviz python3-icalendar chromium)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-clients: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

modules=tests/browser/node_modules
if [ ! -d "$modules/playwright-core" ] || [ ! -d "$modules/@knight-lab/timelinejs" ]; then
  echo "setup-clients: npm ci in tests/browser" >&2
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null
fi
