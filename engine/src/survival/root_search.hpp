#pragma once
// Bracketed root finding for the survival solvers (look times, patients,
// events): Boost.Math TOMS 748 (Alefeld, Potra & Shi 1995), failures reported
// as gsd::NumericalError with the best point reached, as in the spending
// module's boundary search.
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <string>

#include "gsd/integration/numerical_error.hpp"

namespace gsd::survival::detail {

// 45 bits: calendar times and sample sizes to ~3e-14 relative, far below
// the quadrature tolerance that limits the function values anyway.
inline constexpr int kRootBits = 45;
// TOMS 748 needs well under 30 steps on these monotone smooth functions; 200
// is a safety cap whose exhaustion means a real failure.
inline constexpr std::uintmax_t kMaxRootIterations = 200;

template <class F>
double find_root(F f, double lo, double hi, const char* what) {
  std::uintmax_t iterations = kMaxRootIterations;
  const double f_lo = f(lo);
  const double f_hi = f(hi);
  if (std::fpclassify(f_lo) == FP_ZERO) return lo;
  if (std::fpclassify(f_hi) == FP_ZERO) return hi;
  if ((f_lo > 0.0) == (f_hi > 0.0)) {
    throw NumericalError(std::string("no bracket for ").append(what),
                         std::fabs(f_lo) < std::fabs(f_hi) ? lo : hi,
                         std::fmin(std::fabs(f_lo), std::fabs(f_hi)), 0);
  }
  const auto r = boost::math::tools::toms748_solve(
      f, lo, hi, f_lo, f_hi, boost::math::tools::eps_tolerance<double>(kRootBits), iterations);
  if (iterations >= kMaxRootIterations) {
    throw NumericalError(std::string("iterations exhausted for ").append(what),
                         0.5 * (r.first + r.second), std::fabs(r.second - r.first),
                         static_cast<int>(iterations));
  }
  return 0.5 * (r.first + r.second);
}

}  // namespace gsd::survival::detail
