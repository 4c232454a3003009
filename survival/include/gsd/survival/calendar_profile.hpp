#pragma once
// Per-patient functions of calendar time that the event-driven power needs at
// many calendar times: expected events per arm, the log-rank score mean and
// null variance (logrank_drift.hpp), and the joint moments of the log-rank
// statistic and the event count over the patients (influence functions).
//
// Every one of them is an accrual convolution
//   I(tau) = int_0^tau R(tau - s) w(s) ds
// of a weight w of study time s that does not depend on tau: the at-risk
// shares a_j / (a0 + a1) are free of the accrual cdf R, which multiplies both
// arms alike. With R piecewise linear (piecewise-constant entry rates rho_p on
// [start_p, end_p)), I(tau) = sum_p rho_p [G(b_p) - G(a_p)] with
// b_p = (tau - start_p)+, a_p = (tau - end_p)+ and G(x) = int_0^x (x - s) w(s) ds.
// So one sweep over study time tabulates G (with G' and G'') for every weight,
// and any calendar time then costs a few interpolations: that is what makes
// the event-driven power fast enough to size a trial on.
//
// The sweep integrates panel by panel with the 3-stage Gauss-Legendre
// collocation (Butcher 1964, Math. Comp. 18:50; order 6), which also carries
// the cumulative terms the influence functions need; G between panel ends is
// the quintic Hermite interpolant of G, G' and G''. Panels split at the
// latencies' kinks and drop-out scales and are graded towards s = 0 (a
// Weibull density with shape < 1 is infinite there), and after a kink past
// which a hazard falls by more than e within one uniform panel (a
// piecewise hazard jumping to 100 or 1e6 per month). Accuracy: events, score
// and variance agree with the adaptive quadrature of event_projection.hpp to
// about 1e-8 relative (tests/survival/calendar_profile_test.cpp).
#include <array>
#include <vector>

#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival {

// The log-rank statistic at calendar time tau, per patient of the trial
// (N = 1; means and variances scale with N), under the model.
//
// The standardised statistic Z = U / sqrt(V) (score U, hypergeometric
// variance estimate V) is linearised by the delta method around the expected
// variance: Z ~ L / sqrt(E V) with L = U - c (V - E V), c = E U / (2 E V).
// L, U, V and the event count D are sums over the patients, so they are
// jointly normal with covariances from each patient's influence function
// (the functional delta method for the log-rank statistic under a fixed
// alternative; e.g. Andersen, Borgan, Gill & Keiding 1993, section IV.4 and
// II.8, with fixed arm sizes). The event-driven look conditions on D.
struct LogRankJointMoments {
  double events = 0.0;         // E D / N: expected events per patient
  double score_mean = 0.0;     // E U / N
  double null_variance = 0.0;  // E V / N
  // Regression slope of U on D: E[U | D = d] = E U + slope (d - E D).
  double score_slope = 0.0;
  // Var(L | D) / N: the variance of the linearised statistic given the count.
  double conditional_variance = 0.0;
};

class CalendarProfile {
 public:
  // Tabulates the weights over study time [0, horizon]; horizon > 0 is the
  // latest calendar time that will be asked for.
  CalendarProfile(const SurvivalSpec& spec, double horizon);

  double horizon() const noexcept { return horizon_; }
  double share(int arm) const noexcept { return share_[static_cast<std::size_t>(arm)]; }

  // Expected events per patient of the trial by calendar time tau (both arms,
  // or one arm: 0 = control, 1 = treatment). tau is clamped to [0, horizon].
  double events(double tau) const;
  double arm_events(int arm, double tau) const;
  double score_mean(double tau) const;
  double null_variance(double tau) const;
  LogRankJointMoments moments(double tau) const;

  // The calendar time at which `per_patient` events are expected, if that is
  // within the horizon; otherwise the horizon.
  double time_for_events(double per_patient) const;

  // Number of weights tabulated (exposed for tests).
  static constexpr std::size_t kWeights = 18;

 private:
  struct Panel {
    double x0 = 0.0;
    double x1 = 0.0;
    std::array<double, kWeights> g0{}, f0{}, w0{}, g1{}, f1{}, w1{};
    bool quintic = true;  // false where a weight is infinite at an end
  };
  double convolve(std::size_t weight, double tau) const;
  double integral_g(std::size_t weight, double x) const;

  double horizon_;
  std::array<double, 2> share_{};
  std::vector<double> accrual_starts_, accrual_ends_, accrual_rates_;  // rates per patient
  std::vector<Panel> panels_;
};

}  // namespace gsd::survival
