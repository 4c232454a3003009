#!/usr/bin/env bash
# Runs every golden case (cases.txt) through GSD in JSON and CSV and calls
# ACTION NAME FORMAT OUTPUT_FILE for each, from the repository root.
#   run_cases.sh GSD ACTION
set -euo pipefail
gsd=$1 action=$2
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
while IFS='|' read -r name command input extra; do
  name=$(echo "$name" | xargs)
  case "$name" in ''|'#'*) continue ;; esac
  command=$(echo "$command" | xargs) input=$(echo "$input" | xargs)
  for format in json csv; do
    # shellcheck disable=SC2086
    if ! "$gsd" "$command" "$input" --format "$format" $extra > "$tmp/out" 2> "$tmp/err"; then
      echo "FAIL $name ($format): gsd exited non-zero: $(head -1 "$tmp/err")"
      status=1
      continue
    fi
    "$action" "$name" "$format" "$tmp/out" || status=1
  done
done < "$here/cases.txt"
exit $status
