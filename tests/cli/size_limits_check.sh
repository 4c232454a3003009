#!/usr/bin/env bash
# Size limits: a config file over 64 MiB is refused with exit 2 and one line
# (without being read whole), and a batch line over 1 MiB becomes an error
# line while the lines around it still run.
set -uo pipefail
gsd=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 65 MiB of spaces after a valid config: valid JSON, but over the limit.
{ printf '{"design": {}}'; head -c $((65 << 20)) /dev/zero | tr '\0' ' '; } > "$tmp/big.json"
"$gsd" design "$tmp/big.json" > "$tmp/out" 2> "$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "exit $rc for a 65 MiB config"
[ -s "$tmp/out" ] && fail "stdout not empty"
[ "$(cat "$tmp/err")" = "error: $tmp/big.json: the file is larger than 64 MiB, the limit for a config or record" ] ||
  fail "stderr: $(cat "$tmp/err")"

good='{"design": {"alpha": 0.025, "beta": 0.2, "information_fractions": [0.5, 1]}}'
{
  echo "$good"
  printf '{"name": "'; head -c $((2 << 20)) /dev/zero | tr '\0' 'x'; echo '", "design": {}}'
  echo "$good"
} > "$tmp/batch.jsonl"
"$gsd" design --batch "$tmp/batch.jsonl" --format jsonl > "$tmp/out" 2> "$tmp/err" || fail "batch exited $?"
[ "$(wc -l < "$tmp/out")" -eq 3 ] || fail "batch gave $(wc -l < "$tmp/out") lines"
[ "$(sed -n 2p "$tmp/out")" = "{\"error\":\"$tmp/batch.jsonl line 2: the line is longer than 1 MiB, the limit for one config\"}" ] ||
  fail "line 2: $(sed -n 2p "$tmp/out" | cut -c1-200)"
[ "$(grep -c '"boundaries"' "$tmp/out")" -eq 2 ] || fail "the good lines did not run"
echo "size limits ok"
