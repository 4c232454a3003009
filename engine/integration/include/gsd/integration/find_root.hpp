#pragma once
// Bracketed root finding shared by every gsd solver (boundaries, drift, look
// times, sample sizes, monitoring estimates): Boost.Math's TOMS 748
// (Alefeld, Potra & Shi 1995, ACM TOMS 21:327). A missing bracket or an
// exhausted iteration cap throws gsd::NumericalError carrying the best point
// reached, never a silent last iterate.
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <string>

#include "gsd/integration/numerical_error.hpp"

namespace gsd {

// TOMS 748 needs well under 40 steps on the smooth monotone functions gsd
// solves; exhausting 200 means a real failure.
inline constexpr std::uintmax_t kMaxRootIterations = 200;

// Root of f on [lo, hi] given f(lo) and f(hi) of opposite signs, to `bits`
// mantissa bits of the bracket.
template <class F>
double find_root(F f, double lo, double hi, double f_lo, double f_hi, int bits,
                 const std::string& what) {
  if (std::fpclassify(f_lo) == FP_ZERO) return lo;
  if (std::fpclassify(f_hi) == FP_ZERO) return hi;
  if ((f_lo > 0.0) == (f_hi > 0.0)) {
    throw NumericalError("no bracket for " + what, std::fabs(f_lo) < std::fabs(f_hi) ? lo : hi,
                         std::fmin(std::fabs(f_lo), std::fabs(f_hi)), 0);
  }
  std::uintmax_t iterations = kMaxRootIterations;
  const auto r = boost::math::tools::toms748_solve(
      f, lo, hi, f_lo, f_hi, boost::math::tools::eps_tolerance<double>(static_cast<unsigned>(bits)),
      iterations);
  if (iterations >= kMaxRootIterations) {
    throw NumericalError("iterations exhausted for " + what, 0.5 * (r.first + r.second),
                         std::fabs(r.second - r.first), static_cast<int>(iterations));
  }
  return 0.5 * (r.first + r.second);
}

template <class F>
double find_root(F f, double lo, double hi, int bits, const std::string& what) {
  return find_root(f, lo, hi, f(lo), f(hi), bits, what);
}

}  // namespace gsd
