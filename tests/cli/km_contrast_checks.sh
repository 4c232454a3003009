#!/usr/bin/env bash
# survival.test of type rmst and milestone through `gsd design`: JSON keys
# (the test's power is sample_size.power, the patients it needs in `sized`),
# CSV columns on every row, the text table; bad input exits 2 naming its path
# with nothing on stdout. gsd simulate runs the test as the trial's and as a
# side test (power within 4 binomial SE of the analytic power for the RMST,
# whose looks' timing moves it little; text, JSON, CSV), and a side test's
# horizon past the first look's follow-up is refused as in gsd design.
# gsd monitor (examples/weighted-monitoring/rmst24.json): text, JSON, CSV,
# the first look's bound against the closed form at information fraction
# V_plan / V, looks at the plan's variances getting the plan's bounds (RMST
# and milestone), and bad looks.
#   km_contrast_checks.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$root/tests/cli/checks_lib.sh"

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
head -1 "$tmp/rmst.csv" | grep -q ',test,test_information_fraction,.*,test_power,test_patients_for_power,hazard_ratio_at_bound,hazard_ratio_at_futility,crossing_probability_lower,method_drift,probability_futility_h0$' \
  || fail "csv header"
[ "$(awk -F, '{ print NF }' "$tmp/rmst.csv" | sort -u | wc -l)" = 1 ] || fail "csv rows differ in length"
grep -q ',RMST(24),' "$tmp/rmst.csv" || fail "csv test name"
"$gsd" design "$tmp/rmst.json" > "$tmp/rmst.txt" || fail "rmst text exited $?"
grep -q '^Test: difference in restricted mean survival time up to 24 months' "$tmp/rmst.txt" || fail "text"
with_test '{"type": "milestone", "time": 24, "spending_scale": "events"}' '[1.0]' > "$tmp/ms.json"
with_test '{"type": "rmst", "tau": 24}' '[0.5, 0.75, 1.0]' > "$tmp/rmst3.json"
with_test '{"type": "milestone", "time": 24}' '[0.5, 0.75, 1.0]' > "$tmp/ms3.json"
"$gsd" design "$tmp/ms.json" --format json > "$tmp/ms.out.json" || fail "milestone json exited $?"
python3 - "$tmp/ms.out.json" <<'PY' || fail "milestone json values"
import json, sys
t = json.load(open(sys.argv[1]))["sample_size"]["test"]
assert t["type"] == "milestone" and t["time"] == 24 and t["spending_scale"] == "events"
assert len(t["looks"]) == 1 and 0 < t["looks"][0]["treatment"] < 1
PY

# Bad input: exit 2, one line naming the path, nothing on stdout.
expect_error() { expect_exit2 "$2" "$1" "$3"; }  # CONFIG COMMAND EXPECTED-LINE-PREFIX
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

# gsd simulate: the seed trial with RMST(24) as its test and milestone(24)
# beside it, 4000 trials. The RMST's simulated power is within 4 binomial SE
# of the analytic power (40,000 trials give 0.8701 against 0.8730); the
# milestone's at planned events runs below its analytic power at the
# expected look times (0.8132 against 0.8281 at 40,000), so its analytic
# power and bounds are checked against gsd design, and its rejections
# against the same test run as the trial's own on the same seed.
sed 's/"survival": {/"simulation": {"tests": [{"type": "log-rank"}, {"type": "milestone", "time": 24}]}, "survival": {/' \
  "$tmp/rmst3.json" > "$tmp/sim.json"
"$gsd" design "$tmp/ms3.json" --format json > "$tmp/ms3.out.json" || fail "milestone design exited $?"
"$gsd" design "$tmp/rmst3.json" --format json > "$tmp/rmst3.out.json" || fail "rmst design exited $?"
"$gsd" simulate "$tmp/sim.json" --replicates 4000 --seed 20120215 --quiet --format json > "$tmp/sim.out.json" \
  || fail "simulate exited $?"
"$gsd" simulate "$tmp/ms3.json" --replicates 4000 --seed 20120215 --quiet --format json > "$tmp/ms3.sim.json" \
  || fail "milestone simulate exited $?"
python3 - "$tmp/sim.out.json" "$tmp/rmst3.out.json" "$tmp/ms3.out.json" "$tmp/ms3.sim.json" <<'PY' || fail "simulate json values"
import json, math, sys
s = json.load(open(sys.argv[1]))["simulation"]
rmst = json.load(open(sys.argv[2]))["sample_size"]["test"]
ms = json.load(open(sys.argv[3]))["sample_size"]["test"]
assert s["test"] == {"type": "rmst", "tau": 24.0, "spending_scale": "variance"}, s["test"]
assert s["analytic_power"] == rmst["power"]
se = math.sqrt(rmst["power"] * (1 - rmst["power"]) / s["replicates"])
assert abs(s["power"] - rmst["power"]) < 4 * se, (s["power"], rmst["power"], se)
assert len(s["reject_per_look"]) == 3 and abs(sum(s["reject_per_look"]) - s["power"]) < 1e-12
lr, m = s["tests"]
assert lr["type"] == "log-rank" and m["type"] == "milestone" and m["time"] == 24.0
assert m["analytic_power"] == ms["power"]
assert m["efficacy_z"] == [l["efficacy_z"] for l in ms["looks"]]
alone = json.load(open(sys.argv[4]))["simulation"]
assert alone["test"]["type"] == "milestone" and alone["reject_per_look"] == m["reject_per_look"], (alone, m)
PY
"$gsd" simulate "$tmp/sim.json" --replicates 500 --seed 3 > "$tmp/sim.txt" || fail "simulate text exited $?"
grep -q '^Simulation: 500 replicates, seed 3, 202 patients, 94 planned events, test RMST(tau = 24)$' "$tmp/sim.txt" \
  || fail "simulate text header: $(head -1 "$tmp/sim.txt")"
grep -q '^  milestone(t = 24) ' "$tmp/sim.txt" || fail "simulate text side test"
"$gsd" simulate "$tmp/sim.json" --replicates 500 --seed 3 --format csv > "$tmp/sim.csv" || fail "simulate csv exited $?"
grep -q '^test_2_reject,3,' "$tmp/sim.csv" || fail "simulate csv side test"
# Bad input: a side test whose horizon is past the first look's follow-up,
# and strata (the Kaplan-Meier estimates are per arm, unstratified).
sed 's/"survival": {/"simulation": {"tests": [{"type": "rmst", "tau": 36}]}, "survival": {/' \
  "$root/configs/blinatumomab-20120215.json" > "$tmp/b7.json"
expect_error "$tmp/b7.json" simulate 'error: simulation.tests\[0\].tau = 36 must be below the longest follow-up at every look: look 1 '
sed 's/"survival": {/"simulation": {"strata": [{"name": "a", "proportion": 0.5}, {"name": "b", "proportion": 0.5}]}, "survival": {/' \
  "$tmp/rmst3.json" > "$tmp/b8.json"
expect_error "$tmp/b8.json" simulate 'error: simulation.strata are not taken by an RMST or milestone test'

# gsd monitor.
ex=$root/examples/weighted-monitoring
expect_monitor_error() { expect_exit2 monitor "$@"; }  # CONFIG EXPECTED-LINE-PREFIX [ARGS...]
"$gsd" monitor "$ex/rmst24.json" --format json > "$tmp/rmst.json" || fail "rmst24 json exited $?"
python3 -c "import json, sys; c = json.load(open(sys.argv[1])); del c['monitoring']; json.dump(c, sys.stdout)" \
  "$ex/rmst24.json" > "$tmp/rmst.plan.json"
"$gsd" design "$tmp/rmst.plan.json" --format json > "$tmp/rmst.design.json" || fail "rmst24 design exited $?"
python3 - "$tmp/rmst.json" "$tmp/rmst.design.json" <<'PY' || fail "rmst24 json values"
import json, sys
from statistics import NormalDist
N = NormalDist()
m = json.load(open(sys.argv[1]))["monitoring"]
d = json.load(open(sys.argv[2]))["sample_size"]["test"]
assert m["test"] == {"type": "rmst", "tau": 24.0, "spending_scale": "variance"}, m["test"]
v_plan = d["looks"][-1]["standard_error"] ** 2
assert m["planned_variance_source"] == "plan" and abs(m["planned_variance"] - v_plan) < 1e-12 * v_plan
looks = m["looks"]
assert [l["variance"] for l in looks] == [2.72, 1.8225]
for look in looks:
    assert abs(look["information_fraction"] - m["planned_variance"] / look["variance"]) < 1e-12
# Lan-DeMets O'Brien-Fleming at one-sided 0.025: alpha(t) = 2 (1 - Phi(z_0.0125 / sqrt(t))).
t = looks[0]["information_fraction"]
a1 = 2 * (1 - N.cdf(N.inv_cdf(1 - 0.0125) / t ** 0.5))
assert abs(looks[0]["efficacy_z"] - N.inv_cdf(1 - a1)) < 1e-8, (looks[0]["efficacy_z"], N.inv_cdf(1 - a1))
assert looks[0]["decision"] == "continue" and looks[1]["decision"] == "stop-efficacy"
assert looks[1]["z"] > looks[1]["efficacy_z"] > 1.96
PY
"$gsd" monitor "$ex/rmst24.json" | grep -q '^Test: RMST difference up to tau = 24$' || fail "rmst24 text"
"$gsd" monitor "$ex/rmst24.json" --format csv > "$tmp/rmst.csv" || fail "rmst24 csv exited $?"
head -1 "$tmp/rmst.csv" | grep -q '^look,events,variance,information_fraction,z,efficacy_z,' || fail "rmst24 csv header"
grep -q '^2,71,1.8225,.*,stop-efficacy$' "$tmp/rmst.csv" || fail "rmst24 csv row"
# Looks with the plan's variances at its events get the plan's bounds, for
# the RMST and the milestone (the design solves them on the same spending).
for test in '{"type": "rmst", "tau": 24}' '{"type": "milestone", "time": 24}'; do
  python3 -c "import json, sys; c = json.load(open(sys.argv[1])); c['survival']['test'] = json.loads(sys.argv[2]); del c['monitoring']; json.dump(c, sys.stdout)" \
    "$ex/rmst24.json" "$test" > "$tmp/plan.json"
  "$gsd" design "$tmp/plan.json" --format json > "$tmp/plan.out.json" || fail "$test design exited $?"
  python3 - "$tmp/plan.json" "$tmp/plan.out.json" > "$tmp/at_plan.json" <<'PY' || fail "$test: looks at the plan"
import json, sys
c = json.load(open(sys.argv[1]))
d = json.load(open(sys.argv[2]))["sample_size"]["test"]
c["monitoring"] = {"looks": [{"events": l["events"], "z": 0.5, "variance": l["standard_error"] ** 2}
                             for l in d["looks"][:2]]}
json.dump(c, sys.stdout)
PY
  "$gsd" monitor "$tmp/at_plan.json" --format json > "$tmp/at_plan.out.json" || fail "$test monitor exited $?"
  python3 - "$tmp/at_plan.out.json" "$tmp/plan.out.json" <<'PY' || fail "$test: the plan's bounds"
import json, sys
m = json.load(open(sys.argv[1]))["monitoring"]["looks"]
d = json.load(open(sys.argv[2]))["sample_size"]["test"]["looks"]
for look, plan in zip(m, d):
    assert abs(look["information_fraction"] - plan["information_fraction"]) < 1e-12
    assert abs(look["efficacy_z"] - plan["efficacy_z"]) < 1e-6, (look["efficacy_z"], plan["efficacy_z"])
    assert look["decision"] == "continue"
PY
done

edit "$ex/rmst24.json" 'c["monitoring"]["looks"][1]["variance"] = 3' > "$tmp/b10.json"
expect_monitor_error "$tmp/b10.json" "error: monitoring.looks\[1\].variance = 3 must be below the previous look's variance"
edit "$ex/rmst24.json" 'del c["monitoring"]["looks"][0]["variance"]' > "$tmp/b11.json"
expect_monitor_error "$tmp/b11.json" 'error: monitoring.looks\[0\].variance is missing'
edit "$ex/rmst24.json" 'c["monitoring"]["looks"][0]["variance"] = 0' > "$tmp/b12.json"
expect_monitor_error "$tmp/b12.json" 'error: monitoring.looks\[0\].variance = 0 must be positive'
edit "$ex/rmst24.json" 'c["survival"]["test"]["tau"] = 36' > "$tmp/b13.json"
expect_monitor_error "$tmp/b13.json" 'error: survival.test.tau = 36 must be below the longest follow-up at every look: look 1 '
edit "$ex/rmst24.json" 'c["monitoring"]["looks"][0] = {"events": 47, "hazard_ratio": 0.7, "variance": 2.7}' > "$tmp/b14.json"
expect_monitor_error "$tmp/b14.json" 'error: monitoring.looks\[0\].hazard_ratio '
"$gsd" monitor "$ex/rmst24.json" --report "$tmp/r.html" > /dev/null || fail "rmst24 report exited $?"
grep -q '<th>test</th><td class=l>RMST difference up to tau = 24</td>' "$tmp/r.html" || fail "rmst24 report: no test"
grep -q '<tr class="stop-efficacy"><td>2</td><td>71</td><td>1.8225</td>' "$tmp/r.html" || fail "rmst24 report: look 2"
grep -q 'lower bound' "$tmp/r.html" || fail "rmst24 report: the two-sided design's lower bound is not drawn"
# A monitoring record of the RMST looks (add-look --z --variance) stops where
# the config does, and says why.
edit "$ex/rmst24.json" 'del c["monitoring"]["looks"]' > "$tmp/rmst_start.json"
"$gsd" monitor "$tmp/rmst_start.json" --record "$tmp/rmst.rec" add-look --events 47 --z 1.82 --variance 2.72 \
  > /dev/null || fail "rmst24 add-look 1"
"$gsd" monitor --record "$tmp/rmst.rec" add-look --events 71 --z 3.04 --variance 1.8225 > /dev/null \
  || fail "rmst24 add-look 2"
python3 - "$tmp/rmst.rec" <<'PY' || fail "rmst24 record entries"
import json, sys
looks = json.load(open(sys.argv[1]))["looks"]
assert [l["decision"] for l in looks] == ["continue", "stop-efficacy"], looks
assert looks[1]["reason"] == ("z = 3.0400 crossed the efficacy bound 2.2383 at information fraction 0.8214 "
                              "(71 events): stop for benefit"), looks[1]["reason"]
PY
exit 0
