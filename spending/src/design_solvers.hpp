#pragma once
// Private: the drift and bounds of a design, one solver per kind of futility
// bound (none, beta-spending, a rule: fixed z, effect, conditional power,
// Pampallona-Tsiatis).
#include <cmath>
#include <optional>

#include "bound_search.hpp"
#include "forward_pass.hpp"
#include "gsd/numerics/exit_probabilities.hpp"

namespace gsd::spending::detail {

struct SolvedBounds {
  Pass pass;
  double drift = 0.0;
  // Exit probabilities when the solver has them already (else computed from
  // the regions).
  std::optional<numerics::ExitProbabilities> null;
  std::optional<numerics::ExitProbabilities> alternative;
};

// f(fixed drift) is >= 0 in exact arithmetic for designs without binding
// lower bounds; a value under zero by no more than this is rounding in the
// integration, and the fixed drift is the root. It happens with one look,
// whose design is the fixed design: for alpha 0.05 two-sided and beta 0.16,
// f(lo) = -1.1e-16; and when the interim looks cost almost nothing: a first
// look at t1 = 0.01 with O'Brien-Fleming spending gives f(lo) = -1.2e-10, of
// the order of the grid integration's error at the default grid_r.
// 1e-8 is a hundred times that.
inline constexpr double kDriftRoundingSlack = 1e-8;

// Finds the drift where f (decreasing in the drift) crosses zero, from the
// bracket [lo, 1.25^n lo]; lo shrinks first if f(lo) < 0 beyond rounding (a
// binding lower bound can give more power than the fixed design at the same
// drift).
template <class F>
double find_root_drift(F f, double lo, const numerics::SolverOptions& options) {
  double f_lo = f(lo);
  if (f_lo <= 0.0 && f_lo >= -kDriftRoundingSlack) return lo;
  for (int i = 0; i < 60 && f_lo < 0.0; ++i) {
    lo /= 1.25;
    f_lo = f(lo);
  }
  double hi = 1.25 * lo;
  double f_hi = f(hi);
  // Each step multiplies the bracket by 1.25; 60 steps reach 6e5 times the
  // fixed-design drift, beyond which the design is degenerate.
  for (int i = 0; i < 60 && f_hi > 0.0; ++i) {
    hi *= 1.25;
    f_hi = f(hi);
  }
  return find_root(f, lo, hi, f_lo, f_hi, options, "the drift");
}

// The same root by Newton's method when f's derivative is at hand (fdf(x)
// gives {f, f'}): from lo, where a power deficit is >= 0 and the power is
// concave in the drift beyond the fixed design's (power >= 1/2), Newton's
// iterates rise to the root without overshooting, in a few steps where the
// bracket and TOMS 748 take twice as many. Outside that case (f(lo) < 0 beyond
// rounding) it is find_root_drift's search.
template <class FDF, class F>
double find_drift_newton(FDF fdf, F f, double lo, const numerics::SolverOptions& options) {
  const auto [f_lo, df_lo] = fdf(lo);
  if (f_lo <= 0.0 && f_lo >= -kDriftRoundingSlack) return lo;
  if (f_lo < 0.0) return find_root_drift(f, lo, options);
  // A first Newton step already within the root's accuracy is the root: the
  // interim looks cost (almost) nothing and the design is the fixed one
  // (alpha 1e-5 with an O'Brien-Fleming first look at t = 0.01 gives f(lo) =
  // 3e-16). Newton's search would stop there at the bracket's end and take it
  // for an end without a root.
  const double first_step = f_lo / -df_lo;
  if (first_step >= 0.0 && first_step <= std::ldexp(lo, -options.boundary_root_bits)) {
    return lo + first_step;
  }
  // Each step multiplies the bracket by 1.25 in find_root_drift; 60 steps.
  const double hi = lo * std::pow(1.25, 60);
  return numerics::find_root_newton(fdf, lo, hi, lo, false, options.boundary_root_bits,
                                    "the drift", options.trace);
}

// Drift of the fixed-sample design: z_{alpha per side} + z_beta.
double fixed_drift(const DesignSpec& s);

// Each solver finds the drift giving power 1 - beta, or, given a drift, sets
// the bounds at it (design_at_drift).
SolvedBounds solve_without_futility(const DesignSpec& s, std::optional<double> drift = {});
SolvedBounds solve_beta_spending(const DesignSpec& s, std::optional<double> drift = {});
SolvedBounds solve_futility_rule(const DesignSpec& s, std::optional<double> drift = {});

}  // namespace gsd::spending::detail
