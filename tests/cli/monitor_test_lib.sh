# Shared set-up of the `gsd monitor` CLI tests (monitor_cli_test.sh,
# monitor_record_files_test.sh): sourced with GSD and CASE as $1 and $2. Each
# case runs in its own temporary directory and exits non-zero with a message
# on the first failed check; exit 77 means "skipped" (ctest SKIP_RETURN_CODE).
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

# The looks table's rows 1 and 2 in $out are exactly as wide as its header.
expect_rows_as_wide_as_header() {
  local header
  header=$(grep '^look ' <<< "$out")
  [ "$(grep -E '^ +[12] ' <<< "$out" | awk '{ print length($0) }' | sort -u)" = "${#header}" ] ||
    fail "rows and header differ in width: $out"
}

# Exit 2, nothing on stdout, exactly one stderr line equal to / starting with $1.
expect_error() {
  [ "$rc" -eq 2 ] || fail "exit $rc (want 2), stderr: $err"
  [ -z "$out" ] || fail "stdout not empty on error: $out"
  [ "$(wc -l < err.txt)" -eq 1 ] || fail "stderr is not one line: $err"
  case "$err" in "error: $1"*) ;; *) fail "stderr '$err' does not start with 'error: $1'" ;; esac
}

