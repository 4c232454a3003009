#!/usr/bin/env bash
# A weighted or MaxCombo survival.test with power instead of patients and
# events: gsd design sizes the trial for that test. The JSON carries the
# test's sizes (sample_size.patients / events, unrounded, test.sizing), its
# power at them is sample_size.power and reaches the target, and the same
# config with those sizes given evaluates to the same power; the text says
# so; bad input exits 2 naming its path with nothing on stdout.
#   test_sizing_checks.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$root/tests/cli/checks_lib.sh"

# The seed trial with a test, sized by power and follow-up (SIZES = the
# survival keys replacing "patients": 202, "events": 94).
sized() {  # TEST SIZES [FRACTIONS]
  sed -e "s/\"survival\": {/\"survival\": {\"test\": $1,/" \
      -e "s/\"patients\": 202,/$2/" -e '/"events": 94/d' \
      -e "s/\"information_fractions\": \[0.5, 0.75, 1.0\]/\"information_fractions\": ${3:-[0.5, 0.75, 1.0]}/" \
      "$root/configs/blinatumomab-20120215.json"
}
fh='{"type": "fleming-harrington", "rho": 0, "gamma": 1}'
sized "$fh" '"follow_up": 14.8, "power": 0.84' > "$tmp/fh.json"
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$tmp/fh.json" || fail "config edit"
"$gsd" design "$tmp/fh.json" --format json > "$tmp/fh.out.json" || fail "sizing exited $?"
python3 - "$tmp/fh.out.json" "$tmp/fh.json" "$tmp/fh_given.json" <<'PY' || fail "json values"
import json, sys
j = json.load(open(sys.argv[1]))
s, t = j["sample_size"], j["sample_size"]["test"]
z = t["sizing"]
assert z["solved_for"] == "patients_and_events" == s["solved_for"], z
assert s["patients"] == z["patients"] and s["events"] == z["events"]
assert s["patients_unrounded"] == z["patients_unrounded"] <= s["patients"]
assert s["events_unrounded"] == z["events_unrounded"] <= s["events"]
assert abs(z["power_unrounded"] - 0.84) < 1e-6
assert s["power"] == t["power"] >= 0.84, (s["power"], t["power"])
assert z["power_error"] == 0 and z["size_error"] == 0
assert t["looks"][-1]["events"] == s["events"]
c = json.load(open(sys.argv[2]))
for k in ("follow_up", "power"):
    del c["survival"][k]
c["survival"]["patients"], c["survival"]["events"] = s["patients"], s["events"]
json.dump(c, open(sys.argv[3], "w"))
PY
"$gsd" design "$tmp/fh_given.json" --format json > "$tmp/fh_given.out.json" || fail "given sizes exited $?"
python3 - "$tmp/fh.out.json" "$tmp/fh_given.out.json" <<'PY' || fail "evaluated at the sizes"
import json, sys
a, b = (json.load(open(f))["sample_size"] for f in sys.argv[1:])
assert a["power"] == b["power"], (a["power"], b["power"])
assert a["test"]["looks"] == b["test"]["looks"]
assert a["looks"] == b["looks"]  # the log-rank plan at the same sizes
PY
"$gsd" design "$tmp/fh.json" | grep -q '^  sized for this test: [0-9]* patients and [0-9]* events (unrounded' || fail "text"
"$gsd" design "$tmp/fh.json" --format csv > "$tmp/fh.csv" || fail "csv exited $?"
[ "$(awk -F, '{ print NF }' "$tmp/fh.csv" | sort -u | wc -l)" = 1 ] || fail "csv rows differ in length"

# Patients given: the events solve.
sized '{"type": "fleming-harrington", "rho": 1, "gamma": 0}' '"patients": 300, "power": 0.84' > "$tmp/ev.json"
"$gsd" design "$tmp/ev.json" --format json > "$tmp/ev.out.json" || fail "events solve exited $?"
python3 - "$tmp/ev.out.json" <<'PY' || fail "events solve values"
import json, sys
s = json.load(open(sys.argv[1]))["sample_size"]
assert s["test"]["sizing"]["solved_for"] == "events_and_duration" == s["solved_for"] and s["patients"] == 300
assert s["power"] >= 0.84 and s["events"] - 1 < s["events_unrounded"] <= s["events"]
PY

# MaxCombo (two tests, two looks: a small joint normal).
sized '{"type": "maxcombo", "tests": [[0, 0], [1, 0]]}' '"follow_up": 14.8, "power": 0.84' '[0.5, 1.0]' > "$tmp/mc.json"
"$gsd" design "$tmp/mc.json" --format json > "$tmp/mc.out.json" || fail "maxcombo sizing exited $?"
python3 - "$tmp/mc.out.json" <<'PY' || fail "maxcombo values"
import json, sys
s = json.load(open(sys.argv[1]))["sample_size"]
z = s["test"]["sizing"]
assert s["power"] == s["test"]["power"] >= 0.84
assert 0 < z["power_error"] <= s["test"]["mvn_tolerance"] and 0 < z["size_error"] < 1
assert s["patients"] == z["patients"] >= z["patients_unrounded"]
PY
"$gsd" design "$tmp/mc.json" | grep -q "^  the power's lattice-rule error" || fail "maxcombo text"

# Bad input: exit 2, one line naming the path, nothing on stdout.
expect_error() { expect_exit2 design "$1" "$2"; }  # CONFIG EXPECTED-LINE-PREFIX
sized "$fh" '"follow_up": 14.8, "power": 0.01' > "$tmp/b1.json"
expect_error "$tmp/b1.json" 'error: survival.power = 0.01 must lie in (0.025, 1)'
sized "$fh" '"follow_up": 14.8, "power": 0.84, "integer": true' > "$tmp/b2.json"
expect_error "$tmp/b2.json" 'error: survival.integer = true is not available when a test other than log-rank is sized'
sized "$fh" '"follow_up": 14.8, "power": 0.84' | sed 's/"cure_fraction": 0.562/"cure_fraction": 0.40/; s/"hazard_ratio_noncured": 0.63,/"hazard_ratio_noncured": 1.0,/' > "$tmp/b3.json"
expect_error "$tmp/b3.json" 'error: survival.power = 0.84 cannot be reached by this test with follow_up = 14.8'
sized "$fh" '"patients": 60, "power": 0.84' > "$tmp/b4.json"
expect_error "$tmp/b4.json" 'error: survival.power = 0.84 cannot be reached by this test with 60 patients'
sized "$fh" '"power": 0.84' > "$tmp/b5.json"
expect_error "$tmp/b5.json" 'error: survival: give patients and events'
sized '{"type": "maxcombo"}' '"follow_up": 14.8, "power": 0.84' \
  | sed 's/"efficacy": {/"futility": {"spending": "lan-demets-obf"}, "efficacy": {/' > "$tmp/b6.json"
expect_error "$tmp/b6.json" 'error: design.futility '
exit 0
