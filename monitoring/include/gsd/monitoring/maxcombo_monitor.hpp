#pragma once
// Monitoring a MaxCombo test: the largest of several Fleming-Harrington
// weighted log-rank z at each look (survival/maxcombo_power.hpp for the
// design). Each look gives every test's z and the null covariance matrix of
// the tests' weighted scores observed at it: its diagonal the scores'
// variances V_a, and off the diagonal Cov(U_a, U_b), which for
// Fleming-Harrington weights is the variance of the score of
// FH((rho_a + rho_b) / 2, (gamma_a + gamma_b) / 2) on the same data, since the
// product of the two weights is that test's squared weight (Karrison 2016,
// Statistics in Biopharmaceutical Research 8:1; the covariance gsDesign2's
// gs_power_combo and simtrial's maxcombo use).
//
// The scores have independent increments across looks (Tsiatis 1982), so
// Cov(U_a(k), U_b(l)) = Cov(U_a(j), U_b(j)) with j = min(k, l), and
//   Corr(Z_ak, Z_bl) = C_ab(j) / sqrt(V_a(k) V_b(l)).
// The error is spent on the log-rank monitor's schedule (look_schedule.hpp):
// at a look with d events the cumulative one-sided alpha is alpha(d / D) (the
// design's spending time where it gives one; a two-sided design's MaxCombo
// test is of benefit at half its alpha) and the final analysis spends all
// that is left. The bound c_k solves
//   P0(max_a Z_al < c_l for l < k, max_a Z_ak < c_k) = 1 - alpha_k
// for the multivariate normal of tests x looks at the observed correlations,
// by Genz and Bretz's lattice rule with one lattice through the root search
// (common random numbers; numerics/block_bound.hpp, as the design's bounds). Bounds
// already used keep their values: c_l for l < k are those computed at look l.
// The rule's error in P0 becomes the bound's error in z over P0's slope in
// c_k (a central difference on the same lattice). When the look's largest z
// lies within that error of c_k, so that the rule's error could reverse the
// decision, the bound is solved again on a lattice four times larger, up to
// twice; a decision still that close is flagged (within_error).
#include <cstddef>
#include <span>
#include <vector>

#include "gsd/monitoring/monitoring_plan.hpp"
#include "gsd/numerics/multivariate_normal.hpp"
#include "gsd/spending/decision.hpp"

namespace gsd::monitoring {

// When a look's largest z lies within its bound's error in z, the bound is
// solved again on a lattice this many times larger, at most this many times
// (each cuts the error about kMaxComboRefineFactor^(1/2) to
// kMaxComboRefineFactor times: the rule's error falls between the Monte
// Carlo and the lattice rate).
inline constexpr int kMaxComboRefineFactor = 4;
inline constexpr int kMaxComboRefinements = 2;

struct MaxComboMonitoringPlan {
  // The design (efficacy bounds only) and the plan's final events: the looks
  // not yet taken are placed at the plan's fractions of them.
  spending::DesignSpec design;
  double planned_events = 0.0;
  numerics::MvnOptions mvn;
};

struct MaxComboObservedLook {
  double events = 0.0;
  std::vector<double> z;  // per test, positive favours treatment
  // Null covariance matrix of the tests' scores at this look (J x J).
  std::vector<std::vector<double>> covariance;
  bool final_analysis = false;
};

struct MaxComboLookResult {
  double information_fraction = 0.0;  // events / planned events
  double cumulative_alpha = 0.0;      // one-sided alpha spent through this look
  double efficacy_z = 0.0;            // c_k
  double alpha_error = 0.0;           // MVN error of P0(crossing by this look) at c_k
  // The bound's error in z: alpha_error over the slope of P0 in c_k.
  double efficacy_z_error = 0.0;
  // Times the bound was solved again on a lattice kMaxComboRefineFactor
  // times larger than the last because max_z lay within efficacy_z_error of
  // it (at most kMaxComboRefinements).
  int refinements = 0;
  // max_z still within efficacy_z_error of c_k after the refinements: the
  // decision compares max_z with the bound's estimate, which the rule's
  // error could move to either side of it.
  bool within_error = false;
  double max_z = 0.0;                 // max over the tests of z
  std::size_t max_test = 0;           // the test giving it (first of ties)
  double nominal_p_one_sided = 0.0;   // P0(max_a Z_ak >= c_k), marginal at this look
  double nominal_p_error = 0.0;       // the lattice rule's error of it
  bool final_analysis = false;
  spending::Decision decision = spending::Decision::kContinue;
};

// Throws numerics::InvalidInput with paths relative to the monitoring
// section: {"looks", k, "z"} (one finite value per test), {"looks", k,
// "covariance"} (J x J, symmetric, positive variances, positive semi-definite
// correlations in [-1, 1]; each variance above the previous look's),
// {"looks", k, "events"} (increasing; no look after a stop), a design with
// futility or harm bounds ("design.futility", "design.harm"), and
// numerics::NumericalError if a bound cannot be found.
std::vector<MaxComboLookResult> monitor_maxcombo(const MaxComboMonitoringPlan& plan,
                                                 std::span<const MaxComboObservedLook> looks);

}  // namespace gsd::monitoring
