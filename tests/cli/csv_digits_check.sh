#!/bin/sh
# `gsd simulate --format csv` writes each value as its shortest round-trip
# text, the same text as --format json (0.79665, not 0.79664999999999997).
# Usage: csv_digits_check.sh GSD CONFIG [args...]
gsd=$1; config=$2; shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "$@"; exit 1; }
"$gsd" simulate "$config" --quiet --format csv "$@" >"$tmp/csv" || fail "csv run failed"
"$gsd" simulate "$config" --quiet --format json "$@" >"$tmp/json" || fail "json run failed"
for key in power power_se expected_patients; do
  want=$(sed -n "s/.*\"simulation\":{.*\"$key\":\([-0-9.e+]*\).*/\1/p" "$tmp/json")
  [ -n "$want" ] || want=$(tr -d ' \n' < "$tmp/json" | sed -n "s/.*\"$key\":\([-0-9.e+]*\).*/\1/p")
  [ -n "$want" ] || fail "no $key in the JSON"
  grep -qx "$key,,$want" "$tmp/csv" || { cat "$tmp/csv"; fail "csv lacks $key,,$want"; }
done
# No value of 16 or more significant digits that a shorter text gives back.
if grep -E '^[a-z_0-9]+,[0-9]*,-?0\.[0-9]*(0000000|9999999)[0-9]$' "$tmp/csv"; then
  fail "a value printed with more digits than it needs"
fi
exit 0
