#!/bin/sh
# A real client of `annals lsp`: headless Neovim (Debian's neovim, from
# tools/setup-clients.sh) runs neovim_lsp.lua against a timeline with errors.
# usage: neovim_lsp.sh ANNALS SCRATCH_DIR
set -eu
annals=$1
scratch=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v nvim >/dev/null 2>&1 || { echo "neovim_lsp: nvim is not installed (tools/setup-clients.sh)" >&2; exit 1; }
rm -rf "$scratch"
mkdir -p "$scratch"
cp "$here/neovim_timeline.yaml" "$scratch/timeline.yaml"
cd "$scratch"
ANNALS=$annals TIMELINE=$scratch/timeline.yaml HOME=$scratch XDG_STATE_HOME=$scratch/state \
  nvim --headless --clean -u NONE -n -c "luafile $here/neovim_lsp.lua" </dev/null
