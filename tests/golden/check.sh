#!/usr/bin/env bash
# The golden test: every case's JSON must hold every key and value of the
# golden file, value for value (new keys may be added; floating-point numbers
# to 1e-7 relative, see json_subset.cpp), and its CSV must have the same
# lines and fields, numbers by the same rule.
#   tests/golden/check.sh GSD JSON_SUBSET
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gsd=$(realpath "$1")
export json_subset=$(realpath "$2") here
compare() {
  local expected="$here/expected/$1.$2"
  if [ ! -f "$expected" ]; then echo "FAIL $1 ($2): no golden file"; return 1; fi
  if [ "$2" = json ]; then
    "$json_subset" "$expected" "$3" || { echo "FAIL $1 (json)"; return 1; }
  else
    "$json_subset" --csv "$expected" "$3" || { echo "FAIL $1 (csv)"; return 1; }
  fi
}
export -f compare
"$here/run_cases.sh" "$gsd" compare && echo "golden: all cases match"
