#!/usr/bin/env bash
# Teaching example: how the choice of boundary family trades early stopping
# against the final critical value and the maximum information.
#   examples/design/compare-families.sh [path/to/gsd]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gsd=${1:-$here/../../build/release/cli/gsd}
# The information columns are multiples of a fixed (one-look) design's, so
# that designs with different maxima compare: the maximum (the inflation
# factor) and the expected information under H1 and under H0 (rpact's
# averageSampleNumber1 / averageSampleNumber0).
printf '%-48s %8s %8s %8s %8s %10s %10s %10s\n' "design" "z look1" "z look2" "z look3" "z final" \
  "I_max" "E[I|H1]" "E[I|H0]"
printf '%-48s %8s %8s %8s %8s %10s %10s %10s\n' "" "" "" "" "" "/ I_fixed" "/ I_fixed" "/ I_fixed"
for f in obrien-fleming-classical lan-demets-obf hsd-minus4 lan-demets-pocock haybittle-peto obf-with-futility; do
  json=$("$gsd" design "$here/$f.json" --format json)
  z=$(printf '%s' "$json" | grep -o '"efficacy_z": [0-9.]*' | awk '{printf "%8.4f ", $2}')
  inflation=$(printf '%s' "$json" | grep -o '"inflation_factor": [0-9.]*' | awk '{printf "%10.4f", $2}')
  h1=$(printf '%s' "$json" | grep -o '"average_sample_number_h1": [0-9.]*' | awk '{printf "%10.4f", $2}')
  h0=$(printf '%s' "$json" | grep -o '"average_sample_number_h0": [0-9.]*' | awk '{printf "%10.4f", $2}')
  printf '%-48s %s %s %s %s\n' "$f" "$z" "$inflation" "$h1" "$h0"
done
