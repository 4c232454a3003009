#pragma once
// Bracketed root finding shared by every gsd solver (boundaries, drift, look
// times, sample sizes, monitoring estimates): Boost.Math's TOMS 748
// (Alefeld, Potra & Shi 1995, ACM TOMS 21:327). A missing bracket or an
// exhausted iteration cap throws NumericalError carrying the best point
// reached, never a silent last iterate.
#include <algorithm>
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

// Root of a monotone f on [lo, hi] by Newton's method from `guess`, safeguarded
// by bisection (Press, Teukolsky, Vetterling & Flannery 2007, "Numerical
// Recipes", 3rd ed., section 9.4, rtsafe). fdf(x) returns {f(x), f'(x)};
// `increasing` says which way f runs. Each point evaluated narrows the
// bracket; a step that leaves it, or goes against the slope, is replaced by
// the bracket's midpoint. Converged when the error left after a step, or the
// step itself, is within `bits` mantissa bits of x (absolute below |x| = 1);
// the error left is estimated from the quadratic convergence of the last two
// steps. The root is the last Newton iterate. The search ends in TOMS
// 748 on what is left of the bracket, with its checks and errors, if Newton
// has not converged within kMaxRootIterations steps, or when its iterates
// reach an end of [lo, hi] without a sign change (no root inside).
template <class FDF>
double find_root_newton(FDF fdf, double lo, double hi, double guess, bool increasing, int bits,
                        const std::string& what, SolverTrace* trace = nullptr) {
  const double tolerance = std::ldexp(1.0, -bits);
  const double lo0 = lo;
  const double hi0 = hi;
  double x = std::clamp(guess, lo, hi);
  double previous_step = 0.0;  // the last Newton step's size; 0 after bisection
  std::uintmax_t iterations = 0;
  for (; iterations < kMaxRootIterations; ++iterations) {
    const auto [fx, dfx] = fdf(x);
    if (std::fpclassify(fx) == FP_ZERO) return x;
    if (!std::isfinite(fx)) break;
    if ((fx < 0.0) == increasing) {
      lo = x;
    } else {
      hi = x;
    }
    const double step = -fx / dfx;
    double next = x + step;
    const bool newton = std::isfinite(step) && (dfx > 0.0) == increasing && next > lo && next < hi;
    if (!newton) next = 0.5 * (lo + hi);
    // Newton's error after a step is about K step^2, with K estimated from
    // the last two steps (e_n+1 = K e_n^2, and a step is about the error it
    // removes): converged when that, or the step itself, is within tolerance.
    double width = newton ? std::fabs(step) : hi - lo;
    if (newton && previous_step > 0.0 && width < 0.5 * previous_step) {
      width = std::fmin(width, width * width * (width / (previous_step * previous_step)));
    }
    previous_step = newton ? std::fabs(step) : 0.0;
    if (width <= tolerance * std::fmax(std::fabs(next), 1.0)) {
      if (next - lo0 <= tolerance || hi0 - next <= tolerance) break;  // an end: no root inside?
      if (trace && trace->enabled(SolverTrace::Level::kDebug)) {
        std::ostringstream out;
        out.precision(10);
        out << "root of " << what << ": " << next << " after " << iterations + 1
            << " Newton steps (error about " << width << ", |f| " << std::fabs(fx) << ")";
        trace->write(SolverTrace::Level::kDebug, out.str());
      }
      return next;
    }
    x = next;
  }
  auto f = [&](double y) { return fdf(y).first; };
  return find_root(f, lo, hi, bits, what, trace);
}

}  // namespace gsd::numerics
