#!/usr/bin/env bash
# Rewrites the golden files from GSD's current output. Run it only for a
# change that is meant to alter the numbers, and read the diff.
#   tests/golden/update.sh build/release/cli/gsd
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gsd=$(realpath "$1")
save() { cp "$3" "$here/expected/$1.$2"; }
export -f save
export here
"$here/run_cases.sh" "$gsd" save
