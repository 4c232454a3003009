#pragma once
// The standard error of a proportion p estimated from n independent trials,
// sqrt(p (1 - p) / n): the scale of the statistical bounds that the Monte
// Carlo tests put on simulated rejection rates.
#include <cmath>

namespace gsd::testing {

inline double binomial_se(double p, double n) { return std::sqrt(p * (1.0 - p) / n); }

}  // namespace gsd::testing
