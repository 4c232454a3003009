#pragma once
// Sample moments of pairs (x, y) over Monte Carlo replicates, such as one
// statistic at two looks: the means, variances (divided by n), covariance
// and correlation the simulation tests compare with the model's.
#include <cmath>

namespace gsd::survival::testing {

struct PairMoments {
  double n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0;
  void add(double x, double y) {
    n += 1.0;
    sx += x;
    sy += y;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
  }
  double mean_x() const { return sx / n; }
  double mean_y() const { return sy / n; }
  double var_x() const { return sxx / n - mean_x() * mean_x(); }
  double var_y() const { return syy / n - mean_y() * mean_y(); }
  double cov() const { return sxy / n - mean_x() * mean_y(); }
  double corr() const { return cov() / std::sqrt(var_x() * var_y()); }
};

}  // namespace gsd::survival::testing
