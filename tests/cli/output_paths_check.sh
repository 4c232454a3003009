#!/usr/bin/env bash
# CLI contract checks of output paths (docs/cli.md) for `gsd simulate` and
# `gsd design`: every output is checked before any is written, none may be
# the config or another output, a symbolic link is followed (its target
# replaced, the link kept) and a file that is not regular is never replaced.
# Usage: output_paths_check.sh GSD SOURCE_DIR
set -uo pipefail
gsd=$(realpath "$1")
config_src=$(realpath "$2")/configs/blinatumomab-20120215.json
. "$(dirname "$0")/checks_lib.sh" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cp "$config_src" cfg.json
cp cfg.json cfg.before

# expect_refused COMMAND EXPECTED-LINE ARGS...: exit 2, nothing on stdout,
# exactly the one stderr line EXPECTED.
expect_refused() {
  local command=$1 expected=$2
  shift 2
  "$gsd" "$command" "$@" > out.txt 2> err.txt
  local rc=$?
  [ $rc = 2 ] || fail "$expected: exit $rc ($(cat err.txt))"
  [ "$(cat err.txt)" = "error: $expected" ] || fail "expected 'error: $expected', got: $(cat err.txt)"
  [ -s out.txt ] && fail "stdout not empty on exit 2 ($expected)"
  return 0
}

# An output that is the config: the config stays.
expect_refused simulate "--replicate-data = cfg.json is the same file as the config cfg.json; name another file" \
  cfg.json --quiet --replicates 200 --replicate-data cfg.json
expect_refused simulate "--plot = ./cfg.json is the same file as the config cfg.json; name another file" \
  cfg.json --quiet --replicates 200 --plot ./cfg.json
expect_refused design "--plot = cfg.json is the same file as the config cfg.json; name another file" \
  cfg.json --plot cfg.json
cmp -s cfg.json cfg.before || fail "a refused output changed the config"

# Two outputs in one file: neither is written.
expect_refused simulate "--plot = x.out is the same file as --replicate-data x.out; name another file" \
  cfg.json --quiet --replicates 200 --plot x.out --replicate-data x.out
[ -e x.out ] && fail "a refused run wrote x.out"

# --plot a directory: the replicate data is not left behind.
mkdir adir
expect_refused simulate "--plot = adir is a directory; name a file inside it" \
  cfg.json --quiet --replicates 200 --replicate-data rd.csv --plot adir
[ -e rd.csv ] && fail "rd.csv was written although --plot was refused"
expect_refused simulate "--replicate-data = adir is a directory; name a file inside it" \
  cfg.json --quiet --replicates 200 --replicate-data adir --plot p.svg
[ -e p.svg ] && fail "p.svg was written although --replicate-data was refused"
expect_refused simulate "--plot = missing/p.svg is in a directory that does not exist or is not writable (missing); choose a writable directory" \
  cfg.json --quiet --replicates 200 --replicate-data rd.csv --plot missing/p.svg
[ -e rd.csv ] && fail "rd.csv was written although --plot was refused"
expect_refused design "--plot = adir is a directory; name a file inside it" cfg.json --plot adir
# A directory whose permission bits allow writing (to root) but whose file
# system takes no new file: refused naming the flag, not by the path alone
# at the end of the run. As another user the bits refuse it already.
if [ "$(id -u)" = 0 ]; then
  expect_refused design "--plot = /proc/p.svg is in a directory where no file can be created (/proc: No such file or directory); choose a writable directory" \
    cfg.json --plot /proc/p.svg
else
  expect_refused design "--plot = /proc/p.svg is in a directory that does not exist or is not writable (/proc); choose a writable directory" \
    cfg.json --plot /proc/p.svg
fi
ls -a . | grep -q gsd-write-check && fail "a write-check file was left behind"

# A FIFO is not a regular file: refused, and still a FIFO (through a link too).
mkfifo fifo
ln -s fifo fifo-link
expect_refused simulate "--replicate-data = fifo is not a regular file; name a regular file" \
  cfg.json --quiet --replicates 200 --replicate-data fifo
expect_refused simulate "--plot = fifo-link is not a regular file; name a regular file" \
  cfg.json --quiet --replicates 200 --plot fifo-link
expect_refused design "--plot = fifo is not a regular file; name a regular file" cfg.json --plot fifo
[ -p fifo ] || fail "the FIFO was replaced"
[ -L fifo-link ] || fail "the link to the FIFO was replaced"

# A link is followed: the file it points to is replaced, the link kept.
mkdir real
: > real/p.svg
: > real/d.csv
: > real/design.svg
ln -s real/p.svg p-link.svg
ln -s real/d.csv d-link.csv
ln -s real/design.svg design-link.svg
"$gsd" simulate cfg.json --quiet --replicates 200 --plot p-link.svg --replicate-data d-link.csv \
  > out.txt 2> err.txt || fail "simulate through links: $(cat err.txt)"
"$gsd" design cfg.json --plot design-link.svg > out.txt 2> err.txt ||
  fail "design through a link: $(cat err.txt)"
for f in p-link.svg d-link.csv design-link.svg; do [ -L $f ] || fail "$f is no longer a link"; done
grep -q '<svg' real/p.svg || fail "the simulation plot did not reach the link's target"
grep -q '<svg' real/design.svg || fail "the design plot did not reach the link's target"
head -1 real/d.csv | grep -q '^replicate,' || fail "the replicate data did not reach the link's target"
# A link to the config is the config.
ln -s cfg.json cfg-link.json
expect_refused simulate "--replicate-data = cfg-link.json is the same file as the config cfg.json; name another file" \
  cfg.json --quiet --replicates 200 --replicate-data cfg-link.json
cmp -s cfg.json cfg.before || fail "a refused output changed the config"
ls .*.tmp-* real/.*.tmp-* > /dev/null 2>&1 && fail "a temporary file was left behind"
echo "output paths: ok"
