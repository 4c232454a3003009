#pragma once
// A Student t statistic on the normal scale: the z with the same upper-tail
// probability, z = Phi^{-1}(F_t(t; df)), which is how a t test's look meets
// bounds set on the z scale.
namespace gsd::endpoints {

// log P(T >= t) for T ~ t(df), t > 0, df > 0, without underflow for any
// finite t: the density at t (its normalising constant by Boost.Math's
// tgamma_delta_ratio) times the integral of the density's ratio to it over
// [t, infinity), by Boost.Math's exp-sinh quadrature.
double log_t_upper_tail(double t, double df);

// Phi^{-1}(F_t(t; df)) from the nearer tail. Where that tail is below 1e-280
// (|t| past about 36 for large df, or huge |t| for any df), through the
// logarithms of both tails (numerics::normal_upper_quantile_of_log), so
// that z grows with |t| instead of stopping where the probability underflows.
double z_of_t(double t, double df);

}  // namespace gsd::endpoints
