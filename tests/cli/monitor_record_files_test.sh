#!/usr/bin/env bash
# CLI tests of the monitoring record as a file (docs/records.md): versions,
# outputs that would replace it, links, locks, concurrent writers and kills.
# Usage: $(basename "$0") GSD CASE [EXAMPLES]; set-up and checks in monitor_test_lib.sh.
source "$(dirname "$0")/monitor_test_lib.sh"

case "$case_name" in
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
    expect_contains "$out" 'Look 1 was written before the chain began; the chain covers it only as it stood then'
    # The replay says so too, in text and JSON: stripping a record's hashes
    # and adding a look must not read as a record verified throughout.
    run monitor --record r.json
    expect_ok
    expect_contains "$out" 'chain verified (look 1 was written before it began: covered only as it stood then)'
    run monitor --record r.json --format json
    expect_contains "$out" '"looks_before_chain": 1'
    ;;
  record_cut_short_against_minutes)
    # Looks removed from the end leave a valid, shorter chain; the head the
    # minutes noted shows it. verify --head passes while the record still
    # holds the noted look (more looks may follow it) and fails when it does not.
    # The config's look at 30 events is look 1 of the record.
    write_config c.json '[{"events": 30, "z": 0.5}]'
    run monitor c.json --record r.json add-look --events 40 --z 0.6
    expect_ok
    run monitor --record r.json verify --format json
    expect_ok
    first=$(sed -n 's/.*"head": "\([0-9a-f]*\)".*/\1/p' <<< "$out")
    [ ${#first} -eq 64 ] || fail "no head in: $out"
    config_hash=$(sed -n 's/.*"config_hash": "\([0-9a-f]*\)".*/\1/p' r.json)
    run monitor --record r.json add-look --events 60 --z 0.7
    expect_ok
    run monitor --record r.json verify --head "$first"
    expect_ok
    expect_contains "$out" "The noted head is the hash of look 2 of 3: the record still holds everything it covered."
    # In capitals, as a spreadsheet of minutes may have it; and the config
    # hash, noted before the first look.
    run monitor --record r.json verify --head "${first^^}" --format json
    expect_ok
    expect_contains "$out" "\"noted_head\": {
        \"hash\": \"$first\",
        \"look\": 2
      }"
    run monitor --record r.json verify --head "$config_hash"
    expect_ok
    expect_contains "$out" "The noted head is the config hash, from before the first look"
    run monitor --record r.json verify --format json
    last=$(sed -n 's/.*"head": "\([0-9a-f]*\)".*/\1/p' <<< "$out")
    # The last look removed by an editor: the chain still verifies, the noted
    # head does not, and verify says so with exit 2.
    python3 - <<'PY'
import json
r = json.load(open("r.json"))
r["looks"] = r["looks"][:2]
json.dump(r, open("r.json", "w"), indent=2)
PY
    run monitor --record r.json verify
    expect_ok
    run monitor --record r.json verify --head "$last"
    expect_error "--head = $last is not the hash of any look in r.json: looks were removed from its end, or it was rewritten; compare it with the committee's own copy"
    run monitor --record r.json verify --head "$first"
    expect_ok
    # Not a hash at all: refused by its rule, before anything is read.
    run monitor --record r.json verify --head "${last:0:63}"
    expect_error "--head = ${last:0:63} must be 64 hex digits: the head of the chain as verify printed it"
    run monitor --record r.json verify --head "${last:0:63}g"
    expect_error "--head = ${last:0:63}g must be 64 hex digits"
    # A keyed record verifies its noted head under the key.
    printf 'committee secret' > key.txt
    run monitor c.json --record k.json --key-file key.txt add-look --events 40 --z 0.6
    expect_ok
    run monitor --record k.json --key-file key.txt verify --format json
    keyed=$(sed -n 's/.*"head": "\([0-9a-f]*\)".*/\1/p' <<< "$out")
    run monitor --record k.json --key-file key.txt verify --head "$keyed"
    expect_ok
    run monitor --record k.json --key-file key.txt verify --head "$first"
    expect_error "--head = $first is not the hash of any look in k.json"
    ;;
  record_keeps_permissions)
    # A committee keeps its record and report private (0600): every
    # add-look replaces both files, and the replacements keep that mode
    # (they were 0644 again, readable by all). A new file gets the umask's
    # mode, as any file the process writes.
    write_config c.json '[{"events": 30, "z": 0.5}]'
    (umask 077 && "$gsd" monitor c.json --record r.json add-look --events 40 --z 0.6 --report r.html > /dev/null) ||
      fail "the first add-look failed"
    [ "$(stat -c %a r.json)" = 600 ] || fail "a new record under umask 077 is $(stat -c %a r.json)"
    [ "$(stat -c %a r.html)" = 600 ] || fail "a new report under umask 077 is $(stat -c %a r.html)"
    chmod 640 r.json r.html
    run monitor --record r.json add-look --events 60 --z 0.7 --report r.html
    expect_ok
    [ "$(stat -c %a r.json)" = 640 ] || fail "the record came back as $(stat -c %a r.json), not 640"
    [ "$(stat -c %a r.html)" = 640 ] || fail "the report came back as $(stat -c %a r.html), not 640"
    chmod 600 r.html
    run monitor --record r.json --report r.html
    expect_ok
    [ "$(stat -c %a r.html)" = 600 ] || fail "a replayed report came back as $(stat -c %a r.html)"
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
  writer_in_between_names_the_flag)
    # Another writer appends a look (60 events) while this add-look (45
    # events) waits for the lock, after it counted the record's looks: its
    # refusal still names --events, the flag that gave the value, not
    # monitoring.looks[3].events, its place in a record it never wrote.
    write_config c.json '[{"events": 30, "z": 0.5}]'
    run monitor c.json --record r.json add-look --events 40 --z 0.6
    expect_ok
    cp r.json one_look.json
    run monitor --record r.json add-look --events 60 --z 0.7
    expect_ok
    cp r.json two_looks.json
    cp one_look.json r.json
    flock r.json.lock sh -c 'sleep 1; cp two_looks.json r.json' &
    holder=$!
    sleep 0.3
    run monitor --record r.json add-look --events 45 --z 0.7
    wait "$holder"
    expect_error "--events = 45 must exceed the previous look's 60 events"
    cmp -s r.json two_looks.json || fail "a refused add-look changed the record"
    ;;
  record_shared_by_two_users)
    # Two committee members (two users) keep one record in a shared
    # directory. The second could not lock it: the first one's lock file is
    # theirs (0644) and was opened for writing ("cannot create the lock
    # file ... (Permission denied)"). In a directory with the sticky bit only
    # the owner may replace the record: refused before the look is decided
    # (it was exit 1, "cannot rename ... Operation not permitted", after it).
    # Needs root to act as a second user (nobody).
    [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null || exit 77
    as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    chmod 755 "$work"
    mkdir shared sticky
    chmod 777 shared
    chmod 1777 sticky
    write_config c.json '[]'
    run monitor c.json --record shared/r.json add-look --events 30 --z 0.5
    expect_ok
    as_nobody "$gsd" monitor --record shared/r.json add-look --events 50 --z 0.7 > out.txt 2> err.txt ||
      fail "the second user's add-look: exit $?, $(cat err.txt)"
    run monitor --record shared/r.json add-look --events 70 --z 0.9
    expect_ok
    run monitor --record shared/r.json verify
    expect_ok
    expect_contains "$out" 'Record shared/r.json: 3 looks, chain verified'
    cp shared/r.json sticky/r.json
    cp shared/r.json before.json
    printf 'report' > sticky/rep.html
    rule="whose sticky bit lets only its owner replace it; keep shared files in a directory without the sticky bit, or name another file"
    as_nobody "$gsd" monitor --record sticky/r.json add-look --events 80 --z 1 > out.txt 2> err.txt
    rc=$?; out=$(cat out.txt); err=$(cat err.txt)
    expect_error "sticky/r.json: is another user's file in sticky, $rule"
    as_nobody "$gsd" monitor --record shared/r.json --report sticky/rep.html > out.txt 2> err.txt
    rc=$?; out=$(cat out.txt); err=$(cat err.txt)
    expect_error "--report = sticky/rep.html is another user's file in sticky, $rule"
    cmp -s sticky/r.json before.json || fail "the record in the sticky directory changed"
    [ "$(cat sticky/rep.html)" = report ] || fail "the report in the sticky directory changed"
    ls sticky/.r.json.tmp-* sticky/.rep.html.tmp-* > /dev/null 2>&1 && fail "a temporary file was left behind"
    [ -e sticky/r.json.lock ] && fail "a lock file was made for a record that cannot be replaced"
    true
    ;;
  error_lock_timeout_range)
    write_config c.json '[{"events": 30, "z": 0.5}]'
    run monitor c.json --record r.json --lock-timeout 1e400 add-look --events 50 --z 0.7
    expect_error "--lock-timeout = 1e400 is too large for a double"
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
  report_full_disk_keeps_record)
    # A report that cannot be written for lack of space (a file size limit
    # below the report's size and above the record's, with SIGXFSZ ignored so
    # that the write fails with EFBIG) refuses the look: the record is
    # unchanged, and no report or temporary file is left.
    write_config c.json '[{"events": 49, "z": 2.0}]'
    run monitor c.json --record r.json add-look --events 60 --z 1.5
    expect_ok
    cp r.json before.json
    (trap '' XFSZ; ulimit -f 8; "$gsd" monitor --record r.json add-look --events 71 --z 2.6 \
      --report dmc.html > out.txt 2> err.txt)
    rc=$?
    [ "$rc" -eq 1 ] || fail "exit $rc (want 1) when the report could not be written"
    [ -s out.txt ] && fail "stdout not empty: $(cat out.txt)"
    expect_contains "$(cat err.txt)" "error: cannot write dmc.html: File too large"
    cmp -s r.json before.json || fail "the look was recorded although its report was not written"
    [ -e dmc.html ] && fail "a report was left behind"
    [ -z "$(ls -A | grep '\.tmp-')" ] || fail "a temporary file was left: $(ls -A)"
    run monitor --record r.json add-look --events 71 --z 2.6 --report dmc.html
    expect_ok
    [ -s dmc.html ] || fail "no report after the look was added"
    ;;
  *)
    fail "unknown case"
    ;;
esac
echo "ok [$case_name]"

