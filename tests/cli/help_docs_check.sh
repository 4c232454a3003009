#!/usr/bin/env bash
# docs/cli.md and `--help` name the same options, and the help's defaults say
# what docs/config.md says.
#   help_docs_check.sh GSD PROJECT_DIR
set -u
gsd=$1 root=$2
fail() { echo "FAIL: $*"; exit 1; }
helps=$({
  "$gsd" --help
  for c in design simulate monitor; do "$gsd" "$c" --help; done
  "$gsd" monitor add-look --help
  "$gsd" monitor verify --help
}) || fail "a --help exited non-zero"
# CLI11 lists an option as "  -h,--help" or "  --name ..." at the start of a line.
in_help=$(printf '%s\n' "$helps" | grep -oE '^ +(-[a-z],)?--[a-z][a-z-]*' | grep -oE -- '--[a-z][a-z-]*' | sort -u)
in_docs=$(grep -oE -- '--[a-z][a-z-]*' "$root/docs/cli.md" | sort -u)
missing=$(comm -23 <(printf '%s\n' "$in_help") <(printf '%s\n' "$in_docs"))
[ -z "$missing" ] || fail "options in --help but not in docs/cli.md: $missing"
unknown=$(comm -13 <(printf '%s\n' "$in_help") <(printf '%s\n' "$in_docs"))
[ -z "$unknown" ] || fail "options in docs/cli.md but in no --help: $unknown"
[ "$(printf '%s\n' "$in_help" | wc -l)" -ge 25 ] || fail "too few options found in --help: $in_help"
# The cap a simulation runs to: --max-duration, else simulation.max_duration,
# else survival.analysis_cap, else the default (docs/config.md).
sim=$("$gsd" simulate --help | tr -s ' \n' ' ')
case $sim in
  *"--max-duration FLOAT Calendar cap (default: simulation.max_duration, else survival.analysis_cap, else accrual end"*) ;;
  *) fail "--max-duration's help does not give the cap's defaults in docs/config.md's order: $sim" ;;
esac
echo "--help and docs/cli.md: the same $(printf '%s\n' "$in_help" | wc -l) options"
