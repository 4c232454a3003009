#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (README, quick start):
#   scripts/setup.sh run     install what is missing, build the command line
#                            only, and design the seed trial
#   scripts/setup.sh test    install what is missing, build everything with
#                            -Werror and run every test, then again under
#                            AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
jobs=$(nproc 2>/dev/null || echo 2)

# Debian 12 packages; each dependency is found by CMake's find_package.
base=(cmake ninja-build g++ libboost-dev libeigen3-dev nlohmann-json3-dev libspdlog-dev
      libcli11-dev librandom123-dev)
# Tests, benchmarks and the cluster-capable (MPI) simulator; headless Chromium
# renders the monitoring report in its screenshot test.
testing=(libgtest-dev libgmock-dev libbenchmark-dev libopenmpi-dev openmpi-bin chromium)

install_missing() {
  local missing=()
  for p in "$@"; do
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

configure() {  # configure DIR [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >&2
}

case "$mode" in
  run)
    install_missing "${base[@]}"
    configure build/release -DCMAKE_BUILD_TYPE=Release -DGSD_BUILD_TESTS=OFF -DGSD_BUILD_BENCHMARKS=OFF
    cmake --build build/release -j "$jobs" --target gsd >&2
    build/release/cli/gsd design configs/blinatumomab-20120215.json
    ;;
  test)
    install_missing "${base[@]}" "${testing[@]}"
    configure build/release -DCMAKE_BUILD_TYPE=Release -DGSD_WERROR=ON -DGSD_WITH_MPI=ON \
      -DGSD_BUILD_TESTS=ON -DGSD_BUILD_BENCHMARKS=ON
    cmake --build build/release -j "$jobs" >&2
    (cd build/release && ctest --output-on-failure -j "$jobs")
    # Sanitizers: ASan + UBSan over every test (RelWithDebInfo keeps frames readable).
    configure build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGSD_WERROR=ON -DGSD_SANITIZE=ON \
      -DGSD_BUILD_TESTS=ON -DGSD_BUILD_BENCHMARKS=OFF -DGSD_WITH_MPI=OFF
    cmake --build build/sanitize -j "$jobs" >&2
    (cd build/sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$jobs")
    ;;
  *)
    echo "usage: scripts/setup.sh run|test" >&2
    exit 2
    ;;
esac
