#include "statistic.hpp"

#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "gsd/endpoints/farrington_manning.hpp"
#include "gsd/numerics/find_root.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::endpoints::detail {

namespace {

using numerics::normal_upper_quantile;

// Phi^{-1}(1 - DBL_MIN) = 37.52: the largest drift beyond z_alpha that a
// type II error in doubles can express.
constexpr double kUnderflowDrift = 37.5;

// Roots in patients and rates are found to 52 bits of the bracket: the
// reference (rpact) values are compared at 1e-6 relative.
constexpr int kRootBits = 52;
// The t-test patients search doubles its upper end from this many patients
// until the power is reached (rpact's `up <- 2`), at most this many times.
constexpr double kFirstUpper = 4.0;
constexpr int kMaxDoublings = 60;

double bernoulli_variance(double p) { return p * (1.0 - p); }

// (1 + r) (p1 q1 / r + w^2 p2 q2): N times the variance of p1 - w p2.
double two_rate_variance(double p1, double p2, double w, double r) {
  return (1.0 + r) * (bernoulli_variance(p1) / r + w * w * bernoulli_variance(p2));
}

bool ratio_scale(const EndpointSpec& s) { return s.groups == 2 && s.scale == RateScale::kRatio; }

// N x variance under H0 of a two-sample binary statistic with treatment rate p1.
double null_variance(const EndpointSpec& s, double p1, double p2) {
  const double m = s.null_value();
  const double r = s.allocation_ratio;
  if (s.variance == RateVariance::kUnpooled) return two_rate_variance(p1, p2, ratio_scale(s) ? m : 1.0, r);
  if (ratio_scale(s)) {
    const RestrictedRates fm = restricted_rates_ratio(p1, p2, m, r);
    return two_rate_variance(fm.treatment, fm.control, m, r);
  }
  const RestrictedRates fm = restricted_rates_difference(p1, p2, m, r);
  return two_rate_variance(fm.treatment, fm.control, 1.0, r);
}

int t_groups(const EndpointSpec& s) { return s.groups; }

bool uses_t(const EndpointSpec& s) { return s.type == EndpointType::kNormal && !s.normal_approximation; }

// P(T_df(ncp) <= t_{1-alpha, df}): the type II error of the fixed t test.
// Near df = 0 (the patients search starts just above `groups` patients) the
// critical value lies beyond the largest double (t_{0.975, 0.001} is about
// 10^1200): the test never rejects there, and the type II error is 1, as R's
// pt(qt(1 - alpha, df), df, ncp) gives. Boost reports that quantile as an
// overflow, which would otherwise end a large effect's solve (5 sd) as a
// numerical failure.
double t_beta(double alpha, double df, double ncp) {
  const boost::math::students_t central(df);
  double critical = 0.0;
  try {
    critical = boost::math::quantile(boost::math::complement(central, alpha));
  } catch (const std::overflow_error&) {
    return 1.0;
  }
  return boost::math::cdf(boost::math::non_central_t(df, ncp), critical);
}

double t_fixed_patients(const EndpointSpec& s, const Statistic& st, double alpha, double beta) {
  const double g = t_groups(s);
  const auto gap = [&](double n) { return t_beta(alpha, n - g, st.effect * std::sqrt(n / st.v1)) - beta; };
  // The normal-approximation size is a lower end: the t test needs more.
  const double z = normal_upper_quantile(alpha) + normal_upper_quantile(beta);
  const double z_size = z * z * st.v1 / (st.effect * st.effect);
  // Beyond the patients a plan may have, the t test's size is the z test's
  // to a relative 1e-9 and more: the caller refuses it as too large, naming
  // it (a noncentral t of 1e15 degrees of freedom is not computed).
  if (!(z_size <= EndpointSpec::kMaxPatients)) return z_size;
  double lo = std::fmax(g + 1e-3, z_size);
  if (gap(lo) <= 0.0) lo = g + 1e-3;
  double hi = std::fmax(kFirstUpper, 2.0 * lo);
  for (int i = 0; gap(hi) > 0.0; ++i) {
    if (i == kMaxDoublings) {
      throw numerics::NumericalError("patients of the t test for the target power", hi, gap(hi), i);
    }
    hi *= 2.0;
  }
  return numerics::find_root(gap, lo, hi, kRootBits, "patients of the t test for the target power");
}

}  // namespace

Statistic statistic(const EndpointSpec& s) {
  Statistic st;
  const double m = s.null_value();
  const double r = s.allocation_ratio;
  if (s.type == EndpointType::kNormal) {
    st.effect = std::fabs(s.alternative() - m);
    st.v0 = s.sd * s.sd * (s.groups == 1 ? 1.0 : (1.0 + r) * (1.0 + r) / r);
    st.v1 = st.v0;
    return st;
  }
  if (s.groups == 1) {
    st.effect = std::fabs(*s.rate - m);
    st.v1 = bernoulli_variance(*s.rate);
    st.v0 = s.variance == RateVariance::kUnpooled ? st.v1 : bernoulli_variance(m);
    return st;
  }
  const double p1 = *s.treatment_rate;
  const double p2 = *s.control_rate;
  const double w = ratio_scale(s) ? m : 1.0;
  st.effect = std::fabs(p1 - (ratio_scale(s) ? m * p2 : p2 + m));
  st.v1 = two_rate_variance(p1, p2, w, r);
  st.v0 = null_variance(s, p1, p2);
  return st;
}

double fixed_patients(const EndpointSpec& s, double alpha, double beta) {
  const Statistic st = statistic(s);
  if (uses_t(s)) return t_fixed_patients(s, st, alpha, beta);
  const double x = normal_upper_quantile(alpha) * std::sqrt(st.v0) + normal_upper_quantile(beta) * std::sqrt(st.v1);
  return x * x / (st.effect * st.effect);
}

double drift_at(const EndpointSpec& s, double patients, double alpha) {
  const Statistic st = statistic(s);
  const double za = normal_upper_quantile(alpha);
  if (uses_t(s)) {
    const double ncp = st.effect * std::sqrt(patients / st.v1);
    const double beta = t_beta(alpha, patients - t_groups(s), ncp);
    // A critical value beyond every double (a fraction of a degree of
    // freedom): the test never rejects, a drift of minus infinity.
    if (!(beta < 1.0)) return -std::numeric_limits<double>::infinity();
    // A type II error below the smallest normal double means a drift beyond
    // z_alpha + 37.5, where every design's power is 1 to double precision:
    // the noncentrality itself then serves (the normal approximation's drift).
    if (!(beta >= std::numeric_limits<double>::min())) return std::max(ncp, za + kUnderflowDrift);
    return za + normal_upper_quantile(beta);
  }
  return st.effect * std::sqrt(patients / st.v1) - za * (std::sqrt(st.v0 / st.v1) - 1.0);
}

std::optional<double> estimate_at(const EndpointSpec& s, double z, double n) {
  if (!std::isfinite(z)) return std::nullopt;
  const double m = s.null_value();
  const double sign = s.test_direction() == Direction::kUpper ? 1.0 : -1.0;
  const Statistic st = statistic(s);
  if (s.type == EndpointType::kNormal) {
    double q = z;
    if (uses_t(s)) {
      const double df = n - t_groups(s);
      if (!(df > 0.0)) return std::nullopt;
      try {
        q = boost::math::quantile(boost::math::students_t(df), numerics::normal_lower_tail(z));
      } catch (const std::overflow_error&) {
        // A fraction of a degree of freedom: the bound's t quantile lies
        // beyond every double, so no estimate reaches it.
        return std::nullopt;
      }
    }
    return m + sign * q * std::sqrt(st.v0 / n);
  }
  if (s.groups == 1) {
    const double estimate = m + sign * z * std::sqrt(st.v0 / n);
    // A rate outside (0, 1) is no estimate: the bound cannot be reached
    // (0.5 + 1.97 sqrt(0.25 / 3) = 1.07 at 3 patients), as for two rates.
    if (s.type == EndpointType::kBinary && !(estimate > 0.0 && estimate < 1.0)) return std::nullopt;
    return estimate;
  }
  // The treatment rate whose statistic is sign z, the control rate as planned.
  const double p2 = *s.control_rate;
  const double w = ratio_scale(s) ? m : 1.0;
  const double shift = ratio_scale(s) ? 0.0 : m;
  const auto gap = [&](double p1) {
    return (p1 - w * p2 - shift) / std::sqrt(null_variance(s, p1, p2) / n) - sign * z;
  };
  // Rates strictly inside (0, 1): the variance vanishes at the ends.
  constexpr double kEdge = 1e-12;
  const double lo = kEdge;
  const double hi = 1.0 - kEdge;
  const double f_lo = gap(lo);
  const double f_hi = gap(hi);
  if (!std::isfinite(f_lo) || !std::isfinite(f_hi) || (f_lo > 0.0) == (f_hi > 0.0)) return std::nullopt;
  const double p1 = numerics::find_root(gap, lo, hi, f_lo, f_hi, kRootBits, "the rate at a bound");
  return ratio_scale(s) ? p1 / p2 : p1 - p2;
}

std::optional<double> z_at(const EndpointSpec& s, double estimate, double n) {
  if (!std::isfinite(estimate) || !(n > 0.0)) return std::nullopt;
  const double m = s.null_value();
  const double sign = s.test_direction() == Direction::kUpper ? 1.0 : -1.0;
  const Statistic st = statistic(s);
  if (s.type == EndpointType::kNormal) {
    const double q = sign * (estimate - m) / std::sqrt(st.v0 / n);
    if (!uses_t(s)) return q;
    const double df = n - t_groups(s);
    if (!(df > 0.0)) return std::nullopt;
    // The normal z at the t statistic's level, from the upper tail (accurate
    // far out in it, where the bounds are).
    return numerics::normal_upper_quantile(
        boost::math::cdf(boost::math::complement(boost::math::students_t(df), q)));
  }
  if (s.groups == 1) return sign * (estimate - m) / std::sqrt(st.v0 / n);
  const double p2 = *s.control_rate;
  const double p1 = ratio_scale(s) ? estimate * p2 : estimate + p2;
  if (!(p1 > 0.0 && p1 < 1.0)) return std::nullopt;
  const double w = ratio_scale(s) ? m : 1.0;
  const double shift = ratio_scale(s) ? 0.0 : m;
  return sign * (p1 - w * p2 - shift) / std::sqrt(null_variance(s, p1, p2) / n);
}

}  // namespace gsd::endpoints::detail
