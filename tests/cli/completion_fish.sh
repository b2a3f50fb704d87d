#!/bin/sh
# The fish completion as fish runs it: the generated file sourced and `complete -C` asked
# what it offers for what people type. A missing fish fails the test (tools/setup-clients.sh
# installs it).
#   completion_fish.sh ANNALS_BIN COMPLETION_FILE SCRATCH_DIR
set -u
annals=${1:?usage: completion_fish.sh ANNALS_BIN COMPLETION_FILE SCRATCH_DIR}
script=${2:?}
scratch=${3:?}
command -v fish >/dev/null || { echo "completion_fish: fish is not installed (tools/setup-clients.sh)" >&2; exit 1; }
failures=0
fail() { echo "completion_fish: $*" >&2; failures=$((failures + 1)); }

# The words fish offers for the command line $1 (descriptions cut off).
offered() { fish --no-config -c "source '$script'; complete -C '$1'" | cut -f1 | sort; }
expect() {  # expect "WANTED WORDS" LINE: exactly these are offered
  got=$(offered "$2" | tr '\n' ' ' | sed 's/ $//')
  want=$(printf '%s\n' $1 | sort | tr '\n' ' ' | sed 's/ $//')
  [ "$got" = "$want" ] || fail "after '$2': offered [$got], wanted [$want]"
}
expect_has() { offered "$2" | grep -qx -- "$1" || fail "after '$2': '$1' not offered"; }

commands=$("$annals" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
render_formats=$("$annals" render --help | sed -n '/^formats:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
choices_of() { "$annals" "$@" 2>&1 | sed -n 's/.*(use \(.*\))$/\1/p' | sed 's/, / /g; s/ or / /'; }
report_formats=$(choices_of validate --format none x.yaml)
[ -n "$commands" ] && [ -n "$render_formats" ] && [ -n "$report_formats" ] || fail "could not read the tables"

expect "$commands" "annals "
expect "$report_formats" "annals validate --format "
expect_has sarif "annals validate --format "
expect "$render_formats" "annals render --format "
expect svg "annals render --format sv"
expect "bash fish zsh" "annals completions "
expect_has --format "annals render --fo"
offered "annals validate --format " | grep -qx sarif || true
fish --no-config -c "source '$script'; complete -C 'annals validate --format '" | grep -q "^sarif	." ||
  fail "sarif is offered without its description"

mkdir -p "$scratch" && cd "$scratch" || exit 1
rm -f ./*.yaml ./*.csv
touch rome.yaml readme.csv
expect "rome.yaml" "annals validate ro"
expect "rome.yaml" "annals render -o ro"
expect "readme.csv" "annals import csv rea"
expect "" "annals date ro"

if [ "$failures" -ne 0 ]; then
  echo "completion_fish: $failures failures" >&2
  exit 1
fi
echo "completion_fish: every command, format and file completed"
