#!/usr/bin/env bash
# `gsd design --batch` and `gsd simulate --batch` on several threads: the
# output is byte for byte the same for 1, 2 and 3 threads, one line per input
# line in input order (reversing the input reverses the output), and bad lines
# become their error line without stopping the others.
#   batch_threads_check.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 40 designs (K = 2..5, beta 0.05..0.245, some with beta-spending futility),
# more than one chunk of lines per thread.
for i in $(seq 0 39); do
  beta=$(awk -v i="$i" 'BEGIN { printf "%.3f", 0.05 + 0.005 * i }')
  case $((i % 4)) in
    0) t='[0.5, 1]' ;;
    1) t='[0.3, 0.6, 1]' ;;
    2) t='[0.25, 0.5, 0.75, 1]' ;;
    *) t='[0.2, 0.4, 0.6, 0.8, 1]' ;;
  esac
  if [ $((i % 5)) -eq 0 ]; then
    echo "{\"design\": {\"beta\": $beta, \"information_fractions\": $t, \"futility\": {\"spending\": \"hsd\", \"parameter\": -2, \"binding\": false}}}"
  else
    echo "{\"design\": {\"beta\": $beta, \"information_fractions\": $t}}"
  fi
done > "$tmp/valid.jsonl"
{ head -n 7 "$tmp/valid.jsonl"; echo '{"design": {"alpha": 0.7}}'; echo '{not json';
  tail -n +8 "$tmp/valid.jsonl"; } > "$tmp/designs.jsonl"

for t in 1 2 3; do
  "$gsd" design --batch "$tmp/designs.jsonl" --format jsonl --threads "$t" > "$tmp/d$t.out" \
    || fail "design batch on $t threads exited $?"
done
[ "$(wc -l < "$tmp/d1.out")" -eq 42 ] || fail "design batch gave $(wc -l < "$tmp/d1.out") lines"
cmp -s "$tmp/d1.out" "$tmp/d2.out" || fail "design batch: 2 threads differ from 1"
cmp -s "$tmp/d1.out" "$tmp/d3.out" || fail "design batch: 3 threads differ from 1"
sed -n 8p "$tmp/d1.out" | grep -q "^{\"error\":\"$tmp/designs.jsonl line 8: design.alpha = 0.7 must lie in (0, 0.5); give the type I error from 1e-06 up to below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)\"}$" \
  || fail "error line 8: $(sed -n 8p "$tmp/d1.out")"
sed -n 9p "$tmp/d1.out" | grep -q "^{\"error\":\"$tmp/designs.jsonl line 9, column 3: malformed JSON: " || fail "error line 9: $(sed -n 9p "$tmp/d1.out")"
[ "$(grep -c '"boundaries"' "$tmp/d1.out")" -eq 40 ] || fail "design results"

# Input order: the reversed input on 3 threads gives the reversed output.
"$gsd" design --batch "$tmp/valid.jsonl" --format jsonl > "$tmp/valid.out" || fail "valid batch"
tac "$tmp/valid.jsonl" > "$tmp/reversed.jsonl"
"$gsd" design --batch "$tmp/reversed.jsonl" --format jsonl --threads 3 | tac > "$tmp/unreversed.out" \
  || fail "reversed batch"
cmp -s "$tmp/valid.out" "$tmp/unreversed.out" || fail "reversed input did not give reversed output"

# Scenarios: the seed trial at four hazard ratios, and a bad line.
seed=$(tr -d '\n' < "$root/configs/blinatumomab-20120215.json")
for hr in 0.63 0.8 1.0 0.5; do
  echo "${seed//\"hazard_ratio_noncured\": 0.63/\"hazard_ratio_noncured\": $hr}"
done > "$tmp/scenarios.jsonl"
echo '{"design": {}}' >> "$tmp/scenarios.jsonl"
for t in 1 2 3; do
  "$gsd" simulate --batch "$tmp/scenarios.jsonl" --format jsonl --threads "$t" --replicates 300 \
    --seed 11 > "$tmp/s$t.out" || fail "simulate batch on $t threads exited $?"
done
[ "$(wc -l < "$tmp/s1.out")" -eq 5 ] || fail "simulate batch gave $(wc -l < "$tmp/s1.out") lines"
cmp -s "$tmp/s1.out" "$tmp/s2.out" || fail "simulate batch: 2 threads differ from 1"
cmp -s "$tmp/s1.out" "$tmp/s3.out" || fail "simulate batch: 3 threads differ from 1"
[ "$(grep -c '"replicates":300' "$tmp/s1.out")" -eq 4 ] || fail "simulate results"
sed -n 5p "$tmp/s1.out" | grep -q "^{\"error\":\"$tmp/scenarios.jsonl line 5: " \
  || fail "simulate error line: $(sed -n 5p "$tmp/s1.out")"
# The first line is the seed trial: its power equals the single run's.
single=$("$gsd" simulate "$root/configs/blinatumomab-20120215.json" --format json \
  --replicates 300 --seed 11 | tr -d ' \n' | grep -o '"power":[0-9.e-]*' | head -1)
first=$(head -n 1 "$tmp/s1.out" | grep -o '"power":[0-9.e-]*' | head -1)
[ -n "$single" ] && [ "$single" = "$first" ] || fail "seed line power $first vs $single"
echo "ok"
