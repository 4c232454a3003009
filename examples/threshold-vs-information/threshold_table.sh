#!/usr/bin/env bash
# Prints, for a first look at 40..60 of 94 events, the efficacy bound that
# gsd monitor recomputes at that information, as a Markdown table.
# Usage: threshold_table.sh [GSD] [FIRST] [LAST]   (defaults: gsd on PATH, 40, 60)
set -euo pipefail
gsd=${1:-gsd}
first=${2:-40}
last=${3:-60}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "| events | information | bound z | two-sided nominal p | alpha spent |"
echo "|-------:|------------:|--------:|--------------------:|------------:|"
for d in $(seq "$first" "$last"); do
  sed "s/\"events\": 47/\"events\": $d/" "$here/first_look.json" > "$tmp/look.json"
  json=$("$gsd" monitor "$tmp/look.json" --format json)
  field() { grep -o "\"$1\": [-0-9.e]*" <<< "$json" | head -1 | awk '{print $2}'; }
  printf '| %6s | %11.4f | %7.4f | %19.5f | %11.5f |\n' "$d" "$(field information_fraction)" \
    "$(field efficacy_z)" "$(field nominal_p_two_sided)" "$(field cumulative_alpha)"
done
