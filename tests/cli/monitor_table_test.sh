#!/usr/bin/env bash
# CLI contract tests of `gsd monitor` (docs/cli.md): number flags as typed,
# stray words after a subcommand, the columns of the text table, and how
# every output writes a zero and a bound that cannot be crossed.
# Usage: $(basename "$0") GSD CASE [EXAMPLES]; set-up and checks in monitor_test_lib.sh.
source "$(dirname "$0")/monitor_test_lib.sh"

case "$case_name" in
  numbers_as_typed)
    # A number flag is a plain decimal: hexadecimal, binary, digit
    # separators, inf and nan are refused naming the value as typed, and so
    # is a number past a double's range, or a point without digits; the
    # record stays unwritten.
    write_config c.json '[{"events": 49, "z": 2.0}]'
    for value in 0x10 0b1 1_000 "1'000" inf -inf nan . -. .e1 1.5.2 1e " 1"; do
      run monitor c.json --record r.json add-look --events 60 --z "$value"
      expect_error "--z = $value is not a number; give a number, e.g. 1.5 or 2e-3"
      [ "$err" = "error: --z = $value is not a number; give a number, e.g. 1.5 or 2e-3" ] || fail "whole line: $err"
    done
    run monitor c.json --record r.json add-look --events 0x100 --z 1
    expect_error "--events = 0x100 is not a number"
    run monitor c.json --record r.json add-look --events 60 --z 1e400
    [ "$err" = "error: --z = 1e400 is too large for a double; give a number, e.g. 1.5 or 2e-3" ] || fail "whole line: $err"
    run monitor c.json --record r.json add-look --events 60 --hazard-ratio -1E+999
    expect_error "--hazard-ratio = -1E+999 is too large for a double"
    [ -e r.json ] && fail "a refused number wrote the record"
    # Signs, fractions and exponents as JSON writes them are read.
    run monitor c.json --record r.json add-look --events +6.0e1 --z -0.5E0
    expect_ok
    grep -q '"events": 60' r.json || fail "--events +6.0e1 was not recorded as 60"
    grep -q '"z": -0.5' r.json || fail "--z -0.5E0 was not recorded as -0.5"
    # A point with digits on one side only, as R and Python read it.
    run monitor --record r.json add-look --events 70. --z -.25
    expect_ok
    grep -q '"events": 70' r.json || fail "--events 70. was not recorded as 70"
    grep -q '"z": -0.25' r.json || fail "--z -.25 was not recorded as -0.25"
    ;;
  stray_argument)
    # A word no flag takes (`--final yes`) is named as unexpected, not taken
    # for a config beside a record that "already holds its design".
    write_config c.json '[{"events": 49, "z": 1.0}]'
    run monitor c.json --record r.json add-look --events 60 --z 1
    expect_ok
    cp r.json before.json
    run monitor --record r.json add-look --events 70 --z 1 --final yes
    [ "$err" = "error: yes: unexpected argument after add-look; --final takes no value" ] || fail "whole line: $err"
    expect_error "yes: unexpected argument"
    run monitor --record r.json add-look --events 70 yes --z 1
    expect_error "yes: unexpected argument after add-look; give each value after its flag (gsd monitor add-look --help)"
    run monitor --record new.json add-look --events 70 --z 1 --final yes
    expect_error "yes: unexpected argument after add-look; --final takes no value"
    [ -e new.json ] && fail "a refused add-look started a record"
    run monitor yes --record r.json add-look --events 70 --z 1
    expect_error "yes: unexpected argument: no such config file, and --record = r.json holds the design; leave it out"
    run monitor --record r.json yes
    expect_error "yes: unexpected argument: no such config file, and --record = r.json holds the design; leave it out"
    run monitor --record r.json verify yes
    expect_error "yes: unexpected argument after verify; verify takes only options (gsd monitor verify --help)"
    # --final takes no value and is given once: --final=no was taken as not
    # final, an empty --final= as final, and a second --final passed unseen.
    run monitor --record r.json add-look --events 70 --z 1 --final=no
    expect_error "--final = no: --final takes no value; give --final alone for the final analysis, or leave it out"
    run monitor --record r.json add-look --events 70 --z 1 --final=
    expect_error "--final = : --final takes no value; give --final alone for the final analysis, or leave it out"
    run monitor --record r.json add-look --events 70 --z 1 --final --final
    expect_error "--final: At Most 1 required but received 2"
    cmp -s r.json before.json || fail "a refused --final changed the record"
    # The same words as another option's value are that option's text.
    cp r.json noted.json
    run monitor --record noted.json add-look --events 70 --z 1 --note --final=later
    expect_ok
    grep -q -- '"note": "--final=later"' noted.json || fail "the note's text was not kept"
    # --lock-timeout out of range is refused wherever it is given.
    run monitor --record r.json --lock-timeout -.5 verify
    expect_error "--lock-timeout = -0.5 must lie in [0, 86400] seconds"
    run monitor c.json --lock-timeout 1e6
    expect_error "--lock-timeout = 1e+06 must lie in [0, 86400] seconds"
    cmp -s r.json before.json || fail "a refused add-look changed the record"
    # A config that is a file keeps its own message, before or after add-look.
    for args in "c.json --record r.json add-look --events 70 --z 1" "--record r.json add-look --events 70 --z 1 c.json"; do
      run monitor $args
      expect_error "--record = r.json already holds its design; omit the config to add a look to it, or name a new record file"
    done
    run monitor --record r.json c.json
    expect_error "c.json: give either a CONFIG or --record to replay, not both"
    cmp -s r.json before.json || fail "a refused look changed the record"
    ;;
  futility_harm_columns)
    # The text table and the report show the futility and harm bounds the
    # JSON and CSV carry, where the design has them; "-" where a look has none.
    cat > fh.json <<'JSON'
{"design": {"alpha": 0.025, "beta": 0.1, "information_fractions": [0.5, 0.75, 1],
            "efficacy": {"spending": "lan-demets-obf"},
            "futility": {"spending": "hsd", "parameter": -2, "binding": false}, "harm": {"alpha": 0.005}},
 "monitoring": {"planned_events": 200, "assumed_hazard_ratio": 0.7,
                "looks": [{"events": 100, "z": 0.5}, {"events": 150, "z": 1.4}]}}
JSON
    run monitor fh.json
    expect_ok
    expect_contains "$out" "look   events     info         z   bound z  futility      harm    nominal p"
    expect_contains "$out" "   1      100   0.5000    0.5000    3.0896    0.5199   -3.8014   0.00100204"
    expect_contains "$out" "(futility: the futility bound's z; harm: the harm bound's z; nominal p"
    expect_rows_as_wide_as_header
    run monitor fh.json --report fh.html
    expect_ok
    html=$(cat fh.html)
    expect_contains "$html" "<th>efficacy z</th><th>futility z</th><th>harm z</th><th>nominal p</th>"
    expect_contains "$html" "<th>efficacy z</th><th>futility z</th><th>harm z</th><th>nominal p (1-sided)</th>"
    expect_contains "$html" "<td>2.1027</td><td>&ndash;</td><td>-2.6030</td>"
    expect_contains "$html" "<td>3.0896</td><td>0.5199</td><td>-3.8014</td>"
    # A design without them has neither column.
    write_config c.json '[{"events": 49, "z": 2.0}]'
    run monitor c.json --report c.html
    expect_ok
    case "$out" in *futility*|*harm\ *) fail "columns of bounds the design does not have: $out" ;; esac
    grep -q "futility z\|harm z" c.html && fail "report columns of bounds the design does not have"
    true
    ;;
  endpoint_futility_column)
    # A normal endpoint's looks table and report show its futility bound too.
    run monitor "$examples/endpoint-monitoring/normal-two-sample.json" --report ep.html
    expect_ok
    expect_contains "$out" "look  patients     info         z   bound z  futility   estimate"
    expect_contains "$out" "   1        92   0.5000    1.9084    2.9626    0.4548     0.4100"
    expect_contains "$out" "(futility: the futility bound's z; estimate"
    expect_rows_as_wide_as_header
    expect_contains "$(cat ep.html)" "<td>2.9626</td><td>0.4548</td><td>0.001525</td>"
    ;;
  endpoint_add_look)
    # A normal or binary endpoint's record is kept from the command line as
    # its config's looks are: add-look takes the keys of monitoring.looks
    # (the arms' summaries, patients with z, or an estimate with its
    # standard error), and the record replays as the config with the same
    # looks monitors.
    normal="$examples/endpoint-monitoring/normal-two-sample.json"
    run monitor "$normal" --record e.json add-look --treatment '{"n": 92, "mean": 0.5, "sd": 1.0}' \
      --control '{"n": 92, "mean": 0.1, "sd": 1.0}' --date 2026-11-30
    expect_ok
    expect_contains "$out" "Look 3: z = 2.6824 crossed the efficacy bound 2.0141"
    python3 - "$normal" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
config["monitoring"]["looks"].append({"treatment": {"n": 92, "mean": 0.5, "sd": 1.0},
                                      "control": {"n": 92, "mean": 0.1, "sd": 1.0},
                                      "date": "2026-11-30"})
json.dump(config, open("three.json", "w"))
PY
    "$gsd" monitor three.json --format json > direct.json || fail "the config's looks failed"
    "$gsd" monitor --record e.json --format json > replayed.json || fail "the replay failed"
    python3 - <<'PY' || fail "the record's replay differs from the config's monitoring"
import json
direct, replayed = json.load(open("direct.json")), json.load(open("replayed.json"))
assert len(direct["monitoring"]["looks"]) == 3
# What only a record has: where it is, when each look was recorded and
# what was decided then.
replayed.pop("record")
for look in replayed["monitoring"]["looks"]:
    look.pop("recorded_at"), look.pop("recorded_decision")
assert direct == replayed, (direct, replayed)
PY
    # patients with z, and an estimate with its standard error.
    run monitor "$normal" --record z.json add-look --patients 184 --z 2.1 --final
    expect_ok
    expect_contains "$out" "   3       184   1.0000    2.1000    2.0141"
    # The record's reasons count patients, as the output does (they said events).
    expect_contains "$(cat z.json)" "at 184 of 184 planned patients"
    grep -q "planned events" z.json e.json && fail "a patients' record speaks of events"
    run monitor "$normal" --record se.json add-look --patients 184 --estimate 0.3 --standard-error 0.14
    expect_ok
    expect_contains "$out" "   3       184   1.0000    2.1266    2.0141"
    # A one-sample binary look: n and responders.
    cat > one.json <<'JSON'
{"design": {"alpha": 0.025, "beta": 0.2, "information_fractions": [0.5, 1.0],
            "efficacy": {"spending": "lan-demets-obf"}},
 "endpoint": {"type": "binary", "groups": 1, "rate": 0.4, "margin": 0.25, "power": 0.8}}
JSON
    run monitor one.json --record one-r.json add-look --n 40 --responders 19
    expect_ok
    expect_contains "$(cat one-r.json)" '"input": {
        "n": 40,
        "responders": 19
      }'
    # Keys of the other kind of trial are refused by their flags.
    run monitor "$normal" --record bad.json add-look --events 184 --z 2.1
    expect_error "--events is not a known key"
    run monitor "$normal" --record bad.json add-look --patients 138.5 --z 2
    expect_error "--patients = 138.5 must be a whole number of patients"
    run monitor "$normal" --record bad.json add-look --z 2.1
    expect_error "--patients is missing: a look given as z or as an estimate needs its patients"
    run monitor "$normal" --record bad.json add-look --treatment '{"n": 92, "mean": 0.5}' \
      --control '{"n": 92, "mean": 0.1, "sd": 1.0}'
    expect_error "--treatment.sd is missing"
    # A key given twice inside a flag's JSON is named under the flag.
    run monitor "$normal" --record bad.json add-look --treatment '{"n": 92, "mean": 0.5, "sd": 1, "sd": 5}' \
      --control '{"n": 92, "mean": 0.1, "sd": 1.0}'
    expect_error "--treatment.sd appears twice in the same object: give each key once"
    # A one-sample look's summary with z beside it: two forms, not an
    # unknown key ("--z is not a known key; did you mean n").
    run monitor one.json --record one-z.json add-look --n 40 --responders 19 --z 1
    expect_error "--z is one of several forms given; give one: z, estimate with standard_error, or the summaries"
    [ ! -e bad.json ] || fail "a refused first look left a record"
    [ ! -e bad.json.lock ] || fail "a refused first look left a lock file beside no record"
    # A two-arm look's patients are its arms' n, named by the flags that
    # gave them (they were named --patients, which nobody typed): an arm
    # that falls by its own flag, a look that adds no patient by both.
    binary="$examples/endpoint-monitoring/binary-noninferiority.json"
    run monitor "$binary" --record b.json add-look --treatment '{"n": 150, "responders": 63}' \
      --control '{"n": 150, "responders": 60}'
    expect_error "--treatment.n = 150 is fewer than the previous look's 353 patients: the summaries are cumulative"
    run monitor "$binary" --record b.json add-look --treatment '{"n": 353, "responders": 252}' \
      --control '{"n": 177, "responders": 122}'
    expect_error "the look of --treatment and --control has 530 patients in its arms"
    [ "$err" = "error: the look of --treatment and --control has 530 patients in its arms (treatment.n 353 + control.n 177), which must exceed the previous look's 530 patients" ] ||
      fail "whole line: $err"
    [ ! -e b.json ] || fail "a refused look started a record"
    run monitor "$examples/../configs/blinatumomab-20120215.json" --record s.json add-look --patients 100 --z 2.1
    expect_error "--patients is not a known key"
    run monitor "$examples/../configs/blinatumomab-20120215.json" --record s.json add-look --z 2.1
    expect_error "--events is missing: each look needs its number of events"
    ;;
  classical_names)
    # A classical boundary is "(classical)" once in every output that names it.
    write_config c.json '[{"events": 49, "z": 1.0}]'
    for family in obrien-fleming:"O'Brien-Fleming" pocock:Pocock; do
      sed "s/lan-demets-obf/${family%%:*}/" c.json > k.json
      name="${family#*:} (classical)"
      run monitor k.json --report k.html
      expect_ok
      expect_contains "$out" "Design: $name, two-sided alpha 0.05"
      grep -qF "<td class=l>$name</td>" k.html || fail "report does not name $name"
      run design k.json
      expect_ok
      expect_contains "$out" "efficacy: $name"
      grep -q "(classical) (classical)" k.html && fail "the report says (classical) twice"
      case "$out" in *"(classical) (classical)"*) fail "design says (classical) twice" ;; esac
    done
    true
    ;;
  conditional_power_wide_header)
    # At z = -40 the estimate is HR 8.194e+04: its column widens to fit.
    cat > w.json <<'JSON'
{"design": {"alpha": 0.025, "beta": 0.1, "information_fractions": [0.5, 0.75, 1],
            "efficacy": {"spending": "lan-demets-obf"}},
 "monitoring": {"planned_events": 94, "assumed_hazard_ratio": 0.7, "looks": [{"events": 50, "z": -40}]}}
JSON
    run monitor w.json
    expect_ok
    expect_contains "$out" "   events   bound z       at HR 0.7  at HR 8.194e+04     at HR 1"
    expect_contains "$out" "       71    2.3557          0.0000           0.0000      0.0000"
    ;;
  zero_without_sign)
    # A hazard ratio of 1 gives z = -log(1) sqrt(d) / 2 = -0.0, and a
    # two-sided p of 1 against treatment a z of -0.0 too: the table, the
    # reason, the JSON, the CSV and the report write 0, never "-0.0000",
    # "-0.0" or "-0".
    cat > h.json <<'JSON'
{"design": {"alpha": 0.05, "sided": 2, "information_fractions": [0.5, 0.75, 1.0]},
 "monitoring": {"planned_events": 94, "looks": [{"events": 60, "hazard_ratio": 1}]}}
JSON
    sed 's/"hazard_ratio": 1/"p_two_sided": 1, "direction": "favours-control"/' h.json > p.json
    for config in h.json p.json; do
      run monitor "$config" --report r.html
      expect_ok
      expect_contains "$out" "   1       60   0.6383    0.0000    2.5742"
      expect_contains "$out" "Look 1: z = 0.0000 is below the efficacy bound 2.5742"
      grep -q -- '-0\.0000' out.txt r.html && fail "$config: a zero printed with its sign"
      run monitor "$config" --format json
      expect_ok
      grep -q '"z": 0.0,\?$' out.txt || fail "$config: JSON z: $out"
      grep -Eq -- '-0\.0+([^0-9]|$)' out.txt && fail "$config: a zero with its sign in the JSON"
      run monitor "$config" --format csv
      expect_ok
      [ "$(awk -F, 'NR == 2 { print $4 }' out.txt)" = 0 ] || fail "$config: CSV z: $out"
    done
    # A negative z that rounds to zero at four decimals prints as 0.0000 in
    # the table, the reason and the report; JSON and CSV keep its value.
    sed 's/"hazard_ratio": 1/"z": -1e-9/' h.json > n.json
    run monitor n.json --report r.html
    expect_ok
    expect_contains "$out" "   1       60   0.6383    0.0000    2.5742"
    expect_contains "$out" "Look 1: z = 0.0000 is below the efficacy bound 2.5742"
    grep -q -- '-0\.0000' out.txt r.html && fail "n.json: a negative z printed as -0.0000"
    run monitor n.json --format csv
    expect_ok
    [ "$(awk -F, 'NR == 2 { print $4 }' out.txt)" = -1e-09 ] || fail "n.json: CSV z: $out"
    ;;
  unattainable_bound_reads_none)
    # At 10 of 5000 planned events O'Brien-Fleming spending has nothing to
    # spend: the look has no efficacy bound. JSON writes null, and the text
    # and the report say "none" as gsd design does (they said "inf"); the
    # CSV leaves the field empty.
    cat > n.json <<'JSON'
{"design": {"alpha": 0.025, "information_fractions": [0.5, 1]},
 "monitoring": {"planned_events": 5000, "looks": [{"events": 10, "z": 1.0}]}}
JSON
    run monitor n.json --report n.html
    expect_ok
    expect_contains "$out" "   1       10   0.0020    1.0000      none"
    grep -q '<td>1.0000</td><td>none</td>' n.html || fail "the report's bound is not none"
    grep -qw inf out.txt n.html && fail "an unattainable bound printed as inf"
    run monitor n.json --format json
    grep -q '"efficacy_z": null' out.txt || fail "JSON bound: $out"
    run monitor n.json --format csv
    [ "$(awk -F, 'NR == 2 { print $5 }' out.txt)" = "" ] || fail "CSV bound: $out"
    ;;
  *)
    fail "unknown case"
    ;;
esac
echo "ok [$case_name]"
