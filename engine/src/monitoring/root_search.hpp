#pragma once
// Private: bracketed root search for the monitoring estimates, the pattern of
// spending/src/bound_search_impl.hpp (Boost toms748, NumericalError on failure).
#include <boost/math/tools/roots.hpp>
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <string>

#include "gsd/integration/numerical_error.hpp"

namespace gsd::monitoring::detail {

// toms748 converges in well under 40 steps on these smooth monotone
// functions; exhausting 200 means a real failure.
inline constexpr std::uintmax_t kMaxRootIterations = 200;

template <class F>
double find_root(F f, double lo, double hi, int bits, const std::string& what) {
  const double f_lo = f(lo);
  const double f_hi = f(hi);
  if (std::fpclassify(f_lo) == FP_ZERO) return lo;
  if (std::fpclassify(f_hi) == FP_ZERO) return hi;
  if ((f_lo > 0.0) == (f_hi > 0.0)) {
    throw NumericalError("no bracket for " + what, std::fabs(f_lo) < std::fabs(f_hi) ? lo : hi,
                         std::min(std::fabs(f_lo), std::fabs(f_hi)), 0);
  }
  std::uintmax_t iterations = kMaxRootIterations;
  const auto r = boost::math::tools::toms748_solve(
      f, lo, hi, f_lo, f_hi, boost::math::tools::eps_tolerance<double>(static_cast<unsigned>(bits)), iterations);
  if (iterations >= kMaxRootIterations) {
    throw NumericalError("iterations exhausted for " + what, 0.5 * (r.first + r.second),
                         std::fabs(r.second - r.first), static_cast<int>(iterations));
  }
  return 0.5 * (r.first + r.second);
}

}  // namespace gsd::monitoring::detail
