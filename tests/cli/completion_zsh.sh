#!/bin/sh
# The zsh completion: its syntax (zsh -n), and the function loaded by compsys (compinit)
# in an interactive zsh on a pseudo-terminal (zpty), which types a line and a TAB and shows
# what it offers. A missing zsh fails the test (tools/setup-clients.sh installs it).
#   completion_zsh.sh ANNALS_BIN COMPLETION_FILE SCRATCH_DIR
set -u
annals=${1:?usage: completion_zsh.sh ANNALS_BIN COMPLETION_FILE SCRATCH_DIR}
script=${2:?}
scratch=${3:?}
command -v zsh >/dev/null || { echo "completion_zsh: zsh is not installed (tools/setup-clients.sh)" >&2; exit 1; }
zsh -n "$script" || { echo "completion_zsh: $script is not zsh" >&2; exit 1; }
head -1 "$script" | grep -qx '#compdef annals' || { echo "completion_zsh: no #compdef line" >&2; exit 1; }
rm -rf "$scratch" && mkdir -p "$scratch/functions" && cp "$script" "$scratch/functions/_annals" || exit 1

# What compsys shows after the line $1 and a TAB (at most 10 s for compinit, 3 s for the TAB).
ask() {
  ANNALS_FPATH="$scratch/functions" ANNALS_LINE="$1" zsh -f -c '
    zmodload zsh/zpty || exit 1
    zpty z "zsh -f -i"
    zpty -w z "PROMPT=\"> \"; fpath=($ANNALS_FPATH \$fpath); autoload -Uz compinit; compinit -u -D;"\
" zstyle \":completion:*\" list-prompt \"\"; LISTMAX=1000; annals() { : }; print RE\"\"ADY"
    out= tries=0
    while [[ $out != *READY* ]] && (( tries++ < 100 )); do
      zpty -r -t z chunk && out+=$chunk || sleep 0.1
    done
    [[ $out == *READY* ]] || { print "compinit did not finish"; exit 1 }
    zpty -w -n z "$ANNALS_LINE"
    zpty -w -n z $'"'"'\t'"'"'
    sleep 3
    out=
    while zpty -r -t z chunk; do out+=$chunk; done
    print -r -- "$out"
    zpty -d z'
}
choices_of() { "$annals" "$@" 2>&1 | sed -n 's/.*(use \(.*\))$/\1/p' | sed 's/, / /g; s/ or / /'; }
failures=0
check() {  # check LINE WORD...: each WORD is shown after LINE and a TAB
  line=$1
  shift
  shown=$(ask "$line")
  for word in "$@"; do
    printf '%s' "$shown" | grep -q -- "$word" && continue
    printf "completion_zsh: '%s' not offered after '%s'; zsh showed:\n%s\n" "$word" "$line" "$shown" >&2
    failures=$((failures + 1))
  done
}
report_formats=$(choices_of validate --format none x.yaml)
[ -n "$report_formats" ] || { echo "completion_zsh: could not read validate's formats" >&2; exit 1; }
# shellcheck disable=SC2086
check "annals validate --format " $report_formats "SARIF 2.1.0"
check "annals ren" "render"
check "annals render --format " postmortem timelinejs
check "annals completions " bash fish zsh
if [ "$failures" -ne 0 ]; then
  exit 1
fi
echo "completion_zsh: the syntax holds and compsys offers the commands and every format"
