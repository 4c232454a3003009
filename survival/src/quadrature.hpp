#pragma once
// Quadrature of the trial integrals, shared by event projection and the
// log-rank moments. Every integral here has the form
//   sum_j int_0^tau w_j(s) dF_j(s),   F_j the latency cdf of arm j,
// with a bounded weight w_j (accrual cdf, drop-out, at-risk ratios). Each
// term is integrated on its own cumulative-hazard scale x = H_j(s):
//   int_0^tau w(s) dF(s) = int_0^{H(tau)} w(H^{-1}(x)) e^{-x} dx,
// which is exact for any latency scale (a median of 1e-6 or 1e9 time units,
// a Weibull shape < 1 with an infinite hazard at 0, heavy tails): the
// latency's own mass has the fixed density e^{-x}, and small x (early
// times, slow latencies) keep full relative precision. The x range is split
// at the images of every kink of w (accrual period ends, piecewise-hazard
// starts) and of the drop-out scale, and each piece goes to tanh-sinh
// quadrature (Takahasi & Mori 1974; Boost.Math), whose double-exponential
// nodes absorb the endpoint behaviour of H^{-1} (like x^(1/shape) for a
// Weibull at 0).
#include <algorithm>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "gsd/survival/event_projection.hpp"
#include "check.hpp"
#include "gsd/numerics/numerical_error.hpp"

namespace gsd::survival::detail {

// The quantities of one arm, with its share of the patients.
struct Arm {
  double share;
  const CureModel* model;
  double dropout;

  // p_j S_j(s) e^{-eta_j s}: expected at risk per enrolled patient entered at 0.
  double at_risk(double s) const { return share * model->survival(s) * std::exp(-dropout * s); }
  // p_j (1 - pi_j) e^{-eta_j s}: the weight of dF_u,j in the observed-event
  // density p_j f_j(s) e^{-eta_j s} = event_weight(s) f_u,j(s).
  double event_weight(double s) const {
    return share * model->events_limit() * std::exp(-dropout * s);
  }
  const Latency& latency() const { return model->latency(); }
};

inline Arm control_arm(const SurvivalSpec& spec) {
  return {spec.control_share(), &spec.control, spec.dropout_rate_control()};
}
inline Arm treatment_arm(const SurvivalSpec& spec) {
  return {spec.treatment_share(), &spec.treatment, spec.dropout_rate_treatment()};
}

// Drop-out survival probabilities whose times split the range: with a
// drop-out hazard far above the latency's, the weight e^{-eta s} falls to 0
// within a thin layer near v = 1, which these points resolve.
inline constexpr double kDropoutScaleSurvival[] = {0.5, 0.1, 0.01, 1e-3, 1e-4};

// Times s in (0, tau) where a weight of a look at calendar time tau is not
// smooth (s = tau - accrual period end; piecewise starts of either arm) or
// changes scale (drop-out).
inline std::vector<double> split_times(const SurvivalSpec& spec, double tau) {
  std::vector<double> times;
  const auto add = [&](double s) {
    if (s > 0.0 && s < tau) times.push_back(s);
  };
  for (double end : spec.accrual.ends()) add(tau - end);
  for (const CureModel* m : {&spec.control, &spec.treatment}) {
    for (double k : m->latency().kinks()) add(k);
  }
  for (double eta : {spec.dropout_rate_control(), spec.dropout_rate_treatment()}) {
    if (!(eta > 0.0)) continue;
    for (double v : kDropoutScaleSurvival) add(-std::log(v) / eta);
  }
  return times;
}

// The cumulative-hazard range stops at -log(1e-15): the latency mass beyond
// it is at most 1e-15 per patient, times a weight of at most 1, below the
// absolute tolerance.
inline constexpr double kMaxCumulativeHazard = 34.538776394910684;

// Sums quadrature terms and checks the combined error estimate once.
class Quadrature {
 public:
  Quadrature(const numerics::SolverOptions& options, const char* what)
      : options_(options), what_(what), rule_(options.quadrature_max_depth) {}

  // Adds int_0^tau w(s) dF_u(s) for the latency, on its cumulative-hazard scale.
  template <class W>
  void add(const Latency& latency, W w, double tau, const std::vector<double>& split) {
    const auto clamp = [](double x) { return std::min(x, kMaxCumulativeHazard); };
    std::vector<double> v{0.0, clamp(latency.cumulative_hazard(tau))};
    for (double s : split) v.push_back(clamp(latency.cumulative_hazard(s)));
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end(), [](double a, double b) { return !(b - a > 0.0); }),
            v.end());
    // The two-argument form (abscissa, distance to the nearer end): Boost
    // 1.74's one-argument form asserts when a node rounds onto an endpoint
    // of a narrow piece; the integrand is finite there, so that is harmless.
    const auto integrand = [&](double x, double /*complement*/) {
      return w(latency.inverse_cumulative_hazard(x)) * std::exp(-x);
    };
    for (std::size_t i = 0; i + 1 < v.size(); ++i) {
      double error = 0.0;
      double l1 = 0.0;
      total_ += rule_.integrate(integrand, v[i], v[i + 1], options_.quadrature_tolerance, &error, &l1);
      error_ += error;
      l1_ += l1;
    }
  }

  // The sum so far. Throws gsd::NumericalError when the estimated error is
  // above the target: the adaptive rule aims at `tolerance` relative to the
  // L1 norm, and up to its square root (plus the absolute floor) is accepted.
  double result() const {
    if (!std::isfinite(total_) ||
        error_ > std::sqrt(options_.quadrature_tolerance) * l1_ +
                     options_.quadrature_absolute_tolerance) {
      throw NumericalError(what_, total_, error_, static_cast<int>(options_.quadrature_max_depth));
    }
    return total_;
  }

 private:
  const numerics::SolverOptions& options_;
  const char* what_;
  boost::math::quadrature::tanh_sinh<double> rule_;
  double total_ = 0.0;
  double error_ = 0.0;
  double l1_ = 0.0;
};

}  // namespace gsd::survival::detail
