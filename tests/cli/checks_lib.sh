# Sourced by the CLI checks of the survival tests (km_contrast_checks.sh,
# maxcombo_checks.sh, test_sizing_checks.sh, test_monitor_checks.sh) after
# they set gsd (the binary) and tmp (a scratch folder).

fail() { echo "FAIL: $*"; exit 1; }

# expect_exit2 COMMAND CONFIG EXPECTED-LINE-PREFIX [ARGS...]: `gsd COMMAND
# CONFIG ARGS...` exits 2 with one stderr line that starts with the prefix (a
# grep pattern) and nothing on stdout (docs/cli.md, bad input).
expect_exit2() {
  local command=$1 config=$2 expected=$3
  shift 3
  "$gsd" "$command" "$config" "$@" > "$tmp/out.txt" 2> "$tmp/err.txt"
  local rc=$?
  [ $rc = 2 ] || fail "$expected: exit $rc ($(cat "$tmp/err.txt"))"
  grep -q "^$expected" "$tmp/err.txt" || fail "expected '$expected', got: $(cat "$tmp/err.txt")"
  [ "$(wc -l < "$tmp/err.txt")" = 1 ] || fail "more than one stderr line: $(cat "$tmp/err.txt")"
  [ -s "$tmp/out.txt" ] && fail "stdout not empty on exit 2 ($expected)"
  return 0
}

# edit SOURCE PYTHON-STATEMENT > FILE: the config SOURCE as c, changed by the
# statement, written as JSON.
edit() {
  python3 -c "import json, sys; c = json.load(open(sys.argv[1])); $2; json.dump(c, sys.stdout)" "$1"
}
