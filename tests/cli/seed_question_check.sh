#!/usr/bin/env bash
# The README's table of tests on the seed trial is what
# scripts/seed_question.py prints (40,000 trials, seed 20120215), row for row.
#   seed_question_check.sh GSD PROJECT_DIR [REPLICATES]
# With fewer REPLICATES (the sanitizer build, where the simulator is several
# times slower) the script runs the same designs and simulations with fewer
# trials; each row must then equal the README's in its analytic columns (test,
# analytic power, sizes) and agree in its two simulated powers within 4
# standard errors of the difference, sqrt(se^2 + se_readme^2).
set -u
gsd=$1 root=$2 replicates=${3:-40000}
out=$(python3 "$root/scripts/seed_question.py" "$gsd" --replicates "$replicates" --seed 20120215) ||
  { echo "FAIL: seed_question.py exited $?"; exit 1; }
[ "$(printf '%s\n' "$out" | wc -l)" -ge 3 ] || { echo "FAIL: no table"; exit 1; }
if [ "$replicates" -eq 40000 ]; then
  while IFS= read -r row; do
    grep -qF -- "$row" "$root/README.md" || { echo "FAIL: README row differs from the script: $row"; exit 1; }
  done <<< "$out"
  exit 0
fi
printf '%s\n' "$out" | python3 -c '
import re, sys
readme = open(sys.argv[1], encoding="utf-8").read().splitlines()
def cells(row):
    return [c.strip() for c in row.strip().strip("|").split("|")]
def power(cell):  # "0.8415 (0.0018)" -> (0.8415, 0.0018)
    m = re.fullmatch(r"([0-9.]+) \(([0-9.]+)\)", cell)
    if not m:
        sys.exit(f"FAIL: not a simulated power (SE): {cell}")
    return float(m.group(1)), float(m.group(2))
lines = sys.stdin.read().splitlines()
rows = lines[2:]
if lines[0] not in readme:
    sys.exit(f"FAIL: README has no table headed: {lines[0]}")
start = readme.index(lines[0]) + 2
table = [r for r in readme[start:start + len(rows) + 1] if r.startswith("| ")]
if len(table) != len(rows):
    sys.exit(f"FAIL: the script printed {len(rows)} rows, the README table has {len(table)}")
for row in rows:
    ours = cells(row)
    theirs = [cells(r) for r in readme if r.startswith("| ") and cells(r)[0] == ours[0] and len(cells(r)) == 5]
    if len(theirs) != 1 or len(ours) != 5:
        sys.exit(f"FAIL: no README row for: {row}")
    theirs = theirs[0]
    for i in (1, 3):
        if ours[i] != theirs[i]:
            sys.exit(f"FAIL: README row differs from the script in column {i + 1}: {row}")
    for i in (2, 4):
        (p, se), (q, se_q) = power(ours[i]), power(theirs[i])
        if abs(p - q) > 4 * (se * se + se_q * se_q) ** 0.5:
            sys.exit(f"FAIL: simulated power {p} ({se}) is more than 4 SE from the README {q} ({se_q}): {row}")
print(f"{len(rows)} rows agree with the README")
' "$root/README.md" || exit 1
exit 0
