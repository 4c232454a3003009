#!/usr/bin/env bash
# survival.test of type rmst and milestone through `gsd design`: JSON keys
# (the test's power is sample_size.power, the patients it needs in `sized`),
# CSV columns on every row, the text table; bad input exits 2 naming its path
# with nothing on stdout, and gsd simulate / monitor refuse the test.
#   km_contrast_checks.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The seed trial with the given test and information fractions.
with_test() {  # TEST FRACTIONS
  sed -e "s/\"survival\": {/\"survival\": {\"test\": $1,/" \
      -e "s/\"information_fractions\": \[0.5, 0.75, 1.0\]/\"information_fractions\": $2/" \
      "$root/configs/blinatumomab-20120215.json"
}
with_test '{"type": "rmst", "tau": 24}' '[0.75, 1.0]' > "$tmp/rmst.json"
grep -q '"rmst"' "$tmp/rmst.json" || fail "could not add survival.test to the seed config"
"$gsd" design "$tmp/rmst.json" --format json > "$tmp/rmst.out.json" || fail "rmst json exited $?"
python3 - "$tmp/rmst.out.json" <<'PY' || fail "json values"
import json, sys
j = json.load(open(sys.argv[1]))
t = j["sample_size"]["test"]
assert t["type"] == "rmst" and t["tau"] == 24 and t["spending_scale"] == "variance"
assert j["sample_size"]["power"] == t["power"], "sample_size.power is the test's"
assert len(t["looks"]) == 2
for l in t["looks"]:
    assert l["maximum_follow_up"] > 24
    assert abs(l["estimate"] - (l["treatment"] - l["control"])) < 1e-12
    assert abs(l["estimate_at_bound"] - l["efficacy_z"] * l["standard_error"]) < 1e-12
assert t["looks"][1]["information_fraction"] == 1.0
s = t["sized"]
assert s["patients"] % 2 == 0 and s["patients"] >= s["patients_unrounded"]
assert abs(s["power"] - 0.84) < 0.01
PY
"$gsd" design "$tmp/rmst.json" --format csv > "$tmp/rmst.csv" || fail "rmst csv exited $?"
head -1 "$tmp/rmst.csv" | grep -q ',test,test_information_fraction,.*,test_power,test_patients_for_power$' \
  || fail "csv header"
[ "$(awk -F, '{ print NF }' "$tmp/rmst.csv" | sort -u | wc -l)" = 1 ] || fail "csv rows differ in length"
grep -q ',RMST(24),' "$tmp/rmst.csv" || fail "csv test name"
"$gsd" design "$tmp/rmst.json" > "$tmp/rmst.txt" || fail "rmst text exited $?"
grep -q '^Test: difference in restricted mean survival time up to 24 months' "$tmp/rmst.txt" || fail "text"
with_test '{"type": "milestone", "time": 24, "spending_scale": "events"}' '[1.0]' > "$tmp/ms.json"
"$gsd" design "$tmp/ms.json" --format json > "$tmp/ms.out.json" || fail "milestone json exited $?"
python3 - "$tmp/ms.out.json" <<'PY' || fail "milestone json values"
import json, sys
t = json.load(open(sys.argv[1]))["sample_size"]["test"]
assert t["type"] == "milestone" and t["time"] == 24 and t["spending_scale"] == "events"
assert len(t["looks"]) == 1 and 0 < t["looks"][0]["treatment"] < 1
PY

# Bad input: exit 2, one line naming the path, nothing on stdout.
expect_error() {  # CONFIG COMMAND EXPECTED-LINE-PREFIX
  "$gsd" "$2" "$1" > "$tmp/out.txt" 2> "$tmp/err.txt"
  local rc=$?
  [ $rc = 2 ] || fail "$3: exit $rc"
  grep -q "^$3" "$tmp/err.txt" || fail "expected '$3', got: $(cat "$tmp/err.txt")"
  [ "$(wc -l < "$tmp/err.txt")" = 1 ] || fail "more than one line ($3)"
  [ -s "$tmp/out.txt" ] && fail "stdout not empty on exit 2 ($3)"
  return 0
}
with_test '{"type": "rmst", "tau": 0}' '[1.0]' > "$tmp/b1.json"
expect_error "$tmp/b1.json" design 'error: survival.test.tau = 0 must be positive'
with_test '{"type": "rmst"}' '[1.0]' > "$tmp/b2.json"
expect_error "$tmp/b2.json" design 'error: survival.test.tau is missing'
with_test '{"type": "milestone", "tau": 24}' '[1.0]' > "$tmp/b3.json"
expect_error "$tmp/b3.json" design 'error: survival.test.tau = 24 is not a parameter of the milestone test'
with_test '{"type": "milestone", "time": -3}' '[1.0]' > "$tmp/b4.json"
expect_error "$tmp/b4.json" design 'error: survival.test.time = -3 must be positive'
with_test '{"type": "rmst", "tau": 36}' '[0.5, 0.75, 1.0]' > "$tmp/b5.json"
expect_error "$tmp/b5.json" design 'error: survival.test.tau = 36 must be below the longest follow-up at every look: look 1 '
grep -q 'single final look' "$tmp/err.txt" || fail "no suggestion: $(cat "$tmp/err.txt")"
with_test '{"type": "rmst", "tau": 120}' '[1.0]' > "$tmp/b6.json"
expect_error "$tmp/b6.json" design 'error: survival.test.tau = 120 is beyond the study'
with_test '{"type": "rmst", "tau": 24}' '[1.0]' > "$tmp/b7.json"
expect_error "$tmp/b7.json" simulate 'error: survival.test is an RMST or milestone test'
sed 's/^}$/, "monitoring": {"looks": [{"events": 47, "z": 1.0}]}}/' "$tmp/b7.json" > "$tmp/b8.json"
expect_error "$tmp/b8.json" monitor 'error: survival.test is an RMST or milestone test'
sed 's/"survival": {/"simulation": {"tests": [{"type": "milestone", "time": 12}]}, "survival": {/' \
  "$root/configs/blinatumomab-20120215.json" > "$tmp/b9.json"
expect_error "$tmp/b9.json" simulate 'error: simulation.tests\[0\] is a test gsd simulate does not run yet'
exit 0
