#!/usr/bin/env bash
# gsd monitor with a weighted log-rank or MaxCombo survival.test
# (examples/weighted-monitoring; RMST and milestone tests:
# km_contrast_checks.sh): JSON keys and values, text and CSV; bad
# looks exit 2 with one line naming the JSON path and nothing on stdout; the
# HTML report lays out each look against its bound; a monitoring record
# refuses such a test.
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
PY
"$gsd" monitor "$ex/maxcombo.json" --format csv | head -1 | grep -q '^look,events,information_fraction,max_z,max_test_rho,' \
  || fail "maxcombo csv header"

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
expect_error "$tmp/b8.json" 'error: monitoring.looks\[0\].covariance\[1\] '
edit "$ex/fh01.json" 'del c["survival"]["test"]' > "$tmp/b9.json"
expect_error "$tmp/b9.json" 'error: monitoring.looks\[0\].variance is for a weighted log-rank, MaxCombo, RMST or milestone survival.test'
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
"$gsd" monitor "$ex/fh01.json" --record "$tmp/rec.json" add-look --events 47 --z 0.6 > "$tmp/out.txt" 2> "$tmp/err.txt"
[ $? = 2 ] || fail "add-look on a weighted test: exit not 2"
grep -q '^error: survival.test is a weighted, MaxCombo, RMST or milestone test: a monitoring record keeps log-rank looks' "$tmp/err.txt" \
  || fail "add-look message: $(cat "$tmp/err.txt")"
exit 0
