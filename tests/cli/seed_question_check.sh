#!/usr/bin/env bash
# The README's table of tests on the seed trial is what
# scripts/seed_question.py prints (40,000 trials, seed 20120215), row for row.
#   seed_question_check.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
out=$(python3 "$root/scripts/seed_question.py" "$gsd" --replicates 40000 --seed 20120215) ||
  { echo "FAIL: seed_question.py exited $?"; exit 1; }
[ "$(printf '%s\n' "$out" | wc -l)" -ge 3 ] || { echo "FAIL: no table"; exit 1; }
while IFS= read -r row; do
  grep -qF -- "$row" "$root/README.md" || { echo "FAIL: README row differs from the script: $row"; exit 1; }
done <<< "$out"
exit 0
