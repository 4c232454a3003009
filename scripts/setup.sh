#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (README, quick start):
#   scripts/setup.sh run     install what is missing, build the command line
#                            only, and design the seed trial
#   scripts/setup.sh test    install what is missing, build everything with
#                            -Werror and run every test, then again under
#                            AddressSanitizer + UBSan, then the web page's
#                            tests in Node.js and headless Chromium
#   scripts/setup.sh web     install what is missing and write the offline
#                            design explorer, build/web/index.html
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

# The web page (docs/web.md): Debian's Emscripten (clang 14, binaryen) and
# Node.js with npm, which the page's build and its browser test run on.
web=(emscripten chromium)

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

# The engine in WebAssembly (web/CMakeLists.txt, Emscripten's toolchain)
# and the page around it, one self-contained file.
build_web() {
  install_missing cmake ninja-build libboost-dev libeigen3-dev nlohmann-json3-dev librandom123-dev \
    "${web[@]}"
  command -v npm > /dev/null || install_missing nodejs npm
  # Emscripten's optimiser finds Debian's acorn only through NODE_PATH.
  export NODE_PATH=/usr/share/nodejs
  emcmake cmake -S web -B build/web-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DGSD_WERROR=ON >&2
  cmake --build build/web-wasm -j "$jobs" >&2
  node web/build_page.mjs build/web-wasm/gsd_web.js configs/blinatumomab-20120215.json build/web/index.html
}

# The WebAssembly engine against the golden outputs, then the page in
# headless Chromium against the command line (playwright-core from npm,
# pinned by web/package-lock.json; it drives /usr/bin/chromium).
test_web() {
  local start=$SECONDS
  build_web
  (cd web && npm ci --no-audit --no-fund --ignore-scripts >&2)
  node web/test/engine_check.mjs build/web-wasm/gsd_web.js
  node web/test/page_test.mjs build/web/index.html build/release/cli/gsd build/web/screenshot.png
  echo "web: built and tested in $((SECONDS - start)) s" >&2
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
    test_web
    ;;
  web)
    build_web
    echo "open build/web/index.html in a browser (docs/web.md)"
    ;;
  *)
    echo "usage: scripts/setup.sh run|test|web" >&2
    exit 2
    ;;
esac
