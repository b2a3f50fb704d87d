#!/usr/bin/env bash
# Installs the real clients that the render tests feed their output to:
#   graphviz            `dot -Tsvg` must accept the dot output
#   python3-icalendar   parses the ics output (run with /usr/bin/python3: Debian's module)
#   python3-yaml        decodes the YAML test suite's cases (tests/yaml-test-suite)
#   python3-dask, python3-distributed   run the Dask recipe on a local cluster (recipes/dask)
#   chromium            headless browser for the html and timelinejs checks
#   fish, zsh           load the generated shell completions (tests/cli)
#   mandoc, groff, man-db, bsdextrautils   lint and format the generated man page (tests/cli)
#   neovim              its built-in LSP client drives `annals lsp` (tests/clients/neovim_lsp.lua)
#   tests/browser's locked npm packages (npm ci): playwright-core drives Chromium,
#                       @knight-lab/timelinejs loads the timelinejs output,
#                       axe-core audits the html page's accessibility
# Idempotent and quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(graphviz python3-icalendar python3-yaml python3-dask python3-distributed chromium fish zsh mandoc groff man-db
          bsdextrautils neovim)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
. tools/apt-install-missing.sh
apt_install_missing setup-clients --no-install-recommends -- "${packages[@]}"

modules=tests/browser/node_modules
if [ ! -d "$modules/playwright-core" ] || [ ! -d "$modules/@knight-lab/timelinejs" ] || [ ! -d "$modules/axe-core" ]; then
  echo "setup-clients: npm ci in tests/browser" >&2
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null
fi
