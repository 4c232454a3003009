// Log-rank moments under non-proportional hazards: Schoenfeld (1981)
// Biometrika 68:316; Lakatos (1988) Biometrics 44:229; Lu (2021) Pharm Stat
// 20:512. See logrank_drift.hpp for the integrals.
#include "gsd/survival/logrank_drift.hpp"

#include <cmath>
#include <utility>

#include "check.hpp"
#include "quadrature.hpp"

namespace gsd::survival {

double LogRankMoments::mean_z(double patients) const {
  if (!(variance > 0.0)) return 0.0;
  return std::sqrt(patients) * score_mean / std::sqrt(variance);
}

LogRankMoments logrank_moments(const SurvivalSpec& spec, double tau,
                               const numerics::SolverOptions& options) {
  LogRankMoments m;
  if (!(tau > 0.0)) return m;
  const detail::Arm c = detail::control_arm(spec);
  const detail::Arm t = detail::treatment_arm(spec);
  const std::vector<double> split = detail::split_times(spec, tau);
  // With a_j = p_j S_j e^{-eta_j s} and c_j = p_j (1 - pi_j) e^{-eta_j s},
  // a_j h_j ds = c_j dF_u,j, and R(tau - s) is common to both arms:
  //   E[U] / N = int R a1 / (a0 + a1) c0 dF_u0 - int R a0 / (a0 + a1) c1 dF_u1,
  //   V / N    = int R a0 a1 / (a0 + a1)^2 (c0 dF_u0 + c1 dF_u1).
  // Equal arms give two identical terms, so E[U] is exactly 0.
  const auto share_of = [&](const detail::Arm& own, const detail::Arm& other, double s) {
    const double a_own = own.at_risk(s);
    const double a_other = other.at_risk(s);
    const double sum = a_own + a_other;
    return sum > 0.0 ? a_other / sum : 0.0;
  };
  const auto score_term = [&](const detail::Arm& own, const detail::Arm& other) {
    detail::Quadrature q(options, "log-rank score mean");
    q.add(own.latency(),
          [&](double s) { return spec.accrual.cdf(tau - s) * share_of(own, other, s) * own.event_weight(s); },
          tau, split);
    return q.result();
  };
  m.score_mean = score_term(c, t) - score_term(t, c);
  detail::Quadrature v(options, "log-rank variance");
  for (const auto& arms : {std::pair{c, t}, std::pair{t, c}}) {
    // Named references, not a structured binding: clang before 16 cannot
    // capture structured bindings in a lambda (the WebAssembly build).
    const auto& own = arms.first;
    const auto& other = arms.second;
    v.add(own.latency(),
          [&](double s) {
            const double share = share_of(own, other, s);
            return spec.accrual.cdf(tau - s) * share * (1.0 - share) * own.event_weight(s);
          },
          tau, split);
  }
  m.variance = v.result();
  m.events = event_fraction(spec, tau, options);
  return m;
}

std::vector<double> logrank_means(const SurvivalSpec& spec, double patients,
                                  std::span<const double> calendar_times,
                                  const numerics::SolverOptions& options) {
  detail::check_positive("patients", patients);
  std::vector<double> means;
  means.reserve(calendar_times.size());
  for (double tau : calendar_times) means.push_back(logrank_moments(spec, tau, options).mean_z(patients));
  return means;
}

std::vector<double> logrank_means_at_events(const SurvivalSpec& spec, double patients,
                                            std::span<const double> events,
                                            const numerics::SolverOptions& options) {
  return logrank_means(spec, patients, look_times(spec, patients, events, options), options);
}

}  // namespace gsd::survival
