#!/usr/bin/env bash
# Installs what annals needs (Debian packages), then configures and builds it.
# Idempotent and quiet when everything is already there.
#   tools/setup.sh               Release build in build/ (the tool: build/bin/annals)
#   tools/setup.sh --sanitize    AddressSanitizer + UBSan build in build-asan/ with clang, which
#                                also builds the libFuzzer targets (tests/fuzz) in the same tree
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make libhowardhinnant-date-dev libboost-program-options-dev libyaml-cpp-dev
          catch2 libvalijson-dev nlohmann-json3-dev libbenchmark-dev tzdata libicu-dev libical-dev pkg-config
          librsvg2-dev libcairo2-dev zlib1g-dev  # png and pdf: librsvg and cairo, loaded when asked for
          fonts-noto-core fonts-noto-cjk fonts-dejavu  # their text: Latin, Cyrillic, Greek, Arabic, Hebrew, CJK
          clang libclang-rt-14-dev)  # clang and its libFuzzer runtime: the sanitizer + fuzz tree
. tools/apt-install-missing.sh
apt_install_missing setup -- "${packages[@]}"

dir=build; flags=(-DCMAKE_BUILD_TYPE=Release)
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  # Line tables are all a sanitizer report needs, and compile ~40% faster than full -g.
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG"
         -DCMAKE_CXX_COMPILER=clang++ -DANNALS_SANITIZE=ON -DANNALS_FUZZ=ON)
  # A tree configured before the fuzz targets existed (GCC, no ANNALS_FUZZ) is rebuilt.
  if [ -f "$dir/CMakeCache.txt" ] && ! grep -q '^ANNALS_FUZZ:BOOL=ON' "$dir/CMakeCache.txt"; then rm -rf "$dir"; fi
fi
[ -f "$dir/CMakeCache.txt" ] || cmake -S . -B "$dir" "${flags[@]}" >/dev/null
if ! log=$(cmake --build "$dir" -j2 2>&1); then
  printf '%s\n' "$log" >&2
  exit 1
fi
