#pragma once
// Asymptotic mean and variance of the log-rank score at a calendar time under
// non-proportional hazards: Schoenfeld (1981) Biometrika 68:316, generalised to
// time-varying hazard ratios as in Lakatos (1988) Biometrics 44:229 and Lu
// (2021) Pharm Stat 20:512. With expected numbers at risk
//   n_j(s) = N p_j R(tau - s) S_j(s) e^{-eta_j s}
// and hazards h_j, the score in favour of treatment has
//   E[U] = int n0 n1 / (n0 + n1) (h0 - h1) ds,
//   V    = int n0 n1 (n0 h0 + n1 h1) / (n0 + n1)^2 ds
// (V is the expected hypergeometric variance sum p(1 - p) dN, i.e. the null
// variance evaluated with the pooled hazard). The mean of the standardized
// statistic is E[U] / sqrt(V); positive favours treatment.
#include <span>
#include <vector>

#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival {

// Per enrolled patient (N = 1); everything scales with N.
struct LogRankMoments {
  double score_mean = 0.0;  // E[U] / N
  double variance = 0.0;    // V / N
  double events = 0.0;      // D(tau) / N

  // E[Z] for N patients: sqrt(N) E[U] / sqrt(V) computed per patient.
  double mean_z(double patients) const;
};

LogRankMoments logrank_moments(const SurvivalSpec& spec, double tau,
                               const numerics::SolverOptions& options = {});

// E[Z_k] at each calendar time for N patients.
std::vector<double> logrank_means(const SurvivalSpec& spec, double patients,
                                  std::span<const double> calendar_times,
                                  const numerics::SolverOptions& options = {});

// E[Z] at event-driven looks: each look at the expected calendar time of its
// event count (calendar_time_for_events), for N patients. This is the model
// hook of monitoring (MonitoringPlan::model_means): conditional power under
// the design's survival model. Throws as calendar_time_for_events does.
std::vector<double> logrank_means_at_events(const SurvivalSpec& spec, double patients,
                                            std::span<const double> events,
                                            const numerics::SolverOptions& options = {});

}  // namespace gsd::survival
