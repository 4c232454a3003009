#pragma once
// Asymptotic moments of the weighted log-rank score at a calendar time under
// the two-arm model (cure mixture, any latency, accrual, drop-out).
//
// The weighted score in favour of treatment is
//   U = int w(s) Y0 Y1 / (Y0 + Y1) (dN0 / Y0 - dN1 / Y1)
// over study time s, with Y_j the numbers at risk and w a function of the
// pooled Kaplan-Meier estimate S^(s-):
//   Fleming & Harrington (1991, Counting Processes and Survival Analysis,
//   chapter 7) G(rho, gamma):
//     w = S^(s-)^rho (1 - S^(s-))^gamma;
//   Magirr & Burman (2019, Statistics in Medicine 38), modestly weighted:
//     w = 1 / max(S^(s-), S^(t*)).
// Per enrolled patient, with expected numbers at risk a_j(s) R(tau - s) and
// hazards h_j (logrank_drift.hpp), the mean and the null variance are the
// integrals of Yung & Liu (2020, Biometrics 76:939, section 2):
//   E[U] / N  = int R w a0 a1 / (a0 + a1) (h0 - h1) ds,
//   V0 / N    = int R w^2 a0 a1 (a0 h0 + a1 h1) / (a0 + a1)^2 ds.
// V0 is the limit of the variance estimate V^ = sum w^2 Y0 Y1 / Y^2 dN that
// standardises Z = U / sqrt(V^), and the variance of U where the arms do not
// differ. Under the model (a fixed alternative) Var U has two parts: the
// martingale variance
//   int R w^2 a0 a1 (a1 h0 + a0 h1) / (a0 + a1)^2 ds
// and the fluctuation of the compensator int w Y0 Y1 / Y (h0 - h1) ds through
// the random numbers at risk, which is O(N) too and is added by the delta
// method over each patient's at-risk process (weighted_logrank.cpp). Both
// take the weights at their limit; estimating them (the Kaplan-Meier
// estimate) and V^ moves Z by a further O(1) under a fixed alternative (not
// included). Under local alternatives all of this reduces to V0, which is
// what the group-sequential power uses (weighted_logrank_power.hpp).
//
// The pooled Kaplan-Meier estimate converges to exp(-L(s)), L the integral of
// the pooled hazard (a0 h0 + a1 h1) / (a0 + a1), which does not involve the
// accrual (R(tau - s) multiplies both arms alike): the weight function is the
// same at every look. Then, as Tsiatis (1982, JASA 77:855) shows for weighted
// log-rank statistics in calendar time, under H0 the scores at looks
// tau_k < tau_l have Cov(U_k, U_l) = V0_k: independent increments, with
// information V0 on the test's own scale.
//
// FH(0, 0) has w = 1 and is the plain log-rank test: E[U] and V0 then equal
// logrank_moments() term by term.
#include "gsd/numerics/solver_options.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival {

enum class WeightFamily {
  kFlemingHarrington,  // G(rho, gamma)
  kMagirrBurman,       // modestly weighted, t*
};

struct LogRankWeight {
  WeightFamily family = WeightFamily::kFlemingHarrington;
  double rho = 0.0;     // Fleming-Harrington
  double gamma = 0.0;   // Fleming-Harrington
  double t_star = 0.0;  // Magirr-Burman, in the spec's time unit

  static LogRankWeight log_rank() { return {}; }
  static LogRankWeight fleming_harrington(double rho, double gamma);
  static LogRankWeight magirr_burman(double t_star);

  // Throws numerics::InvalidInput naming "rho", "gamma" (must be >= 0 and
  // finite) or "t_star" (must be positive and finite).
  void validate() const;
  // FH(0, 0): the plain log-rank test.
  bool is_log_rank() const noexcept {
    return family == WeightFamily::kFlemingHarrington && !(rho > 0.0) && !(gamma > 0.0);
  }
  // w at study time s, from the pooled survival limits exp(-L(s)) and
  // exp(-L(t*)).
  double at(double pooled_survival, double pooled_survival_t_star) const;
};

// Per enrolled patient (N = 1); everything scales with N.
struct WeightedLogRankMoments {
  double score_mean = 0.0;            // E[U] / N
  double variance_null = 0.0;         // V0 / N
  double variance_alternative = 0.0;  // Var U / N under the model, weights at their limit
  double events = 0.0;                // D(tau) / N

  // E[Z] for N patients: sqrt(N) E[U] / sqrt(V0).
  double mean_z(double patients) const;
  // Var U / V0: Var Z under the model with the weights and V^ at their
  // limits (1 where the arms do not differ).
  double variance_ratio() const;
};

// The limit exp(-L(s)) of the pooled Kaplan-Meier estimate at study time s.
// Since sum_j a_j h_j = -d/ds sum_j a_j - sum_j eta_j a_j (a_j = p_j S_j
// e^{-eta_j s}), L(s) = -log sum_j a_j(s) - int_0^s sum_j eta_j a_j / sum_j a_j:
// with one drop-out rate for both arms the limit is sum_j p_j S_j(s), the
// mixture of the arms' survival; otherwise the drop-out integral is taken by
// Gauss-Legendre panels.
double pooled_survival(const SurvivalSpec& spec, double s);

// Throws as weight.validate(), gsd::NumericalError on quadrature failure.
WeightedLogRankMoments weighted_logrank_moments(const SurvivalSpec& spec, const LogRankWeight& weight,
                                                double tau,
                                                const numerics::SolverOptions& options = {});

}  // namespace gsd::survival
