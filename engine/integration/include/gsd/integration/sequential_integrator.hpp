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
#include <vector>

#include "gsd/integration/grid_options.hpp"

namespace gsd {

class SequentialIntegrator {
 public:
  explicit SequentialIntegrator(GridOptions options = {});

  // P(continue through every look so far, and Z_next >= b) where the next look
  // is at information fraction t (greater than the last) with E[Z_next] = mean.
  // b may be +infinity (gives 0) or -infinity (gives the continuation mass).
  double next_upper_tail(double t, double mean, double b) const;

  // P(continue through every look so far, and Z_next <= a).
  double next_lower_tail(double t, double mean, double a) const;

  // Moves to the next look, keeping only paths with lower < Z_next < upper.
  void advance(double t, double mean, double lower, double upper);

  // P(continue through every look so far); 1 before the first look.
  double continuation_mass() const;

  int looks_done() const noexcept { return looks_done_; }

 private:
  struct Step {
    double scale;   // sqrt(t_next) / sqrt(t_next - t_prev)
    double offset;  // mean shift of the increment, divided by its sd
    double slope;   // sqrt(t_prev) / sqrt(t_next - t_prev)
  };
  Step step_to(double t, double mean) const;

  GridOptions options_;
  int looks_done_ = 0;
  double t_ = 0.0;
  double mean_ = 0.0;
  std::vector<double> z_;       // grid at the current look
  std::vector<double> weight_;  // Simpson weight times sub-density at z_
};

// Grid points of J&T (2000) section 19.2 for a look whose statistic has mean
// `mean`, trimmed to [lower, upper], with Simpson midpoints inserted, and the
// matching composite-Simpson weights. Exposed for tests.
struct SimpsonGrid {
  std::vector<double> z;
  std::vector<double> w;
};
SimpsonGrid simpson_grid(int r, double mean, double lower, double upper);

}  // namespace gsd
