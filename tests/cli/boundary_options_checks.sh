#!/usr/bin/env bash
# `gsd design` with the boundary options on good input: the examples under
# examples/boundaries run, the harm design reports its harm bounds, and
# --summary gives the bound-by-bound table in text, CSV and JSON with the
# seed trial's hazard-ratio futility bound at hazard ratio 0.9 at 71 events.
#   boundary_options_checks.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ex="$root/examples/boundaries"

"$gsd" design "$ex/harm-bound.json" --format json > "$tmp/harm.json" || fail "harm design exited $?"
grep -q '"harm_z": -2.50' "$tmp/harm.json" || fail "harm_z at look 1: $(grep harm_z "$tmp/harm.json" | head -1)"
"$gsd" design "$ex/protocol-futility.json" --format csv > "$tmp/protocol.csv" || fail "protocol exited $?"
# Look 1 tests futility only: no efficacy bound (empty field), futility z = 0.
awk -F, 'NR == 2 { exit !($3 == "" && $4 == "0") }' "$tmp/protocol.csv" || fail "protocol look 1: $(sed -n 2p "$tmp/protocol.csv")"

"$gsd" design "$ex/hazard-ratio-futility.json" --summary --format csv > "$tmp/summary.csv" ||
  fail "summary exited $?"
head -1 "$tmp/summary.csv" | grep -qx 'look,bound,information_fraction,events,z,nominal_p,effect_fraction,hazard_ratio,cumulative_crossing_h0,cumulative_crossing_h1' ||
  fail "summary header: $(head -1 "$tmp/summary.csv")"
row=$(awk -F, '$1 == 2 && $2 == "futility" { printf "%s %.6f", $4, $8 }' "$tmp/summary.csv")
[ "$row" = "71 0.900000" ] || fail "futility row at look 2: $row"
"$gsd" design "$ex/hazard-ratio-futility.json" --summary > "$tmp/summary.txt" || fail "text exited $?"
grep -q 'gsBoundSummary' "$tmp/summary.txt" || fail "text summary"
"$gsd" design "$ex/hazard-ratio-futility.json" --summary --format json > "$tmp/summary.json" || fail "json exited $?"
grep -q '"bound": "futility"' "$tmp/summary.json" || fail "json summary"
echo "boundary options: ok"
