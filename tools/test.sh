#!/usr/bin/env bash
# Sets up, builds and runs every test: the suite in the Release build, then again
# under AddressSanitizer and UndefinedBehaviorSanitizer (with clang), then each fuzz target briefly.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/setup.sh
tools/setup-clients.sh  # the real clients the render tests check outputs with
ctest --test-dir build -j2 --output-on-failure

tools/setup.sh --sanitize
# The browser's checks of every bundled page ran above; under the sanitizers the pages are
# still rendered, and checked byte for byte, by the golden tests.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" \
  ctest --test-dir build-asan -j2 --output-on-failure -E '^browser\.timelines$'

# A short fuzz run (15 s per target, about a minute in all) over the seed corpora;
# a crash fails the test and its input is kept in tests/fuzz/regressions/.
tools/fuzz.sh --ci
