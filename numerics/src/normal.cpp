#include "gsd/numerics/normal.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <numbers>
#include <limits>
#include <stdexcept>
#include <string>

#include "libmvec_lanes.hpp"

namespace gsd::numerics {

void normal_upper_tails(const double* x, double* out, std::size_t n) noexcept {
#if defined(GSD_HAVE_LIBMVEC)
  // Zero pads the remainder: erfc(0) = 1.
  detail::for_each_lanes(x, out, n, 0.0, [](detail::Lanes v) {
    using namespace detail;
    return times(splat(0.5), lanes_erfc(times(v, splat(kInvSqrt2))));
  });
#else
  for (std::size_t i = 0; i < n; ++i) out[i] = normal_upper_tail(x[i]);
#endif
}

double normal_upper_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) {
    throw std::domain_error("normal_upper_quantile: p = " + std::to_string(p) +
                            " must lie in (0, 1)");
  }
  const boost::math::normal_distribution<double> standard;
  return boost::math::quantile(boost::math::complement(standard, p));
}

namespace {

// log P(Z >= z) by the asymptotic series (normal.hpp), and its derivative
// -phi(z) / P(Z >= z) from the same series.
struct LogTail {
  double value;
  double slope;
};

LogTail log_upper_tail_asymptotic(double z) {
  // The series 1 - 1/z^2 + 3/z^4 - 15/z^6 + ..., term k = (-1)^k (2k - 1)!! / z^(2k),
  // and its derivative in z, term by term.
  constexpr int kTerms = 8;
  const double w = 1.0 / (z * z);
  double term = 1.0;
  double series = 1.0;
  double series_slope = 0.0;
  for (int k = 1; k < kTerms; ++k) {
    term *= -(2.0 * k - 1.0) * w;
    series += term;
    series_slope += -2.0 * k * term / z;
  }
  const double half_log_two_pi = 0.5 * std::log(2.0 * std::numbers::pi);
  return {-0.5 * z * z - std::log(z) - half_log_two_pi + std::log(series),
          -z - 1.0 / z + series_slope / series};
}

}  // namespace

double normal_upper_quantile_of_log(double log_p) {
  if (!(log_p <= kLogSmallestTail)) {
    throw std::domain_error("normal_upper_quantile_of_log: log p = " + std::to_string(log_p) +
                            " must be at most log(1e-280)");
  }
  // Start from the leading terms, z^2 = -2 log p - log(-4 pi log p) (the
  // first step of iterating -2 log p = z^2 + log(2 pi z^2)), then Newton's
  // method. The log tail is decreasing and concave, so each tangent lies
  // above it: from the first step on the iterates approach the root from
  // above, monotonically, and settle within a few steps.
  const double a = -2.0 * log_p;
  double z = std::sqrt(a - std::log(2.0 * std::numbers::pi * a));
  constexpr int kMaxSteps = 50;
  for (int step = 0; step < kMaxSteps; ++step) {
    const LogTail f = log_upper_tail_asymptotic(z);
    const double delta = (f.value - log_p) / f.slope;
    z -= delta;
    if (std::fabs(delta) <= 4.0 * std::numeric_limits<double>::epsilon() * z) break;
  }
  return z;
}

}  // namespace gsd::numerics
