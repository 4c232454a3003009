#!/usr/bin/env bash
# The installed package works for a consumer: `cmake --install` the build into
# a temporary prefix, build examples/cpp against it with find_package(gsd),
# run it, and check the seed trial's bounds and power.
#   consumer_check.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
cmake -S "$source/examples/cpp" -B "$tmp/example" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$tmp/prefix" > "$tmp/configure.log"
cmake --build "$tmp/example" > "$tmp/build.log" || { cat "$tmp/build.log"; exit 1; }
"$tmp/example/seed_trial" > "$tmp/out"
expected='efficacy z 2.9626
efficacy z 2.3590
efficacy z 2.0141
power 0.8455 with 202 patients and 94 events
event-driven power 0.8391'
if [ "$(cat "$tmp/out")" != "$expected" ]; then
  echo "examples/cpp printed:"; cat "$tmp/out"; echo "expected:"; echo "$expected"; exit 1
fi
echo "examples/cpp against the installed package: bounds and power as expected"
