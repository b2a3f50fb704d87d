#!/bin/bash
# The bash completion as bash runs it: the generated file sourced, `complete -p` naming its
# function, and the function driven as bash drives it (COMP_WORDS, COMP_CWORD) with the
# words people type. What it must offer is read from the tool (its --help, its messages),
# so that a format added to a table is expected here too.
#   completion_bash.sh ANNALS_BIN COMPLETION_FILE SCRATCH_DIR
set -u
annals=${1:?usage: completion_bash.sh ANNALS_BIN COMPLETION_FILE SCRATCH_DIR}
script=${2:?}
scratch=${3:?}
failures=0
fail() { echo "completion_bash: $*" >&2; failures=$((failures + 1)); }

# shellcheck source=/dev/null
source "$script" || { echo "completion_bash: cannot source $script" >&2; exit 1; }
complete -p annals | grep -q -- '-F _annals' || fail "complete -p annals: $(complete -p annals 2>&1)"

# The words offered for the command line "$@" (the last word is the one being completed).
offered() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _annals annals "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort
}
sorted() { printf '%s\n' "$@" | sort; }
expect() {  # expect "WANTED WORDS" WORDS...: exactly these are offered
  local want=$1
  shift
  local got
  got=$(offered "$@")
  # shellcheck disable=SC2086
  if [ "$got" != "$(sorted $want)" ]; then
    fail "after '$*': offered [$(echo $got)], wanted [$want]"
  fi
}
expect_has() {  # expect_has WORD WORDS...: WORD is among those offered
  local want=$1
  shift
  offered "$@" | grep -qx -- "$want" || fail "after '$*': '$want' not offered (offered: $(offered "$@" | tr '\n' ' '))"
}

# The tables, as the tool shows them.
commands=$("$annals" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
render_formats=$("$annals" render --help | sed -n '/^formats:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
import_formats=$("$annals" import --help | sed -n '/^formats:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
# Every choice is named by the message for a value that is none: "(use a, b or c)".
choices_of() { "$annals" "$@" 2>&1 | sed -n 's/.*(use \(.*\))$/\1/p' | sed 's/, / /g; s/ or / /'; }
report_formats=$(choices_of validate --format none x.yaml)
calendars=$(choices_of date --calendar none 2015)
[ "$(echo $commands | wc -w)" -ge 10 ] || fail "annals --help lists too few commands: $commands"
[ "$(echo $render_formats | wc -w)" -ge 10 ] || fail "render --help lists too few formats: $render_formats"
[ -n "$report_formats" ] && [ -n "$calendars" ] && [ -n "$import_formats" ] || fail "could not read the tables"

# shellcheck disable=SC2086
expect "$(echo $commands) --help --version" annals ''
expect validate annals val
expect "$report_formats" annals validate --format ''
expect_has sarif annals validate --format ''
expect sarif annals validate --format = sa
expect "$render_formats" annals render --format ''
expect svg annals render --format sv
expect_has postmortem annals render --format ''
expect "$calendars" annals date --calendar ''
expect "$import_formats" annals import ''
expect "bash fish zsh" annals completions ''
expect "actor kind" annals render --lanes ''
expect_has --format annals render --fo
expect_has --strict annals validate --s
expect_has --embed-media annals render a.yaml --em

# Files where a FILE goes: operands, -o, --into; none where a TEXT or a DATE goes.
mkdir -p "$scratch" && cd "$scratch" || exit 1
rm -f ./*.yaml ./*.csv
touch rome.yaml readme.csv
expect "rome.yaml" annals validate ro
expect "rome.yaml" annals render --format svg -o ro
expect "readme.csv" annals import csv rea
expect "rome.yaml" annals why rome.yaml ro
expect "" annals date ro
expect "" annals render --from ro
expect "rome.yaml" annals import csv readme.csv --into ro

if [ "$failures" -ne 0 ]; then
  echo "completion_bash: $failures failures" >&2
  exit 1
fi
echo "completion_bash: every command, option, format and file completed"
