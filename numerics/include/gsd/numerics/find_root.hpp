#pragma once
// Bracketed root finding shared by every gsd solver (boundaries, drift, look
// times, sample sizes, monitoring estimates): Boost.Math's TOMS 748
// (Alefeld, Potra & Shi 1995, ACM TOMS 21:327). A missing bracket or an
// exhausted iteration cap throws NumericalError carrying the best point
// reached, never a silent last iterate.
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>

#include "gsd/numerics/numerical_error.hpp"
#include "gsd/numerics/solver_trace.hpp"

namespace gsd::numerics {

// TOMS 748 needs well under 40 steps on the smooth monotone functions gsd
// solves; exhausting 200 means a real failure.
inline constexpr std::uintmax_t kMaxRootIterations = 200;

// Root of f on [lo, hi] given f(lo) and f(hi) of opposite signs, to `bits`
// mantissa bits of the bracket. `trace`, when given and at debug level,
// receives the iterations and the smallest |f| seen.
template <class F>
double find_root(F f, double lo, double hi, double f_lo, double f_hi, int bits,
                 const std::string& what, SolverTrace* trace = nullptr) {
  if (std::fpclassify(f_lo) == FP_ZERO) return lo;
  if (std::fpclassify(f_hi) == FP_ZERO) return hi;
  if ((f_lo > 0.0) == (f_hi > 0.0)) {
    throw NumericalError("no bracket for " + what, std::fabs(f_lo) < std::fabs(f_hi) ? lo : hi,
                         std::fmin(std::fabs(f_lo), std::fabs(f_hi)), 0);
  }
  double best_residual = std::fmin(std::fabs(f_lo), std::fabs(f_hi));
  const auto observed = [&](double x) {
    const double fx = f(x);
    best_residual = std::fmin(best_residual, std::fabs(fx));
    return fx;
  };
  std::uintmax_t iterations = kMaxRootIterations;
  const auto r = boost::math::tools::toms748_solve(
      observed, lo, hi, f_lo, f_hi,
      boost::math::tools::eps_tolerance<double>(static_cast<unsigned>(bits)), iterations);
  if (iterations >= kMaxRootIterations) {
    throw NumericalError("iterations exhausted for " + what, 0.5 * (r.first + r.second),
                         best_residual, static_cast<int>(iterations));
  }
  const double root = 0.5 * (r.first + r.second);
  if (trace && trace->enabled(SolverTrace::Level::kDebug)) {
    std::ostringstream out;
    out.precision(10);
    out << "root of " << what << ": " << root << " after " << iterations
        << " iterations (bracket width " << (r.second - r.first) << ", smallest |f| "
        << best_residual << ")";
    trace->write(SolverTrace::Level::kDebug, out.str());
  }
  return root;
}

template <class F>
double find_root(F f, double lo, double hi, int bits, const std::string& what,
                 SolverTrace* trace = nullptr) {
  return find_root(f, lo, hi, f(lo), f(hi), bits, what, trace);
}

}  // namespace gsd::numerics
