#!/usr/bin/env bash
# CLI contract check for bad input (docs/cli.md): the command exits
# with the expected code, prints nothing on stdout, and exactly one stderr line
# equal to the expected one ("error: ..."). CONFIG in the arguments is replaced
# by a temporary file holding the given JSON text.
#   expect_error.sh GSD CODE EXPECTED_LINE CONFIG_JSON ARGS...
set -u
gsd=$1 code=$2 expected=$3 json=$4
shift 4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s' "$json" > "$tmp/config.json"
args=()
for a in "$@"; do args+=("${a//CONFIG/$tmp/config.json}"); done
"$gsd" "${args[@]}" > "$tmp/out" 2> "$tmp/err"
actual=$?
status=0
if [ "$actual" -ne "$code" ]; then echo "exit code $actual, expected $code"; status=1; fi
if [ -s "$tmp/out" ]; then echo "stdout was not empty:"; head -5 "$tmp/out"; status=1; fi
lines=$(wc -l < "$tmp/err")
if [ "$lines" -ne 1 ]; then echo "stderr has $lines lines, expected 1:"; cat "$tmp/err"; status=1; fi
line=$(sed "s|$tmp/config.json|CONFIG|g" "$tmp/err" | head -1)
if [ "$line" != "$expected" ]; then
  printf 'stderr line:\n  %s\nexpected:\n  %s\n' "$line" "$expected"
  status=1
fi
exit $status
