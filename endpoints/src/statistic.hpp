#pragma once
// Private: the z statistic of an endpoint as the sizing formulas see it.
// With N patients in all, the estimate minus the margin has variance v / N:
//   normal, one sample:   v = sd^2
//   normal, two samples:  v = sd^2 (1 + r)^2 / r              (r = treatment : control)
//   binary, one sample:   v = p (1 - p)
//   binary, difference:   v = (1 + r) (p1 q1 / r + p2 q2)
//   binary, ratio:        v = (1 + r) (p1 q1 / r + R0^2 p2 q2)  (on p1 - R0 p2)
// A binary statistic's variance is v0 under H0 (Farrington-Manning rates,
// or the H0 rate for one sample) and v1 under H1 (the planned rates); the
// unpooled (Wald) statistic uses v1 for both. rpact 3.3.4's
// getSampleSizeMeans/-Rates and getPowerMeans/-Rates are the reference.
#include "gsd/endpoints/endpoint_spec.hpp"

namespace gsd::endpoints::detail {

struct Statistic {
  double effect = 0.0;  // |alternative - margin| on the linear scale (p1 - R0 p2 for a ratio)
  double v0 = 0.0;      // variance x N under H0
  double v1 = 0.0;      // variance x N under H1
};

Statistic statistic(const EndpointSpec& spec);

// Patients of a fixed design with one-sided level `alpha` and power 1 - beta:
// the normal approximation (z_a sqrt(v0) + z_b sqrt(v1))^2 / effect^2, or for
// a normal endpoint with the t test the root of rpact's noncentral-t equation
// P(T_{N-g}(ncp = effect sqrt(N / v)) <= t_{1-a, N-g}) = beta.
double fixed_patients(const EndpointSpec& spec, double alpha, double beta);

// The drift (mean of the final z of the normal approximation) at N patients:
// effect sqrt(N / v1) - z_a (sqrt(v0 / v1) - 1), rpact's power for rates; for
// the t test z_a - Phi^{-1}(P(T <= t_{1-a})) = z_a + z_beta, the normal drift whose fixed
// power equals the t test's (rpact's getPowerMeans).
double drift_at(const EndpointSpec& spec, double patients, double alpha);

// The estimate at which z equals `z` with n patients in all (rpact's
// effect-scale bounds): for a normal endpoint margin + sign z sqrt(v / n),
// with the t quantile at the same nominal level when the t test is used; for
// two binary rates the treatment rate solving z(p1) = sign z, reported as a
// difference or ratio. Absent where no estimate reaches it.
std::optional<double> estimate_at(const EndpointSpec& spec, double z, double n);

// The inverse of estimate_at: the z of an estimate with n patients in all.
// Absent where the estimate is impossible (a rate outside (0, 1)) or the t
// test has no degrees of freedom.
std::optional<double> z_at(const EndpointSpec& spec, double estimate, double n);

}  // namespace gsd::endpoints::detail
