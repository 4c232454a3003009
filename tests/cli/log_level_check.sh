#!/usr/bin/env bash
# --log-level: diagnostics go to stderr only, and stdout is the same byte for
# byte at every level.
#   log_level_check.sh GSD CONFIG
set -euo pipefail
gsd=$1 config=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gsd" design "$config" --format json > "$tmp/off.json" 2> "$tmp/off.err"
"$gsd" --log-level info design "$config" --format json > "$tmp/info.json" 2> "$tmp/info.err"
"$gsd" design "$config" --format json --log-level debug > "$tmp/debug.json" 2> "$tmp/debug.err"
cmp "$tmp/off.json" "$tmp/info.json"
cmp "$tmp/off.json" "$tmp/debug.json"
[ ! -s "$tmp/off.err" ] || { echo "stderr not empty without --log-level"; exit 1; }
grep -q "\[info\] boundaries, drift and crossing probabilities in" "$tmp/info.err"
grep -q "\[info\] survival sample size and power in" "$tmp/info.err"
if grep -q "\[debug\]" "$tmp/info.err"; then echo "debug lines at info level"; exit 1; fi
grep -q "\[debug\] root of an efficacy bound: " "$tmp/debug.err"
grep -q "\[debug\] integration grid at information fraction " "$tmp/debug.err"
grep -q "\[debug\] root of calendar time for the target events" "$tmp/debug.err"
if "$gsd" --log-level loud design "$config" > "$tmp/bad.out" 2> "$tmp/bad.err"; then
  echo "--log-level loud accepted"; exit 1
fi
[ ! -s "$tmp/bad.out" ]
echo "log levels: stdout unchanged, diagnostics on stderr"
