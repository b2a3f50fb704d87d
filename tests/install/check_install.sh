#!/bin/sh
# The installed annals, as a user gets it (README "Using annals as a library"):
#   check_install.sh SOURCE_DIR BUILD_DIR WORK_DIR VERSION CXX [LAUNCHER]
# installs BUILD_DIR, then moves it to WORK_DIR/prefix, checks what is there (the tool runs and tells
# VERSION, every public header, the library, the package files, the schemas), that each
# header needs only installed headers, that find_package takes version 0.1 and refuses 1 and 9,
# then builds the README's consumer (the blocks under `<!-- consumer: NAME -->`, the one
# copy of its code) with CXX against the prefix alone, runs it as the README shows and
# checks what it prints: the README's lines, the tool's Markdown, the tool's diagnostics.
# The install layout (lib/ or lib/x86_64-linux-gnu/, ...) comes from the environment:
# ANNALS_BINDIR, ANNALS_LIBDIR, ANNALS_INCLUDEDIR, ANNALS_DATADIR, ANNALS_MANDIR.
set -eu
src=$1 build=$2 work=$3 version=$4 cxx=$5 launcher=${6:-}
bindir=${ANNALS_BINDIR:-bin} libdir=${ANNALS_LIBDIR:-lib} includedir=${ANNALS_INCLUDEDIR:-include}
datadir=${ANNALS_DATADIR:-share} mandir=${ANNALS_MANDIR:-share/man}
prefix=$work/prefix
fail() { printf 'install.consumer: %s\n' "$*" >&2; exit 1; }
# cmake prints its own reasons; on failure they are shown, else kept quiet.
quiet() { log=$work/last.log; "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "failed: $*"; }; }

rm -rf "$work"
mkdir -p "$work"
# Installed elsewhere and moved (as a package is built in a staging folder): nothing
# installed may name the folder it was installed in.
quiet cmake --install "$build" --prefix "$work/staged"
mv "$work/staged" "$prefix"

# What is installed: the tool, the library, the package, the headers and schemas byte for byte.
[ -x "$prefix/$bindir/annals" ] || fail "no $bindir/annals"
got=$("$prefix/$bindir/annals" --version) || fail "$bindir/annals --version failed"
case $got in *"$version"*) ;; *) fail "$bindir/annals --version says '$got', not $version" ;; esac
[ -f "$prefix/$libdir/libannals.a" ] || fail "no $libdir/libannals.a"
for f in annalsConfig.cmake annalsConfigVersion.cmake annalsTargets.cmake; do
  [ -f "$prefix/$libdir/cmake/annals/$f" ] || fail "no $libdir/cmake/annals/$f"
done
for h in "$src"/engine/include/annals/*.hpp; do
  cmp -s "$h" "$prefix/$includedir/annals/${h##*/}" || fail "$includedir/annals/${h##*/} is not the public header"
done
[ "$(ls "$prefix/$includedir/annals" | wc -l)" = "$(ls "$src"/engine/include/annals | wc -l)" ] ||
  fail "$includedir/annals holds other files than engine/include/annals"
for s in "$src"/schemas/*.schema.json; do
  cmp -s "$s" "$prefix/$datadir/annals/schemas/${s##*/}" || fail "$datadir/annals/schemas/${s##*/} is not schemas/${s##*/}"
done
# The man page and the completions, once the tool installs them.
for f in "$mandir/man1/annals.1" "$datadir/bash-completion/completions/annals" \
         "$datadir/zsh/site-functions/_annals" "$datadir/fish/vendor_completions.d/annals.fish"; do
  if [ -e "$prefix/$f" ]; then [ -s "$prefix/$f" ] || fail "$f is empty"
  else echo "not installed (yet): $f"; fi
done
echo "installed:"
(cd "$prefix" && find . -type f | sort | sed 's|^\./|  |')

# Every header needs only the installed ones (and the standard library): one file that
# includes them all compiles with the prefix as its only include folder.
for h in "$prefix/$includedir"/annals/*.hpp; do echo "#include <annals/${h##*/}>"; done >"$work/headers.cpp"
quiet "$cxx" -std=c++20 -fsyntax-only -I"$prefix/$includedir" "$work/headers.cpp"

# find_package: the version asked must have the installed one's major version.
mkdir -p "$work/probe"
cat >"$work/probe/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.25)
project(probe LANGUAGES CXX)
find_package(annals ${WANT} REQUIRED)
message(STATUS "annals ${annals_VERSION} at ${annals_SCHEMA_DIR}")
EOF
probe() {  # the probe's tree is kept from one version to the next: the compiler is found once
  cmake -S "$work/probe" -B "$work/probe/build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" -DWANT="$1" \
    >"$work/probe.log" 2>&1
}
probe 0.1 || { cat "$work/probe.log" >&2; fail "find_package(annals 0.1) failed"; }
grep -qF -- "-- annals $version at $prefix/$datadir/annals/schemas" "$work/probe.log" ||
  { cat "$work/probe.log" >&2; fail "find_package(annals 0.1) did not give version $version and the schema folder"; }
for other in 1 9; do
  if probe $other; then fail "find_package(annals $other) found version $version"; fi
  grep -qF "requested version \"$other\"" "$work/probe.log" ||
    { cat "$work/probe.log" >&2; fail "find_package(annals $other) failed for another reason"; }
done

# The README's consumer: its blocks, written out as they are.
consumer=$work/consumer
mkdir -p "$consumer"
awk -v dir="$consumer" '
  /^<!-- consumer: [^ ]+ -->$/ { name = $3; next }
  name != "" && /^```/ { if (inside) { close(dir "/" name); name = ""; inside = 0 } else inside = 1; next }
  inside { print > (dir "/" name) }
' "$src/README.md"
for f in CMakeLists.txt main.cpp output; do
  [ -s "$consumer/$f" ] || fail "the README has no block under <!-- consumer: $f -->"
done
set -- -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release
[ -z "$launcher" ] || set -- "$@" -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher"
start=$(date +%s)
quiet cmake -S "$consumer" -B "$consumer/build" "$@"
quiet cmake --build "$consumer/build" -j2
echo "consumer configured and built in $(($(date +%s) - start)) s"

# It prints what the README shows (a last line `...` ends a prefix), run in its folder,
# where annals' timelines/ are at hand.
ln -s "$src/timelines" "$consumer/timelines"
command=$(sed -n '1s/^\$ //p' "$consumer/output")
[ -n "$command" ] || fail "the README's consumer output does not begin with '\$ build/consumer ...'"
args=${command#build/consumer}
[ "$args" != "$command" ] || fail "the README's consumer command is not build/consumer: $command"
# shellcheck disable=SC2086  # the README's arguments, split as a shell would
(cd "$consumer" && build/consumer $args) >"$work/got" || fail "the consumer failed on$args"
sed 1d "$consumer/output" >"$work/want"
grep -q '[^.]' "$work/want" || fail "the README shows nothing the consumer prints"
if [ "$(tail -n 1 "$work/want")" = "..." ]; then
  sed '$d' "$work/want" >"$work/want.prefix"
  head -n "$(wc -l <"$work/want.prefix")" "$work/got" >"$work/got.prefix"
  diff -u "$work/want.prefix" "$work/got.prefix" || fail "the consumer printed other lines than the README shows"
else
  diff -u "$work/want" "$work/got" || fail "the consumer printed other lines than the README shows"
fi
# The library's Markdown, after the summary and a blank line, is the tool's.
(cd "$consumer" && "$prefix/$bindir/annals" render --format markdown $args) >"$work/tool.md"
sed '1,/^$/d' "$work/got" >"$work/library.md"
diff -u "$work/tool.md" "$work/library.md" || fail "the consumer's Markdown is not annals render's"

# A file with an error: the consumer exits 1 and says what `annals validate` says.
cat >"$work/broken.yaml" <<'EOF'
timeline: broken
events:
  - id: fall
    title: A date no calendar has
    date: 2015-13-45
EOF
status=0
"$consumer/build/consumer" "$work/broken.yaml" >"$work/broken.out" 2>"$work/broken.err" || status=$?
[ "$status" = 1 ] || fail "the consumer exited $status on a broken file, not 1"
[ -s "$work/broken.err" ] || fail "the consumer said nothing about a broken file"
"$prefix/$bindir/annals" validate "$work/broken.yaml" >"$work/validate.out" 2>&1 || true
while IFS= read -r line; do
  grep -qxF -- "$line" "$work/validate.out" || fail "the consumer said '$line', which annals validate does not"
done <"$work/broken.err"
echo "ok: installed, found, built, and the consumer's output is the README's"
