#!/usr/bin/env bash
# Writes roster.1 and roster-emulator.1 with help2man from the binaries' --help and
# --version; roster's page adds every subcommand's --help as a COMMANDS section.
# Usage: make_man_pages.sh HELP2MAN ROSTER EMULATOR OUT_DIR
set -euo pipefail
help2man=$1 roster=$2 emulator=$3 out=$4
mkdir -p "$out"
include=$(mktemp)
trap 'rm -f "$include"' EXIT
{
  echo "[COMMANDS]"
  for command in validate plan apply show report export import-csv doctor snapshot rehearse \
    version; do
    echo ".SS $command"
    echo ".nf"
    # help2man's include is roff: escape backslashes and leading dots.
    "$roster" "$command" --help | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./'
    echo ".fi"
  done
  echo "[EXIT STATUS]"
  echo "0 success (no changes, or applied); 1 error (bad input, API or connection failure,"
  echo "apply cancelled); 2 plan \\-\\-detailed\\-exitcode: the plan has changes or the team has"
  echo "drift; 3 refused by a safety guard; 4 apply finished with failed or skipped steps, or"
  echo "stopped early; 130, 143 interrupted."
  echo "[SEE ALSO]"
  echo ".BR roster-emulator (1)."
  echo "The full reference is in /usr/share/doc/roster: cli.md, manifest-format.md, ci.md."
} >"$include"
"$help2man" --no-info --no-discard-stderr --section 1 \
  --name "declarative membership for Dropbox teams" --include "$include" \
  --output "$out/roster.1" "$roster"
"$help2man" --no-info --no-discard-stderr --section 1 \
  --name "a local emulator of the Dropbox team API" \
  --output "$out/roster-emulator.1" "$emulator"
