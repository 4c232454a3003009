#!/usr/bin/env bash
# CLI contract tests of `gsd monitor` (docs/cli.md): decisions, tables,
# inference, bad input and the record's looks.
# Usage: $(basename "$0") GSD CASE [EXAMPLES]; set-up and checks in monitor_test_lib.sh.
source "$(dirname "$0")/monitor_test_lib.sh"

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
  planned_events_reach)
    # 202 patients of the seed model reach 104.8 events (cure 40% / 56.2%).
    # Conditional power from the model cannot go to 120 events: refused when
    # the config is read, by design as by monitor. With assumed_hazard_ratio
    # the model is not used and 120 events are monitored.
    reach_config() {  # reach_config FILE MONITORING_EXTRA
      cat > "$1" <<JSON
{"design": {"alpha": 0.05, "sided": 2, "beta": 0.16, "information_fractions": [0.5, 0.75, 1.0],
            "efficacy": {"spending": "lan-demets-obf"}},
 "survival": {"control": {"cure_fraction": 0.40, "median_noncured": 7.0}, "treatment": {"cure_fraction": 0.562},
              "hazard_ratio_noncured": 0.63, "accrual": {"duration": 36.0}, "patients": 202, "events": 94},
 "monitoring": {"planned_events": 120$2, "looks": [{"events": 49, "z": 2}]}}
JSON
    }
    reach_config model.json ''
    run design model.json
    [ "$rc" = 2 ] || fail "design exit $rc, want 2"
    [ "$err" = "error: monitoring.planned_events = 120 exceeds the 104.8 events that 202 patients can ever produce (cure 40% / 56.2%); give events the model's patients reach, or more survival.patients" ] ||
      fail "design: $err"
    reach_config assumed.json ', "assumed_hazard_ratio": 0.63'
    run monitor assumed.json --format json
    expect_ok
    expect_contains "$out" '"information_fraction": 0.408333'
    ;;
  stage_wise_p_value_floor)
    # A stop at the first look: the stage-wise p-value is the closed form
    # 2 Phi(-z) (two-sided design). z = 30 gives 9.81342785e-198, printed as
    # computed; z = 40 gives 2 Phi(-40) = 7.3e-350, below the smallest double,
    # which the computation returns as 0: reported as the floor 1e-300 in
    # JSON and "< 1e-300" in the text and the report, never as 0.
    write_config c.json '[{"events": 49, "z": 30}]'
    run monitor c.json --format json
    expect_ok
    expect_contains "$out" '"p_value": 9.81342785'
    write_config c.json '[{"events": 49, "z": 40}]'
    run monitor c.json --format json
    expect_ok
    expect_contains "$out" '"p_value": 1e-300'
    run monitor c.json
    expect_ok
    expect_contains "$out" 'p-value < 1e-300 (two-sided)'
    run monitor c.json --report report.html
    expect_ok
    grep -q '<td>&lt; 1e-300</td>' report.html || fail "report p-value: $(grep -o 'p-value ([a-z-]*)</th><td>[^<]*' report.html)"
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
  error_record_missing)
    # A record that is not there is named by its flag, with how to start one;
    # it was read as a config ("cannot read the config file").
    want="--record = missing.json does not exist; give the path of a monitoring record, or start one with its first look: gsd monitor CONFIG --record FILE add-look --events N --z Z"
    run monitor --record missing.json
    expect_error "$want"
    [ "$err" = "error: $want" ] || fail "whole line: $err"
    run monitor --record missing.json --format json
    expect_error "$want"
    run monitor --record missing.json verify
    expect_error "$want"
    run monitor --record missing.json --report rep.html
    expect_error "$want"
    [ -e rep.html ] && fail "a report was written"
    [ -e missing.json.lock ] && fail "a lock file was left"
    [ -e missing.json ] && fail "the record was created"
    # add-look without a config has no record to append to: the same line,
    # before a lock file is made beside the record (it was "the record ...
    # does not exist; give a config to start it", and left missing.json.lock).
    run monitor --record missing.json add-look --events 30 --z 1
    expect_error "$want"
    [ -e missing.json.lock ] && fail "add-look left a lock file"
    [ -e missing.json ] && fail "add-look created the record"
    true
    ;;
  error_record_unreadable)
    # A record that is there but cannot be read is named by its flag, with
    # the reason and what to do; it was read as a config ("sock.json: cannot
    # read the config file (does it exist?)"). A socket cannot be read even
    # by root; a file without read permission only by others.
    python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock.json")' || fail "cannot make a socket"
    todo="give a monitoring record file that this user may read (check its permissions)"
    for args in "" "verify" "add-look --events 30 --z 1"; do
      run monitor --record sock.json $args
      expect_error "--record = sock.json is a socket, not a record file; $todo"
      [ "$err" = "error: --record = sock.json is a socket, not a record file; $todo" ] || fail "whole line: $err"
    done
    [ -e sock.json.lock ] && fail "a lock file was left"
    if [ "$(id -u)" -ne 0 ]; then
      write_config c.json '[]'
      run monitor c.json --record r.json add-look --events 30 --z 0.5
      expect_ok
      chmod 000 r.json
      run monitor --record r.json
      expect_error "--record = r.json cannot be read (Permission denied); $todo"
      run monitor --record r.json verify
      expect_error "--record = r.json cannot be read (Permission denied); $todo"
    fi
    true
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
    # Two statistics are named by their flags, not as monitoring.looks[1].
    run monitor --record r.json add-look --events 50 --z 1 --p-two-sided 0.1 --direction favours-treatment
    expect_error "--z = 1 and --p-two-sided = 0.1 are both given; give exactly one of --z, --p-two-sided (with --direction) or --hazard-ratio"
    cmp -s r.json before.json || fail "the record changed"
    # A new record refused so is not started: no record, no lock file.
    run monitor c.json --record new.json add-look --events 30 --z 1 --hazard-ratio 0.7
    expect_error "--z = 1 and --hazard-ratio = 0.7 are both given"
    run monitor --record r.json add-look --events 50 --z 1 --tests '[{"z": 1, "variance": 2}]'
    expect_error "--z = 1 and --tests are given; a MaxCombo look gives only --tests and --covariance"
    [ ! -e new.json ] && [ ! -e new.json.lock ] || fail "a refused look left new.json or its lock file"
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
    # A z entered twice in a look's input (an editor shows the first, the
    # parser would keep the last) is refused, named inside the record file;
    # it was "looks[1].input.z appears twice", naming neither.
    run monitor c.json --record r3.json add-look --events 50 --z 0.7
    expect_ok
    sed -i '0,/"z": 0.7$/s//"z": 3.9, "z": 0.7/' r3.json
    grep -q '"z": 3.9, "z": 0.7' r3.json || fail "the record was not edited"
    for args in "" "verify" "add-look --events 70 --z 1.0"; do
      run monitor --record r3.json $args
      expect_error "r3.json: record.looks[1].input.z appears twice in the same object: give each key once"
    done
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
    # verify writes text or JSON; a CSV request is refused by its flag.
    run monitor --record r.json verify --key-file key.txt --format csv
    expect_error "--format = csv is not a format verify writes; give --format text or json"
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
    # A key file that gives no key is named by its flag, with what to do.
    give_key="give the file that holds the committee's key (its bytes are the key)"
    run monitor --record r.json verify --key-file nokey.txt
    expect_error "--key-file = nokey.txt cannot be read (No such file or directory); $give_key"
    : > empty.txt
    run monitor --record r.json --key-file empty.txt
    expect_error "--key-file = empty.txt is empty; $give_key"
    [ "$err" = "error: --key-file = empty.txt is empty; $give_key" ] || fail "whole line: $err"
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
    expect_error "--z = nan is not a number"
    run monitor --record r2.json add-look --events 70 --p-two-sided 0.2 --direction sideways
    expect_error '--direction = "sideways" is not one of'
    run monitor --record r2.json add-look --events 70
    expect_error "--z is missing"
    run monitor c2.json --record r2.json add-look --events 70 --z 1
    expect_error "--record = r2.json already holds its design; omit the config to add a look to it, or name a new record file"
    cmp -s r2.json before2.json || fail "a refused look changed the record"
    # The config named as its own record is that, not a record that "already
    # holds its design" (what it was called), through a link too.
    cp c2.json c3.json
    ln -s c3.json link.json
    for record in c3.json link.json; do
      run monitor c3.json --record $record add-look --events 70 --z 1
      expect_error "--record = $record is the same file as the config c3.json; name a new record file to start from the config"
      [ "$err" = "error: --record = $record is the same file as the config c3.json; name a new record file to start from the config" ] ||
        fail "whole line: $err"
    done
    cmp -s c3.json c2.json || fail "the config was changed"
    [ -e c3.json.lock ] && fail "a lock file was made beside the config"
    # A config given as the record is said to be no record (it was
    # "record.name is not a known key", the first key of the config).
    for args in "" "verify" "add-look --events 70 --z 1"; do
      run monitor --record c3.json $args
      expect_error "c3.json: record.format is missing: this is not a monitoring record; a config starts one with add-look"
    done
    cmp -s c3.json c2.json || fail "the config was changed"
    true
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

