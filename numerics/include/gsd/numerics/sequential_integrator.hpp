#pragma once
// Recursive numerical integration of the canonical joint distribution of
// group-sequential z statistics: Armitage, McPherson & Rowe (1969), J. R.
// Statist. Soc. A 132:235-244, on the grid of Jennison & Turnbull (2000),
// "Group Sequential Methods with Applications to Clinical Trials", ch. 19.
//
// Canonical form (J&T section 3.1): at look k with information fraction t_k the
// score S_k = Z_k sqrt(t_k) has independent normal increments with variance
// t_k - t_{k-1}. E[Z_k] = mu_k is given per look, so a drift that changes from
// look to look (non-proportional hazards) is allowed.
//
// The integrator walks forward one look at a time and holds the sub-density of
// Z_k on the continuation region, so a boundary search can ask for the tail at
// the next look for many candidate bounds before committing with advance().
#include <optional>
#include <vector>

#include "gsd/numerics/solver_options.hpp"

namespace gsd::numerics {

class SequentialIntegrator {
 public:
  explicit SequentialIntegrator(SolverOptions options = {});

  // P(continue through every look so far, and Z_next >= b) where the next look
  // is at information fraction t (greater than the last) with E[Z_next] = mean.
  // b may be +infinity (gives 0) or -infinity (gives the continuation mass).
  double next_upper_tail(double t, double mean, double b) const;

  // P(continue through every look so far, and Z_next <= a).
  double next_lower_tail(double t, double mean, double a) const;

  // The same tails under a constant drift theta (E[Z_k] = theta sqrt(t_k)),
  // for an integrator whose looks so far were all taken under H0 (mean 0).
  // Under Brownian motion the likelihood ratio of a path continuing to look
  // k-1 is exp(theta S - theta^2 t / 2), a function of the current score
  // S = Z sqrt(t) alone (Wald's identity; Jennison & Turnbull 2000, sec. 19.3),
  // so one H0 recursion serves every drift at O(grid) cost per look.
  // Throws std::logic_error if an earlier look had a non-zero mean.
  double next_upper_tail_tilted(double t, double drift, double b) const;
  double next_lower_tail_tilted(double t, double drift, double a) const;

  // The same tails with their derivatives, for Newton's method in the bound
  // and drift searches: d/db of the upper tail (<= 0), d/da of the lower tail
  // (>= 0), and d/d(drift) of the tilted upper tail. The probability is the
  // one the plain functions above give, by the same sums; the compiler may
  // fuse multiply-adds differently in the two functions (GCC does in ISO C++
  // mode), so the two agree to rounding, not always bit for bit. The
  // derivative adds the normal density of each node's increment (one
  // vectorised exp).
  struct TailAndDerivative {
    double p = 0.0;
    double derivative = 0.0;
  };
  TailAndDerivative next_upper_tail_and_derivative(double t, double mean, double b) const;
  TailAndDerivative next_lower_tail_and_derivative(double t, double mean, double a) const;
  TailAndDerivative next_upper_tail_tilted_and_derivative(double t, double drift, double b) const;

  // Moves to the next look, keeping only paths with lower < Z_next < upper.
  // next_t, the fraction of the look after this one, sets the grid's
  // resolution: the next step's kernel has sd sqrt((next_t - t) / t) in z
  // units and must be resolved. Without it the current step's width is used.
  void advance(double t, double mean, double lower, double upper,
               std::optional<double> next_t = std::nullopt);

  // As advance(), keeping only the paths outside the inner region
  // -inner < Z_next < inner as well: the futility region of a symmetric
  // two-sided design with beta spending (rpact's sided = 2). inner <= 0: none.
  void advance_outside(double t, double mean, double lower, double upper, double inner,
                       std::optional<double> next_t = std::nullopt);

  // P(continue through every look so far); 1 before the first look.
  double continuation_mass() const;

  int looks_done() const noexcept { return looks_done_; }
  const SolverOptions& options() const noexcept { return options_; }

 private:
  struct Step {
    double scale;   // sqrt(t_next) / sqrt(t_next - t_prev)
    double offset;  // mean shift of the increment, divided by its sd
    double slope;   // sqrt(t_prev) / sqrt(t_next - t_prev)
  };
  Step step_to(double t, double mean) const;

  template <class Factor>
  double tail_sum(double x, double slope, bool upper, Factor factor) const;
  // tail_sum's sum, with sum_i weight_i factor(i) moment(i) P(N(0,1) >= arg_i)
  // and sum_i weight_i factor(i) exp(-arg_i^2 / 2) beside it.
  struct TailSums {
    double tail = 0.0;
    double moment = 0.0;
    double density = 0.0;  // without the 1 / sqrt(2 pi)
  };
  template <class Factor, class Moment>
  TailSums tail_sums(double x, double slope, bool upper, Factor factor, Moment moment) const;
  double tilted_tail(double t, double drift, double bound, bool upper) const;

  SolverOptions options_;
  int looks_done_ = 0;
  bool null_path_ = true;  // every look so far had mean 0
  double t_ = 0.0;
  double mean_ = 0.0;
  std::vector<double> z_;       // grid at the current look
  std::vector<double> weight_;  // quadrature weight times sub-density at z_
};

// Quadrature nodes and weights for a look whose statistic has mean `mean`:
// the tail points of J&T (2000) section 19.2 beyond 10 of the mean and a
// uniform grid within it, trimmed to [lower, upper] (the bounds become
// interval ends), with five Gauss-Legendre nodes in each interval (J&T use
// Simpson's rule). Exposed for tests.
struct QuadratureGrid {
  std::vector<double> z;  // increasing
  std::vector<double> w;
};
// Within 10 of the mean no interval is wider than max_interval.
QuadratureGrid quadrature_grid(int r, double mean, double lower, double upper,
                               double max_interval);

// The widest grid interval near the mean for J&T's r and the sd of the
// narrower of the kernels into and out of the look (z units).
double grid_interval(int r, double kernel_sd);

// The same on (lower, upper) without (-inner, inner): the grids of the two
// pieces, one after the other. inner <= 0 gives quadrature_grid's.
QuadratureGrid quadrature_grid_outside(int r, double mean, double lower, double upper, double inner,
                                       double max_interval);

}  // namespace gsd::numerics
