#!/usr/bin/env bash
# gsd monitor with Simon's two-stage design: the example tells the story its
# page tells (examples/single-arm/README.md), the CSV has its columns, the
# HTML report is self-contained, and a record started and continued by
# add-look replays to the same decisions and verifies.
#   simon_monitor_check.sh GSD EXAMPLES_DIR
set -u
gsd=$1 examples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
contains() { case "$1" in *"$2"*) ;; *) fail "output lacks: $2" ;; esac; }
example=$examples/single-arm/simon-monitoring.json

out=$("$gsd" monitor "$example") || fail "monitor $example exited $?"
contains "$out" "Look 1: 3 responders of 10, more than r1 = 1: go on to stage 2 and treat 19 more."
contains "$out" "Look 2: 7 responders of 29, more than r = 5: the treatment is promising (H0 rejected)."
contains "$out" "p-value 0.017696 (one-sided, against p0 0.1)"
contains "$out" "90% CI 0.1243 to 0.4322"
out=$("$gsd" monitor "$example" --format csv) || fail "monitor csv exited $?"
contains "$(echo "$out" | head -1)" "look,stage,patients,responders,rate,decision,p_value"
[ "$(echo "$out" | wc -l)" -eq 3 ] || fail "expected a header and 2 rows"
contains "$out" "1,1,10,3,0.3,continue,,,,,,,"

"$gsd" monitor "$example" --report "$tmp/rep.html" > /dev/null || fail "--report exited $?"
html=$(cat "$tmp/rep.html")
contains "$html" "<th>90% confidence interval</th><td class=l>0.1243 to 0.4322</td>"
contains "$html" "end of stage 1"
[ "$(grep -o '<svg' "$tmp/rep.html" | wc -l)" -eq 2 ] || fail "expected 2 inline SVG plots"
if grep -Eiq '<script|<link|<img|src=|href=' "$tmp/rep.html"; then fail "external resource"; fi

# A record: the design alone, then the two looks by add-look.
python3 -c 'import json, sys; c = json.load(open(sys.argv[1])); del c["monitoring"]; json.dump(c, open(sys.argv[2], "w"))' \
  "$example" "$tmp/design.json" || fail "could not write the design"
out=$("$gsd" monitor "$tmp/design.json" --record "$tmp/rec.json" add-look --n 10 --responders 3) ||
  fail "add-look 1 exited $?"
contains "$out" "While stage 2 runs: the chance of more than 5 responders once stage 2's 19 patients are in, given stage 1"
"$gsd" monitor --record "$tmp/rec.json" add-look --n 29 --responders 7 > /dev/null || fail "add-look 2 exited $?"
"$gsd" monitor --record "$tmp/rec.json" verify > /dev/null || fail "verify exited $?"
replay=$("$gsd" monitor --record "$tmp/rec.json" --format json) || fail "replay exited $?"
direct=$("$gsd" monitor "$example" --format json) || fail "monitor json exited $?"
python3 - "$replay" "$direct" <<'PY' || fail "the replay's looks and inference differ from the config's"
import json, sys
replay, direct = (json.loads(t)["monitoring"] for t in sys.argv[1:3])
assert [l["decision"] for l in replay["looks"]] == ["continue", "stop-efficacy"], replay["looks"]
assert replay["final"] == direct["final"], (replay["final"], direct["final"])
PY
rec=$(cat "$tmp/rec.json")
contains "$rec" '"decision": "stop-efficacy"'
echo "simon monitor checks passed"
