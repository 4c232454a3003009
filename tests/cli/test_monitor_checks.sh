#!/usr/bin/env bash
# gsd monitor with a weighted log-rank or MaxCombo survival.test
# (examples/weighted-monitoring; RMST and milestone tests:
# km_contrast_checks.sh): JSON keys and values, text and CSV; bad
# looks exit 2 with one line naming the JSON path and nothing on stdout; the
# HTML report lays out each look against its bound; a monitoring record keeps
# such looks.
#   test_monitor_checks.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$root/tests/cli/checks_lib.sh"
ex=$root/examples/weighted-monitoring

"$gsd" monitor "$ex/fh01.json" --format json > "$tmp/fh.json" || fail "fh01 json exited $?"
python3 - "$tmp/fh.json" <<'PY' || fail "fh01 json values"
import json, sys
m = json.load(open(sys.argv[1]))["monitoring"]
assert m["test"]["type"] == "fleming-harrington" and m["test"]["gamma"] == 1.0
assert m["planned_variance_source"] == "plan" and m["planned_variance"] > 0
looks = m["looks"]
assert len(looks) == 2
for look in looks:
    assert abs(look["information_fraction"] - look["variance"] / m["planned_variance"]) < 1e-12
    assert look["decision"] == "continue" and look["efficacy_z"] > look["z"]
assert looks[0]["efficacy_z"] > looks[1]["efficacy_z"] > 1.96
assert looks[1]["input"] == {"events": 71, "z": 1.32, "variance": 0.9739}
PY
"$gsd" monitor "$ex/fh01.json" | grep -q '^Test: FH(0, 1)$' || fail "fh01 text"
"$gsd" monitor "$ex/fh01.json" --format csv > "$tmp/fh.csv" || fail "fh01 csv exited $?"
head -1 "$tmp/fh.csv" | grep -q '^look,events,variance,information_fraction,z,efficacy_z,' || fail "fh01 csv header"
[ "$(wc -l < "$tmp/fh.csv")" = 3 ] || fail "fh01 csv rows"

"$gsd" monitor "$ex/maxcombo.json" --format json > "$tmp/mc.json" || fail "maxcombo json exited $?"
"$gsd" design "$ex/maxcombo.json" --format json > "$tmp/mc.design.json" || fail "maxcombo design exited $?"
python3 - "$tmp/mc.json" "$tmp/mc.design.json" <<'PY' || fail "maxcombo json values"
import json, sys
m = json.load(open(sys.argv[1]))["monitoring"]
d = json.load(open(sys.argv[2]))["sample_size"]["test"]
assert m["test"] == {"type": "maxcombo", "tests": [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], "seed": 20200501}
looks = m["looks"]
assert len(looks) == 2 and looks[0]["max_test"] == [1.0, 0.0] and looks[0]["max_z"] == 1.21
# The first look is at the plan's fraction and the plan's variances: the
# design's bound, within the lattice rule's error.
assert abs(looks[0]["efficacy_z"] - d["looks"][0]["efficacy_z"]) < 2e-3, (looks[0], d["looks"][0])
assert abs(looks[0]["cumulative_alpha"] - d["looks"][0]["cumulative_alpha"]) < 1e-12
assert looks[1]["decision"] == "continue" and 0 < looks[1]["alpha_error"] <= m["mvn_tolerance"]
assert len(looks[1]["input"]["covariance"]) == 4
# Each bound's error in z, and no refinement: the largest z is far from it.
for l in looks:
    assert 0 < l["efficacy_z_error"] < 0.01 and 0 < l["nominal_p_error"] <= m["mvn_tolerance"], l
    assert l["refinements"] == 0 and l["within_error"] is False, l
PY
"$gsd" monitor "$ex/maxcombo.json" --format csv | head -1 | grep -q '^look,events,information_fraction,max_z,max_test_rho,' \
  || fail "maxcombo csv header"
"$gsd" monitor "$ex/maxcombo.json" > "$tmp/mc.txt" || fail "maxcombo text exited $?"
grep -q 'bound z    +/- z   nominal p' "$tmp/mc.txt" || fail "maxcombo text has no +/- z column"
grep -q 'solved again' "$tmp/mc.txt" && fail "maxcombo text refines a bound far from the largest z"
# A largest z within the first bound's error (3.1643 +/- 0.0062): the bound is
# solved again on finer lattices, and the text says so.
edit "$ex/maxcombo.json" 'c["monitoring"]["looks"] = c["monitoring"]["looks"][:1]; c["monitoring"]["looks"][0]["tests"][2]["z"] = 3.165' \
  > "$tmp/mc_near.json"
"$gsd" monitor "$tmp/mc_near.json" > "$tmp/mc_near.txt" || fail "maxcombo near the bound exited $?"
grep -q '^Look 1: the largest z lay within the bound.s error of it, so the bound was solved again on ' "$tmp/mc_near.txt" \
  || fail "maxcombo text does not say the bound was refined: $(cat "$tmp/mc_near.txt")"

# Bad input: exit 2, one line naming the path, nothing on stdout.
expect_error() { expect_exit2 monitor "$@"; }  # CONFIG EXPECTED-LINE-PREFIX [ARGS...]
edit "$ex/fh01.json" 'del c["monitoring"]["looks"][1]["variance"]' > "$tmp/b1.json"
expect_error "$tmp/b1.json" 'error: monitoring.looks\[1\].variance is missing'
edit "$ex/fh01.json" 'c["monitoring"]["looks"][1]["variance"] = 0.5' > "$tmp/b2.json"
expect_error "$tmp/b2.json" "error: monitoring.looks\[1\].variance = 0.5 must exceed the previous look's variance"
edit "$ex/fh01.json" 'c["monitoring"]["looks"][0] = {"events": 47, "hazard_ratio": 0.7, "variance": 0.5}' > "$tmp/b3.json"
expect_error "$tmp/b3.json" 'error: monitoring.looks\[0\].hazard_ratio '
edit "$ex/maxcombo.json" 'c["monitoring"]["looks"][0]["tests"].pop()' > "$tmp/b4.json"
expect_error "$tmp/b4.json" 'error: monitoring.looks\[0\].tests '
edit "$ex/maxcombo.json" 'c["monitoring"]["looks"][1]["covariance"][0][0] = 17' > "$tmp/b5.json"
expect_error "$tmp/b5.json" 'error: monitoring.looks\[1\].covariance\[0\]\[0\] = 17 must equal tests\[0\].variance'
edit "$ex/maxcombo.json" 'c["monitoring"]["looks"][1]["covariance"][0][2] = 20' > "$tmp/b6.json"
expect_error "$tmp/b6.json" 'error: monitoring.looks\[1\].covariance\[0\]\[2\] = 20 must equal covariance\[2\]\[0\]'
edit "$ex/maxcombo.json" 'del c["monitoring"]["looks"][0]["covariance"]' > "$tmp/b7.json"
expect_error "$tmp/b7.json" 'error: monitoring.looks\[0\].covariance is missing'
edit "$ex/maxcombo.json" 'c["monitoring"]["looks"][0]["covariance"][1] = [1, 2]' > "$tmp/b8.json"
expect_error "$tmp/b8.json" 'error: monitoring.looks\[0\].covariance\[1\] has 2 entries but tests has 4; give one for each'
# A row too few was read as every row too long ("covariance[0] must have 3
# entries"), an empty matrix as a missing one, and a z out of range was
# named by the monitor's own field (looks[1].z[0]), which no config has.
edit "$ex/maxcombo.json" 'c["monitoring"]["looks"][1]["covariance"].pop()' > "$tmp/b8c.json"
expect_error "$tmp/b8c.json" 'error: monitoring.looks\[1\].covariance has 3 entries but tests has 4; give one for each'
edit "$ex/maxcombo.json" 'c["monitoring"]["looks"][1]["covariance"] = []' > "$tmp/b8d.json"
expect_error "$tmp/b8d.json" "error: monitoring.looks\[1\].covariance = \[\] must hold the tests' covariance matrix, one row per test"
edit "$ex/maxcombo.json" 'c["monitoring"]["looks"][1]["tests"][0]["z"] = 1e300' > "$tmp/b8e.json"
expect_error "$tmp/b8e.json" 'error: monitoring.looks\[1\].tests\[0\].z = 1e+300 must lie in \[-1e6, 1e6\]'
# Entries each within bounds, but no scores have such a covariance: the sign
# of one covariance flipped. It was taken (exit 0, a bound of 11.9) or failed
# as a numerical failure.
edit "$ex/maxcombo.json" 'r = c["monitoring"]["looks"][0]["covariance"]; r[0][2] = r[2][0] = -r[0][2]' > "$tmp/b8b.json"
expect_error "$tmp/b8b.json" 'error: monitoring.looks\[0\].covariance is not a covariance matrix: its correlations have a negative eigenvalue'
edit "$ex/fh01.json" 'del c["survival"]["test"]' > "$tmp/b9.json"
expect_error "$tmp/b9.json" 'error: monitoring.looks\[0\].variance is for a weighted log-rank, MaxCombo, RMST or milestone survival.test'
# The log-rank monitor's limits on the planned events hold for a test too:
# beyond what the model's patients produce, and the span (a look past a
# million times the planned events). 1e300 planned events was accepted.
fh_look='c["monitoring"]["looks"] = [{"events": 49, "z": 2, "variance": 10}]'
edit "$ex/fh01.json" "$fh_look; c['monitoring']['planned_events'] = 1e300" > "$tmp/b10.json"
expect_error "$tmp/b10.json" 'error: monitoring.planned_events = 1e+300 exceeds the 104.8 events that 202 patients can ever produce'
# With the patients solved by the design (power and follow_up given), the
# reach is checked against the plan's patients, as the log-rank monitor
# checks it (a weighted or RMST test was monitored at 500 planned events).
# Cure fractions 40% / 56.2%: N patients can ever produce N (0.6 + 0.438) / 2
# events, 185.8 for FH(0, 1)'s 358 and 105.4 for the log-rank plan's 203
# (at which an RMST test is evaluated).
solved='s = c["survival"]; del s["patients"], s["events"]; s["power"] = 0.84; s["follow_up"] = 14.8'
solved="$solved; c['monitoring']['planned_events'] = 500; c['monitoring']['looks'] = c['monitoring']['looks'][:1]"
reach_todo="give events the model's patients reach, or more survival.patients"
edit "$ex/fh01.json" "$solved" > "$tmp/b10a.json"
expect_error "$tmp/b10a.json" "error: monitoring.planned_events = 500 exceeds the 185.8 events that 358 patients can ever produce (cure 40% / 56.2%); $reach_todo\$"
edit "$ex/rmst24.json" "$solved" > "$tmp/b10b.json"
expect_error "$tmp/b10b.json" "error: monitoring.planned_events = 500 exceeds the 105.4 events that 203 patients can ever produce (cure 40% / 56.2%); $reach_todo\$"
edit "$ex/fh01.json" "$solved; del c['survival']['test']; c['monitoring']['looks'] = [{'events': 47, 'z': 0.62}]" > "$tmp/b10c.json"
expect_error "$tmp/b10c.json" "error: monitoring.planned_events = 500 exceeds the 105.4 events that 203 patients can ever produce (cure 40% / 56.2%); $reach_todo\$"
# Within the reach the solved plan is monitored.
edit "$ex/fh01.json" "$solved; c['monitoring']['planned_events'] = 180" > "$tmp/b10d.json"
"$gsd" monitor "$tmp/b10d.json" | grep -q '^Design: .*, 180 planned events' || fail "solved FH(0, 1) within the reach"
edit "$ex/fh01.json" "$fh_look; c['monitoring']['planned_events'] = 1e-5" > "$tmp/b11.json"
expect_error "$tmp/b11.json" 'error: monitoring.looks\[0\].events = 49 exceeds a million times the 1e-05 planned events, the widest span gsd monitors; check the events$'
edit "$ex/maxcombo.json" 'c["monitoring"]["planned_events"] = 1e-5' > "$tmp/b12.json"
expect_error "$tmp/b12.json" 'error: monitoring.looks\[0\].events = [0-9]* exceeds a million times the 1e-05 planned events'
# And the planned variance: the same span on the variance scale (1e300 was
# reported as looks[0].events = 9.4e-298).
edit "$ex/fh01.json" "$fh_look; c['monitoring']['planned_variance'] = 1e300" > "$tmp/b13.json"
expect_error "$tmp/b13.json" "error: monitoring.planned_variance = 1e+300 differs from look 1's variance 10 by more than a factor of a million, the widest span gsd monitors; check the variances$"
edit "$ex/fh01.json" "$fh_look; c['monitoring']['planned_variance'] = 1e-300" > "$tmp/b14.json"
expect_error "$tmp/b14.json" "error: monitoring.planned_variance = 1e-300 differs from look 1's variance 10 by more than"
edit "$ex/fh01.json" 'c["monitoring"]["looks"] = [{"events": 49, "z": 2, "variance": 1e9}]' > "$tmp/b15.json"
expect_error "$tmp/b15.json" "error: monitoring.looks\[0\].variance = 1e+09 differs from the plan's variance [0-9.]* by more than a factor of a million"
# A variance that is not positive keeps its own rule ahead of the span.
edit "$ex/fh01.json" 'c["monitoring"]["looks"][0]["variance"] = 0' > "$tmp/b16.json"
expect_error "$tmp/b16.json" 'error: monitoring.looks\[0\].variance = 0 must be positive and finite$'
edit "$ex/rmst24.json" 'c["monitoring"]["looks"][0]["variance"] = -1' > "$tmp/b17.json"
expect_error "$tmp/b17.json" 'error: monitoring.looks\[0\].variance = -1 must be positive and finite$'
# The report: self-contained, the test named, every look with its bound and
# decision, and the chart.
for name in fh01 maxcombo; do
  "$gsd" monitor "$ex/$name.json" --report "$tmp/$name.html" > /dev/null || fail "$name report exited $?"
  python3 - "$tmp/$name.html" "$name" <<'PY' || fail "$name report content"
import re, sys
html = open(sys.argv[1]).read()
name = sys.argv[2]
assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
assert not re.search(r'(src|href)="(http|//)', html), "external resource"
assert html.count("<svg") == 1
title = "FH(0, 1)" if name == "fh01" else "MaxCombo of FH(0, 0), FH(0, 1), FH(1, 0), FH(1, 1)"
assert "<th>test</th><td class=l>" + title + "</td>" in html, title
rows = re.findall(r'<tr class="(continue|stop-efficacy)"><td>(\d)</td><td>(\d+)</td>', html)
assert [(r[1], r[2]) for r in rows] == [("1", "47"), ("2", "71")], rows
bound = "3.8227" if name == "fh01" else "3.1643"
assert "<td>" + bound + "</td>" in html, bound
PY
done
# A monitoring record of these tests: add-look takes a weighted look's
# --variance and a MaxCombo look's --tests and --covariance; the replay
# decides as the config with the same looks does, the record verifies, and
# an edited variance breaks its chain.
python3 - "$ex" "$tmp" <<'PY' || fail "configs without looks"
import json, sys
ex, tmp = sys.argv[1], sys.argv[2]
for name in ("fh01", "maxcombo"):
    c = json.load(open(f"{ex}/{name}.json"))
    looks = c["monitoring"].pop("looks")
    json.dump(c, open(f"{tmp}/{name}_start.json", "w"))
    for k, look in enumerate(looks):
        for key in ("tests", "covariance"):
            if key in look:
                open(f"{tmp}/{name}_{key}{k}.json", "w").write(json.dumps(look[key]))
PY
"$gsd" monitor "$tmp/fh01_start.json" --record "$tmp/fh.rec" add-look --events 47 --z 0.62 --variance 0.5337 \
  > /dev/null || fail "fh01 add-look 1"
"$gsd" monitor --record "$tmp/fh.rec" add-look --events 71 --z 1.32 --variance 0.9739 > /dev/null \
  || fail "fh01 add-look 2"
"$gsd" monitor "$tmp/maxcombo_start.json" --record "$tmp/mc.rec" add-look --events 47 \
  --tests "$(cat "$tmp/maxcombo_tests0.json")" --covariance "$(cat "$tmp/maxcombo_covariance0.json")" > /dev/null \
  || fail "maxcombo add-look 1"
"$gsd" monitor --record "$tmp/mc.rec" add-look --events 71 \
  --tests "$(cat "$tmp/maxcombo_tests1.json")" --covariance "$(cat "$tmp/maxcombo_covariance1.json")" > /dev/null \
  || fail "maxcombo add-look 2"
# A rule broken inside a flag's JSON is named by the flag and the path in
# it, as a flag's own value is (it was monitoring.looks[2].tests[3].variance,
# a place in a record the look never reached); the record is unchanged.
cp "$tmp/mc.rec" "$tmp/mc.before"
python3 -c 'import json, sys; t = json.load(open(sys.argv[1])); del t[3]["variance"]; print(json.dumps(t))' \
  "$tmp/maxcombo_tests1.json" > "$tmp/tests_short.json"
"$gsd" monitor --record "$tmp/mc.rec" add-look --events 90 --tests "$(cat "$tmp/tests_short.json")" \
  --covariance "$(cat "$tmp/maxcombo_covariance1.json")" > "$tmp/out.txt" 2> "$tmp/err.txt"
[ $? = 2 ] || fail "a MaxCombo look without a variance was taken"
[ "$(cat "$tmp/err.txt")" = "error: --tests[3].variance is missing: each test gives the observed variance of its score" ] ||
  fail "--tests message: $(cat "$tmp/err.txt")"
[ -s "$tmp/out.txt" ] && fail "stdout not empty on exit 2"
# A third look's variances (look 2's times 1.25) with one entry of the
# covariance made asymmetric.
python3 - "$tmp" <<'PY' || fail "third MaxCombo look"
import json, sys
tmp = sys.argv[1]
t = json.load(open(f"{tmp}/maxcombo_tests1.json"))
c = json.load(open(f"{tmp}/maxcombo_covariance1.json"))
for test in t:
    test["variance"] *= 1.25
c = [[v * 1.25 for v in row] for row in c]
c[0][2] = 20
open(f"{tmp}/tests_third.json", "w").write(json.dumps(t))
open(f"{tmp}/covariance_bad.json", "w").write(json.dumps(c))
PY
"$gsd" monitor --record "$tmp/mc.rec" add-look --events 90 --tests "$(cat "$tmp/tests_third.json")" \
  --covariance "$(cat "$tmp/covariance_bad.json")" > "$tmp/out.txt" 2> "$tmp/err.txt"
[ $? = 2 ] || fail "an asymmetric covariance was taken"
grep -q '^error: --covariance\[0\]\[2\] = 20 must equal covariance\[2\]\[0\]' "$tmp/err.txt" ||
  fail "--covariance message: $(cat "$tmp/err.txt")"
cmp -s "$tmp/mc.rec" "$tmp/mc.before" || fail "a refused look changed the record"
# A covariance that no scores can have, given with --covariance: the sign of
# one covariance flipped.
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
c = json.load(open(f"{tmp}/maxcombo_covariance1.json"))
c = [[v * 1.25 for v in row] for row in c]
c[0][2] = c[2][0] = -c[0][2]
open(f"{tmp}/covariance_flipped.json", "w").write(json.dumps(c))
PY
"$gsd" monitor --record "$tmp/mc.rec" add-look --events 90 --tests "$(cat "$tmp/tests_third.json")" \
  --covariance "$(cat "$tmp/covariance_flipped.json")" > "$tmp/out.txt" 2> "$tmp/err.txt"
[ $? = 2 ] || fail "an impossible covariance was taken: $(cat "$tmp/err.txt")"
grep -q "^error: --covariance is not a covariance matrix: its correlations have a negative eigenvalue" "$tmp/err.txt" ||
  fail "--covariance eigenvalue message: $(cat "$tmp/err.txt")"
cmp -s "$tmp/mc.rec" "$tmp/mc.before" || fail "a refused look changed the record"
for pair in "fh.rec fh01" "mc.rec maxcombo"; do
  set -- $pair
  "$gsd" monitor --record "$tmp/$1" verify > /dev/null || fail "$1 does not verify"
  "$gsd" monitor --record "$tmp/$1" --format json > "$tmp/$1.replay" || fail "$1 replay"
  "$gsd" monitor "$ex/$2.json" --format json > "$tmp/$2.direct" || fail "$2 direct"
  python3 - "$tmp/$1.replay" "$tmp/$2.direct" "$tmp/$1" <<'PY' || fail "$1: replay differs from the config"
import json, sys
replay = json.load(open(sys.argv[1]))
direct = json.load(open(sys.argv[2]))
record = json.load(open(sys.argv[3]))
assert replay["record"]["chain"] == "verified" and replay["record"]["looks"] == 2
for r, d, entry in zip(replay["monitoring"]["looks"], direct["monitoring"]["looks"], record["looks"]):
    assert r["decision"] == d["decision"] == r["recorded_decision"] == entry["decision"]
    assert r["efficacy_z"] == d["efficacy_z"] == entry["efficacy_z"]
    assert entry["reason"].endswith(": continue"), entry["reason"]
PY
done
python3 - "$tmp/fh.rec" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["looks"][0]["input"]["variance"] = 0.6
open(sys.argv[1], "w").write(json.dumps(r, indent=2))
PY
"$gsd" monitor --record "$tmp/fh.rec" verify > "$tmp/out.txt" 2> "$tmp/err.txt"
[ $? = 2 ] || fail "an edited weighted look verified"
grep -q 'record.looks\[0\].hash does not match look 1' "$tmp/err.txt" || fail "edit message: $(cat "$tmp/err.txt")"
exit 0
