#pragma once
// Private: Kaplan-Meier contrasts at a look, accumulated over the merge of
// the log-rank statistic (simulated_test.hpp for the formulas).
#include <algorithm>
#include <cmath>
#include <cstddef>

namespace gsd::simulate::detail {

// A contrast in the form the merge reads.
struct KernelContrast {
  bool rmst = false;     // else milestone
  double horizon = 0.0;  // tau, or the milestone time
};

// One arm's Kaplan-Meier estimate and Greenwood sums up to the horizon. With
// g_i = d_i / (n_i (n_i - d_i)) (0 when n_i = d_i, as survRM2 takes it) at
// each event time t_i <= horizon, S the estimate after t_i and B_i the area
// under the estimate up to t_i:
//   milestone: S(h), Var = S(h)^2 sum g_i (Greenwood);
//   RMST: mu = int_0^h S, Var = sum (mu - B_i)^2 g_i
//         = mu^2 sum g - 2 mu sum B g + sum B^2 g (one pass, mu known last).
struct ArmKaplanMeier {
  double survival = 1.0;
  double area = 0.0;  // int_0^last S
  double last = 0.0;  // time of the last event counted
  double sum_g = 0.0;
  double sum_bg = 0.0;
  double sum_b2g = 0.0;

  void event(double t, double n, double d) {
    area += survival * (t - last);
    last = t;
    const double g = n > d ? d / (n * (n - d)) : 0.0;
    sum_g += g;
    sum_bg += area * g;
    sum_b2g += area * area * g;
    survival *= 1.0 - d / n;
  }
  // The estimate and its variance at the horizon h.
  void finish(const KernelContrast& c, double& estimate, double& variance) const {
    if (!c.rmst) {
      estimate = survival;
      variance = survival * survival * sum_g;
      return;
    }
    const double mu = area + survival * (c.horizon - last);
    estimate = mu;
    variance = std::max(0.0, mu * mu * sum_g - 2.0 * mu * sum_bg + sum_b2g);
  }
};

}  // namespace gsd::simulate::detail
