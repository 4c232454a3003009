#!/usr/bin/env bash
# gsd against rpact 3.3.4 on the same work, side by side in one run (the
# README's speed table). Needs R with rpact (Debian: r-cran-rpact).
#   benchmarks/compare_rpact.sh [GSD] [RUNS] [RPACT_ITERATIONS]
# GSD defaults to build/release/cli/gsd, RUNS to 3, RPACT_ITERATIONS (rpact's
# simulated trials per run) to 2000. Each run times both sides once; the table
# gives the median over runs and the range. Times are CPU seconds (user +
# system) of the work, which a shared machine disturbs less than wall time;
# wall times are printed too. gsd is timed as a whole process (start, read,
# solve, write; the design batch as the mean of 10 processes); rpact inside R
# after a warm-up call (R's start and loading rpact are not counted).
#   designs:    `gsd design --batch` on the 120-design batch vs 120
#               getDesignGroupSequential() calls;
#   simulation: `gsd simulate configs/blinatumomab-20120215.json --replicates
#               200000 --threads 1` vs getSimulationSurvival() per trial.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gsd=${1:-$root/build/release/cli/gsd}
runs=${2:-3}
iterations=${3:-2000}
replicates=200000
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for i in $(seq 0 99); do
  beta=$(awk -v i="$i" 'BEGIN { printf "%.3f", 0.05 + 0.002 * i }')
  echo "{\"design\": {\"beta\": $beta, \"information_fractions\": [0.2, 0.4, 0.6, 0.8, 1]}}"
done > "$tmp/designs.jsonl"
for i in $(seq 1 20); do
  echo '{"design": {"beta": 0.1, "information_fractions": [0.2, 0.4, 0.6, 0.8, 1], "futility": {"spending": "hsd", "parameter": -2, "binding": false}}}'
done >> "$tmp/designs.jsonl"

# CPU and wall seconds of one whole gsd process, "cpu wall": the mean of
# REPEAT processes run one after another (time(1) counts in 10 ms steps).
gsd_time() {
  local repeat=$1; shift
  /usr/bin/time -f "%U %S %e" -o "$tmp/time" \
    bash -c 'for _ in $(seq "$0"); do "$@" > /dev/null; done' "$repeat" "$@"
  awk -v n="$repeat" '{ printf "%.4f %.4f\n", ($1 + $2) / n, $3 / n }' "$tmp/time"
}

: > "$tmp/rows"
for run in $(seq 1 "$runs"); do
  read -r gd_cpu gd_wall < <(gsd_time 10 "$gsd" design --batch "$tmp/designs.jsonl" --format jsonl)
  read -r _ rd_cpu rd_wall _ < <(Rscript "$root/benchmarks/compare_rpact.R" designs)
  read -r gs_cpu gs_wall < <(gsd_time 1 "$gsd" simulate "$root/configs/blinatumomab-20120215.json" \
    --replicates "$replicates" --threads 1 --quiet --format json)
  read -r _ rs_cpu rs_wall n < <(Rscript "$root/benchmarks/compare_rpact.R" simulation "$iterations")
  echo "$run $gd_cpu $gd_wall $rd_cpu $rd_wall $gs_cpu $gs_wall $rs_cpu $rs_wall $n" >> "$tmp/rows"
  echo "run $run: designs gsd ${gd_cpu}s (wall ${gd_wall}s), rpact ${rd_cpu}s (wall ${rd_wall}s);" \
       "simulation gsd ${gs_cpu}s for $replicates trials (wall ${gs_wall}s)," \
       "rpact ${rs_cpu}s for $n trials (wall ${rs_wall}s)" >&2
done

awk -v reps="$replicates" '
  function median(a, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function lo(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
  function hi(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
  {
    n++
    gd[n] = $2 * 1000; rd[n] = $4 * 1000; dr[n] = $4 / $2
    gs[n] = $6 / reps * 1e6; rs[n] = $8 / $10 * 1e6; sr[n] = ($8 / $10) / ($6 / reps)
  }
  END {
    print "| work | gsd | rpact 3.3.4 | ratio |"
    print "|---|---|---|---|"
    printf "| 120 K = 5 designs (CPU ms, whole process for gsd) | %.0f (%.0f-%.0f) | %.0f (%.0f-%.0f) | %.0fx (%.0f-%.0f) |\n",
      median(gd, n), lo(gd, n), hi(gd, n), median(rd, n), lo(rd, n), hi(rd, n), median(dr, n), lo(dr, n), hi(dr, n)
    printf "| seed trial, per simulated trial (CPU us, 1 thread) | %.2f (%.2f-%.2f) | %.0f (%.0f-%.0f) | %.0fx (%.0f-%.0f) |\n",
      median(gs, n), lo(gs, n), hi(gs, n), median(rs, n), lo(rs, n), hi(rs, n), median(sr, n), lo(sr, n), hi(sr, n)
    printf "\nmedian (range) over %d runs\n", n
  }' "$tmp/rows"
