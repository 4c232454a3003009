#pragma once
// Private: the number of events among a trial's patients over calendar time,
// for the event-driven power. Arm j has n_j = N p_j patients (fixed arm
// sizes, as permuted blocks give), each with an event by calendar time t with
// probability F_j(t) (the calendar profile's arm events per arm patient). The
// count is a sum of two binomials; it is evaluated as the binomial with the
// same mean and variance (a sum of binomials with close probabilities is
// close to one), through the regularised incomplete beta function.
#include <algorithm>
#include <array>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <vector>

#include "gsd/survival/calendar_profile.hpp"

namespace gsd::survival::detail {

// Incomplete beta and gamma in double precision: Boost.Math's default
// promotes to long double, three times slower, for digits the binomial
// approximation of the count does not have.
using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

// P(X >= m) for the binomial with this mean and variance (n = mean / p,
// p = 1 - variance / mean, n not necessarily whole): I_p(m, n - m + 1).
// Where p vanishes the count is Poisson: P(X >= m) = P(m, mean).
inline double count_at_least(double m, double mean, double variance) {
  // Below this success probability the binomial is Poisson to 1e-12.
  constexpr double kPoissonLimit = 1e-12;
  if (!(m > 0.0)) return 1.0;
  if (!(mean > 0.0)) return 0.0;
  const double p = std::clamp(1.0 - variance / mean, 0.0, 1.0);
  if (p < kPoissonLimit) return boost::math::gamma_p(m, mean, DoublePolicy());
  const double n = mean / p;
  const double b = n - m + 1.0;
  if (!(b > 0.0)) return 0.0;
  if (p >= 1.0) return m <= n ? 1.0 : 0.0;
  return boost::math::ibeta(m, b, p, DoublePolicy());
}

class EventCount {
 public:
  EventCount(const CalendarProfile& profile, double patients) : profile_(profile) {
    for (int j = 0; j < 2; ++j) n_[static_cast<std::size_t>(j)] = patients * profile.share(j);
  }

  // Mean and variance of the events in (s, t] given d events by s (s = 0:
  // none yet).
  std::array<double, 2> law(double s, double d, double t) const {
    std::array<double, 2> fs{}, ft{}, remaining = n_;
    for (std::size_t j = 0; j < 2; ++j) {
      ft[j] = fraction(static_cast<int>(j), t);
      fs[j] = s > 0.0 ? fraction(static_cast<int>(j), s) : 0.0;
    }
    if (d > 0.0) {
      // Events per arm among the d: their regression on the count.
      std::array<double, 2> mu{}, var{};
      for (std::size_t j = 0; j < 2; ++j) {
        mu[j] = n_[j] * fs[j];
        var[j] = n_[j] * fs[j] * (1.0 - fs[j]);
      }
      const double total_var = var[0] + var[1];
      const double dd = d;
      for (std::size_t j = 0; j < 2; ++j) {
        double e = total_var > 0.0 ? mu[j] + (dd - mu[0] - mu[1]) * var[j] / total_var
                                   : dd * n_[j] / (n_[0] + n_[1]);
        e = std::clamp(e, std::max(0.0, dd - n_[1 - j]), std::min(n_[j], dd));
        remaining[j] = n_[j] - e;
      }
    }
    double mean = 0.0;
    double variance = 0.0;
    for (std::size_t j = 0; j < 2; ++j) {
      const double left = 1.0 - fs[j];
      const double pi = left > 0.0 ? std::clamp((ft[j] - fs[j]) / left, 0.0, 1.0) : 0.0;
      mean += remaining[j] * pi;
      variance += remaining[j] * pi * (1.0 - pi);
    }
    return {mean, variance};
  }

  // P(at least m events in (s, t] | d events by s). Counts may be fractional
  // (a solve varies the events continuously); the beta function takes them.
  double at_least(double m, double s, double d, double t) const {
    if (!(m > 0.0)) return 1.0;
    if (!(t > s)) return 0.0;
    const auto [mean, variance] = law(s, d, t);
    return count_at_least(m, mean, variance);
  }

  // P(exactly e events in (s, t] | d by s) for e = 0 .. values - 1.
  std::vector<double> below(long long values, double s, double d, double t) const {
    const auto [mean, variance] = law(s, d, t);
    std::vector<double> pmf(static_cast<std::size_t>(values));
    double upper = 1.0;  // P(X >= e)
    for (long long e = 0; e < values; ++e) {
      const double next = count_at_least(static_cast<double>(e + 1), mean, variance);
      pmf[static_cast<std::size_t>(e)] = std::max(0.0, upper - next);
      upper = next;
    }
    return pmf;
  }

 private:
  double fraction(int arm, double t) const {
    return profile_.arm_events(arm, t) / profile_.share(arm);
  }
  const CalendarProfile& profile_;
  std::array<double, 2> n_{};
};

}  // namespace gsd::survival::detail
