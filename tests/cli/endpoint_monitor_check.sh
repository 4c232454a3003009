#!/usr/bin/env bash
# gsd monitor and gsd design --plot with a normal or binary endpoint: the
# examples tell the story the README tells, the CSV has its columns, the HTML
# report and the design chart are drawn against patients.
#   endpoint_monitor_check.sh GSD EXAMPLES_DIR
set -u
gsd=$1 examples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
contains() { case "$1" in *"$2"*) ;; *) fail "output lacks: $2" ;; esac; }
normal=$examples/endpoint-monitoring/normal-two-sample.json
binary=$examples/endpoint-monitoring/binary-noninferiority.json

out=$("$gsd" monitor "$normal") || fail "monitor $normal exited $?"
contains "$out" "184 planned patients"
contains "$out" "continue to the next look at 184 patients"
contains "$out" "Conditional power at look 2"
out=$("$gsd" monitor "$binary" --format json) || fail "monitor $binary exited $?"
contains "$out" '"decision": "stop-efficacy"'
contains "$out" '"median_unbiased_effect"'
contains "$out" '"effect_scale": "rate difference"'
out=$("$gsd" monitor "$binary" --format csv) || fail "monitor csv exited $?"
contains "$(echo "$out" | head -1)" "look,patients,information_fraction,z,efficacy_z"
[ "$(echo "$out" | wc -l)" -eq 3 ] || fail "expected a header and 2 rows"

"$gsd" monitor "$normal" --report "$tmp/rep.html" > /dev/null || fail "--report exited $?"
html=$(cat "$tmp/rep.html")
contains "$html" "<th>planned patients</th>"
contains "$html" "Bounds on the z scale with the observed path"
contains "$html" "The mean difference with its repeated confidence intervals"
[ "$(grep -o '<svg' "$tmp/rep.html" | wc -l)" -eq 2 ] || fail "expected 2 inline SVG plots"
if grep -Eiq '<script|<link|<img|src=|href=' "$tmp/rep.html"; then fail "external resource"; fi

# Estimates far beyond any trial's (means of 1e70, inside the accepted
# range) print in exponent form in the table, the text and the report: a
# 64-byte buffer once cut them to their first 63 digits, a wrong number.
cat > "$tmp/huge.json" <<'JSON'
{"design": {"information_fractions": [0.5, 1.0]},
 "endpoint": {"type": "normal", "mean_difference": 0.5, "power": 0.9},
 "monitoring": {"looks": [{"treatment": {"n": 60, "mean": 1e70, "sd": 1},
                           "control": {"n": 60, "mean": 0, "sd": 1}}]}}
JSON
out=$("$gsd" monitor "$tmp/huge.json" --report "$tmp/huge.html") || fail "monitor huge exited $?"
contains "$out" "stop-efficacy"
contains "$out" "median-unbiased mean difference 1.0000e+70, 95% CI 1.0000e+70 to 1.0000e+70"
[ "$(echo "$out" | grep -c '1\.0000e+70  1\.0000e+70')" -eq 1 ] || fail "the table's estimate and RCI are not 1.0000e+70"
if grep -Eq '[0-9]{20}' "$tmp/huge.html" || echo "$out" | grep -Eq '[0-9]{20}'; then
  fail "a number printed with 20 or more digits"
fi
contains "$(cat "$tmp/huge.html")" "1.0000e+70"

"$gsd" design "$binary" --plot "$tmp/design.svg" > /dev/null || fail "design --plot exited $?"
svg=$(cat "$tmp/design.svg")
contains "$svg" "Bounds on the scale of the rate difference"
contains "$svg" ">patients<"
echo "ok"
