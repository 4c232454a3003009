#pragma once
// Standard normal tail functions computed without 1 - p cancellation, as
// Boost.Math's cdf(complement(...)) does. The scalar ones are inline, and the
// many-at-once normal_upper_tails is in normal.cpp: they sit in the innermost
// loops of the recursive integration.
#include <cmath>
#include <cstddef>
#include <numbers>

namespace gsd::numerics {

// 1 / sqrt(2) and 1 / sqrt(2 pi), from <numbers>.
inline constexpr double kInvSqrt2 = std::numbers::sqrt2 / 2.0;
inline constexpr double kInvSqrt2Pi = std::numbers::inv_sqrtpi * kInvSqrt2;

// Upper tail P(Z >= x) = erfc(x / sqrt 2) / 2; accurate far into both tails.
inline double normal_upper_tail(double x) noexcept {
  return 0.5 * std::erfc(x * kInvSqrt2);
}

// P(Z >= x[i]) into out[i] for i < n (out may be x), each the value
// normal_upper_tail gives to within a few units in the last place. Where the
// build has glibc's vector math library (libmvec, glibc 2.35 and later on
// x86-64), its erfc takes four values at once with AVX2 and two with SSE2;
// elsewhere it is normal_upper_tail in a loop. Every element takes the same
// routine whatever n, so each result depends only on its own x[i].
void normal_upper_tails(const double* x, double* out, std::size_t n) noexcept;

// Lower tail P(Z <= x).
inline double normal_lower_tail(double x) noexcept { return normal_upper_tail(-x); }

// z[i] with P(Z <= z[i]) = p[i], for p[i] in (0, 1), into out[i] for i < n
// (out may be p), by Wichura's rational approximations (Algorithm AS 241,
// PPND16: Wichura 1988, Applied Statistics 37:477-484; the algorithm of R's
// qnorm), relative error about 1e-16. The three ranges' rational functions
// are taken branch-free, so the compiler vectorises them, and the tails'
// logarithms go through negative_logs (libmvec where the build has it):
// the quantiles that the multivariate normal integrand takes many at a time.
// p outside (0, 1) is clamped to [1e-300, 1 - 2^-53]. Every element takes
// the same routine whatever n, so each result depends only on its own p[i].
void normal_lower_quantiles(const double* p, double* out, std::size_t n) noexcept;

// Density phi(x).
inline double normal_density(double x) noexcept {
  return kInvSqrt2Pi * std::exp(-0.5 * x * x);
}

// z with P(Z >= z) = p, for p in (0, 1). Uses Boost.Math's quantile of the
// complement, so small p keep full relative accuracy.
double normal_upper_quantile(double p);

// The natural logarithm below which a tail probability is taken by its
// logarithm: p < 1e-280 is within 28 decades of the smallest normal double,
// where a quantile of p itself would soon see denormals or zero.
inline constexpr double kLogSmallestTail = -644.72382603833279;  // log(1e-280)

// z with log P(Z >= z) = log_p, for log_p <= kLogSmallestTail (z above
// 35.7), where p itself may underflow. Solves Laplace's asymptotic series of
// Mills' ratio, log P(Z >= z) = -z^2/2 - log(z sqrt(2 pi)) + log(1 - 1/z^2 +
// 3/z^4 - ...) (Abramowitz & Stegun 26.2.12), by Newton's method; at such z
// eight terms leave a relative error below 1e-18 in the series.
double normal_upper_quantile_of_log(double log_p);

}  // namespace gsd::numerics
