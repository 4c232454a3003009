#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (README, quick start):
#   scripts/setup.sh run     install what is missing, build the command line
#                            only, and design the seed trial
#   scripts/setup.sh test    install what is missing, build everything with
#                            -Werror and run every test, R CMD check the R
#                            package and install it into a scratch library,
#                            build the Python wheel and run its tests, then
#                            every test again under
#                            AddressSanitizer + UBSan, then the web page's
#                            tests in Node.js and headless Chromium, then
#                            each fuzz harness for 30 s and the simulator's
#                            threads under ThreadSanitizer
#   scripts/setup.sh r       install R and its Debian packages if missing,
#                            build the library, and build and install the R
#                            package gsd (bindings/r, docs/r.md)
#   scripts/setup.sh python  install what is missing, create .venv/ and
#                            install the Python package gsd into it
#   scripts/setup.sh web     install what is missing and write the offline
#                            design explorer, build/web/index.html
#   scripts/setup.sh tsan    the simulator's OpenMP threads and the batches' threads under
#                            ThreadSanitizer (clang, libomp with Archer)
#   scripts/setup.sh fuzz [SECONDS]
#                            build the libFuzzer harnesses (clang, ASan + UBSan,
#                            build/sanitize) and run each for SECONDS (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
jobs=$(nproc 2>/dev/null || echo 2)

# Debian 12 packages; each dependency is found by CMake's find_package.
base=(cmake ninja-build g++ libboost-dev libeigen3-dev nlohmann-json3-dev libspdlog-dev
      libcli11-dev librandom123-dev libssl-dev)
# Tests, benchmarks and the cluster-capable (MPI) simulator; headless Chromium
# renders the monitoring report in its screenshot test.
testing=(libgtest-dev libgmock-dev libbenchmark-dev libopenmpi-dev openmpi-bin chromium)
# The Python package (bindings/python) with Debian's interpreter and
# packages: it builds without isolation and without an index (no PyPI).
# nbconvert and ipykernel execute the example notebook in the tests.
python_packages=(python3-venv python3-pip python3-dev python3-setuptools python3-wheel
                 python3-pybind11 python3-numpy python3-pandas python3-matplotlib python3-pytest
                 python3-build python3-tqdm python3-nbconvert python3-ipykernel)

# The R package: R with Rcpp, testthat and jsonlite; knitr, rmarkdown and
# pandoc build its vignette; ggplot2 draws its autoplot() pictures.
r_packages=(r-base-dev r-cran-rcpp r-cran-testthat r-cran-jsonlite r-cran-knitr
            r-cran-rmarkdown pandoc r-cran-ggplot2)
# Where the R package's configure finds the library; R's installs strip the
# package's debugging symbols (8 MB of shared object become about 3).
export GSD_PREFIX="$PWD/build/gsd-prefix" _R_SHLIB_STRIP_=true MAKEFLAGS="-j$jobs"

# The fuzz harnesses (fuzz/): Debian's clang with its libFuzzer runtime.
fuzzing=(clang libclang-rt-dev)

# The web page (docs/web.md): Debian's Emscripten (clang 14, binaryen) and
# Node.js with npm, which the page's build and its browser test run on.
web=(emscripten chromium)

# stage NAME: one line on stderr for the stage that ends here, with its wall
# time and the CPU time (user + sys) of the commands it ran, then NAME starts.
# The CI log thus shows where the time goes; `stage` alone ends the last one.
stage_name="" stage_start=0 stage_cpu=0
children_cpu() {  # CPU seconds of this shell's finished children (cutime + cstime)
  local ticks
  ticks=$(getconf CLK_TCK 2>/dev/null || echo 100)
  sed 's/^.*) //' "/proc/$$/stat" | awk -v hz="$ticks" '{ printf "%d", ($14 + $15) / hz }'
}
stage() {
  local cpu
  cpu=$(children_cpu)
  if [ -n "$stage_name" ]; then
    echo "setup: stage $stage_name took $((SECONDS - stage_start)) s wall, $((cpu - stage_cpu)) s CPU" >&2
  fi
  stage_name=${1:-} stage_start=$SECONDS stage_cpu=$cpu
}

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

# install_python [PREFIX]: .venv/ (Debian's /usr/bin/python3, which sees
# the apt packages) and the package in it: compiled from the engine's
# sources by pip, or, given PREFIX, as a wheel that the standard tool
# (python3 -m build) builds against the engine installed there.
install_python() {
  [ -x .venv/bin/python ] || /usr/bin/python3 -m venv --system-site-packages .venv
  if [ -n "${1:-}" ]; then
    rm -rf build/python-dist
    GSD_PREFIX=$PWD/$1 .venv/bin/python -m build --no-isolation --wheel \
      --outdir build/python-dist bindings/python >&2
    .venv/bin/pip install --quiet --no-index --no-deps --force-reinstall \
      build/python-dist/gsd-*.whl >&2
  else
    # From the sources: GSD_PREFIX (exported above for the R package) would
    # send pip to an installed gsd that a fresh clone does not have.
    env -u GSD_PREFIX .venv/bin/pip install --quiet --no-build-isolation --no-index ./bindings/python >&2
  fi
  # Notebooks run in .venv: its kernel comes before the system's python3.
  .venv/bin/python -m ipykernel install --sys-prefix --name python3 \
    --display-name "Python 3 (gsd .venv)" > /dev/null 2>&1 || true
}

configure() {  # configure DIR [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >&2
}

# The R package links the static libraries of an installed gsd (docs/r.md):
# build/release's, installed into build/gsd-prefix. Then R CMD build writes
# build/r/gsd_<version>.tar.gz (its vignette run on the way), named by $tarball.
r_tarball() {
  cmake --build build/release -j "$jobs" --target gsd >&2
  rm -rf build/gsd-prefix build/r
  cmake --install build/release --prefix build/gsd-prefix >/dev/null
  mkdir -p build/r
  (cd bindings/r && ./configure >&2 && ./cleanup)
  (cd build/r && R CMD build ../../bindings/r >&2)
  tarball=$(ls build/r/gsd_*.tar.gz)
}

# R CMD check on the tarball with the tests against this build's command line:
# no error and no warning.
r_check() {
  local tarball=$1
  (cd build/r && GSD_CLI="$PWD/../release/cli/gsd" GSD_SOURCE_DIR="$(cd ../.. && pwd)" \
     _R_CHECK_FORCE_SUGGESTS_=false R CMD check --no-manual "$(basename "$tarball")" >&2) || {
    cat build/r/gsd.Rcheck/00check.log >&2; exit 1; }
  if grep -qE "^Status: .*(WARNING|ERROR)" build/r/gsd.Rcheck/00check.log; then
    cat build/r/gsd.Rcheck/00check.log >&2
    echo "setup: R CMD check reported warnings" >&2
    exit 1
  fi
}

# R CMD INSTALL the tarball into the library LIB, then load it in a fresh R
# from there and print the seed design.
r_install() {
  local tarball=$1 lib=$2
  R CMD INSTALL -l "$lib" "$tarball" >&2
  R_LIBS="$lib" Rscript -e 'library(gsd)' \
    -e 'cat("gsd", format(packageVersion("gsd")), "loaded from", dirname(find.package("gsd")), "\n")' \
    -e 'print(gsd_design(alpha = 0.05, sided = 2, beta = 0.16, information_fractions = c(0.5, 0.75, 1)))'
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
  node web/test/simon_page_test.mjs build/web/index.html build/release/cli/gsd build/web/screenshot-simon.png
  node web/test/form_test.mjs build/web/index.html build/release/cli/gsd
  echo "web: built and tested in $((SECONDS - start)) s" >&2
}

# build/sanitize: one Clang build for the sanitizer tests and the fuzz
# harnesses, so the libraries are compiled once for both. ASan + UBSan on
# everything, libFuzzer's coverage instrumentation on the libraries only;
# OpenMP on (LLVM's libomp), as the simulator's determinism tests need
# threads. -gline-tables-only: file and line in the reports' frames without
# full debugging information. Not here: the benchmarks, the headers compiled
# alone and MPI, which the release build has proved already; -march=native,
# which the release build has too (docs/testing.md, "Measured time").
configure_sanitize() {
  install_missing "${base[@]}" "${fuzzing[@]}" libomp-dev libgtest-dev libgmock-dev
  CXX=clang++ configure build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
    -DGSD_WERROR=ON -DGSD_SANITIZE=ON -DGSD_FUZZ=ON -DGSD_BUILD_TESTS=ON \
    -DGSD_BUILD_BENCHMARKS=OFF -DGSD_HEADER_CHECK=OFF -DGSD_WITH_MPI=OFF -DGSD_NATIVE=OFF
}

# The libFuzzer harnesses of build/sanitize, each run for $1 seconds on a
# copy of its seed corpus (fuzz/corpus/<name>); any crash, leak, sanitizer
# report or input slower than 10 s fails. Findings are left in build/sanitize/.
# As many harnesses run at once as there are cores ($jobs), each on a core
# of its own for its whole time; each writes its log to
# build/sanitize/fuzz-<name>.log, shown once it has ended.
run_fuzz() {
  local seconds=$1
  stage "fuzz build"
  configure_sanitize
  cmake --build build/sanitize -j "$jobs" --target fuzz_config fuzz_record fuzz_batch >&2
  stage "fuzz run (3 harnesses, $seconds s each, $jobs at a time)"
  local failed=() running=() name
  # Waits for the oldest harness still running and shows its log.
  finish_oldest() {
    local oldest=${running[0]}
    running=("${running[@]:1}")
    if ! wait "${oldest%%:*}"; then failed+=("${oldest#*:}"); fi
    cat "build/sanitize/fuzz-${oldest#*:}.log" >&2
  }
  for name in config record batch; do
    [ "${#running[@]}" -lt "$jobs" ] || finish_oldest
    rm -rf "build/sanitize/corpus-$name"
    cp -r "fuzz/corpus/$name" "build/sanitize/corpus-$name"
    (cd build/sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      exec "./fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 "corpus-$name" > "fuzz-$name.log" 2>&1) &
    running+=("$!:$name")
  done
  while [ "${#running[@]}" -gt 0 ]; do finish_oldest; done
  if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: ${failed[*]} failed (their logs above; findings in build/sanitize/)" >&2
    exit 1
  fi
}

# ThreadSanitizer over the simulator's OpenMP threads. GCC's libgomp is not
# instrumented, so TSan would see its barriers as races (false positives);
# LLVM's libomp with its Archer tool (OMP_TOOL_LIBRARIES) tells TSan about
# OpenMP's synchronisation, and ignore_noninstrumented_modules keeps TSan out
# of libomp's own (uninstrumented) internals, as LLVM's Archer documentation
# advises. Our code stays instrumented: a program with a deliberate race in an
# OpenMP loop must be reported first, or the stage fails. Then the simulator's
# determinism tests (1, 2, 3 threads, the replicate sink, the stop flag) and a
# 4-thread simulation must run without a report.
run_tsan() {
  stage "TSan build"
  install_missing "${base[@]}" "${testing[@]}" clang libomp-dev
  local archer
  archer=$(ls /usr/lib/llvm-*/lib/libarcher.so | head -1)
  # -gline-tables-only as in the fuzz build: the reports' frames keep file and line.
  CXX=clang++ configure build/tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" -DGSD_TSAN=ON \
    -DGSD_WERROR=ON -DGSD_BUILD_TESTS=ON -DGSD_BUILD_BENCHMARKS=OFF -DGSD_NATIVE=OFF
  cmake --build build/tsan -j "$jobs" --target tsan_race_canary tsan_determinism_test \
    tsan_batch_test tsan_batch_stop_test gsd >&2
  stage "TSan run"
  export OMP_TOOL_LIBRARIES=$archer \
    TSAN_OPTIONS="halt_on_error=1 ignore_noninstrumented_modules=1 exitcode=66"
  local rc=0
  build/tsan/tests/tsan_race_canary > /dev/null 2> build/tsan/canary.log || rc=$?
  if [ "$rc" -ne 66 ] || ! grep -q "WARNING: ThreadSanitizer: data race" build/tsan/canary.log; then
    cat build/tsan/canary.log >&2
    echo "tsan: the deliberate race was not reported (exit $rc): this setup cannot see races" >&2
    exit 1
  fi
  build/tsan/tests/tsan_determinism_test >&2
  build/tsan/cli/gsd simulate configs/blinatumomab-20120215.json --replicates 2000 --threads 4 \
    --quiet --format json > /dev/null
  # The batches' thread pool: kept from batch to batch, lent to one batch at
  # a time (the others start their own), stopped while lines run, and more
  # lines than one chunk on 3 threads from the command line.
  build/tsan/tests/tsan_batch_test >&2
  build/tsan/tests/tsan_batch_stop_test >&2
  local i
  for i in $(seq 0 99); do
    echo "{\"design\": {\"beta\": 0.$((10 + i % 10)), \"information_fractions\": [0.3, 0.6, 1]}}"
  done > build/tsan/designs.jsonl
  build/tsan/cli/gsd design --batch build/tsan/designs.jsonl --format jsonl --threads 3 > /dev/null
  for i in 1 2 3 4 5; do tr '\n' ' ' < configs/blinatumomab-20120215.json; echo; done > build/tsan/scenarios.jsonl
  build/tsan/cli/gsd simulate --batch build/tsan/scenarios.jsonl --replicates 200 --format jsonl \
    --threads 3 > /dev/null
  unset OMP_TOOL_LIBRARIES TSAN_OPTIONS
  echo "tsan: the deliberate race was reported; none in the simulator's or the batches' threads" >&2
}

case "$mode" in
  run)
    install_missing "${base[@]}"
    configure build/release -DCMAKE_BUILD_TYPE=Release -DGSD_BUILD_TESTS=OFF -DGSD_BUILD_BENCHMARKS=OFF
    cmake --build build/release -j "$jobs" --target gsd >&2
    build/release/cli/gsd design configs/blinatumomab-20120215.json
    ;;
  python)
    install_missing "${base[@]}" "${python_packages[@]}"
    install_python
    .venv/bin/python -c 'import gsd; print("gsd", gsd.__version__, "installed in .venv:", gsd.__file__)'
    ;;
  test)
    stage "install check"
    install_missing "${base[@]}" "${testing[@]}" "${python_packages[@]}"
    stage "release build"
    configure build/release -DCMAKE_BUILD_TYPE=Release -DGSD_WERROR=ON -DGSD_WITH_MPI=ON \
      -DGSD_BUILD_TESTS=ON -DGSD_BUILD_BENCHMARKS=ON
    cmake --build build/release -j "$jobs" >&2
    stage "release ctest"
    (cd build/release && ctest --output-on-failure -j "$jobs")
    stage "R package: build, check, install"
    install_missing "${r_packages[@]}"
    r_tarball
    r_check "$tarball"
    # The install path of `scripts/setup.sh r`, into a library of its own.
    r_lib=$(mktemp -d)
    r_install "$tarball" "$r_lib"
    rm -rf "$r_lib"
    # The Python package as a wheel (python3 -m build), linked against the
    # engine just built (installed into build/gsd-prefix by r_tarball: no
    # second compile of the engine) and installed into .venv; its tests
    # (compared with build/release/cli/gsd), its example and its notebook.
    stage "Python package: wheel, pytest, example, notebook"
    GSD_PYTHON_WERROR=1 install_python build/gsd-prefix
    GSD_CLI=build/release/cli/gsd .venv/bin/python -m pytest -q bindings/python/tests
    MPLBACKEND=Agg .venv/bin/python examples/python/seed_trial.py --out build/release/python-example > /dev/null
    PYDEVD_DISABLE_FILE_VALIDATION=1 .venv/bin/python -m nbconvert --to notebook --execute \
      --output-dir build/release/python-example examples/python/seed_trial.ipynb
    # Sanitizers: ASan + UBSan over every test, in the Clang build that
    # also holds the fuzz harnesses (configure_sanitize).
    stage "ASan + UBSan build (Clang, with the fuzz harnesses)"
    configure_sanitize
    cmake --build build/sanitize -j "$jobs" >&2
    stage "ASan + UBSan ctest"
    (cd build/sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$jobs")
    stage "web page: WebAssembly build, engine check, browser test"
    test_web
    # Each fuzz harness for 30 s (built above: the fuzz build stage only
    # checks it is up to date), then the simulator's threads under
    # ThreadSanitizer.
    run_fuzz 30
    run_tsan
    stage
    echo "setup: all stages passed in $SECONDS s" >&2
    ;;
  fuzz)
    run_fuzz "${2:-60}"
    stage
    ;;
  tsan)
    run_tsan
    stage
    ;;
  web)
    build_web
    echo "open build/web/index.html in a browser (docs/web.md)"
    ;;
  r)
    install_missing "${base[@]}" "${r_packages[@]}"
    configure build/release -DCMAKE_BUILD_TYPE=Release -DGSD_BUILD_TESTS=OFF -DGSD_BUILD_BENCHMARKS=OFF
    r_tarball
    # The first library on R's path, or the user's library when that is not writable.
    lib=$(Rscript -e 'cat(.libPaths()[1])')
    if [ ! -w "$lib" ]; then
      lib=$(Rscript -e 'cat(path.expand(Sys.getenv("R_LIBS_USER")))')
      mkdir -p "$lib"
    fi
    r_install "$tarball" "$lib"
    ;;
  *)
    echo "usage: scripts/setup.sh run|test|r|python|web|tsan|fuzz [SECONDS]" >&2
    exit 2
    ;;
esac
