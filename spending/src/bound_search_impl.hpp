#pragma once
#include <boost/math/tools/roots.hpp>
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <string>

#include "gsd/integration/numerical_error.hpp"

namespace gsd::detail {

// 40 mantissa bits: roots to ~1e-12 relative, a million times finer than the
// 1e-6 accuracy target in z, and below the integration's own error (~1e-8).
inline constexpr int kRootBits = 40;
// toms748 converges in well under 30 steps on these smooth monotone functions;
// 200 is a safety cap whose exhaustion means a real failure.
inline constexpr std::uintmax_t kMaxRootIterations = 200;

template <class F>
double find_root(F f, double lo, double hi, double f_lo, double f_hi, const char* what) {
  std::uintmax_t iterations = kMaxRootIterations;
  if (std::fpclassify(f_lo) == FP_ZERO) return lo;
  if (std::fpclassify(f_hi) == FP_ZERO) return hi;
  if ((f_lo > 0.0) == (f_hi > 0.0)) {
    throw NumericalError(std::string("no bracket for ") + what,
                         std::fabs(f_lo) < std::fabs(f_hi) ? lo : hi,
                         std::min(std::fabs(f_lo), std::fabs(f_hi)), 0);
  }
  const auto r = boost::math::tools::toms748_solve(
      f, lo, hi, f_lo, f_hi, boost::math::tools::eps_tolerance<double>(kRootBits), iterations);
  if (iterations >= kMaxRootIterations) {
    throw NumericalError(std::string("iterations exhausted for ") + what,
                         0.5 * (r.first + r.second), std::fabs(r.second - r.first),
                         static_cast<int>(iterations));
  }
  return 0.5 * (r.first + r.second);
}

template <class F>
double find_root(F f, double lo, double hi, const char* what) {
  return find_root(f, lo, hi, f(lo), f(hi), what);
}

}  // namespace gsd::detail
