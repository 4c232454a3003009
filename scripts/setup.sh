#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (README quick start):
#   scripts/setup.sh run    install what is missing, build, design the seed trial
#   scripts/setup.sh test   install what is missing, build with -Werror, run every
#                           test, then again under AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
jobs=$(nproc 2>/dev/null || echo 2)

# Debian 12 packages; each dependency is found by CMake's find_package.
packages=(cmake ninja-build g++ libboost-dev libeigen3-dev nlohmann-json3-dev
          libspdlog-dev libcli11-dev librandom123-dev libgtest-dev libgmock-dev
          libbenchmark-dev libopenmpi-dev openmpi-bin)
if [ "$mode" = test ]; then
  # Headless Chromium renders the monitoring report in its screenshot test.
  packages+=(chromium)
fi

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
}

build() {  # build DIR [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >&2
  cmake --build "$dir" -j "$jobs" >&2
}

install_missing
case "$mode" in
  run)
    build build/release -DCMAKE_BUILD_TYPE=Release -DGSD_WITH_MPI=ON
    build/release/cli/gsd design configs/blinatumomab-20120215.json
    ;;
  test)
    build build/release -DCMAKE_BUILD_TYPE=Release -DGSD_WERROR=ON -DGSD_WITH_MPI=ON
    (cd build/release && ctest --output-on-failure -j "$jobs")
    # Sanitizers: ASan + UBSan over every test (Debug keeps frames readable).
    build build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGSD_WERROR=ON -DGSD_SANITIZE=ON \
      -DGSD_BUILD_BENCHMARKS=OFF -DGSD_WITH_MPI=OFF
    (cd build/sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$jobs")
    ;;
  *)
    echo "usage: scripts/setup.sh run|test" >&2
    exit 2
    ;;
esac
