#!/usr/bin/env bash
# Builds the Debian package the documented way (`cmake --build BUILD --target package`),
# checks its control data, unpacks it into a scratch root (dpkg-deb -x) and runs what it
# installs: roster version, roster validate on the packaged example, roster-emulator
# --version, both man pages through man -l, and the bash completion. Then lintian, when
# Debian's lintian is installed, must report no error.
# Usage: package_test.sh BUILD_DIR VERSION
set -uo pipefail
build=$(realpath "$1") version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
check() {  # description expected actual
  if [ "$2" == "$3" ]; then echo "ok   $1"; else fail "$1: expected '$2', got '$3'"; fi
}

deb=$build/roster_${version}_amd64.deb
rm -f "$deb"
cmake --build "$build" --target package >"$work/cpack.log" 2>&1 || {
  cat "$work/cpack.log" >&2
  fail "cmake --build --target package failed"
  exit 1
}
[ -f "$deb" ] || { fail "no $deb"; exit 1; }
echo "ok   built $(basename "$deb")"

depends=$(dpkg-deb -f "$deb" Depends)
for library in libcpprest2.10 libssl3 libyaml-0-2 libyaml-cpp0.7 libfmt9 libstdc++6 libc6; do
  [[ $depends == *"$library"* ]] || fail "Depends lacks $library: $depends"
done
check "Package" roster "$(dpkg-deb -f "$deb" Package)"
check "Version" "$version" "$(dpkg-deb -f "$deb" Version)"

root=$work/root
dpkg-deb -x "$deb" "$root" || { fail "dpkg-deb -x failed"; exit 1; }
for path in usr/bin/roster usr/bin/roster-emulator usr/share/man/man1/roster.1.gz \
  usr/share/man/man1/roster-emulator.1.gz usr/share/bash-completion/completions/roster \
  usr/share/doc/roster/copyright usr/share/doc/roster/README.md usr/share/doc/roster/cli.md \
  usr/share/doc/roster/manifest-format.md usr/share/doc/roster/examples/example.yaml; do
  [ -e "$root/$path" ] || fail "the package lacks /$path"
done

check "roster version" "roster $version" "$("$root/usr/bin/roster" version 2>&1)"
check "roster-emulator --version" "roster-emulator $version" \
  "$("$root/usr/bin/roster-emulator" --version 2>&1)"
"$root/usr/bin/roster" validate -f "$root/usr/share/doc/roster/examples/example.yaml" \
  >"$work/validate.out" 2>&1
check "roster validate on the packaged example (exit)" 0 "$?"

man_text() { MANWIDTH=100 man -l "$1" 2>/dev/null | col -b; }
roster_page=$(man_text "$root/usr/share/man/man1/roster.1.gz")
for heading in NAME SYNOPSIS OPTIONS COMMANDS "EXIT STATUS" "SEE ALSO"; do
  grep -q "^$heading" <<<"$roster_page" || fail "roster(1) has no $heading section"
done
grep -q -- "--detailed-exitcode" <<<"$roster_page" || fail "roster(1) does not document plan's options"
emulator_page=$(man_text "$root/usr/share/man/man1/roster-emulator.1.gz")
grep -q -- "--seed" <<<"$emulator_page" || fail "roster-emulator(1) does not document --seed"
echo "ok   man -l reads both pages"

if [ -f /usr/share/bash-completion/bash_completion ]; then
  completed=$(bash -c '
    source /usr/share/bash-completion/bash_completion
    source "$1"
    COMP_WORDS=(roster pl); COMP_CWORD=1; COMP_LINE="roster pl"; COMP_POINT=9
    _roster; echo "${COMPREPLY[*]}"
    COMP_WORDS=(roster plan --detailed); COMP_CWORD=2; COMP_LINE="roster plan --detailed"
    COMP_POINT=22; _roster; echo "${COMPREPLY[*]}"' _ \
    "$root/usr/share/bash-completion/completions/roster")
  check "bash completion" $'plan\n--detailed-exitcode' "$completed"
else
  fail "bash-completion is not installed (scripts/lib/setup.sh installs it)"
fi

if command -v lintian >/dev/null 2>&1; then
  lintian --tag-display-limit 0 "$deb" >"$work/lintian.out" 2>&1
  if grep -q '^E:' "$work/lintian.out"; then
    fail "lintian reports errors:"
    grep '^E:' "$work/lintian.out" >&2
  else
    echo "ok   lintian: no errors ($(grep -c '^W:' "$work/lintian.out") warnings)"
  fi
else
  echo "skip lintian is not installed"
fi

rm -f "$deb"
[ "$failures" -eq 0 ] && echo "the package installs and runs"
exit $((failures > 0))
