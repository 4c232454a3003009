#pragma once
// Asymptotic mean and variance of two Kaplan-Meier contrasts at a calendar
// look time under the two-arm model (cure mixture, any latency, accrual,
// drop-out):
//   milestone:  S1(t) - S0(t), the difference in survival at time t;
//   RMST:       int_0^tau (S1 - S0) du, the difference in restricted mean
//               survival time up to tau (Royston & Parmar 2013, BMC Medical
//               Research Methodology 13:152; Tian et al. 2014, Statistics in
//               Medicine 33:3573).
// Arm 1 is treatment, arm 0 control: a positive estimate favours treatment,
// as a positive log-rank z does (logrank_drift.hpp). The test statistic is
// z = estimate / standard error.
//
// Variance. At calendar time T a patient of arm j is at risk at study time s
// with probability pi_j(s) = R(T - s) S_j(s) e^{-eta_j s} (enrolled at least
// s before T, no event, no drop-out; R the accrual cdf, eta_j the drop-out
// hazard: the at-risk pieces of logrank_drift.hpp). The Kaplan-Meier
// estimate's influence is -S_j(t) int_0^t dM(s) / (n_j pi_j(s)), M the
// patient's counting-process martingale, which gives Greenwood's variance
// (Klein & Moeschberger 2003, Survival Analysis, section 4.2; Andersen et al.
// 1993, theorem IV.3.2)
//   Var S^_j(t) = S_j(t)^2 int_0^t h_j(s) / (n_j pi_j(s)) ds,
// and for the restricted mean, integrating the influence over (0, tau],
//   Var int_0^tau S^_j = int_0^tau [int_s^tau S_j(u) du]^2 h_j(s) / (n_j pi_j(s)) ds.
// The arms are independent; the contrast's variance is the sum. With
// h_j ds = f_j ds / S_j and f_j = (1 - pi_j) f_u,j each integral is taken on
// the latency's cumulative-hazard scale (quadrature.hpp).
//
// Looks. The same estimate at calendar looks T_k < T_l: a patient at risk at
// study time s by T_k is at risk at s by T_l (Y_k(s) <= Y_l(s)), so
// E[Y_k Y_l] = n pi_k and
//   Cov(est_k, est_l) = S^2 int h n pi_k / (n pi_k n pi_l) ds = Var(est_l)
// (the same for the RMST weights): independent increments with information
// I_k = 1 / Var(est_k) (Lin, Shen, Ying & Breslow 1996, Biometrics 52:1033
// for survival at a fixed time; Murray & Tsiatis 1999, Biometrics 55:1085
// for the restricted mean at a fixed tau; Jennison & Turnbull 2000, Group
// Sequential Methods, chapter 13). This holds for a fixed t or tau only.
//
// Where it is defined. pi_j(s) > 0 on (0, t] needs some patient followed
// longer than t at the look: t below the look's maximum follow-up, T minus
// the first entry time. Else the estimate is not defined (its variance is
// infinite) and the functions here refuse it.
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/solver_options.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival {

struct KmContrast {
  enum class Kind { kMilestone, kRmst };
  Kind kind = Kind::kRmst;
  double horizon = 0.0;  // kRmst: tau; kMilestone: the milestone time t

  // "tau" or "time": the parameter's name in survival.test.
  const char* parameter() const noexcept { return kind == Kind::kRmst ? "tau" : "time"; }
  // Its path relative to the survival section: test.tau or test.time.
  numerics::FieldPath path() const { return numerics::FieldPath{"test"}.key(parameter()); }
  // Throws numerics::InvalidInput at path() unless finite and > 0.
  void validate() const;
};

// Per enrolled patient (N = 1); the variance of N patients is variance / N.
struct KmContrastMoments {
  double estimate = 0.0;            // S1(t) - S0(t), or RMST1 - RMST0
  double control_value = 0.0;       // S0(t), or RMST0
  double treatment_value = 0.0;     // S1(t), or RMST1
  double variance = 0.0;            // N Var(estimate)
  double variance_control = 0.0;    // N Var of arm 0's estimate
  double variance_treatment = 0.0;  // N Var of arm 1's estimate

  // E[Z] for N patients: sqrt(N) estimate / sqrt(variance).
  double mean_z(double patients) const;
};

// The first entry time: the start of the first accrual period with a
// positive rate (0 unless a ramp-up starts at rate 0).
double first_entry(const SurvivalSpec& spec);

// The longest follow-up at calendar time T: T - first_entry(spec).
double maximum_follow_up(const SurvivalSpec& spec, double calendar_time);

// Throws numerics::InvalidInput at contrast.path() when the horizon
// is not below maximum_follow_up(spec, calendar_time), gsd::NumericalError
// on quadrature failure.
KmContrastMoments km_contrast_moments(const SurvivalSpec& spec, const KmContrast& contrast,
                                      double calendar_time, const numerics::SolverOptions& options = {});

// int_0^t S_j(u) du, the restricted mean survival time of one arm's model.
double restricted_mean(const CureModel& model, double t);

}  // namespace gsd::survival
