#pragma once
// One look's bound given the integrator's state: the building block of the
// design solver, and of anything that re-solves a bound at observed
// information (a capped final analysis, a monitoring look).
#include "gsd/numerics/sequential_integrator.hpp"

namespace gsd::spending {

// Efficacy bound b at the next look (fraction t, H0 mean 0) such that the
// probability of continuing so far and then crossing equals `target`; both
// tails count when two_sided. Returns +infinity when target is too small to
// spend (below ~1e-299). Throws NumericalError when the continuation mass is
// smaller than the target.
double solve_efficacy_bound(const numerics::SequentialIntegrator& h0, double t, double target,
                            bool two_sided);

// Futility bound a at the next look (fraction t, mean under H1) with
// P(continue, Z <= a) = target, capped at the efficacy bound b (rpact's rule:
// futility never exceeds efficacy). Returns -infinity when target <= 0.
double solve_futility_bound(const numerics::SequentialIntegrator& h1, double t, double mean, double b,
                            double target);

// Futility bound c >= 0 of a symmetric two-sided design at the next look:
// P(continue, -c < Z < c) = target under H1 (rpact's two-sided beta spending:
// stop for futility when |Z| < c), capped at the efficacy bound b. Returns
// -infinity when target <= 0.
double solve_inner_futility_bound(const numerics::SequentialIntegrator& h1, double t, double mean,
                                  double b, double target);

}  // namespace gsd::spending
