#pragma once
// MaxCombo: the maximum of several Fleming-Harrington weighted log-rank
// statistics, FH(0, 0), FH(0, 1), FH(1, 0) and FH(1, 1) by default (Lee 2007,
// Biometrics 63; Karrison 2016, Statistics in Biopharmaceutical Research 8:
// 1; Roychoudhury et al. 2021, Statistics in Biopharmaceutical Research 13:
// 1), at the looks of a group-sequential design.
//
// Joint distribution. Under H0 the scores U_a of FH(rho_a, gamma_a) at look
// tau_k and U_b at look tau_l have, per enrolled patient (the integrals of
// weighted_logrank.hpp with the product of the two weights),
//   Cov(U_a(tau_k), U_b(tau_l)) / N = int_0^min(tau_k, tau_l) R w_a w_b
//                                      a0 a1 (a0 h0 + a1 h1) / (a0 + a1)^2 ds,
// the independent-increment structure of Tsiatis (1982) across looks and the
// covariance of Karrison (2016) across tests. For Fleming-Harrington weights
// w_a w_b = w_c^2 with c = FH((rho_a + rho_b) / 2, (gamma_a + gamma_b) / 2),
// so the covariance is the null variance of that test at the earlier look.
// The Z_jk are jointly normal with these correlations and, under the model,
// means sqrt(N) E[U_jk] / sqrt(V0_jk) (the local-alternative approximation of
// weighted_logrank_power.hpp).
//
// Bounds. The test rejects at look k when max_j Z_jk >= c_k. The error is
// spent at the design's spending fractions (its event fractions, or its
// spending_time): c_k solves
//   P0(max_j Z_jl < c_l for l < k, max_j Z_jk < c_k) = 1 - alpha(t_k),
// alpha(t_k) the design's cumulative one-sided alpha at look k (each side's
// half for a two-sided design: the MaxCombo test is of benefit only). The
// probabilities are of the multivariate normal of tests x looks by Genz and
// Bretz's lattice rule (numerics/multivariate_normal.hpp); a root search over
// c_k uses one lattice (common random numbers) so the probability is a
// smooth function of c_k (numerics/block_bound.hpp). Each look reports the
// error of its null crossing probability, what that is in z (over the
// probability's slope in c_k), and the power its own.
//
// Only efficacy bounds: a design with a futility or harm bound is refused.
#include <vector>

#include "gsd/numerics/multivariate_normal.hpp"
#include "gsd/spending/design.hpp"
#include "gsd/survival/survival_spec.hpp"
#include "gsd/survival/weighted_logrank.hpp"

namespace gsd::survival {

// The default set: FH(0, 0), FH(0, 1), FH(1, 0), FH(1, 1).
std::vector<LogRankWeight> default_maxcombo_tests();

struct MaxComboLook {
  long long events = 0;
  double calendar_time = 0.0;
  double event_fraction = 0.0;     // events / final events
  double spending_fraction = 0.0;  // where the error is spent
  std::vector<double> mean_z;                // E[Z_jk] per test, for the plan's patients
  std::vector<double> information_fraction;  // V0_jk / V0_jK per test
  double cumulative_alpha = 0.0;   // the one-sided alpha spent by this look
  double efficacy_z = 0.0;         // c_k
  double alpha_error = 0.0;        // error of P0(crossing by this look) at c_k
  double efficacy_z_error = 0.0;   // what alpha_error is in z: over P0's slope in c_k
  double crossing = 0.0;             // P(first crossing here) under the model
  double cumulative_crossing = 0.0;  // P(crossing by this look) under the model
  double power_error = 0.0;          // error of cumulative_crossing
};

struct MaxComboPower {
  std::vector<LogRankWeight> tests;
  double patients = 0.0;
  long long events = 0;
  double power = 0.0;
  double power_error = 0.0;  // MVN error of the power
  std::vector<MaxComboLook> looks;
  // Correlation of Z_jk and Z_il, row and column j + J k (tests within looks).
  std::vector<std::vector<double>> correlation;
  numerics::MvnOptions mvn;
};

// Throws numerics::InvalidInput, paths within the design, for a futility
// ("futility") or harm ("harm") bound, or a look without an efficacy stop
// ("efficacy_stops[k]"): a MaxCombo test has efficacy bounds at every look.
void check_maxcombo_design(const spending::DesignSpec& design);

// Throws numerics::InvalidInput for an empty or non-Fleming-Harrington test
// set ("tests"), invalid weights ("tests[i].rho" / ".gamma"), a design
// check_maxcombo_design() refuses, looks not by events ("looks[k]"),
// non-positive patients or events; gsd::NumericalError if a bound
// cannot be found.
MaxComboPower maxcombo_power(const SurvivalSpec& spec, const spending::DesignSpec& design,
                             const std::vector<LogRankWeight>& tests, double patients, long long events,
                             const numerics::MvnOptions& mvn = {});

// The same at looks at given calendar times, one per design look (the sizing,
// test_sizing.hpp, places them at the expected times of fractional events);
// the looks' events and event fractions are left 0. Throws as above, and
// std::invalid_argument for a wrong number of times.
MaxComboPower maxcombo_power_at_times(const SurvivalSpec& spec, const spending::DesignSpec& design,
                                      const std::vector<LogRankWeight>& tests, double patients,
                                      const std::vector<double>& times, const numerics::MvnOptions& mvn = {});

// P(crossing by the last look) with the bounds, correlations and look times
// of `at`, the means scaled to `patients` (sqrt(patients / at.patients)): the
// power had the trial these patients and the same look times. On a lattice of
// `points` per shift (numerics::mvn_probability_fixed: the same random
// numbers at every size, so the power is a smooth function of the patients),
// or adaptive for 0. Throws numerics::InvalidInput for non-positive patients.
numerics::MvnResult maxcombo_crossing(const MaxComboPower& at, double patients, int points = 0);

}  // namespace gsd::survival
