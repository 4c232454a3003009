#!/bin/sh
# CLI contract checks of `gsd simulate` . Modes:
#   simulate_check.sh check GSD CONFIG RC EXPECTED [args...]
#       RC 0: stdout contains EXPECTED, stderr empty, no NaN. Otherwise exit
#       code RC, empty stdout, stderr exactly the line EXPECTED.
#   simulate_check.sh threads GSD CONFIG [args...]
#       --threads 1 and --threads 2 give byte-identical JSON.
#   simulate_check.sh mpi MPIEXEC GSD CONFIG [args...]
#       mpirun -np 2 gives byte-identical JSON to one process.
#   simulate_check.sh mpi_error MPIEXEC GSD EXPECTED COMMAND [args...]
#       mpirun -np 3 gsd COMMAND refusing the arguments: nothing on stdout,
#       and of the lines on stderr exactly one is gsd's, EXPECTED (mpirun
#       adds its own).
#   simulate_check.sh mpi_error_one_rank MPIEXEC GSD CONFIG EXPECTED BAD_FLAG
#       mpirun with rank 0 running CONFIG and rank 1 refusing BAD_FLAG: exit 2,
#       nothing on stdout, and rank 1's line, EXPECTED, is the one from gsd.
#   simulate_check.sh data GSD CONFIG DIR
#       --replicate-data writes the header and one row per replicate and look,
#       identical for 1 and 2 threads.
#   simulate_check.sh interrupt GSD CONFIG DIR
#       SIGINT during a long run: the process dies by SIGINT, nothing on
#       stdout, and neither the data file nor a temporary file is left.
#   simulate_check.sh batch_interrupt GSD CONFIG
#       SIGINT during `gsd simulate --batch` on one thread: 32 short lines
#       (one chunk) then endless ones. The process dies by SIGINT after
#       writing the first chunk's 32 results, each a whole JSON line, and says
#       on stderr which lines to run again.
#   simulate_check.sh absent GSD CONFIG TEXT [args...]
#       exit 0, stdout has a power line and lacks TEXT.
#   simulate_check.sh plot GSD CONFIG
#       --plot: the Kaplan-Meier legend has one entry per arm for the trials
#       drawn (not one per trial), and the stopping chart draws its looks as
#       points, with no line through them, no two at the same place (the
#       series side by side around each look), and a series of stops at the
#       harm bound only for a design that has one (CONFIG is two-sided; its
#       one-sided twin has none).
mode=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "$@"; exit 1; }
# stop_within_10s PID SIGNAL: sends SIGNAL (INT or TERM) to PID and fails
# unless the process ends within 10 s; then waits for it, so that $? is its
# exit status.
stop_within_10s() {
  kill -"$2" "$1"
  waited=0
  while kill -0 "$1" 2>/dev/null; do
    if [ "$waited" -ge 100 ]; then
      kill -KILL "$1"
      fail "still running 10 s after SIG$2"
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  wait "$1"
}

case "$mode" in
plot)
  gsd=$1; config=$2
  "$gsd" simulate "$config" --quiet --replicates 500 --plot "$tmp/p.svg" >/dev/null 2>"$tmp/err" ||
    { cat "$tmp/err"; fail "simulate --plot failed"; }
  for label in "control, 3 simulated trials" "treatment, 3 simulated trials" "model, control"; do
    [ "$(grep -cF -- ">$label</text>" "$tmp/p.svg")" -eq 1 ] || fail "legend entry not once: $label"
  done
  grep -qF "replicate 0" "$tmp/p.svg" && fail "a legend entry per replicate"
  # The second chart (after its title) draws circles and no polyline.
  stops=$(sed -n '/Where simulated trials stop/,$p' "$tmp/p.svg")
  echo "$stops" | grep -q "<circle" || fail "no points in the stopping chart"
  echo "$stops" | grep -q "<polyline" && fail "the stopping chart joins its looks with lines"
  points=$(echo "$stops" | grep -o '<circle cx="[^"]*" cy="[^"]*"' | sort)
  [ "$(echo "$points" | uniq -d | wc -l)" -eq 0 ] || fail "two points of the stopping chart coincide"
  echo "$stops" | grep -qF "stop for harm (lower bound)" || fail "no harm series for a two-sided design"
  sed 's/"sided": 2/"sided": 1/; s/"alpha": 0.05/"alpha": 0.025/' "$config" > "$tmp/one-sided.json"
  "$gsd" simulate "$tmp/one-sided.json" --quiet --replicates 200 --plot "$tmp/q.svg" >/dev/null 2>"$tmp/err" ||
    { cat "$tmp/err"; fail "simulate --plot of the one-sided twin failed"; }
  grep -qF '"sided": 1' "$tmp/one-sided.json" || fail "the one-sided twin is not one-sided"
  grep -qF "stop for harm" "$tmp/q.svg" && fail "a harm series for a design without a harm bound"
  exit 0
  ;;
absent)
  gsd=$1; config=$2; unwanted=$3; shift 3
  "$gsd" simulate "$config" --quiet "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ "$rc" -eq 0 ] || { cat "$tmp/err"; fail "exit code $rc"; }
  grep -qE 'power' "$tmp/out" || { cat "$tmp/out"; fail "no power in the output"; }
  grep -qF -- "$unwanted" "$tmp/out" && { cat "$tmp/out"; fail "stdout has: $unwanted"; }
  exit 0
  ;;
check)
  gsd=$1; config=$2; want_rc=$3; want=$4; shift 4
  "$gsd" simulate "$config" --quiet "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ "$rc" -eq "$want_rc" ] || { cat "$tmp/err"; fail "exit code $rc, expected $want_rc"; }
  if [ "$want_rc" -eq 0 ]; then
    [ -s "$tmp/err" ] && { cat "$tmp/err"; fail "unexpected stderr"; }
    grep -qF -- "$want" "$tmp/out" || { cat "$tmp/out"; fail "stdout lacks: $want"; }
    grep -qiE '(^|[^a-z])(nan|inf)([^a-z]|$)' "$tmp/out" && fail "NaN/inf in output"
    exit 0
  fi
  [ -s "$tmp/out" ] && { cat "$tmp/out"; fail "stdout not empty on error"; }
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || { cat "$tmp/err"; fail "stderr is not one line"; }
  [ "$(cat "$tmp/err")" = "$want" ] || fail "stderr: $(cat "$tmp/err") / wanted: $want"
  ;;
threads)
  gsd=$1; config=$2; shift 2
  "$gsd" simulate "$config" --format json --threads 1 "$@" >"$tmp/one" || fail "1 thread failed"
  "$gsd" simulate "$config" --format json --threads 2 "$@" >"$tmp/two" || fail "2 threads failed"
  cmp "$tmp/one" "$tmp/two" || fail "JSON differs between 1 and 2 threads"
  grep -q '"power"' "$tmp/one" || fail "no power in JSON"
  ;;
mpi)
  mpiexec=$1; gsd=$2; config=$3; shift 3
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  "$gsd" simulate "$config" --format json "$@" >"$tmp/one" || fail "single process failed"
  "$mpiexec" -np 2 --oversubscribe "$gsd" simulate "$config" --format json "$@" \
    >"$tmp/two" 2>"$tmp/err" || { cat "$tmp/err"; fail "mpirun -np 2 failed"; }
  cmp "$tmp/one" "$tmp/two" || { diff "$tmp/one" "$tmp/two" | head; fail "MPI JSON differs"; }
  "$mpiexec" -np 2 --oversubscribe "$gsd" simulate "$config" --format json "$@" \
    --replicate-data "$tmp/mpi.csv" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; fail "mpirun data"; }
  "$gsd" simulate "$config" --format json "$@" --replicate-data "$tmp/one.csv" >/dev/null
  cmp "$tmp/one.csv" "$tmp/mpi.csv" || fail "MPI replicate data differs"
  ;;
mpi_error)
  mpiexec=$1; gsd=$2; want=$3; shift 3
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  "$mpiexec" -np 3 --oversubscribe "$gsd" "$@" >"$tmp/out" 2>"$tmp/err" \
    && fail "mpirun -np 3 succeeded"
  [ -s "$tmp/out" ] && { cat "$tmp/out"; fail "stdout not empty on error"; }
  grep 'error' "$tmp/err" | grep -v '^mpirun\|^Primary\|^  ' >"$tmp/ours"
  [ "$(cat "$tmp/ours")" = "$want" ] || { cat "$tmp/err"; fail "gsd's stderr lines: $(cat "$tmp/ours") / wanted one: $want"; }
  ;;
mpi_error_one_rank)
  mpiexec=$1; gsd=$2; config=$3; want=$4; bad=$5
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  "$mpiexec" --oversubscribe -np 1 "$gsd" simulate "$config" --quiet --replicates 1000 : \
    -np 1 "$gsd" simulate "$config" --quiet --replicates 1000 "$bad" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ "$rc" -eq 2 ] || { cat "$tmp/err"; fail "exit code $rc, expected 2"; }
  [ -s "$tmp/out" ] && { cat "$tmp/out"; fail "stdout not empty on error"; }
  grep '^error' "$tmp/err" >"$tmp/ours"
  [ "$(cat "$tmp/ours")" = "$want" ] || { cat "$tmp/err"; fail "gsd's stderr lines: $(cat "$tmp/ours") / wanted one: $want"; }
  ;;
data)
  gsd=$1; config=$2; dir=$3
  "$gsd" simulate "$config" --quiet --replicates 500 --replicate-data "$dir/rep1.csv" >/dev/null ||
    fail "run failed"
  "$gsd" simulate "$config" --quiet --replicates 500 --threads 2 \
    --replicate-data "$dir/rep2.csv" >/dev/null || fail "run failed"
  cmp "$dir/rep1.csv" "$dir/rep2.csv" || fail "replicate data differs between 1 and 2 threads"
  # A replaced file keeps its mode (a private 0600 stays private).
  chmod 600 "$dir/rep2.csv"
  "$gsd" simulate "$config" --quiet --replicates 50 --replicate-data "$dir/rep2.csv" >/dev/null || fail "run failed"
  [ "$(stat -c %a "$dir/rep2.csv")" = 600 ] || fail "replicate data came back as $(stat -c %a "$dir/rep2.csv")"
  head -1 "$dir/rep1.csv" | grep -q '^replicate,look,events,calendar_time' || fail "bad header"
  [ "$(cut -d, -f1 "$dir/rep1.csv" | sort -u | wc -l)" -eq 501 ] || fail "not 500 replicates"
  [ "$(grep -c ',stop-efficacy,\|,final-no-rejection,\|,stop-harm,\|,stop-futility,' \
        "$dir/rep1.csv")" -eq 500 ] || fail "not one final decision per replicate"
  ;;
interrupt)
  gsd=$1; config=$2; dir=$3
  rm -f "$dir/interrupted.csv" "$dir"/.interrupted.csv*
  "$gsd" simulate "$config" --replicates 100000000 --replicate-data "$dir/interrupted.csv" \
    >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  sleep 2
  kill -INT "$pid"
  wait "$pid"
  rc=$?
  [ "$rc" -eq 130 ] || fail "exit status $rc, expected 130 (killed by SIGINT)"
  [ -s "$tmp/out" ] && fail "stdout not empty"
  grep -q '^error: interrupted' "$tmp/err" || { cat "$tmp/err"; fail "no interrupt line"; }
  [ -e "$dir/interrupted.csv" ] && fail "partial data file left"
  ls -a "$dir" | grep -q '^\.interrupted\.csv' && fail "temporary file left"
  ;;
batch_interrupt)
  gsd=$1; config=$2
  line=$(tr '\n' ' ' < "$config")
  short=$(printf '%s' "$line" | sed 's/^{/{"simulation": {"replicates": 50}, /')
  endless=$(printf '%s' "$line" | sed 's/^{/{"simulation": {"replicates": 2000000000}, /')
  for i in $(seq 32); do echo "$short"; done > "$tmp/batch.jsonl"
  for i in $(seq 4); do echo "$endless"; done >> "$tmp/batch.jsonl"
  "$gsd" simulate --batch "$tmp/batch.jsonl" --format jsonl --threads 1 >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  # The first chunk's 32 results are handed to stdio together, once the
  # chunk is done (each is several kB, more than stdio's buffer, so the file
  # grows then); the rest of them may sit in the buffer until the stop
  # flushes it. The endless lines start after them.
  waited=0
  while [ ! -s "$tmp/out" ]; do
    [ "$waited" -ge 1200 ] && { kill -KILL "$pid"; fail "no result after 120 s"; }
    sleep 0.1
    waited=$((waited + 1))
  done
  sleep 0.5
  stop_within_10s "$pid" INT
  rc=$?
  [ "$rc" -eq 130 ] || { cat "$tmp/err"; fail "exit status $rc, expected 130 (killed by SIGINT)"; }
  [ "$(wc -l < "$tmp/out")" -eq 32 ] || fail "$(wc -l < "$tmp/out") lines on stdout, expected 32"
  [ "$(tail -c 1 "$tmp/out" | od -An -c | tr -d ' ')" = '\n' ] || fail "the last line is not whole"
  [ "$(grep -c '^{"gsd_version":.*"replicates":50,.*}$' "$tmp/out")" -eq 32 ] ||
    fail "not 32 whole results of 50 replicates: $(head -c 300 "$tmp/out")"
  grep -qx 'error: interrupted by signal 2; stopped after the results of lines 1 to 32, each written whole; run the lines from 33 on again' "$tmp/err" ||
    { cat "$tmp/err"; fail "no interrupt line"; }
  ;;
interrupt_longest)
  # The most replicates allowed, on 2 threads, stopped by SIGTERM: the run
  # ends at once (a run that stepped through every chunk left would not end).
  gsd=$1; config=$2
  "$gsd" simulate "$config" --replicates 9223372036854775807 --threads 2 \
    >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  sleep 1
  stop_within_10s "$pid" TERM
  rc=$?
  [ "$rc" -eq 143 ] || fail "exit status $rc, expected 143 (killed by SIGTERM)"
  [ -s "$tmp/out" ] && fail "stdout not empty"
  grep -q '^error: interrupted by signal 15' "$tmp/err" || { cat "$tmp/err"; fail "no interrupt line"; }
  ;;
*)
  fail "unknown mode $mode"
  ;;
esac
exit 0
