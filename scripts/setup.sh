#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (README, quick start):
#   scripts/setup.sh run     install what is missing, build the command line
#                            only, and design the seed trial
#   scripts/setup.sh test    install what is missing, build everything with
#                            -Werror and run every test, R CMD check the R
#                            package, then every test again under
#                            AddressSanitizer + UBSan
#   scripts/setup.sh r       install R and its Debian packages if missing,
#                            build the library, and build and install the R
#                            package gsd (bindings/r, docs/r.md)
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

# The R package: R with Rcpp, testthat and jsonlite; knitr, rmarkdown and
# pandoc build its vignette; ggplot2 draws its autoplot() pictures.
r_packages=(r-base-dev r-cran-rcpp r-cran-testthat r-cran-jsonlite r-cran-knitr
            r-cran-rmarkdown pandoc r-cran-ggplot2)
# Where the R package's configure finds the library; R's installs strip the
# package's debugging symbols (8 MB of shared object become about 3).
export GSD_PREFIX="$PWD/build/gsd-prefix" _R_SHLIB_STRIP_=true MAKEFLAGS="-j$jobs"

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
    install_missing "${r_packages[@]}"
    r_tarball
    r_check "$tarball"
    # Sanitizers: ASan + UBSan over every test (RelWithDebInfo keeps frames readable).
    configure build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGSD_WERROR=ON -DGSD_SANITIZE=ON \
      -DGSD_BUILD_TESTS=ON -DGSD_BUILD_BENCHMARKS=OFF -DGSD_WITH_MPI=OFF
    cmake --build build/sanitize -j "$jobs" >&2
    (cd build/sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$jobs")
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
    R CMD INSTALL -l "$lib" "$tarball" >&2
    Rscript -e 'library(gsd); print(gsd_design(alpha = 0.05, sided = 2, beta = 0.16, information_fractions = c(0.5, 0.75, 1)))'
    ;;
  *)
    echo "usage: scripts/setup.sh run|test|r" >&2
    exit 2
    ;;
esac
