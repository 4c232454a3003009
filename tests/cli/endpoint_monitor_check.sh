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

"$gsd" design "$binary" --plot "$tmp/design.svg" > /dev/null || fail "design --plot exited $?"
svg=$(cat "$tmp/design.svg")
contains "$svg" "Bounds on the scale of the rate difference"
contains "$svg" ">patients<"
echo "ok"
