#!/usr/bin/env bash
# CLI contract tests of `gsd monitor` (docs/cli.md).
# Usage: monitor_cli_test.sh GSD CASE. Each case runs in its own temporary
# directory and exits non-zero with a message on the first failed check.
# Exit 77 means "skipped" (ctest SKIP_RETURN_CODE), used when chromium is absent.
set -uo pipefail
gsd=$1
case_name=$2
examples=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() { echo "FAIL [$case_name]: $*" >&2; exit 1; }

# The seed trial's design (two-sided 0.05 = rpact one-sided 0.025).
write_config() {  # write_config FILE LOOKS_JSON
  cat > "$1" <<JSON
{"name": "seed",
 "design": {"alpha": 0.05, "sided": 2, "beta": 0.16, "information_fractions": [0.5, 0.75, 1.0],
            "efficacy": {"spending": "lan-demets-obf"}},
 "monitoring": {"planned_events": 94, "assumed_hazard_ratio": 0.63, "looks": $2}}
JSON
}

run() {  # run ARGS...: sets rc, out, err
  "$gsd" "$@" > out.txt 2> err.txt
  rc=$?
  out=$(cat out.txt)
  err=$(cat err.txt)
}

expect_ok() {
  [ "$rc" -eq 0 ] || fail "exit $rc, stderr: $err"
  [ -z "$err" ] || fail "unexpected stderr: $err"
}

expect_contains() {  # expect_contains TEXT NEEDLE
  case "$1" in *"$2"*) ;; *) fail "output lacks: $2" ;; esac
}

# Exit 2, nothing on stdout, exactly one stderr line equal to / starting with $1.
expect_error() {
  [ "$rc" -eq 2 ] || fail "exit $rc (want 2), stderr: $err"
  [ -z "$out" ] || fail "stdout not empty on error: $out"
  [ "$(wc -l < err.txt)" -eq 1 ] || fail "stderr is not one line: $err"
  case "$err" in "error: $1"*) ;; *) fail "stderr '$err' does not start with 'error: $1'" ;; esac
}

case "$case_name" in
  seed_json)
    # Contract example: z = 3.6 at 49 events; bound 2.8933 (rpact 3.3.4, docs/validation.md).
    write_config c.json '[{"events": 49, "z": 3.6}]'
    run monitor c.json --format json
    expect_ok
    expect_contains "$out" '"efficacy_z": 2.89326783'
    expect_contains "$out" '"information_fraction": 0.52127659'
    expect_contains "$out" '"nominal_p_one_sided": 0.00190628'
    expect_contains "$out" '"nominal_p_two_sided": 0.00381256'
    expect_contains "$out" '"decision": "stop-efficacy"'
    expect_contains "$out" '"median_unbiased_hazard_ratio"'
    expect_contains "$out" '"repeated_ci_hazard_ratio"'
    ;;
  seed_inference)
    # docs/validation.md: z = 2.0 at 49 events, HR 0.63 assumed (rpact 3.3.4).
    write_config c.json '[{"events": 49, "z": 2.0}]'
    run monitor c.json --format json
    expect_ok
    expect_contains "$out" '"hazard_ratio": 0.564718'
    expect_contains "$out" '"conditional_power": 0.785067'
    expect_contains "$out" '"conditional_power_trend": 0.874905'
    expect_contains "$out" '"conditional_rejection_probability": 0.237887'
    expect_contains "$out" '"conditional_power": 0.436791'
    expect_contains "$out" '"decision": "continue"'
    expect_contains "$out" '"final": null'
    ;;
  looks_40_80_94)
    # bounds 3.243497, 2.172315, 2.040849.
    write_config c.json '[{"events": 40, "z": 1.0}, {"events": 80, "z": 1.5}, {"events": 94, "z": 1.9}]'
    run monitor c.json --format json
    expect_ok
    expect_contains "$out" '"efficacy_z": 3.243497'
    expect_contains "$out" '"efficacy_z": 2.172315'
    expect_contains "$out" '"efficacy_z": 2.040848'
    ;;
  p_value_look)
    # two-sided p 0.0005 favouring treatment at 49 events.
    write_config c.json '[{"events": 49, "p_two_sided": 0.0005, "direction": "favours-treatment"}]'
    run monitor c.json --format json
    expect_ok
    expect_contains "$out" '"z": 3.4807'
    expect_contains "$out" '"decision": "stop-efficacy"'
    ;;
  hazard_ratio_look)
    # z = -log(HR) sqrt(49 / 4): HR 0.5647181 gives z = 2.0000001 (rpact's estimate for z = 2).
    write_config c.json '[{"events": 49, "hazard_ratio": 0.5647181}]'
    run monitor c.json --format json
    expect_ok
    expect_contains "$out" '"z": 2.00000'
    ;;
  text_table)
    write_config c.json '[{"events": 49, "z": 2.0}]'
    run monitor c.json
    expect_ok
    expect_contains "$out" 'bound z'
    expect_contains "$out" '0.00381256'
    expect_contains "$out" 'continue to the next look at 71 events'
    expect_contains "$out" 'Predictive power'
    ;;
  csv_rows)
    write_config c.json '[{"events": 49, "z": 2.0}, {"events": 71, "z": 2.6}]'
    run monitor c.json --format csv
    expect_ok
    [ "$(wc -l < out.txt)" -eq 3 ] || fail "want a header and 2 rows"
    expect_contains "$out" 'look,events,information_fraction,z,efficacy_z'
    expect_contains "$out" '1,49,0.5212765957,2,2.893267834,,0.001906280171,0.003812560341,continue,0.564718122'
    expect_contains "$out" ',stop-efficacy,'
    ;;
  error_events_backwards)
    write_config c.json '[{"events": 49, "z": 2.0}, {"events": 40, "z": 2.1}]'
    run monitor c.json --format json
    expect_error "monitoring.looks[1].events = 40 must exceed the previous look's 49 events"
    ;;
  error_events_within_a_millionth)
    write_config c.json '[{"events": 47, "z": 1.0}, {"events": 47.00001, "z": 1.1}]'
    run monitor c.json
    expect_error "monitoring.looks[1].events = 47.00001 must exceed the previous look's 47 events by at least 4.7e-05"
    ;;
  error_z_out_of_range)
    write_config c.json '[{"events": 49, "z": 1e20}]'
    run monitor c.json
    expect_error "monitoring.looks[0].z = 1e+20 must lie in [-1e6, 1e6]"
    ;;
  error_add_look_names_the_flag)
    # A rule broken by the look being added names the flag that gave it, and
    # the record does not change.
    write_config c.json '[]'
    run monitor c.json --record r.json add-look --events 30 --z 0.5
    expect_ok
    cp r.json before.json
    run monitor --record r.json add-look --events 50 --z -5000
    expect_error "--z = -5000 gives the log hazard ratio estimate"
    run monitor --record r.json add-look --events 50 --hazard-ratio 1e-300
    expect_error "--hazard-ratio = 1e-300 must lie in [1e-06, 1e+06]"
    run monitor --record r.json add-look --events 20 --z 1
    expect_error "--events = 20 must exceed the previous look's 30 events"
    cmp -s r.json before.json || fail "the record changed"
    ;;
  hazard_ratio_extremes_in_table)
    # Hazard ratios far from 1 (the monitor accepts [1e-6, 1e6]) keep four
    # significant digits in the table's columns: 1e6 printed 1000000.0000
    # across the next column and 1.2e-6 printed 0.0000.
    write_config c.json '[{"events": 30, "z": 0.5}, {"events": 50, "z": -45}]'
    run monitor c.json
    expect_ok
    expect_contains "$out" "  3.37e+05  1.499e+05  7.576e+05  "
    ;;
  error_events_beyond_planned)
    # A first look past a million times the planned events printed a
    # 300-digit information and a confidence interval of width 0.
    write_config c.json '[{"events": 1e300, "z": 1}]'
    run monitor c.json
    expect_error "monitoring.looks[0].events = 1e+300 exceeds a million times the 94 planned events"
    ;;
  error_look_after_stop)
    write_config c.json '[{"events": 49, "z": 3.6}, {"events": 71, "z": 2.1}]'
    run monitor c.json
    expect_error "monitoring.looks[1].events = 71 comes after the trial stopped"
    ;;
  error_z_missing)
    write_config c.json '[{"events": 49}]'
    run monitor c.json
    expect_error "monitoring.looks[0].z is missing"
    ;;
  error_z_not_a_number)
    write_config c.json '[{"events": 49, "z": "NaN"}]'
    run monitor c.json
    expect_error 'monitoring.looks[0].z = "NaN" must be a number'
    ;;
  error_p_out_of_range)
    write_config c.json '[{"events": 49, "p_two_sided": 0, "direction": "favours-control"}]'
    run monitor c.json
    expect_error "monitoring.looks[0].p_two_sided = 0 must lie in (0, 1]"
    ;;
  error_unknown_direction)
    write_config c.json '[{"events": 49, "p_two_sided": 0.01, "direction": "favours-treatmnt"}]'
    run monitor c.json
    expect_error 'monitoring.looks[0].direction = "favours-treatmnt" is not one of'
    ;;
  error_direction_missing)
    write_config c.json '[{"events": 49, "p_two_sided": 0.01}]'
    run monitor c.json
    expect_error "monitoring.looks[0].direction is missing"
    ;;
  error_two_statistics)
    write_config c.json '[{"events": 49, "z": 2, "hazard_ratio": 0.5}]'
    run monitor c.json
    expect_error "monitoring.looks[0] gives 2 statistics"
    ;;
  record_add_and_replay)
    write_config c.json '[{"events": 49, "z": 2.0}]'
    run monitor c.json --record r.json add-look --events 71 --z 1.8 --note "second interim"
    expect_ok
    expect_contains "$(cat r.json)" '"format": "gsd-monitoring-record"'
    expect_contains "$(cat r.json)" '"recorded_at"'
    expect_contains "$(cat r.json)" '"note": "second interim"'
    run monitor --record r.json add-look --events 94 --p-two-sided 0.03 --direction favours-treatment --format json
    expect_ok
    expect_contains "$out" '"final_analysis": true'
    run monitor --record r.json --format json
    expect_ok
    expect_contains "$out" '"looks": 3'
    expect_contains "$out" '"recorded_decision": "continue"'
    # The record is only appended: the first entry is unchanged in the file.
    expect_contains "$(cat r.json)" '"reason": "z = 2.0000 is below the efficacy bound 2.8933'
    # An edited decision breaks the chain: the replay refuses the record.
    sed -i '0,/"decision": "continue"/s//"decision": "stop-efficacy"/' r.json
    run monitor --record r.json
    expect_error "r.json: record.looks[0].hash does not match look 1"
    ;;
  record_edit_detected)
    # A look's z changed by hand from 0.5 to 3.9: replay, verify and add-look
    # refuse the record and name the look; nothing is written.
    write_config c.json '[{"events": 30, "z": 0.5}]'
    run monitor c.json --record r.json add-look --events 50 --z 0.7
    expect_ok
    run monitor --record r.json verify
    expect_ok
    expect_contains "$out" 'Record r.json: 2 looks, chain verified (sha256)'
    grep -q '"z": 0.5' r.json || fail "the record lacks the look's z"
    sed -i 's/"z": 0.5/"z": 3.9/' r.json
    cp r.json edited.json
    run monitor --record r.json
    expect_error "r.json: record.looks[0].hash does not match look 1: the record was changed after it was written"
    run monitor --record r.json verify
    expect_error "r.json: record.looks[0].hash does not match look 1"
    run monitor --record r.json add-look --events 70 --z 1.0
    expect_error "r.json: record.looks[0].hash does not match look 1"
    cmp -s r.json edited.json || fail "add-look wrote to a record with a broken chain"
    # An edited config is the chain's first link.
    write_config c2.json '[{"events": 30, "z": 0.5}]'
    run monitor c2.json --record r2.json add-look --events 50 --z 0.7
    expect_ok
    sed -i 's/"planned_events": 94/"planned_events": 90/' r2.json
    run monitor --record r2.json verify
    expect_error "r2.json: record.chain.config_hash does not match the config"
    ;;
  record_verify_json_and_key)
    write_config c.json '[{"events": 30, "z": 0.5}]'
    printf 'committee secret' > key.txt
    run monitor c.json --record r.json add-look --events 50 --z 0.7 --key-file key.txt
    expect_ok
    expect_contains "$(cat r.json)" '"algorithm": "hmac-sha256"'
    run monitor --record r.json verify --key-file key.txt --format json
    expect_ok
    expect_contains "$out" '"status": "verified"'
    expect_contains "$out" '"looks_before_chain": 0'
    head=$(sed -n 's/.*"hash": "\([0-9a-f]*\)".*/\1/p' r.json | tail -1)
    expect_contains "$out" "\"head\": \"$head\""
    run monitor --record r.json verify
    expect_error 'r.json: record.chain.algorithm = "hmac-sha256" is a keyed chain'
    printf 'a guess' > guess.txt
    run monitor --record r.json --key-file guess.txt
    expect_error "r.json: record.chain.config_hash does not match the config (or the key)"
    run monitor --record r.json add-look --events 70 --z 0.9 --key-file key.txt
    expect_ok
    run monitor --record r.json verify --key-file key.txt
    expect_ok
    expect_contains "$out" '3 looks, chain verified (hmac-sha256)'
    # A plain record with the committee's key: not written with it.
    run monitor c.json --record plain.json add-look --events 50 --z 0.7
    expect_ok
    run monitor --record plain.json verify --key-file key.txt
    expect_error 'plain.json: record.chain.algorithm = "sha256" is not keyed'
    ;;
  record_version_1)
    # A record written before the chain existed (version 1) is still read,
    # reported as unverified; the next add-look starts its chain after it.
    cat > old.json <<'JSON'
{
  "config": {
    "design": {"alpha": 0.05, "sided": 2, "beta": 0.16, "information_fractions": [0.5, 0.75, 1.0],
               "efficacy": {"spending": "lan-demets-obf"}},
    "monitoring": {"planned_events": 94, "assumed_hazard_ratio": 0.63},
    "name": "seed"
  },
  "created_at": "2026-11-20T09:00:00Z",
  "format": "gsd-monitoring-record",
  "looks": [
    {"decision": "stop-efficacy", "efficacy_z": 2.8933, "input": {"events": 49, "z": 2.0},
     "reason": "entered by hand", "recorded_at": "2026-11-20T09:00:00Z", "z": 2.0}
  ],
  "version": 1
}
JSON
    cp old.json r.json
    run monitor --record r.json
    expect_ok
    expect_contains "$out" 'Note: look 1 was recorded as stop-efficacy but recomputes as continue.'
    expect_contains "$out" 'unverified (written without hashes)'
    # verify cannot vouch for a record without hashes: exit 2, as for a
    # broken chain, in either format.
    run monitor --record r.json verify
    expect_error "r.json: record.version = 1 has no hashes: the record cannot be verified; its next add-look (without a key) starts a chain that covers it from then on"
    run monitor --record r.json verify --format json
    expect_error "r.json: record.version = 1 has no hashes: the record cannot be verified"
    run monitor --record r.json --format json
    expect_contains "$out" '"chain": "unverified"'
    run monitor --record r.json add-look --events 71 --z 1.0
    expect_ok
    expect_contains "$(cat r.json)" '"version": 2'
    run monitor --record r.json verify
    expect_ok
    expect_contains "$out" 'Looks 1-1 were written before the chain began'
    ;;
  output_is_the_record)
    # An output that is the record, its lock file or the config is refused
    # with exit 2 before anything is written: the record keeps its looks.
    write_config c.json '[{"events": 30, "z": 0.5}]'
    run monitor c.json --record s.json add-look --events 50 --z 1.1
    expect_ok
    cp s.json before.json
    cp c.json c.before
    run monitor --record s.json add-look --events 80 --z 1 --report s.json
    expect_error "--report = s.json is the same file as --record s.json; name another file"
    run monitor --record s.json --report s.json
    expect_error "--report = s.json is the same file as --record s.json; name another file"
    ln -s s.json alias.json
    run monitor --record s.json add-look --events 80 --z 1 --report alias.json
    expect_error "--report = alias.json is the same file as --record s.json; name another file"
    run monitor --record s.json add-look --events 80 --z 1 --report s.json.lock
    expect_error "--report = s.json.lock is the same file as the record's lock file s.json.lock; name another file"
    run monitor --record s.json --report ./s.json.lock
    expect_error "--report = ./s.json.lock is the same file as the record's lock file s.json.lock; name another file"
    cmp -s s.json before.json || fail "a refused output changed the record"
    [ -f s.json.lock ] && [ ! -s s.json.lock ] || fail "the lock file was replaced"
    run monitor c.json --report c.json
    expect_error "--report = c.json is the same file as the config c.json; name another file"
    printf 'committee secret' > key.txt
    run monitor c.json --record k.json --key-file key.txt add-look --events 50 --z 1 --report key.txt
    expect_error "--report = key.txt is the same file as --key-file key.txt; name another file"
    [ -e k.json ] && fail "a refused add-look started a record"
    cmp -s c.json c.before || fail "a refused output changed the config"
    [ "$(cat key.txt)" = "committee secret" ] || fail "a refused output changed the key"
    ;;
  record_through_links)
    # A record reached through a link: the file it points to is locked and
    # replaced, the link stays a link, and writers through two links exclude
    # each other on one lock file.
    write_config c.json '[]'
    mkdir real
    run monitor c.json --record real/r.json add-look --events 30 --z 0.5
    expect_ok
    ln -s real/r.json link1.json
    ln -s "$PWD/real/r.json" link2.json
    run monitor --record link1.json add-look --events 50 --z 0.7
    expect_ok
    [ -L link1.json ] || fail "the link to the record became a file"
    expect_contains "$(cat real/r.json)" '"events": 50'
    [ -e link1.json.lock ] && fail "the lock was taken on the link, not on the record"
    [ -e real/r.json.lock ] || fail "the record's own lock file is missing"
    flock real/r.json.lock sleep 3 &
    holder=$!
    sleep 0.5
    run monitor --record link2.json add-look --events 60 --z 0.7 --lock-timeout 0.5
    [ "$rc" -eq 1 ] || fail "exit $rc (want 1) while the record was locked through another path"
    expect_contains "$err" "its lock $PWD/real/r.json.lock was held"
    wait "$holder"
    run monitor --record link2.json add-look --events 60 --z 0.7
    expect_ok
    run monitor --record real/r.json verify
    expect_ok
    expect_contains "$out" '3 looks, chain verified (sha256)'
    # A report through a link replaces the link's target, not the link.
    : > real/rep.html
    ln -s real/rep.html rep-link.html
    run monitor --record link1.json --report rep-link.html
    expect_ok
    [ -L rep-link.html ] || fail "the link to the report became a file"
    expect_contains "$(cat real/rep.html)" '<!DOCTYPE html>'
    ls .*.tmp-* real/.*.tmp-* > /dev/null 2>&1 && fail "a temporary file was left behind"
    true
    ;;
  output_not_regular)
    # A FIFO (as a device node would be) is never replaced by a regular file.
    write_config c.json '[{"events": 30, "z": 0.5}]'
    run monitor c.json --record r.json add-look --events 50 --z 0.7
    expect_ok
    cp r.json before.json
    mkfifo fifo
    ln -s fifo fifo-link
    run monitor --record r.json add-look --events 70 --z 1 --report fifo
    expect_error "--report = fifo is not a regular file; name a regular file"
    run monitor --record r.json add-look --events 70 --z 1 --report fifo-link
    expect_error "--report = fifo-link is not a regular file; name a regular file"
    run monitor c.json --report fifo
    expect_error "--report = fifo is not a regular file; name a regular file"
    # A record that is a FIFO: refused before it is read (which would block).
    timeout 20 "$gsd" monitor --record fifo-link add-look --events 70 --z 1 > out.txt 2> err.txt
    rc=$?
    out=$(cat out.txt)
    err=$(cat err.txt)
    expect_error "fifo-link: is not a regular file; name a regular file"
    [ -p fifo ] || fail "the FIFO was replaced"
    [ -L fifo-link ] || fail "the link to the FIFO was replaced"
    cmp -s r.json before.json || fail "a refused report changed the record"
    ;;
  report_unwritable_before_commit)
    # A report that cannot be written is refused before the look is appended.
    write_config c.json '[]'
    run monitor c.json --record rp.json add-look --events 30 --z 0.5
    expect_ok
    cp rp.json before.json
    mkdir rdir
    run monitor --record rp.json add-look --events 50 --z 1.0 --report rdir
    expect_error "--report = rdir is a directory; name a file inside it"
    run monitor --record rp.json add-look --events 50 --z 1.0 --report nodir/rep.html
    expect_error "--report = nodir/rep.html is in a directory that does not exist or is not writable (nodir); choose a writable directory"
    cmp -s rp.json before.json || fail "a refused report left a look in the record"
    run monitor c.json --record new.json add-look --events 30 --z 0.5 --report rdir
    expect_error "--report = rdir is a directory; name a file inside it"
    [ -e new.json ] && fail "a refused report started a record"
    true
    ;;
  record_keyed_downgrade)
    # A keyed record stripped of its chain (version 1, no hashes) with a look
    # changed: with the key, verify, replay and add-look refuse it.
    write_config c.json '[]'
    head -c 32 /dev/urandom > dmc.key
    run monitor c.json --record k.json --key-file dmc.key add-look --events 30 --z 0.5
    expect_ok
    run monitor --record k.json --key-file dmc.key add-look --events 50 --z 1.1
    expect_ok
    python3 - k.json <<'PY' || fail "cannot edit the record"
import json, sys
r = json.load(open(sys.argv[1]))
del r["chain"]
r["version"] = 1
for look in r["looks"]:
    del look["hash"]
r["looks"][1]["input"]["z"] = 2.9
r["looks"][1]["z"] = 2.9
json.dump(r, open(sys.argv[1], "w"), indent=2)
PY
    cp k.json forged.json
    refusal='k.json: record.version = 1 has no hash chain, but a key was given: it was not written with the committee'"'"'s key, or its hashes were removed; restore the committee'"'"'s keyed record'
    run monitor --record k.json --key-file dmc.key verify
    expect_error "$refusal"
    run monitor --record k.json --key-file dmc.key verify --format json
    expect_error "$refusal"
    run monitor --record k.json --key-file dmc.key
    expect_error "$refusal"
    run monitor --record k.json --key-file dmc.key add-look --events 70 --z 1.5
    expect_error "$refusal"
    cmp -s k.json forged.json || fail "add-look wrote to a stripped keyed record"
    # Without the key the record cannot be verified either.
    run monitor --record k.json verify
    expect_error "k.json: record.version = 1 has no hashes: the record cannot be verified"
    ;;
  record_concurrent_writers)
    # 16 add-looks at once, with increasing event counts: each either lands
    # in the record or exits non-zero saying it did not (a look that arrives
    # after a later one is refused: its events must exceed the previous
    # look's), and the record is whole and verified afterwards.
    write_config c.json '[{"events": 20, "z": 0.3}]'
    run monitor c.json --record r.json add-look --events 21 --z 0.3
    expect_ok
    for i in $(seq 1 16); do
      "$gsd" monitor --record r.json add-look --events $((21 + i)) --z 0.4 > "out$i.txt" 2> "err$i.txt" &
      pids[$i]=$!
    done
    landed=0
    for i in $(seq 1 16); do
      wait "${pids[$i]}"
      code=$?
      events=$((21 + i))
      if [ "$code" -eq 0 ]; then
        landed=$((landed + 1))
        grep -q "\"events\": $events," r.json || fail "add-look $events exited 0 but is not in the record"
      else
        [ -s "err$i.txt" ] || fail "add-look $events exited $code without a message"
        [ -s "out$i.txt" ] && fail "add-look $events failed but printed to stdout"
        if grep -q "\"events\": $events," r.json; then fail "add-look $events failed but is in the record"; fi
        grep -q "must exceed the previous look's" "err$i.txt" ||
          fail "add-look $events: unexpected failure: $(cat "err$i.txt")"
      fi
    done
    [ "$landed" -ge 1 ] || fail "no concurrent add-look landed"
    run monitor --record r.json verify --format json
    expect_ok
    expect_contains "$out" '"status": "verified"'
    expect_contains "$out" "\"looks\": $((landed + 2))"
    ls .r.json.tmp-* > /dev/null 2>&1 && fail "a temporary file was left behind"
    true
    ;;
  error_lock_timeout_range)
    write_config c.json '[{"events": 30, "z": 0.5}]'
    run monitor c.json --record r.json --lock-timeout 1e400 add-look --events 50 --z 0.7
    expect_error "--lock-timeout = inf must lie in [0, 86400] seconds"
    run monitor c.json --record r.json add-look --events 50 --z 0.7 --lock-timeout -1
    expect_error "--lock-timeout = -1 must lie in [0, 86400] seconds"
    [ -e r.json ] && fail "a refused add-look wrote the record"
    true
    ;;
  record_lock_timeout)
    # Another process holds the record's lock: add-look waits --lock-timeout
    # seconds, then exits non-zero with a clear message and writes nothing.
    write_config c.json '[{"events": 30, "z": 0.5}]'
    run monitor c.json --record r.json add-look --events 50 --z 0.7
    expect_ok
    cp r.json before.json
    flock r.json.lock sleep 3 &
    holder=$!
    sleep 0.5
    run monitor --record r.json add-look --events 60 --z 0.7 --lock-timeout 0.5
    [ "$rc" -eq 1 ] || fail "exit $rc (want 1) while the record was locked, stderr: $err"
    [ -z "$out" ] || fail "stdout not empty: $out"
    expect_contains "$err" "error: r.json is being changed by another process (its lock r.json.lock was held for more than 500 ms); nothing was written"
    cmp -s r.json before.json || fail "a timed-out add-look changed the record"
    wait "$holder"
    run monitor --record r.json add-look --events 60 --z 0.7
    expect_ok
    ;;
  record_refuses_contradictions)
    write_config c.json '[{"events": 49, "z": 2.0}]'
    run monitor c.json --record r.json add-look --events 71 --z 2.6
    expect_ok
    cp r.json before.json
    run monitor --record r.json add-look --events 80 --z 2.0
    expect_error "--events = 80 comes after the trial stopped at look 2 (71 events)"
    cmp -s r.json before.json || fail "a refused look changed the record"
    write_config c2.json '[{"events": 49, "z": 2.0}]'
    run monitor c2.json --record r2.json add-look --events 60 --z 1.0
    expect_ok
    cp r2.json before2.json
    run monitor --record r2.json add-look --events 55 --z 2.0
    expect_error "--events = 55 must exceed the previous look's 60 events"
    run monitor --record r2.json add-look --events 70 --z nan
    expect_error "--z = nan must be finite"
    run monitor --record r2.json add-look --events 70 --p-two-sided 0.2 --direction sideways
    expect_error '--direction = "sideways" is not one of'
    run monitor --record r2.json add-look --events 70
    expect_error "--z is missing"
    run monitor c2.json --record r2.json add-look --events 70 --z 1
    expect_error "the record r2.json already holds its design; omit the config"
    cmp -s r2.json before2.json || fail "a refused look changed the record"
    ;;
  record_survives_kill)
    # SIGKILL after the new record is written and fsync'ed but before the
    # rename (GSD_TEST_KILL_BEFORE_RENAME): the old record must be intact.
    write_config c.json '[{"events": 49, "z": 2.0}]'
    run monitor c.json --record r.json add-look --events 60 --z 1.5
    expect_ok
    cp r.json before.json
    GSD_TEST_KILL_BEFORE_RENAME=1 "$gsd" monitor --record r.json add-look --events 71 --z 2.6 \
      > out.txt 2> err.txt
    rc=$?
    [ "$rc" -eq 137 ] || fail "the killed add-look exited $rc, not 137 (SIGKILL)"
    [ -s out.txt ] && fail "a killed add-look printed to stdout"
    cmp -s r.json before.json || fail "the record changed although add-look was killed"
    run monitor --record r.json --format json
    expect_ok
    expect_contains "$out" '"looks": 2'
    run monitor --record r.json add-look --events 71 --z 2.6 --format json
    expect_ok
    expect_contains "$out" '"looks": 3'
    ;;
  report_self_contained)
    write_config c.json '[{"events": 49, "z": 2.0}, {"events": 71, "z": 2.0}]'
    run monitor c.json --report rep.html
    expect_ok
    html=$(cat rep.html)
    expect_contains "$html" '<!DOCTYPE html>'
    expect_contains "$html" 'Boundaries on the z scale'
    expect_contains "$html" 'Boundaries on the nominal p scale'
    expect_contains "$html" 'Hazard ratio at the bound'
    expect_contains "$html" 'Alpha spending'
    expect_contains "$html" 'Conditional power at look 2'
    [ "$(grep -o '<svg' rep.html | wc -l)" -eq 5 ] || fail "expected 5 inline SVG plots"
    # Self-contained: no scripts, links, images or URLs other than the SVG namespace.
    if grep -Eiq '<script|<link|<img|src=|href=|url\(http' rep.html; then fail "external resource"; fi
    [ "$(grep -o 'http[s]*://[^"]*' rep.html | sort -u)" = "http://www.w3.org/2000/svg" ] ||
      fail "a URL other than the SVG namespace"
    ;;
  report_chromium)
    # Renders the report in headless Chromium and checks the screenshot.
    chrome=$(command -v chromium || command -v chromium-browser || true)
    [ -n "$chrome" ] || { echo "chromium not installed: skipped"; exit 77; }
    write_config c.json '[{"events": 49, "z": 2.0}, {"events": 71, "z": 2.0}]'
    run monitor c.json --report rep.html
    expect_ok
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$work/profile" --screenshot="$work/shot.png" --window-size=1200,1600 \
      "file://$work/rep.html" > chrome.log 2>&1
    [ -s shot.png ] || { cat chrome.log >&2; fail "no screenshot"; }
    [ "$(head -c 8 shot.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "not a PNG"
    # A blank 1200x1600 page compresses to a few kB; tables and plots do not.
    size=$(stat -c %s shot.png)
    [ "$size" -gt 40000 ] || fail "screenshot is only $size bytes: the page looks empty"
    # IHDR width and height (bytes 17-24) must be the requested window.
    [ "$(od -An -tu1 -j16 -N8 shot.png | tr -s ' ' | sed 's/^ //')" = "0 0 4 176 0 0 6 64" ] ||
      fail "screenshot is not 1200x1600"
    ;;
  survival_model_cp)
    # No assumed HR and a survival section: conditional power under the cure
    # model's log-rank means. docs/validation.md gives those means to 3 decimals
    # (2.350, 2.788, 2.974 at 47, 71, 94 events); with them mvtnorm gives
    # 0.604812 and 0.864622 (tests/reference/rpact_monitoring.R, case L).
    # dCP/dmean is below 0.5 here, so rounding the means moves CP by < 1e-3.
    sed 's/"survival": {/"monitoring": {"looks": [{"events": 47, "z": 2.0}]}, "survival": {/' \
      "$examples/../configs/blinatumomab-20120215.json" > c.json
    run monitor c.json --format json
    expect_ok
    expect_contains "$out" '"conditional_power_basis": "the survival model'
    expect_contains "$out" '"planned_events": 94'
    cp_next=$(grep -o '"conditional_power": [0-9.]*' <<< "$out" | sed -n 2p | awk '{print $2}')
    cp_all=$(grep -o '"conditional_power": [0-9.]*' <<< "$out" | sed -n 1p | awk '{print $2}')
    awk -v a="$cp_next" -v b="$cp_all" 'BEGIN { exit !((a - 0.604812)^2 < 1e-6 && (b - 0.864622)^2 < 1e-6) }' ||
      fail "conditional power $cp_next / $cp_all is not 0.6048 / 0.8646 within 1e-3"
    ;;
  example_seed_trial)
    # examples/seed-trial-monitoring: 49 of 94 events, threshold .00381, P < .001, stop.
    run monitor "$examples/seed-trial-monitoring/monitoring.json" --format json
    expect_ok
    expect_contains "$out" '"nominal_p_two_sided": 0.00381256'
    expect_contains "$out" '"decision": "stop-efficacy"'
    run monitor "$examples/seed-trial-monitoring/monitoring.json"
    expect_ok
    expect_contains "$out" 'stop for benefit'
    ;;
  example_non_inferiority)
    # examples/non-inferiority: log-rank figures of equal hazards, tested
    # against the margin 1.3; stops at the final look.
    run monitor "$examples/non-inferiority/monitoring.json" --format json
    expect_ok
    expect_contains "$out" '"hazard_ratio_h0": 1.3'
    expect_contains "$out" '"z": 3.2074202272'
    expect_contains "$out" '"decision": "stop-efficacy"'
    run monitor "$examples/non-inferiority/monitoring.json"
    expect_ok
    expect_contains "$out" 'Non-inferiority, H0: HR >= 1.3'
    expect_contains "$out" 'median-unbiased HR 0.9702, 95% CI 0.8054 to 1.1773'
    run monitor "$examples/non-inferiority/monitoring.json" --report "$work/ni.html"
    expect_ok
    grep -q "non-inferiority margin" "$work/ni.html" || fail "the report does not state the margin"
    ;;
  example_threshold_table)
    run_table=$(bash "$examples/threshold-vs-information/threshold_table.sh" "$gsd" 40 60) ||
      fail "threshold_table.sh failed"
    expect_contains "$run_table" '|     40 |      0.4255 |  3.2435 |             0.00118 |'
    expect_contains "$run_table" '|     47 |      0.5000 |  2.9626 |             0.00305 |'
    expect_contains "$run_table" '|     49 |      0.5213 |  2.8933 |             0.00381 |'
    # The table in the README is the script's output.
    while IFS= read -r row; do
      grep -qF -- "$row" "$examples/threshold-vs-information/README.md" ||
        fail "README row differs from the script: $row"
    done <<< "$run_table"
    ;;
  *)
    fail "unknown case"
    ;;
esac
echo "ok [$case_name]"
