// Log-rank moments under non-proportional hazards: Schoenfeld (1981)
// Biometrika 68:316; Lakatos (1988) Biometrics 44:229; Lu (2021) Pharm Stat
// 20:512. See logrank_drift.hpp for the integrals.
#include "gsd/engine/survival/logrank_drift.hpp"

#include <cmath>

#include "check.hpp"
#include "quadrature.hpp"

namespace gsd::survival {

double LogRankMoments::mean_z(double patients) const {
  if (!(variance > 0.0)) return 0.0;
  return std::sqrt(patients) * score_mean / std::sqrt(variance);
}

LogRankMoments logrank_moments(const SurvivalSpec& spec, double tau,
                               const QuadratureOptions& options) {
  LogRankMoments m;
  if (!(tau > 0.0)) return m;
  const detail::Arm c = detail::control_arm(spec);
  const detail::Arm t = detail::treatment_arm(spec);
  const std::vector<double> points = detail::breakpoints(spec, tau);
  // a_j = p_j S_j e^{-eta_j s}; the accrual factor R(tau - s) is common to
  // both arms, so n0 n1 / (n0 + n1) = R a0 a1 / (a0 + a1).
  const auto score = [&](double s) {
    const double a0 = c.at_risk(s);
    const double a1 = t.at_risk(s);
    const double sum = a0 + a1;
    if (!(sum > 0.0)) return 0.0;
    const double h0 = c.model->hazard(s);
    const double h1 = t.model->hazard(s);
    return spec.accrual.cdf(tau - s) * a0 * a1 / sum * (h0 - h1);
  };
  const auto variance = [&](double s) {
    const double a0 = c.at_risk(s);
    const double a1 = t.at_risk(s);
    const double sum = a0 + a1;
    if (!(sum > 0.0)) return 0.0;
    const double pooled = (a0 * c.model->hazard(s) + a1 * t.model->hazard(s)) / sum;
    return spec.accrual.cdf(tau - s) * a0 * a1 / sum * pooled;
  };
  // An identically zero score (equal arms) has no relative error to meet.
  m.score_mean = detail::integrate_pieces(score, points, options, "log-rank score mean",
                                              detail::singular_at_zero(spec));
  m.variance = detail::integrate_pieces(variance, points, options, "log-rank variance",
                                            detail::singular_at_zero(spec));
  m.events = event_fraction(spec, tau, options);
  return m;
}

std::vector<double> logrank_means(const SurvivalSpec& spec, double patients,
                                  std::span<const double> calendar_times,
                                  const QuadratureOptions& options) {
  detail::check_positive("patients", patients);
  std::vector<double> means;
  means.reserve(calendar_times.size());
  for (double tau : calendar_times) means.push_back(logrank_moments(spec, tau, options).mean_z(patients));
  return means;
}

}  // namespace gsd::survival
