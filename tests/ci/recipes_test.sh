#!/usr/bin/env bash
# Runs the roster command lines of docs/ci.md, exactly as written, against
# roster-emulator: for each recipe (GitHub Actions, GitLab CI) the pull-request lines
# (whose rehearsal must leave the team's state unchanged),
# then the merge lines, then the nightly lines (which must pass); then, after a member is
# added outside roster, the nightly check again (which must fail with exit 2); then the
# GitHub recipe once more, with a staged removal falling due 31 days after the merge.
# Usage: recipes_test.sh ROSTER_BINARY EMULATOR_BINARY DOCS_CI_MD EXAMPLE_MANIFEST SEED [sanitized]
# With `sanitized` (the ASan build) the 31-day part is skipped: libfaketime's clock_gettime,
# called by ASan's allocator while libfaketime itself initialises, deadlocks at start-up.
set -uo pipefail
roster_bin=$(realpath "$1") emulator_bin=$(realpath "$2") doc=$(realpath "$3")
manifest=$(realpath "$4") seed=$(realpath "$5") sanitized=${6:-}
work=$(mktemp -d)
emulator_pid=
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/bin"
ln -s "$roster_bin" "$work/bin/roster"
export PATH="$work/bin:$PATH" DROPBOX_TOKEN=recipe-token NO_COLOR=1
unset DROPBOX_REFRESH_TOKEN DROPBOX_APP_KEY DROPBOX_APP_SECRET
failures=0
later=  # a libfaketime offset for roster's clock, when set
faketime_lib=$(dpkg -L libfaketime 2>/dev/null | grep '/libfaketime.so.1$' | head -1)

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

start_emulator() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" && wait "$emulator_pid" 2>/dev/null
  rm -rf "$work/state" && mkdir -p "$work/state"
  "$emulator_bin" --port 0 --state "$work/state/team.json" --seed "$seed" \
    --token "$DROPBOX_TOKEN" >"$work/state/out" 2>/dev/null &
  emulator_pid=$!
  for _ in $(seq 100); do grep -q '^listening on' "$work/state/out" && break; sleep 0.05; done
  export ROSTER_API_URL=$(sed -n 's/^listening on //p' "$work/state/out")
}

# The roster lines of one fenced block of docs/ci.md (the N-th ```yaml block).
roster_lines() {
  awk -v want="$1" '
    /^```yaml/ { block++; inside = (block == want); next }
    /^```/ { inside = 0; next }
    inside {
      line = $0
      sub(/^[ \t]*(- )?(run: )?/, "", line)
      if (line ~ /^roster /) print line
    }' "$doc"
}

run_line() {  # expected-exit line
  local expected=$1 line=$2 status
  # `later` moves the wall clock of roster (and of the shell running the line) with
  # libfaketime; the monotonic clock, which times waits, keeps real time.
  if [ -n "$later" ]; then
    (cd "$work/repo" && LD_PRELOAD=$faketime_lib FAKETIME=$later DONT_FAKE_MONOTONIC=1 \
      bash -c "$line") >"$work/last.out" 2>&1
  else
    (cd "$work/repo" && bash -c "$line") >"$work/last.out" 2>&1
  fi
  status=$?
  if [ "$status" -ne "$expected" ]; then
    fail "'$line' exited $status, expected $expected"
    sed 's/^/    /' "$work/last.out" >&2
  else
    echo "ok   '$line' (exit $status)"
  fi
}

for block in 1 2; do
  mapfile -t lines < <(roster_lines "$block")
  [ "${#lines[@]}" -ge 5 ] || { fail "block $block: expected at least 5 roster lines, found ${#lines[@]}"; continue; }
  echo "recipe $block: ${#lines[@]} roster lines"
  rm -rf "$work/repo" && mkdir -p "$work/repo/team"
  cp "$manifest" "$work/repo/team/acme.yaml"
  start_emulator
  nightly= rehearsed=
  for line in "${lines[@]}"; do
    # A rehearsal reads the team and must leave it exactly as it was.
    [[ $line == "roster rehearse"* ]] && state_before=$(curl -sf "$ROSTER_API_URL/_emulator/state")
    run_line 0 "$line"
    if [[ $line == "roster rehearse"* ]]; then
      rehearsed=1
      [ "$(curl -sf "$ROSTER_API_URL/_emulator/state")" = "$state_before" ] ||
        fail "block $block: '$line' changed the team"
    fi
    case $line in
      *"--detailed-exitcode" ) nightly=$line ;;
    esac
  done
  [ -n "$rehearsed" ] || fail "block $block: no rehearse line"
  [ -f "$work/repo/roster.plan" ] || fail "block $block: no roster.plan was written"
  [ -s "$work/repo/plan.md" ] || fail "block $block: no plan.md was written"
  grep -q '^<!DOCTYPE html>' "$work/repo/roster-report.html" 2>/dev/null ||
    fail "block $block: no roster-report.html was written"
  grep -q '"event":"apply_finished"' "$work/repo/roster-journal.jsonl" 2>/dev/null ||
    fail "block $block: no apply_finished line in roster-journal.jsonl"
  [ -n "$nightly" ] || { fail "block $block: no nightly line"; continue; }
  # Someone invites a member in the console (here: roster with another manifest).
  printf 'version: 1\nmembers:\n  - email: console.click@acme.com\n' >"$work/console.yaml"
  roster apply -f "$work/console.yaml" --auto-approve --journal "$work/console.jsonl" >/dev/null 2>&1 ||
    fail "block $block: could not add a member outside the manifest"
  run_line 2 "$nightly"
done

# Thirty-one days after the merge, a removal staged by `after_suspended_days: 30` falls
# due: the GitHub recipe's nightly lines apply it, so its drift check passes (exit 0) only
# if the nightly apply removed the member.
if [ -n "$sanitized" ]; then
  echo "skip the 31-day part: libfaketime cannot run sanitizer-instrumented binaries"
  [ "$failures" -eq 0 ] && echo "all recipe lines behaved as documented"
  exit $((failures > 0))
fi
[ -n "$faketime_lib" ] || { fail "libfaketime is not installed"; exit 1; }
mapfile -t lines < <(roster_lines 1)
rm -rf "$work/repo" && mkdir -p "$work/repo/team"
cp "$manifest" "$work/repo/team/acme.yaml"
start_emulator
for line in "${lines[@]}"; do  # the pull-request and merge lines
  case $line in *nightly.plan* | *"--detailed-exitcode") ;; *) run_line 0 "$line" ;; esac
done
(cd "$work/repo" && roster plan -f team/) >"$work/scheduled.out" 2>&1
grep -q 'leaver@acme.com.*remove on .*, in 30 days' "$work/scheduled.out" ||
  fail "after the merge, the plan does not show leaver@acme.com's scheduled removal: $(cat "$work/scheduled.out")"
# The emulator's clock and roster's (libfaketime, Debian's faketime package) move on together.
curl -sf -X POST -d '{"advance_seconds": 2678400}' "$ROSTER_API_URL/_emulator/clock" >/dev/null ||
  fail "could not advance the emulator's clock"
later=+31d
for line in "${lines[@]}"; do  # the nightly lines
  case $line in *nightly.plan* | *"--detailed-exitcode") run_line 0 "$line" ;; esac
done
later=
grep '"event":"step_finished"' "$work/repo/roster-journal.jsonl" | grep '"action":"remove","email":"leaver@acme.com"' | grep -q '"result":"succeeded"' ||
  fail "the nightly apply did not remove leaver@acme.com: $(grep leaver "$work/repo/roster-journal.jsonl")"

[ "$failures" -eq 0 ] && echo "all recipe lines behaved as documented"
exit $((failures > 0))
