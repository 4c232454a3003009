#!/usr/bin/env bash
# CLI contract checks of input bytes and of stdout (docs/cli.md): an answer
# stdout does not take fails the run, bytes that are not JSON text are
# refused with exit 2 and one line naming where they are, and so are empty
# option values and directories given for files.
# Usage: input_output_checks.sh GSD CONFIGS CASE
set -uo pipefail
gsd=$1
configs=$2
case_name=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() { echo "FAIL [$case_name]: $*" >&2; exit 1; }

run() {  # run ARGS...: sets rc, out, err
  "$gsd" "$@" > out.txt 2> err.txt
  rc=$?
  out=$(cat out.txt)
  err=$(cat err.txt)
}

# Exit CODE, nothing on stdout, exactly one stderr line equal to LINE.
expect_error_line() {  # expect_error_line CODE LINE
  [ "$rc" -eq "$1" ] || fail "exit $rc (want $1), stderr: $err"
  [ -s out.txt ] && fail "stdout not empty on error: $(head -c 200 out.txt)"
  [ "$(wc -l < err.txt)" -eq 1 ] || fail "stderr is not one line: $err"
  [ "$err" = "$2" ] || fail "stderr '$err', want '$2'"
  return 0
}

good='{"design": {"alpha": 0.025, "beta": 0.2, "information_fractions": [0.5, 1]}}'

# A config that starts a record: the seed trial (monitor_cli_test.sh).
write_monitor_config() {
  cat > "$1" <<'JSON'
{"name": "seed",
 "design": {"alpha": 0.05, "sided": 2, "beta": 0.16, "information_fractions": [0.5, 0.75, 1.0],
            "efficacy": {"spending": "lan-demets-obf"}},
 "monitoring": {"planned_events": 94, "assumed_hazard_ratio": 0.63, "looks": []}}
JSON
}

# Line N of out.txt is exactly LINE.
expect_out_line() {  # expect_out_line N LINE
  [ "$(sed -n "$1p" out.txt)" = "$2" ] || fail "line $1: $(sed -n "$1p" out.txt)"
}

# Exit 1 and the one line of a write that stdout refused (/dev/full).
expect_full() {  # expect_full ARGS...
  "$gsd" "$@" > /dev/full 2> err.txt
  rc=$?
  [ "$rc" -eq 1 ] || fail "$*: exit $rc on a full stdout, stderr: $(cat err.txt)"
  [ "$(cat err.txt)" = "error: cannot write to stdout" ] || fail "$*: stderr: $(cat err.txt)"
}

case "$case_name" in
  stdout_full)
    [ -w /dev/full ] || exit 77
    # 8 KB of JSON, more than stdio's buffer: the failed write comes before the flush.
    expect_full design "$configs/blinatumomab-20120215.json" --format json
    expect_full design "$configs/blinatumomab-20120215.json"
    expect_full --help
    for _ in $(seq 40); do echo "$good"; done > mix.jsonl
    echo '{"design": {"alpha": 7}}' >> mix.jsonl
    expect_full design --batch mix.jsonl --format jsonl
    expect_full design --batch mix.jsonl --format jsonl --threads 2
    expect_full simulate --batch mix.jsonl --format jsonl --replicates 10
    # The same output to a file that takes it: exit 0, 41 lines.
    run design --batch mix.jsonl --format jsonl
    [ "$rc" -eq 0 ] || fail "batch to a file: exit $rc"
    [ "$(wc -l < out.txt)" -eq 41 ] || fail "batch to a file: $(wc -l < out.txt) lines"
    # An add-look writes the record before its output: the line says the
    # look is in the record, so that it is not added again.
    write_monitor_config c.json
    "$gsd" monitor c.json --record r.json add-look --events 40 --z 1 > /dev/full 2> err.txt
    rc=$?
    [ "$rc" -eq 1 ] || fail "add-look on a full stdout: exit $rc"
    [ "$(cat err.txt)" = "error: cannot write to stdout; the look was recorded as look 1 of r.json (replay it with gsd monitor --record r.json)" ] ||
      fail "add-look on a full stdout: $(cat err.txt)"
    grep -q '"events": 40' r.json || fail "the look is not in the record"
    "$gsd" monitor --record r.json add-look --events 60 --z 1.2 > /dev/full 2> err.txt
    [ "$(cat err.txt)" = "error: cannot write to stdout; the look was recorded as look 2 of r.json (replay it with gsd monitor --record r.json)" ] ||
      fail "second add-look on a full stdout: $(cat err.txt)"
    ;;
  utf8_options)
    write_monitor_config c.json
    run monitor c.json --record r.json add-look --events 40 --z 1 --note $'bad \xff'
    expect_error_line 2 "error: --note must be UTF-8 text: byte 5 is 0xFF, which begins no UTF-8 character there; give the note in UTF-8"
    [ -e r.json ] && fail "a record was written"
    # A character cut short at the end, and an encoded surrogate (RFC 3629).
    run monitor c.json --record r.json add-look --events 40 --z 1 --date $'2024-01-0\xe2\x82'
    expect_error_line 2 "error: --date must be UTF-8 text: byte 10 is 0xE2, which begins no UTF-8 character there; give the date in UTF-8"
    run monitor c.json --record r.json add-look --events 40 --z 1 --note $'\xed\xa0\x80'
    expect_error_line 2 "error: --note must be UTF-8 text: byte 1 is 0xED, which begins no UTF-8 character there; give the note in UTF-8"
    run monitor c.json --record r.json add-look --events 40 --p-two-sided 0.3 --direction $'favours-\xc0\xaf'
    expect_error_line 2 "error: --direction must be UTF-8 text: byte 9 is 0xC0, which begins no UTF-8 character there; give the direction in UTF-8"
    [ -e r.json ] && fail "a record was written"
    # The record's name is written into the JSON output.
    run monitor c.json --record $'r\xff.json' add-look --events 40 --z 1 --format json
    expect_error_line 2 "error: --record must be UTF-8 text: byte 2 is 0xFF, which begins no UTF-8 character there; give the file name in UTF-8"
    [ -e $'r\xff.json' ] && fail "a record was written"
    # UTF-8 text, four-byte characters too, is kept as given.
    run monitor c.json --record r.json add-look --events 40 --z 1 --note $'Zürich \xf0\x9f\x93\x88' --date 2024-01-05
    [ "$rc" -eq 0 ] || fail "a UTF-8 note: exit $rc, $err"
    grep -q $'"note": "Zürich \xf0\x9f\x93\x88"' r.json || fail "the note is not in the record"
    ;;
  utf8_json)
    # Free text in a config, a batch line or a record that is not UTF-8 is
    # refused by the parser, with the byte shown as \xHH.
    printf '{"name": "bad \xff", "design": {}}' > c.json
    run design c.json
    expect_error_line 2 "error: c.json:1:15: malformed JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"bad \\xFF'"
    { echo "$good"; printf '{"name": "bad \xff", "design": {}}\n'; echo "$good"; } > b.jsonl
    run design --batch b.jsonl --format jsonl
    [ "$rc" -eq 0 ] || fail "batch: exit $rc, $err"
    expect_out_line 2 '{"error":"b.jsonl line 2, column 15: malformed JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; last read: '"'"'\"bad \\xFF'"'"'"}'
    [ "$(grep -c '"boundaries"' out.txt)" -eq 2 ] || fail "the good lines did not run"
    write_monitor_config c.json
    run monitor c.json --record r.json add-look --events 40 --z 1 --note "first"
    [ "$rc" -eq 0 ] || fail "add-look: exit $rc, $err"
    sed -i $'s/"note": "first"/"note": "fir\xffst"/' r.json
    run monitor --record r.json
    [ "$rc" -eq 2 ] || fail "record: exit $rc, $err"
    case "$err" in "error: r.json:"*": malformed JSON: "*"ill-formed UTF-8 byte"*) ;; *) fail "record: $err" ;; esac
    ;;
  file_size_limit)
    # A file over the size limit (bash's ulimit -f 8: 8 KiB), with SIGXFSZ
    # at its default as a shell leaves it: gsd must not be killed by the
    # signal between writing its temporary file and renaming it, but exit 1
    # naming the file, with nothing on stdout and no file left behind.
    write_monitor_config c.json
    sed -i 's/"looks": \[\]/"looks": [{"events": 47, "z": 2.1}]/' c.json
    for what in "design $configs/blinatumomab-20120215.json --plot p.svg" \
                "monitor c.json --report p.html"; do
      file=${what##* }
      # shellcheck disable=SC2086 # the words of $what are the arguments
      (ulimit -f 8; exec "$gsd" $what > out.txt 2> err.txt)
      rc=$?
      err=$(cat err.txt)
      expect_error_line 1 "error: cannot write $file: File too large"
      ls -A | grep -q "^\.\?$file" && fail "$what: a file was left: $(ls -A)"
    done
    ;;
  nul_byte)
    # nlohmann's lexer ends the input at a NUL: what follows must not be ignored.
    { printf '%s\n' "$good"; printf '\0{"design":{"alpha":7}} trailing garbage'; } > nulcfg.json
    run design nulcfg.json
    expect_error_line 2 "error: nulcfg.json:2:1: a NUL byte; a config or record is JSON text, which holds none"
    printf '{"design": {}}\0' > tail.json
    run design tail.json
    expect_error_line 2 "error: tail.json:1:15: a NUL byte; a config or record is JSON text, which holds none"
    { echo "$good"; printf '%s\0 garbage\n' "$good"; printf '\0\n'; echo "$good"; } > b.jsonl
    run design --batch b.jsonl --format jsonl
    [ "$rc" -eq 0 ] || fail "batch: exit $rc, $err"
    expect_out_line 2 '{"error":"b.jsonl line 2, column 77: a NUL byte; a config or record is JSON text, which holds none"}'
    expect_out_line 3 '{"error":"b.jsonl line 3, column 1: a NUL byte; a config or record is JSON text, which holds none"}'
    [ "$(grep -c '"boundaries"' out.txt)" -eq 2 ] || fail "the good lines did not run"
    write_monitor_config c.json
    run monitor c.json --record r.json add-look --events 40 --z 1
    [ "$rc" -eq 0 ] || fail "add-look: exit $rc, $err"
    printf '\0' >> r.json
    run monitor --record r.json
    [ "$rc" -eq 2 ] || fail "record: exit $rc, $err"
    case "$err" in "error: r.json:"*": a NUL byte; a config or record is JSON text, which holds none") ;; *) fail "record: $err" ;; esac
    ;;
  batch_directory)
    mkdir d
    run design --batch d --format jsonl
    expect_error_line 2 "error: --batch = d is a directory; name a batch file (JSON lines) inside it"
    run simulate --batch d --format jsonl
    expect_error_line 2 "error: --batch = d is a directory; name a batch file (JSON lines) inside it"
    run simulate --batch nosuch.jsonl --format jsonl
    expect_error_line 2 "error: --batch = nosuch.jsonl cannot be read (does it exist?)"
    run design d
    expect_error_line 2 "error: d: is a directory; name a config or record file (JSON)"
    run monitor --record d
    expect_error_line 2 "error: --record = d is a directory; name a record file (JSON) inside it"
    printf '{"name": "seed", "design": {}, "monitoring": {"planned_events": 94, "looks": []}}' > c.json
    run monitor c.json --record d add-look --events 40 --z 1
    expect_error_line 2 "error: --record = d is a directory; name a record file (JSON) inside it"
    run monitor c.json --record r.json --key-file d add-look --events 40 --z 1
    expect_error_line 2 "error: --key-file = d is a directory; name the key file"
    [ -e r.json ] && fail "a record was written"
    ;;
  batch_stdin)
    { echo "$good"; echo '{"design": {"alpha": 7}}'; } > b.jsonl
    "$gsd" design --batch b.jsonl --format jsonl > from_file.txt || fail "from a file: exit $?"
    "$gsd" design --batch - --format jsonl < b.jsonl > out.txt 2> err.txt || fail "from stdin: exit $?"
    [ -s err.txt ] && fail "stderr: $(cat err.txt)"
    [ "$(sed -n 1p out.txt)" = "$(sed -n 1p from_file.txt)" ] || fail "line 1 differs from the file's"
    expect_out_line 2 '{"error":"stdin line 2: design.alpha = 7 must lie in (0, 0.5); give the type I error from 1e-06 up to below 0.5, e.g. 0.025 one-sided or 0.05 with sided = 2 (alpha is then the total of both sides)"}'
    printf '{"design": \n' | "$gsd" design --batch - --format jsonl > out.txt 2> err.txt
    grep -q '^{"error":"stdin line 1, column ' out.txt || fail "stdin's line not named: $(cat out.txt)"
    "$gsd" simulate --batch - --format jsonl --replicates 20 < b.jsonl > out.txt 2> err.txt ||
      fail "simulate from stdin: exit $?"
    [ "$(wc -l < out.txt)" -eq 2 ] || fail "simulate from stdin: $(wc -l < out.txt) lines"
    ;;
  blank_batch_line)
    { echo "$good"; echo; echo '   '; echo '{"design": '; } > b.jsonl
    run design --batch b.jsonl --format jsonl
    [ "$rc" -eq 0 ] || fail "exit $rc, $err"
    expect_out_line 2 '{"error":"b.jsonl line 2: an empty line; give one JSON config per line"}'
    expect_out_line 3 '{"error":"b.jsonl line 3: an empty line; give one JSON config per line"}'
    case "$(sed -n 4p out.txt)" in '{"error":"b.jsonl line 4, column 12: malformed JSON: syntax error'*) ;;
      *) fail "line 4: $(sed -n 4p out.txt)" ;; esac
    : > empty.jsonl
    run simulate --batch empty.jsonl --format jsonl
    [ "$rc" -eq 0 ] || fail "an empty batch: exit $rc, $err"
    [ -s out.txt ] && fail "an empty batch wrote: $(head -c 200 out.txt)"
    [ -n "$err" ] && fail "an empty batch said: $err"
    ;;
  empty_values)
    printf '%s' "$good" > c.json
    write_monitor_config m.json
    run design c.json --threads ""
    expect_error_line 2 "error: --threads is empty: give a whole number in [1, 1024]"
    run design c.json --format ""
    expect_error_line 2 "error: --format is empty: give one of: text, json, csv, jsonl"
    run --log-level "" design c.json
    expect_error_line 2 "error: --log-level is empty: give off, info or debug"
    run design c.json --plot ""
    expect_error_line 2 "error: --plot is empty: name an SVG file"
    run design --batch "" --format jsonl
    expect_error_line 2 "error: --batch is empty: name a batch file (JSON lines), or - for standard input"
    run simulate c.json --replicates ""
    expect_error_line 2 "error: --replicates is empty: give a whole number in [1, 9223372036854775807]"
    run simulate c.json --seed ""
    expect_error_line 2 "error: --seed is empty: give a whole number in [0, 18446744073709551615]"
    run simulate c.json --max-duration ""
    expect_error_line 2 "error: --max-duration is empty: give a number"
    run simulate c.json --replicate-data ""
    expect_error_line 2 "error: --replicate-data is empty: name a CSV file"
    run simulate c.json --plot ""
    expect_error_line 2 "error: --plot is empty: name an SVG file"
    run monitor m.json --report ""
    expect_error_line 2 "error: --report is empty: name an HTML file"
    run monitor m.json --record ""
    expect_error_line 2 "error: --record is empty: name a record file (JSON)"
    for flag in --events --z --p-two-sided --hazard-ratio --variance; do
      args=(--events 40)
      [ "$flag" = --events ] && args=()
      run monitor m.json --record r.json add-look "${args[@]}" "$flag" ""
      expect_error_line 2 "error: $flag is empty: give a number"
    done
    run monitor m.json --record r.json add-look --events 40 --p-two-sided 0.3 --direction ""
    expect_error_line 2 "error: --direction is empty: give favours-treatment or favours-control"
    # An empty date or note was dropped without a word.
    run monitor m.json --record r.json add-look --events 40 --z 1 --date ""
    expect_error_line 2 "error: --date is empty: give the date of the data cut, e.g. 2026-03-02, or leave the option out"
    run monitor m.json --record r.json add-look --events 40 --z 1 --note ""
    expect_error_line 2 "error: --note is empty: give the note's text, or leave the option out"
    run monitor m.json --record r.json --lock-timeout "" add-look --events 40 --z 1
    expect_error_line 2 "error: --lock-timeout is empty: give a number"
    run monitor m.json --record r.json --key-file "" add-look --events 40 --z 1
    expect_error_line 2 "error: --key-file is empty: name the key file"
    [ -e r.json ] && fail "a record was written"
    ;;
  *)
    fail "unknown case"
    ;;
esac
exit 0
