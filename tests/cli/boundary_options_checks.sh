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
# The CSV carries the harm bound as the JSON does, after the earlier columns (the
# columns before it keep their positions). Look 1's is the closed form of
# Lan-DeMets Pocock spending 0.01 at t = 0.5: alpha(0.5) = 0.01 ln(1 + (e - 1)
# 0.5) = 0.0062011451, and Phi^-1(0.0062011451) = -2.500486381.
"$gsd" design "$ex/harm-bound.json" --format csv > "$tmp/harm.csv" || fail "harm csv exited $?"
head -1 "$tmp/harm.csv" | grep -q ',probability_futility_h1,harm_z,probability_futility_h0$' || fail "harm csv header: $(head -1 "$tmp/harm.csv")"
awk -F, 'NR == 2 { exit !($10 == "-2.500486381") }' "$tmp/harm.csv" || fail "harm csv look 1: $(sed -n 2p "$tmp/harm.csv")"
[ "$(awk -F, 'NR > 1 && $10 != "" { n++ } END { print n }' "$tmp/harm.csv")" = 3 ] || fail "harm csv: a look without harm_z"
"$gsd" design "$ex/protocol-futility.json" --format csv > "$tmp/protocol.csv" || fail "protocol exited $?"
# Look 1 tests futility only: no efficacy bound (empty field), futility z = 0.
awk -F, 'NR == 2 { exit !($3 == "" && $4 == "0") }' "$tmp/protocol.csv" || fail "protocol look 1: $(sed -n 2p "$tmp/protocol.csv")"
# Without a harm bound the harm_z field is empty, as futility_z is without futility.
awk -F, 'NR > 1 && $10 != "" { exit 1 }' "$tmp/protocol.csv" || fail "protocol harm_z: $(sed -n 2p "$tmp/protocol.csv")"
# Under H0 the first look stops for futility when z < 0: probability 1/2
# exactly (the last column, to its 10 printed digits); later looks have no
# futility bound, so their field is empty.
awk -F, 'NR == 2 && $NF != "0.5" { bad = 1 } NR > 2 && $NF != "" { bad = 1 } END { exit bad }' "$tmp/protocol.csv" ||
  fail "protocol futility under H0: $(cut -d, -f1,11 "$tmp/protocol.csv" | tr '\n' ' ')"

"$gsd" design "$ex/hazard-ratio-futility.json" --summary --format csv > "$tmp/summary.csv" ||
  fail "summary exited $?"
head -1 "$tmp/summary.csv" | grep -qx 'look,bound,information_fraction,events,z,nominal_p,effect_fraction,hazard_ratio,cumulative_crossing_h0,cumulative_crossing_h1,patients,effect' ||
  fail "summary header: $(head -1 "$tmp/summary.csv")"
row=$(awk -F, '$1 == 2 && $2 == "futility" { printf "%s %.6f", $4, $8 }' "$tmp/summary.csv")
[ "$row" = "71 0.900000" ] || fail "futility row at look 2: $row"
"$gsd" design "$ex/hazard-ratio-futility.json" --summary > "$tmp/summary.txt" || fail "text exited $?"
grep -q 'gsBoundSummary' "$tmp/summary.txt" || fail "text summary"
"$gsd" design "$ex/hazard-ratio-futility.json" --summary --format json > "$tmp/summary.json" || fail "json exited $?"
grep -q '"bound": "futility"' "$tmp/summary.json" || fail "json summary"
# A binary endpoint's futility rule on the difference of rates: the summary
# rows carry the look's patients and the difference at each bound, the
# futility rows the differences the config gave.
"$gsd" design "$ex/endpoint-futility.json" --summary --format csv > "$tmp/endpoint.csv" || fail "endpoint summary exited $?"
row=$(awk -F, '$2 == "futility" { printf "%s:%.6f ", $11, $12 }' "$tmp/endpoint.csv")
[ "$row" = "200:0.000000 300:0.050000 " ] || fail "endpoint futility rows: $row"
"$gsd" design "$ex/endpoint-futility.json" --summary > "$tmp/endpoint.txt" || fail "endpoint text exited $?"
grep -q 'estimate at bound' "$tmp/endpoint.txt" || fail "endpoint text summary"
"$gsd" design "$ex/endpoint-futility.json" --format json > "$tmp/endpoint.json" || fail "endpoint json exited $?"
python3 - "$tmp/endpoint.json" <<'PY' || fail "endpoint summary JSON"
import json, sys
d = json.load(open(sys.argv[1]))
rows = [r for r in d["boundary_summary"] if r["bound"] == "futility"]
assert [r["patients"] for r in rows] == [200, 300], rows
assert abs(rows[1]["effect"] - 0.05) < 1e-12 and abs(rows[0]["effect"]) < 1e-12, rows
looks = d["sample_size"]["looks"]
assert abs(looks[1]["futility_effect"] - 0.05) < 1e-12 and looks[1]["futility_z"] > 0
PY
# Whole numbers: patients a multiple of the block of 4, each look's fraction
# its whole events over the final events, the continuous plan beside it.
"$gsd" design "$ex/integer-plan.json" --format json > "$tmp/integer.json" || fail "integer exited $?"
python3 - "$tmp/integer.json" <<'PY' || fail "integer plan JSON"
import json, sys
d = json.load(open(sys.argv[1]))
s, b, c = d["sample_size"], d["boundaries"], d["continuous"]
assert s["integer"] is True and s["block"] == 4 and s["patients"] % 4 == 0, s["patients"]
assert s["patients"] >= c["sample_size"]["patients"] and s["power"] >= 0.84
for look, bound in zip(s["looks"], b["looks"]):
    assert abs(bound["information_fraction"] - look["events"] / s["events"]) < 1e-15
    assert look["efficacy_z"] == bound["efficacy_z"]
assert [l["information_fraction"] for l in c["boundaries"]["looks"]] == [0.5, 0.75, 1.0]
assert c["sample_size"]["power"] == 0.84
PY
"$gsd" design "$ex/integer-plan.json" > "$tmp/integer.txt" || fail "integer text exited $?"
grep -q 'patients 201.93 -> 204 (a multiple of 4)' "$tmp/integer.txt" || fail "integer text: $(grep -A1 'Whole numbers' "$tmp/integer.txt")"
"$gsd" design "$ex/integer-plan.json" --format csv > "$tmp/integer.csv" || fail "integer csv exited $?"
head -1 "$tmp/integer.csv" | grep -q ',continuous_events,continuous_information_fraction,continuous_efficacy_z,continuous_futility_z,continuous_patients,continuous_planned_events,continuous_power,block,hazard_ratio_at_bound,hazard_ratio_at_futility,crossing_probability_lower,method_drift,probability_futility_h0$' ||
  fail "integer csv header: $(head -1 "$tmp/integer.csv")"
# Whole numbers with a look by calendar time and the analysis cap: the look
# by events is whole (71 of 94), the look at month 24 keeps the events the
# model expects there (marked in the text), the cap stays in the power.
"$gsd" design "$root/examples/calendar/integer-calendar-looks.json" --format json > "$tmp/intcal.json" ||
  fail "integer calendar exited $?"
python3 - "$tmp/intcal.json" <<'PY' || fail "integer calendar JSON"
import json, sys
d = json.load(open(sys.argv[1]))
s, b = d["sample_size"], d["boundaries"]
assert s["integer"] is True and s["patients"] == 204 and s["events"] == 94, (s["patients"], s["events"])
l1, l2 = s["looks"][0], s["looks"][1]
assert l1["trigger"] == "time" and l1["calendar_time"] == 24, l1
assert abs(b["looks"][0]["information_fraction"] - l1["expected_events"] / 94) < 1e-12
assert l2["events"] == 71 and abs(b["looks"][1]["information_fraction"] - 71 / 94) < 1e-15
assert s["analysis_cap"] == 60 and 0 < s["capped_fraction"] < 0.1, s["capped_fraction"]
assert d["continuous"]["sample_size"]["patients"] == 202
PY
"$gsd" design "$root/examples/calendar/integer-calendar-looks.json" > "$tmp/intcal.txt" || fail "integer calendar text exited $?"
grep -q '39.57\*' "$tmp/intcal.txt" || fail "integer calendar text: $(grep -A4 'Whole numbers' "$tmp/intcal.txt")"
# The harm bound in the design's plot and in the committee's report.
"$gsd" design "$ex/harm-bound.json" --plot "$tmp/harm.svg" > /dev/null || fail "harm plot exited $?"
grep -q '>harm bound<' "$tmp/harm.svg" || fail "harm bound not in the design plot"
python3 - "$ex/harm-bound.json" "$tmp/harm-monitor.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["monitoring"] = {"planned_events": 94, "looks": [{"events": 47, "z": 0.4}]}
json.dump(c, open(sys.argv[2], "w"))
PY
"$gsd" monitor "$tmp/harm-monitor.json" --report "$tmp/harm.html" > /dev/null || fail "harm report exited $?"
grep -q '>harm bound<' "$tmp/harm.html" || fail "harm bound not in the report's chart"
grep -q '<th>harm</th><td class=l>Lan-DeMets Pocock spending of alpha 0.01, non-binding' "$tmp/harm.html" ||
  fail "harm bound not in the report's design table"
echo "boundary options: ok"
