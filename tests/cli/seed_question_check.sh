#!/usr/bin/env bash
# The tables of tests on the seed trial in docs/survival.md are what
# scripts/seed_question.py prints (40,000 trials, seed 20120215), row for row.
#   seed_question_check.sh GSD PROJECT_DIR [REPLICATES]
# With fewer REPLICATES (the sanitizer build, where the simulator is several
# times slower) the script runs the same designs and simulations with fewer
# trials; each of its tables must then have the page's rows in the page's
# order, each cell equal to the page's (tests, looks, analytic powers, sizes)
# except the simulated powers "p (se)", which must agree within 4 standard
# errors of the difference, sqrt(se^2 + se_page^2).
set -u
gsd=$1 root=$2 replicates=${3:-40000}
page=$root/docs/survival.md
out=$(python3 "$root/scripts/seed_question.py" "$gsd" --replicates "$replicates" --seed 20120215) ||
  { echo "FAIL: seed_question.py exited $?"; exit 1; }
[ "$(printf '%s\n' "$out" | wc -l)" -ge 3 ] || { echo "FAIL: no table"; exit 1; }
if [ "$replicates" -eq 40000 ]; then
  while IFS= read -r row; do
    grep -qF -- "$row" "$page" || { echo "FAIL: docs/survival.md row differs from the script: $row"; exit 1; }
  done <<< "$out"
  exit 0
fi
printf '%s\n' "$out" | python3 -c '
import re, sys
page = open(sys.argv[1], encoding="utf-8").read().splitlines()
def cells(row):
    return [c.strip() for c in row.strip().strip("|").split("|")]
def power(cell):  # "0.8415 (0.0018)" -> (0.8415, 0.0018), else None
    m = re.fullmatch(r"([0-9.]+) \(([0-9.]+)\)", cell)
    return (float(m.group(1)), float(m.group(2))) if m else None
# The script prints its tables one after another, each after a blank line.
tables, current = [], []
for line in sys.stdin.read().splitlines() + [""]:
    if line.strip():
        current.append(line)
    elif current:
        tables.append(current)
        current = []
if not tables:
    sys.exit("FAIL: no table")
count = 0
for lines in tables:
    header, rows = lines[0], lines[2:]
    if header not in page:
        sys.exit(f"FAIL: docs/survival.md has no table headed: {header}")
    start = page.index(header) + 2
    table = []
    for r in page[start:]:
        if not r.startswith("| "):
            break
        table.append(r)
    if len(table) != len(rows):
        sys.exit(f"FAIL: the script printed {len(rows)} rows under {header!r}, the table on the page has {len(table)}")
    # Row by row in order: a simulated power "p (se)" within 4 standard errors
    # of the difference, every other cell equal.
    for row, theirs_row in zip(rows, table):
        ours, theirs = cells(row), cells(theirs_row)
        if len(ours) != len(theirs):
            sys.exit(f"FAIL: docs/survival.md row has other columns: {row} / {theirs_row}")
        for i, (a, b) in enumerate(zip(ours, theirs)):
            pa, pb = power(a), power(b)
            if pa and pb:
                (p, se), (q, se_q) = pa, pb
                if abs(p - q) > 4 * (se * se + se_q * se_q) ** 0.5:
                    sys.exit(f"FAIL: simulated power {p} ({se}) is more than 4 SE from the page value {q} ({se_q}): {row}")
            elif a != b:
                sys.exit(f"FAIL: docs/survival.md row differs from the script in column {i + 1}: {row} / {theirs_row}")
        count += 1
print(f"{count} rows in {len(tables)} tables agree with docs/survival.md")
' "$page" || exit 1
exit 0
