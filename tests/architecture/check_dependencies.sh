#!/usr/bin/env bash
# Checks docs/architecture.md's dependency table against the code: every
# `#include "roster/<module>/..."` in src/<module> and include/roster/<module> must name
# an allowed module, and third-party headers must stay out of include/.
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 2

declare -A allowed=(
  [core]="core"
  [model]="core model"
  [manifest]="core model manifest"
  [dropbox]="core model dropbox"
  [plan]="core model plan"
  [render]="core model plan planfile apply render"
  [planfile]="core model plan planfile"
  [apply]="core model plan dropbox apply"
  [cli]="core model manifest dropbox plan planfile render apply cli emulator"
  [emulator]="emulator"
)

status=0
for module in "${!allowed[@]}"; do
  for dir in "src/$module" "include/roster/$module"; do
    [ -d "$dir" ] || continue
    while IFS= read -r line; do
      file=${line%%:*}
      used=$(sed -E 's|.*#include "roster/([a-z_]+)/.*|\1|' <<<"$line")
      if [[ " ${allowed[$module]} " != *" $used "* ]]; then
        echo "$file: module '$module' may not include roster/$used/ (allowed: ${allowed[$module]})"
        status=1
      fi
    done < <(grep -rn '#include "roster/' "$dir" || true)
  done
done

# cli reaches into the emulator for `roster rehearse` only (decision 0056): one file.
emulator_users=$(grep -rl '#include "roster/emulator/' src/cli include/roster/cli 2>/dev/null |
  grep -v '^src/cli/rehearse_command.cpp$' || true)
if [ -n "$emulator_users" ]; then
  echo "only src/cli/rehearse_command.cpp may include roster/emulator/ (decision 0056):"
  echo "$emulator_users"
  status=1
fi

leaks=$(grep -rlE '#include *[<"](cpprest|yaml-cpp|yaml\.h|nlohmann|rapidjson|CLI/|boost|fmt/)' include/ || true)
if [ -n "$leaks" ]; then
  echo "third-party headers in public headers (keep them in .cpp files):"
  echo "$leaks"
  status=1
fi
[ $status -eq 0 ] && echo "module dependencies follow docs/architecture.md"
exit $status
