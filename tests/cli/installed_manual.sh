#!/bin/sh
# `cmake --install` puts the man page and the completions where man and the shells look for
# them, as the files the tool writes (annals --man, annals completions SHELL).
#   installed_manual.sh ANNALS_BIN BUILD_DIR SCRATCH_DIR
set -u
annals=${1:?usage: installed_manual.sh ANNALS_BIN BUILD_DIR SCRATCH_DIR}
build=${2:?}
prefix=${3:?}
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "installed_manual: cmake --install failed" >&2; exit 1; }
failures=0
same() {  # same INSTALLED_PATH ANNALS_ARGS...: the installed file is what annals writes
  path=$prefix/$1
  shift
  if [ ! -f "$path" ]; then
    echo "installed_manual: $path is not installed" >&2
    failures=$((failures + 1))
  elif ! "$annals" "$@" | cmp -s - "$path"; then
    echo "installed_manual: $path differs from 'annals $*'" >&2
    failures=$((failures + 1))
  fi
}
same share/man/man1/annals.1 --man
same share/bash-completion/completions/annals completions bash
same share/zsh/site-functions/_annals completions zsh
same share/fish/vendor_completions.d/annals.fish completions fish
MANPATH=$prefix/share/man man -w annals | grep -qx "$prefix/share/man/man1/annals.1" ||
  { echo "installed_manual: man -w annals does not find the page under $prefix" >&2; failures=$((failures + 1)); }
rm -rf "$prefix"
[ "$failures" -eq 0 ] || exit 1
echo "installed_manual: the man page and the bash, zsh and fish completions installed where they are looked for"
