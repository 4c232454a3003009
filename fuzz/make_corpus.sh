#!/usr/bin/env bash
# Writes the seed corpora of the fuzz harnesses (fuzz/corpus/<name>), which
# are committed: the repository's configs and examples, the golden inputs,
# hostile and broken inputs like those the tests refuse, and records made by
# the given gsd executable (plain, keyed, version 1, edited).
# Usage: fuzz/make_corpus.sh GSD
set -euo pipefail
gsd=$(realpath "$1")
cd "$(dirname "$0")/.."
out=fuzz/corpus
rm -rf "$out"
mkdir -p "$out/config" "$out/record" "$out/batch"

for f in configs/*.json examples/*/*.json tests/golden/inputs/*.json; do
  cp "$f" "$out/config/$(echo "$f" | tr '/' '_')"
done

# Hostile and broken configs: each one a rule the loader must state.
bad() { printf '%s' "$2" > "$out/config/bad-$1.json"; }
bad deep-arrays "$(head -c 100000 /dev/zero | tr '\0' '[')"
bad deep-objects "$(for _ in $(seq 200); do printf '{"a":'; done; printf '1'; for _ in $(seq 200); do printf '}'; done)"
bad duplicate-key '{"design": {"alpha": 0.025, "alpha": 0.05, "beta": 0.2, "information_fractions": [0.5, 1]}}'
bad duplicate-root '{"design": {"alpha": 0.025, "beta": 0.2, "information_fractions": [1]}, "design": {}}'
bad alpha-tiny '{"design": {"alpha": 1e-300, "beta": 0.2, "information_fractions": [0.5, 1]}}'
bad fraction-tiny '{"design": {"alpha": 0.025, "beta": 0.2, "information_fractions": [1e-12, 1]}}'
bad number-overflow '{"design": {"alpha": 1e999, "beta": 0.2, "information_fractions": [1]}}'
bad not-utf8 "$(printf '{"name": "\xff\xfe", "design": {}}')"
bad truncated '{"design": {"alpha": 0.025, "beta"'
bad empty ''
bad wrong-types '{"design": {"alpha": "0.025", "beta": [], "information_fractions": {"a": 1}}}'
bad unknown-key '{"desgin": {"alpha": 0.025}}'
bad survival-negative '{"design": {"alpha": 0.025, "beta": 0.2, "information_fractions": [0.5, 1]}, "survival": {"control": {"cure_fraction": -1, "median_noncured": 7}, "hazard_ratio_noncured": 0.6, "accrual": {"duration": 36}, "patients": 200}}'
bad monitoring-backwards '{"design": {"alpha": 0.025, "beta": 0.2, "information_fractions": [0.5, 1]}, "monitoring": {"planned_events": 94, "looks": [{"events": 60, "z": 1}, {"events": 50, "z": 2}]}}'
bad simon '{"design": {"type": "simon-two-stage", "max_patients": 1e3}, "endpoint": {"type": "binary", "rate": 0.3, "margin": 0.3}, "simulation": {}}'
bad simon-monitoring '{"design": {"type": "simon-two-stage"}, "endpoint": {"type": "binary", "rate": 0.3, "margin": 0.1}, "monitoring": {"confidence_level": 0.9, "looks": [{"n": 10, "responders": 1}, {"n": 9, "responders": 11}, {"n": 30, "responders": 7}]}}'
bad simulation-no-survival '{"design": {"alpha": 0.025, "beta": 0.2, "information_fractions": [1]}, "simulation": {"replicates": 10}}'

# Batch files: the configs one per line, with bad lines between them.
for f in configs/*.json examples/design/*.json; do
  tr -d '\n' < "$f"
  echo
  echo '{"design": {"alpha": 0.025, "alpha": 0.05}}'
  echo 'not json'
done > "$out/batch/mixed.jsonl"
for f in "$out"/config/bad-*.json; do
  printf '%s\n' "$(tr -d '\n' < "$f")"
done > "$out/batch/bad-lines.jsonl"

# Records: written by gsd, then copied as version 1, keyed and edited.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cfg=$work/config.json
cat > "$cfg" <<'JSON'
{"name": "seed", "design": {"alpha": 0.05, "sided": 2, "beta": 0.16, "information_fractions": [0.5, 0.75, 1.0]},
 "monitoring": {"planned_events": 94, "assumed_hazard_ratio": 0.63, "looks": [{"events": 49, "z": 1.2}]}}
JSON
"$gsd" monitor "$cfg" --record "$work/plain.json" add-look --events 80 --z 1.9 > /dev/null
"$gsd" monitor --record "$work/plain.json" add-look --events 94 --z 2.1 > /dev/null
printf 'committee key' > "$work/key"
"$gsd" monitor "$cfg" --record "$work/keyed.json" --key-file "$work/key" add-look --events 80 --z 1.9 > /dev/null
cp "$work/plain.json" "$out/record/plain.json"
# A Simon two-stage trial's record: looks of counts.
printf '%s' '{"design": {"type": "simon-two-stage"}, "endpoint": {"type": "binary", "rate": 0.3, "margin": 0.1}}' > "$work/simon.json"
"$gsd" monitor "$work/simon.json" --record "$work/simon-record.json" add-look --n 10 --responders 3 > /dev/null
"$gsd" monitor --record "$work/simon-record.json" add-look --n 29 --responders 7 > /dev/null
cp "$work/simon-record.json" "$out/record/simon.json"
cp "$work/keyed.json" "$out/record/keyed.json"
sed 's/"z": 1.9/"z": 3.9/' "$work/plain.json" > "$out/record/edited-look.json"
sed 's/"planned_events": 94/"planned_events": 90/' "$work/plain.json" > "$out/record/edited-config.json"
grep -v '"hash"' "$work/plain.json" | sed -e 's/"version": 2/"version": 1/' |
  tr '\n' ' ' | sed -e 's/"chain": {[^}]*},//' -e 's/, *}/ }/g' > "$out/record/version-1.json"
cp "$out/config/bad-deep-arrays.json" "$out/record/bad-deep-arrays.json"
cp "$out/config/bad-duplicate-key.json" "$out/record/bad-duplicate-key.json"
echo "corpus: $(ls "$out/config" | wc -l) configs, $(ls "$out/record" | wc -l) records, $(ls "$out/batch" | wc -l) batches"
