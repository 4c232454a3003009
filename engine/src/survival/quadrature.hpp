#pragma once
// Piecewise adaptive Gauss-Kronrod integration (Boost.Math) over [0, tau]
// split at the kinks of the trial integrands, shared by event projection and
// the log-rank moments.
#include <algorithm>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "gsd/engine/survival/event_projection.hpp"
#include "gsd/integration/numerical_error.hpp"

namespace gsd::survival::detail {

// The quantities of one arm, with its share of the patients.
struct Arm {
  double share;
  const CureModel* model;
  double dropout;

  // p_j S_j(s) e^{-eta_j s}: expected at risk per enrolled patient entered at 0.
  double at_risk(double s) const { return share * model->survival(s) * std::exp(-dropout * s); }
  // p_j f_j(s) e^{-eta_j s}: density of an observed event.
  double event_density(double s) const {
    return share * model->density(s) * std::exp(-dropout * s);
  }
};

inline Arm control_arm(const SurvivalSpec& spec) {
  return {spec.control_share(), &spec.control, spec.dropout_rate_control()};
}
inline Arm treatment_arm(const SurvivalSpec& spec) {
  return {spec.treatment_share(), &spec.treatment, spec.dropout_rate_treatment()};
}

// 0, tau and every s in (0, tau) where the integrand of a look at calendar
// time tau has a kink: s = tau - (accrual period end), and piecewise-hazard
// starts of either arm.
inline std::vector<double> breakpoints(const SurvivalSpec& spec, double tau) {
  std::vector<double> points{0.0, tau};
  for (double end : spec.accrual.ends()) {
    if (tau - end > 0.0) points.push_back(tau - end);
  }
  for (const CureModel* m : {&spec.control, &spec.treatment}) {
    for (double k : m->latency().kinks()) {
      if (k < tau) points.push_back(k);
    }
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end(),
                           [](double a, double b) { return !(b - a > 0.0); }),
               points.end());
  return points;
}

// True when a hazard is infinite at s = 0 (Weibull shape < 1): the first
// piece then has an integrable endpoint singularity.
inline bool singular_at_zero(const SurvivalSpec& spec) {
  for (const CureModel* m : {&spec.control, &spec.treatment}) {
    const Latency& l = m->latency();
    if (l.family() == LatencyFamily::kWeibull && l.shape() < 1.0) return true;
  }
  return false;
}

// Gauss-Kronrod 31-point pairs: the 15-point Gauss rule embedded gives the
// error estimate (Kronrod 1965; Boost.Math gauss_kronrod).
inline constexpr unsigned kKronrodPoints = 31;

// Integral of f over consecutive pieces of `points` (the last may be +inf).
// Throws gsd::NumericalError when the estimated error stays above the target.
// A piece [0, b] with an endpoint singularity goes to tanh-sinh (Takahasi &
// Mori 1974), whose double-exponential nodes cluster at the endpoints.
template <class F>
double integrate_pieces(F f, const std::vector<double>& points, const QuadratureOptions& options,
                        const char* what, bool singular_start = false) {
  using boost::math::quadrature::gauss_kronrod;
  double total = 0.0;
  double total_error = 0.0;
  double total_l1 = 0.0;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    double error = 0.0;
    double l1 = 0.0;
    if (i == 0 && singular_start) {
      boost::math::quadrature::tanh_sinh<double> rule;
      total += rule.integrate(f, points[i], points[i + 1], options.tolerance, &error, &l1);
    } else {
      total += gauss_kronrod<double, kKronrodPoints>::integrate(
          f, points[i], points[i + 1], options.max_depth, options.tolerance, &error, &l1);
    }
    total_error += error;
    total_l1 += l1;
  }
  // The adaptive rule aims at tolerance relative to the L1 norm; accept up to
  // its square root (an integrable endpoint singularity, e.g. a Weibull
  // shape < 1, converges more slowly) and fail loudly beyond that.
  if (!std::isfinite(total) || total_error > std::sqrt(options.tolerance) * total_l1 +
                                                 std::numeric_limits<double>::min()) {
    throw NumericalError(what, total, total_error, static_cast<int>(options.max_depth));
  }
  return total;
}

}  // namespace gsd::survival::detail
