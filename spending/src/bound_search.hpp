#pragma once
// Private helpers: find one look's bound given the integrator state.
#include "gsd/integration/sequential_integrator.hpp"

namespace gsd::detail {

// Efficacy bound b at the next look (fraction t, H0 mean 0) such that the
// probability of continuing so far and then crossing equals `target`; both
// tails count when two_sided. Returns +infinity when target is too small to
// spend (below ~1e-300). Throws NumericalError when the continuation mass is
// smaller than the target.
double solve_efficacy_bound(const SequentialIntegrator& h0, double t, double target,
                            bool two_sided);

// Futility bound a at the next look (fraction t, mean under H1) with
// P(continue, Z <= a) = target, capped at the efficacy bound b (rpact's rule:
// futility never exceeds efficacy). Returns -infinity when target <= 0.
double solve_futility_bound(const SequentialIntegrator& h1, double t, double mean, double b,
                            double target);

// toms748 on a bracketed monotone function; throws NumericalError naming
// `what` if the iteration cap is reached.
template <class F>
double find_root(F f, double lo, double hi, const char* what);
// The same with f(lo) and f(hi) already known.
template <class F>
double find_root(F f, double lo, double hi, double f_lo, double f_hi, const char* what);

}  // namespace gsd::detail

#include "bound_search_impl.hpp"
