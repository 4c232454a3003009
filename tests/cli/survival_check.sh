#!/bin/sh
# CLI contract check for the survival section of `gsd design` (or of the
# command in $GSD_COMMAND, e.g. monitor).
#   survival_check.sh GSD CONFIG EXPECTED_RC EXPECTED [extra gsd args...]
# EXPECTED_RC 0: stdout must contain the fixed string EXPECTED, stderr empty.
# Otherwise: exit code EXPECTED_RC, stdout empty, stderr exactly one line
# equal to EXPECTED (docs/cli.md).
gsd=$1; config=$2; want_rc=$3; want=$4
shift 4
out=$(mktemp); err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$gsd" "${GSD_COMMAND:-design}" "$config" "$@" >"$out" 2>"$err"
rc=$?
if [ "$rc" -ne "$want_rc" ]; then
  echo "exit code $rc, expected $want_rc"; cat "$err"; exit 1
fi
if [ "$want_rc" -eq 0 ]; then
  [ -s "$err" ] && { echo "unexpected stderr:"; cat "$err"; exit 1; }
  grep -qF -- "$want" "$out" || { echo "stdout lacks: $want"; cat "$out"; exit 1; }
  grep -qiE '(^|[^a-z])(nan|inf)([^a-z]|$)' "$out" && { echo "NaN/inf in output"; exit 1; }
  exit 0
fi
[ -s "$out" ] && { echo "stdout not empty on error:"; cat "$out"; exit 1; }
lines=$(wc -l <"$err")
[ "$lines" -eq 1 ] || { echo "stderr has $lines lines:"; cat "$err"; exit 1; }
got=$(cat "$err")
[ "$got" = "$want" ] || { echo "stderr: $got"; echo "wanted: $want"; exit 1; }
exit 0
