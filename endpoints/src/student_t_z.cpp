#include "gsd/endpoints/student_t_z.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>
#include <numbers>

#include "gsd/numerics/normal.hpp"

namespace gsd::endpoints {

double log_t_upper_tail(double t, double df) {
  // The density is c (1 + t^2 / df)^(-(df + 1) / 2), with
  // c = Gamma((df + 1) / 2) / (Gamma(df / 2) sqrt(df pi)). With q = t / sqrt(df)
  // and s = t (1 + w), the ratio of the density at s to that at t is
  // (1 + r w (2 + w))^(-(df + 1) / 2) with r = q^2 / (1 + q^2), free of the
  // cancellation of a difference of logarithms, and
  // P(T >= t) = f(t) t int_0^inf ratio(w) dw.
  const double q = t / std::sqrt(df);
  const double half_power = 0.5 * (df + 1.0);
  const double r = 1.0 / (1.0 + 1.0 / (q * q));
  // log(1 + q^2), by 2 log q once q^2 would overflow.
  const double log_kernel = q > 1e150 ? 2.0 * std::log(q) : std::log1p(q * q);
  const double log_c = -std::log(boost::math::tgamma_delta_ratio(0.5 * df, 0.5)) -
                       0.5 * std::log(df * std::numbers::pi);
  const auto ratio = [&](double w) { return std::exp(-half_power * std::log1p(r * w * (2.0 + w))); };
  boost::math::quadrature::exp_sinh<double> integrator;  // integrate() is not const in Boost 1.74
  const double integral = integrator.integrate(ratio);
  return log_c - half_power * log_kernel + std::log(t) + std::log(integral);
}

double z_of_t(double t, double df) {
  const double a = std::fabs(t);
  if (std::isinf(a)) return t;  // the limit of the tails
  const boost::math::students_t dist(df);
  const double upper = boost::math::cdf(boost::math::complement(dist, a));
  const double smallest = std::exp(numerics::kLogSmallestTail);
  double z = 0.0;
  if (upper >= smallest) {
    z = numerics::normal_upper_quantile(upper);
  } else {
    // Within rounding of the threshold the logarithm may come out a hair
    // above it; the two paths agree there to about 1e-13 in z.
    z = numerics::normal_upper_quantile_of_log(std::min(log_t_upper_tail(a, df), numerics::kLogSmallestTail));
  }
  return t < 0.0 ? -z : z;
}

}  // namespace gsd::endpoints
