#!/usr/bin/env bash
# catch_discover_tests registers each Catch test under its name, and CMake cuts a name at
# ';' (a list separator): such a test is registered under a name that matches nothing, and
# ctest reports "passed" while no test ran. Fails when a TEST_CASE name contains ';'.
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 2
found=$(find tests -name '*.cpp' -not -path '*/node_modules/*' -print0 |
  xargs -0 perl -0777 -ne '
    while (/TEST_CASE\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)/g) {
      my $name = $1;
      print "$ARGV: $name\n" if $name =~ /;/;
    }')
if [ -n "$found" ]; then
  echo "test names with ';' (ctest would never run them):"
  echo "$found"
  exit 1
fi
echo "no test name contains ';'"
