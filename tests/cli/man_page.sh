#!/bin/sh
# The generated man page as its readers format it: groff with every warning on (-ww; one
# warning fails), mandoc's lint (a missing mandoc fails: tools/setup-clients.sh installs it),
# man -l, and every command and option of the tool's --help in the page.
#   man_page.sh ANNALS_BIN MAN_FILE
set -u
annals=${1:?usage: man_page.sh ANNALS_BIN MAN_FILE}
page=${2:?}
failures=0
fail() { echo "man_page: $*" >&2; failures=$((failures + 1)); }
warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
[ -z "$warnings" ] || fail "groff warns: $warnings"
command -v mandoc >/dev/null || { echo "man_page: mandoc is not installed (tools/setup-clients.sh)" >&2; exit 1; }
lint=$(mandoc -Tlint -W warning "$page" 2>&1)
[ -z "$lint" ] || fail "mandoc -Tlint: $lint"
text=$(MANWIDTH=100 man -l "$page" 2>/dev/null | col -b)
[ -n "$text" ] || fail "man -l shows nothing"
printf '%s' "$text" | grep -q "annals $("$annals" --version | cut -d' ' -f2)" || fail "the page does not give annals --version's version"
for command in $("$annals" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF {print $1}'); do
  printf '%s' "$text" | grep -q "annals $command" || fail "no section for '$command'"
  for option in $("$annals" "$command" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    [ "$option" = --help ] && continue
    printf '%s' "$text" | grep -q -- "$option" || fail "'$command' option '$option' is not in the page"
  done
done
if [ "$failures" -ne 0 ]; then
  echo "man_page: $failures failures" >&2
  exit 1
fi
echo "man_page: groff and mandoc silent; every command and option in the page"
