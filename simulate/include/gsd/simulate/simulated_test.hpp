#pragma once
// The tests a simulated trial computes at each look besides (or instead of)
// the plain log-rank test: weighted log-rank tests (survival/weighted_logrank.hpp)
// with weights from the pooled Kaplan-Meier estimate of the data observed at
// the look, each against its own bounds.
//
// At a look at calendar time tau, within each stratum, the risk sets are those
// of the data observed by tau (censoring at tau - entry). With S^(t-) the
// stratum's pooled left-continuous Kaplan-Meier estimate, at each distinct
// event time t with n at risk, n1 of them on treatment, d events and d1 of
// them on treatment:
//   w = S^(t-)^rho (1 - S^(t-))^gamma      Fleming-Harrington G(rho, gamma)
//   w = 1 / max(S^(t-), S^(t*))             Magirr-Burman (2019), t*
//   U += w (d n1 / n - d1),   V += w^2 d (n1 / n)(1 - n1 / n)(n - d) / (n - 1),
// summed over strata, and Z = U / sqrt(V) (positive favours treatment; 0 when
// V = 0). FH(0, 0) is the log-rank statistic of the simulator.
//
// A MaxCombo test (survival/maxcombo_power.hpp) takes at each look the
// largest z of its Fleming-Harrington tests, all from the same merge, and
// rejects when it reaches the look's bound c_k. Its bounds are efficacy
// bounds only; a final analysis forced by the calendar cap keeps the planned
// final bound c_K (solving c at the observed correlations would need the
// multivariate normal per replicate; the earlier looks spent their alpha as
// planned, and with fewer events the cap's final analysis is more correlated
// with them, so c_K spends no more than the alpha left).
//
// An RMST or milestone test (KaplanMeierContrast) takes each arm's
// Kaplan-Meier estimate of the data observed at the look, from the same
// merge: with n_i at risk in the arm and d_i events at its event times
// t_i <= h (h = tau or the milestone time), S^(h) = prod (1 - d_i / n_i) and
// g_i = d_i / (n_i (n_i - d_i)) (0 when n_i = d_i, as survRM2 takes it),
//   milestone:  S^(h), Var = S^(h)^2 sum g_i (Greenwood);
//   RMST:       mu^ = int_0^h S^(u) du, Var = sum (int_{t_i}^h S^)^2 g_i
//               (Klein & Moeschberger 2003, section 4.5; survRM2's rmst2);
// Z = (estimate_treatment - estimate_control) / sqrt(Var_1 + Var_0), 0 when
// the variance is 0. The arms' estimates are unstratified: a model with
// strata is refused.
//
// A non-inferiority trial (TestSet::null_hazard_ratio = theta0, a margin
// above 1; H0: HR >= theta0) is judged by the score test of the Cox partial
// likelihood at log HR = log theta0 (Cox 1972; Collett 2015, section 3.9),
// with the Breslow form for ties: at each event time,
//   p = theta0 n1 / (theta0 n1 + n0),   U += d p - d1,   V += d p (1 - p),
// summed over strata, Z = U / sqrt(V) (positive favours treatment). For
// theta0 = 1 and untied times it is the log-rank statistic. rpact's
// getSimulationSurvival takes the same statistic for its thetaH0 (rpact
// 3.3.4, its C++ logRankTest). Under H0 at the margin Z is asymptotically
// standard normal, with independent increments over the looks and
// information d r / (1 + r)^2 for d events at allocation r
// (Schoenfeld 1981), so the design's bounds apply at the event fractions.
//
// Observed-variance bounds. By default a weighted test is judged against the
// bounds planned at its expected information fractions, while a look at the
// planned events observes a variance V_k that varies from replicate to
// replicate. With V_plan given, each analysis instead recomputes the bounds
// as gsd monitor does for such a test (monitoring/weighted_monitor.hpp): the
// information fraction V_k / V_plan, the spending function there (or the
// design's spending time), the correlations sqrt(V_j / V_k) of the analyses
// so far, and a final analysis (the last look, or the calendar cap's) that
// spends all the alpha left. An analysis whose variance does not exceed the
// test's previous one by the least step the monitor takes
// (numerics/information_step.hpp) adds no information: the test takes no
// decision there, and a final analysis without information ends without
// rejecting.
#include <optional>
#include <vector>

#include "gsd/spending/design.hpp"
#include "gsd/survival/weighted_logrank.hpp"

namespace gsd::simulate {

// An RMST or milestone test: the difference (treatment minus control) in
// restricted mean survival time up to `horizon` (tau), or in survival at the
// time `horizon`, on the study-time scale.
struct KaplanMeierContrast {
  enum class Kind { kMilestone, kRmst };
  Kind kind = Kind::kRmst;
  double horizon = 0.0;
  // Throws numerics::InvalidInput naming "horizon" unless positive and finite.
  void validate() const;
};

// A test and the bounds it is judged against at each look: a design with the
// simulator's look count (for a weighted test, the design at the test's own
// information fractions, as survival::weighted_logrank_power gives it).
struct SimulatedTest {
  survival::LogRankWeight weight;
  spending::Design design;
  // Non-empty: a MaxCombo test of these weights (`weight` is then unused),
  // judged against design.efficacy (c_k; a one-sided design without
  // futility or harm bounds).
  std::vector<survival::LogRankWeight> combo = {};
  // Set: an RMST or milestone test (`weight` and `combo` unused).
  std::optional<KaplanMeierContrast> contrast = std::nullopt;
  // Set (a Fleming-Harrington or Magirr-Burman test only): V_plan, and the
  // bounds are recomputed at each analysis from the variances V the
  // replicate observed (observed-variance bounds, above) instead of `design`'s.
  std::optional<double> planned_variance = std::nullopt;

  // A Fleming-Harrington or Magirr-Burman test: a weighted score, which
  // observed-variance bounds apply to.
  bool weighted_score() const { return !weight.is_log_rank() && combo.empty() && !contrast; }
};

// The tests of a run. `primary`: the weight of the test that decides the
// trial's course (its bounds are the Simulator's design); the log-rank test
// when absent. `side`: tests whose rejections are counted on the same
// replicates, each with its own sequential course (it stops at its own
// efficacy or futility bound), whatever the trial's test decides.
struct TestSet {
  std::optional<survival::LogRankWeight> primary;
  // Non-empty: the trial's test is the MaxCombo test of these weights
  // (`primary` is then unused).
  std::vector<survival::LogRankWeight> primary_combo;
  // Set: the trial's test is this RMST or milestone test.
  std::optional<KaplanMeierContrast> primary_contrast;
  // Set (with a Fleming-Harrington or Magirr-Burman `primary` only): V_plan,
  // and the trial's bounds are recomputed at the variances observed, as for
  // SimulatedTest::planned_variance.
  std::optional<double> primary_planned_variance;
  // The hazard ratio under H0 of the trial's log-rank test: 1 tests equal
  // hazards; a margin above 1 makes it the non-inferiority score test above.
  // Other than 1 only with the log-rank test as the trial's test.
  double null_hazard_ratio = 1.0;
  // null_hazard_ratio is other than 1 (NaN included, for validation to refuse).
  bool non_inferiority() const { return !(null_hazard_ratio >= 1.0 && null_hazard_ratio <= 1.0); }
  std::vector<SimulatedTest> side;

  // Whether the trial's test is a Fleming-Harrington or Magirr-Burman test.
  bool primary_weighted_score() const {
    return primary && !primary->is_log_rank() && primary_combo.empty() && !primary_contrast;
  }
  // Whether the run has such a test (the trial's or a side test), which
  // observed-variance bounds apply to.
  bool has_weighted_score() const {
    if (primary_weighted_score()) return true;
    for (const SimulatedTest& t : side) {
      if (t.weighted_score()) return true;
    }
    return false;
  }
  // Whether any test is judged at the variances observed.
  bool observed_variance_bounds() const {
    if (primary_planned_variance) return true;
    for (const SimulatedTest& t : side) {
      if (t.planned_variance) return true;
    }
    return false;
  }
};

}  // namespace gsd::simulate
