#!/usr/bin/env bash
# `gsd design` on good input: the seed plan prints the published thresholds,
# the actual 49/94 look gives rpact's 2.893268, and a batch of 120 K = 5
# designs runs in one process with one result per line, in order.
#   design_checks.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Column 3 of the CSV is efficacy_z; compare at 6 decimals (rpact 3.3.4, docs/validation.md).
"$gsd" design "$root/configs/blinatumomab-20120215.json" --format csv > "$tmp/seed.csv" || fail "seed design exited $?"
z=$(awk -F, 'NR > 1 { printf "%.6f ", $3 }' "$tmp/seed.csv")
[ "$z" = "2.962588 2.359018 2.014084 " ] || fail "seed bounds $z"
# Two-sided nominal p .00305 / .0183 / .0440 in the text table.
"$gsd" design "$root/configs/blinatumomab-20120215.json" > "$tmp/seed.txt" || fail "text exited $?"
grep -Eq '^ +1 +0\.5000 +2\.9626 +0\.003051 ' "$tmp/seed.txt" || fail "text look 1: $(cat "$tmp/seed.txt")"
grep -Eq '^ +2 +0\.7500 +2\.3590 +0\.018323 ' "$tmp/seed.txt" || fail "text look 2"
grep -Eq '^ +3 +1\.0000 +2\.0141 +0\.044001 ' "$tmp/seed.txt" || fail "text look 3"

# The actual first look at 49 of 94 events.
cat > "$tmp/actual.json" <<'JSON'
{"design": {"alpha": 0.05, "sided": 2, "beta": 0.16,
            "information_fractions": [0.5212765957446809, 0.75, 1.0],
            "efficacy": {"spending": "lan-demets-obf"}}}
JSON
z=$("$gsd" design "$tmp/actual.json" --format csv | awk -F, 'NR == 2 { printf "%.6f %.8f", $3, 2 * $5 }')
[ "$z" = "2.893268 0.00381256" ] || fail "49/94 look: $z"

# JSON output carries the contract keys.
"$gsd" design "$root/configs/blinatumomab-20120215.json" --format json > "$tmp/seed.json" || fail "json"
for key in '"boundaries"' '"looks"' '"information_fraction"' '"efficacy_z"' '"futility_z": null' \
           '"nominal_p_one_sided"' '"cumulative_alpha"' '"inflation_factor"' '"drift"'; do
  grep -q "$key" "$tmp/seed.json" || fail "json lacks $key"
done

# survival.test: the weighted test's columns continue each CSV row (the same
# count on every row, test_power the last), its table in the text, and a bad
# weight exits 2 naming its path.
sed 's/"survival": {/"survival": {"test": {"type": "fleming-harrington", "rho": 0, "gamma": 1},/' \
  "$root/configs/blinatumomab-20120215.json" > "$tmp/fh.json"
grep -q '"gamma": 1' "$tmp/fh.json" || fail "could not add survival.test to the seed config"
"$gsd" design "$tmp/fh.json" --format csv > "$tmp/fh.csv" || fail "weighted csv exited $?"
head -1 "$tmp/fh.csv" | grep -q ',test,test_information_fraction,.*,test_power,hazard_ratio_at_bound,hazard_ratio_at_futility,crossing_probability_lower,method_drift,probability_futility_h0$' || fail "weighted csv header"
[ "$(awk -F, '{ print NF }' "$tmp/fh.csv" | sort -u | wc -l)" = 1 ] || fail "weighted csv rows differ in length"
"$gsd" design "$tmp/fh.json" | grep -q '^Test: Fleming-Harrington FH(0, 1)' || fail "weighted text"
sed 's/"gamma": 1/"gamma": -1/' "$tmp/fh.json" > "$tmp/fh_bad.json"
"$gsd" design "$tmp/fh_bad.json" > "$tmp/out.txt" 2> "$tmp/err.txt"
[ $? = 2 ] || fail "negative gamma should exit 2"
grep -q '^error: survival.test.gamma = -1 ' "$tmp/err.txt" || fail "gamma error: $(cat "$tmp/err.txt")"
[ -s "$tmp/out.txt" ] && fail "stdout not empty on exit 2"
# FH(0, 100) spends almost nothing at the first two looks: they have no
# efficacy bound, "none" in the test's table as in the design's, empty in
# the CSV (they read "inf").
sed 's/"gamma": 1/"gamma": 100/' "$tmp/fh.json" > "$tmp/fh100.json"
"$gsd" design "$tmp/fh100.json" > "$tmp/fh100.txt" || fail "FH(0, 100) exited $?"
grep -Eq '^ +1 +47 +27\.09 +0\.5000 +0\.0000 +0\.0329 +1\.0357 +none ' "$tmp/fh100.txt" ||
  fail "FH(0, 100) look 1: $(grep -A5 '^Test:' "$tmp/fh100.txt")"
grep -qw inf "$tmp/fh100.txt" && fail "FH(0, 100) printed inf"
"$gsd" design "$tmp/fh100.json" --format csv > "$tmp/fh100.csv" || fail "FH(0, 100) csv exited $?"
python3 - "$tmp/fh100.csv" <<'PY' || fail "FH(0, 100) csv bounds"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert [r["test_efficacy_z"] for r in rows][:2] == ["", ""], [r["test_efficacy_z"] for r in rows]
assert float(rows[2]["test_efficacy_z"]) > 1.9
PY
# Weights whose information vanishes name the exponent, with no nan.
for weights in '"rho": 0, "gamma": 1000|survival.test.gamma = 1000 leaves every look without information' \
               '"rho": 1000, "gamma": 0|survival.test.rho = 1000 leaves look 3 without information of its own'; do
  sed "s/\"rho\": 0, \"gamma\": 1/${weights%%|*}/" "$tmp/fh.json" > "$tmp/fh_steep.json"
  "$gsd" design "$tmp/fh_steep.json" > "$tmp/out.txt" 2> "$tmp/err.txt"
  [ $? = 2 ] || fail "${weights%%|*} should exit 2"
  grep -q "^error: ${weights#*|}: " "$tmp/err.txt" || fail "${weights%%|*}: $(cat "$tmp/err.txt")"
  [ "$(wc -l < "$tmp/err.txt")" = 1 ] || fail "${weights%%|*}: more than one stderr line"
  [ -s "$tmp/out.txt" ] && fail "stdout not empty on exit 2"
done

# A futility bound at hazard ratio 1 has effect fraction -0.0 in IEEE
# arithmetic: the summary writes 0 in text, CSV and JSON.
sed -e 's/"alpha": 0.05/"alpha": 0.025/' -e 's/"sided": 2/"sided": 1/' \
    -e 's/"efficacy": {"spending": "lan-demets-obf"}/&, "futility": {"hazard_ratio": [1.0, 0.9]}/' \
    -e 's/"cure_fraction": 0.562/"cure_fraction": 0.01/' \
  "$root/configs/blinatumomab-20120215.json" > "$tmp/hr1.json"
grep -q '"hazard_ratio": \[1.0, 0.9\]' "$tmp/hr1.json" || fail "could not add the futility bound to the seed config"
"$gsd" design "$tmp/hr1.json" --summary > "$tmp/hr1.txt" || fail "summary exited $?"
grep -Eq '^ +1 +futility +0\.5000 +47 +0\.0000 +0\.500000 +0\.0000 ' "$tmp/hr1.txt" || fail "summary: $(cat "$tmp/hr1.txt")"
"$gsd" design "$tmp/hr1.json" --summary --format csv | grep -q '^1,futility,0.5,47,0,0.5,0,1,' ||
  fail "summary csv"
"$gsd" design "$tmp/hr1.json" --summary --format json | grep -Eq -- '-0\.0+([^0-9]|$)' && fail "summary json -0.0"

# Batch: 120 K = 5 designs, then a bad line; results stay in order.
for i in $(seq 0 119); do
  beta=$(awk -v i="$i" 'BEGIN { printf "%.3f", 0.05 + 0.002 * i }')
  echo "{\"design\": {\"beta\": $beta, \"information_fractions\": [0.2, 0.4, 0.6, 0.8, 1]}}"
done > "$tmp/batch.jsonl"
echo '{"design": {"alpha": 0.7}}' >> "$tmp/batch.jsonl"
echo '{"design": {"beta": 0.2, "information_fractions": [0.2, 0.4, 0.6, 0.8, 1]}}' >> "$tmp/batch.jsonl"
"$gsd" design --batch "$tmp/batch.jsonl" --format jsonl > "$tmp/batch.out" || fail "batch exited $?"
[ "$(wc -l < "$tmp/batch.out")" -eq 122 ] || fail "batch gave $(wc -l < "$tmp/batch.out") lines"
[ "$(grep -c '"boundaries"' "$tmp/batch.out")" -eq 121 ] || fail "batch results"
sed -n 121p "$tmp/batch.out" | grep -q "^{\"error\":\"$tmp/batch.jsonl line 121: design.alpha = 0.7 must lie in (0, 0.5); give the type I error from 1e-06 up to below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)\"}$" \
  || fail "batch error line: $(sed -n 121p "$tmp/batch.out")"
# Line 76 has beta 0.2 (0.05 + 0.002 * 75): same drift as the last line.
d76=$(sed -n 76p "$tmp/batch.out" | grep -o '"drift":[0-9.e-]*')
d122=$(sed -n 122p "$tmp/batch.out" | grep -o '"drift":[0-9.e-]*')
[ -n "$d76" ] && [ "$d76" = "$d122" ] || fail "batch order: $d76 vs $d122"

# --plot writes a complete SVG; nothing is left behind on failure.
"$gsd" design "$root/configs/blinatumomab-20120215.json" --plot "$tmp/plot.svg" > /dev/null || fail "plot"
grep -q '</svg>' "$tmp/plot.svg" || fail "plot is not a complete SVG"
# The seed design is two-sided: its p-value axis is two-sided, as its table.
grep -q 'nominal two-sided p-value' "$tmp/plot.svg" || fail "plot lacks the two-sided p-value axis"
# A one-sided design's is one-sided, 0.025 at z = 1.96.
printf '{"design": {"alpha": 0.025, "information_fractions": [0.5, 1.0]}}' > "$tmp/one.json"
"$gsd" design "$tmp/one.json" --plot "$tmp/one.svg" > /dev/null || fail "one-sided plot"
grep -q 'nominal one-sided p-value' "$tmp/one.svg" || fail "one-sided plot lacks the one-sided p-value axis"
# A survival plan's plot has the power against the noncured hazard ratio,
# through the plan's power at its ratio; a design without a plan has none.
grep -q 'Power at 202 patients and 94 events (cure fractions and bounds kept)' "$tmp/plot.svg" ||
  fail "plot lacks the power chart"
grep -q "plan's power 0.8391" "$tmp/plot.svg" && grep -q 'planned 0.63' "$tmp/plot.svg" ||
  fail "power chart lacks the plan's power or ratio"
! grep -q 'Power at' "$tmp/one.svg" || fail "a design without a plan has a power chart"
# With a non-inferiority margin the curve runs up to it, and it is marked.
"$gsd" design "$root/examples/non-inferiority/survival-margin-1.3.json" --plot "$tmp/ni.svg" > /dev/null ||
  fail "non-inferiority plot"
grep -q '>margin 1.3<' "$tmp/ni.svg" || fail "the power chart lacks the margin"
echo "ok"
