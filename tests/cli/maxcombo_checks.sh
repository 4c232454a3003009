#!/usr/bin/env bash
# survival.test of type maxcombo through `gsd design`: JSON keys (the test's
# power is sample_size.power, the multivariate normal errors reported), CSV
# columns on every row, the text table; bad input exits 2 naming its path with
# nothing on stdout; gsd simulate runs the test.
#   maxcombo_checks.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$root/tests/cli/checks_lib.sh"

# The seed trial with two looks and two tests (a small joint normal: fast).
with_test() {
  sed -e "s/\"survival\": {/\"survival\": {\"test\": $1,/" \
      -e 's/"information_fractions": \[0.5, 0.75, 1.0\]/"information_fractions": [0.5, 1.0]/' \
      "$root/configs/blinatumomab-20120215.json"
}
with_test '{"type": "maxcombo", "tests": [[0, 0], [1, 0]], "seed": 7}' > "$tmp/mc.json"
grep -q '"maxcombo"' "$tmp/mc.json" || fail "could not add survival.test to the seed config"
"$gsd" design "$tmp/mc.json" --format json > "$tmp/mc.out.json" || fail "maxcombo json exited $?"
for key in '"type":"maxcombo"' '"tests":\[\[0.0,0.0\],\[1.0,0.0\]\]' '"seed":7' '"power_error"' \
           '"alpha_error"' '"cumulative_alpha"' '"correlation"' '"efficacy_z"'; do
  tr -d ' \n' < "$tmp/mc.out.json" | grep -q "$key" || fail "json lacks $key"
done
python3 - "$tmp/mc.out.json" <<'PY' || fail "json values"
import json, sys
j = json.load(open(sys.argv[1]))
t = j["sample_size"]["test"]
assert j["sample_size"]["power"] == t["power"], "sample_size.power is the test's"
assert len(t["looks"]) == 2 and len(t["correlation"]) == 4
assert abs(t["looks"][1]["cumulative_alpha"] - 0.025) < 1e-12
assert 0 < t["power_error"] <= t["mvn_tolerance"]
assert t["looks"][0]["efficacy_z"] > t["looks"][1]["efficacy_z"] > 1.96
# Each bound's error in z: its probability's error over the slope (a
# normal density, below 1), so larger than that error; here about 0.01.
for look in t["looks"]:
    assert look["alpha_error"] < look["efficacy_z_error"] < 0.05, look
PY
"$gsd" design "$tmp/mc.json" --format csv > "$tmp/mc.csv" || fail "maxcombo csv exited $?"
head -1 "$tmp/mc.csv" | grep -q ',test,test_spending_fraction,.*,test_power,test_power_error,hazard_ratio_at_bound,hazard_ratio_at_futility,crossing_probability_lower,method_drift,probability_futility_h0$' || fail "csv header"
[ "$(awk -F, '{ print NF }' "$tmp/mc.csv" | sort -u | wc -l)" = 1 ] || fail "csv rows differ in length"
grep -q ',MaxCombo(FH(0 0)+FH(1 0)),' "$tmp/mc.csv" || fail "csv test name"
"$gsd" design "$tmp/mc.json" | grep -q '^Test: MaxCombo, the largest z of FH(0, 0), FH(1, 0)$' || fail "text"

# Bad input: exit 2, one line naming the path, nothing on stdout.
expect_error() { expect_exit2 "$2" "$1" "$3"; }  # CONFIG COMMAND EXPECTED-LINE-PREFIX
with_test '{"type": "maxcombo", "tests": []}' > "$tmp/b1.json"
expect_error "$tmp/b1.json" design 'error: survival.test.tests = \[\] must list at least one'
with_test '{"type": "maxcombo", "tests": [[0, -1]]}' > "$tmp/b2.json"
expect_error "$tmp/b2.json" design 'error: survival.test.tests\[0\].gamma = -1 '
with_test '{"type": "maxcombo", "tests": [[0]]}' > "$tmp/b3.json"
expect_error "$tmp/b3.json" design 'error: survival.test.tests\[0\] = \[0\] must be a \[rho, gamma\] pair'
with_test '{"type": "maxcombo", "spending_scale": "events"}' > "$tmp/b4.json"
expect_error "$tmp/b4.json" design 'error: survival.test.spending_scale'
with_test '{"type": "maxcombo"}' | sed 's/"efficacy": {/"futility": {"spending": "lan-demets-obf"}, "efficacy": {/' > "$tmp/b5.json"
expect_error "$tmp/b5.json" design 'error: design.futility '

# gsd simulate runs the test: each trial stops by its largest z against c_k.
"$gsd" simulate "$tmp/mc.json" --replicates 300 --quiet --format json > "$tmp/sim.json" \
  || fail "maxcombo simulate exited $?"
python3 - "$tmp/sim.json" "$tmp/mc.out.json" <<'PY' || fail "simulate json values"
import json, sys
s = json.load(open(sys.argv[1]))["simulation"]
d = json.load(open(sys.argv[2]))["sample_size"]["test"]
assert s["test"] == {"type": "maxcombo", "tests": [[0.0, 0.0], [1.0, 0.0]], "seed": 7}, s["test"]
assert s["analytic_power"] == d["power"]
assert s["replicates"] == 300 and 0.5 < s["power"] < 1
PY
"$gsd" simulate "$tmp/mc.json" --replicates 100 --quiet | grep -q 'test MaxCombo(2 FH)$' || fail "simulate text"
exit 0
