// Monitoring a MaxCombo test at the observed correlations: one test reduces
// to the log-rank monitor (bounds from its numerical integration, the same
// spending at the same fractions and correlations sqrt(d_j / d_k)); two
// identical tests (correlation 1) to one; looks that observe the planned
// covariances give the analytic MaxCombo design's bounds
// (survival::maxcombo_power); and the refusals with their paths.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../survival/survival_test_specs.hpp"
#include "gsd/monitoring/maxcombo_monitor.hpp"
#include "gsd/monitoring/monitor.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/survival/maxcombo_power.hpp"

namespace gsd::monitoring::maxcombo_monitor_test {
namespace {

// A bound's tolerance in z: the lattice rule's error target, 1e-4 in
// probability, moves a bound near z = 2.5 by at most about 1e-4 / phi(2.5)
// = 6e-3; with one or few tests the lattice is far more accurate than that.
constexpr double kBoundTolerance = 2e-3;

spending::DesignSpec seed_spec() { return survival::testing::seed_design().spec; }

MaxComboObservedLook one_test_look(double events, double z) {
  return {events, {z}, {{events / 4.0}}, false};
}

TEST(MaxComboMonitor, OneTestIsTheLogRankMonitor) {
  const MaxComboMonitoringPlan plan{seed_spec(), 94.0, {}};
  const std::vector<MaxComboObservedLook> looks = {one_test_look(40, 1.2), one_test_look(66, 1.9),
                                                   one_test_look(97, 1.5)};
  const std::vector<MaxComboLookResult> r = monitor_maxcombo(plan, looks);
  MonitoringPlan log_rank;
  log_rank.design = seed_spec();
  log_rank.planned_events = 94.0;
  const std::vector<ObservedLook> same = {{40, 1.2, false}, {66, 1.9, false}, {97, 1.5, false}};
  const MonitoringResult expected = monitor(log_rank, same);
  ASSERT_EQ(r.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR(r[k].efficacy_z, expected.looks[k].efficacy_z, kBoundTolerance) << "look " << k;
    EXPECT_NEAR(r[k].cumulative_alpha, expected.looks[k].cumulative_alpha / 2.0, 1e-15);
    EXPECT_NEAR(r[k].nominal_p_one_sided, numerics::normal_upper_tail(r[k].efficacy_z), 1e-12);
    EXPECT_EQ(r[k].decision, expected.looks[k].decision);
  }
  EXPECT_TRUE(r[2].final_analysis);
}

TEST(MaxComboMonitor, TwoIdenticalTestsAreOne) {
  const MaxComboMonitoringPlan plan{seed_spec(), 94.0, {}};
  const auto twin = [](double events, double z) {
    const double v = events / 4.0;
    return MaxComboObservedLook{events, {z, z - 0.3}, {{v, v}, {v, v}}, false};
  };
  const std::vector<MaxComboObservedLook> looks = {twin(47, 1.0), twin(71, 2.0)};
  const std::vector<MaxComboObservedLook> single = {one_test_look(47, 1.0), one_test_look(71, 2.0)};
  const auto r = monitor_maxcombo(plan, looks);
  const auto s = monitor_maxcombo(plan, single);
  for (std::size_t k = 0; k < 2; ++k) EXPECT_NEAR(r[k].efficacy_z, s[k].efficacy_z, kBoundTolerance);
  EXPECT_EQ(r[1].max_test, 0u);
  EXPECT_DOUBLE_EQ(r[1].max_z, 2.0);
}

// The analytic design's correlations, read back as covariances: with the
// final variances 1, V_a(k) = Corr(Z_ak, Z_aK)^2 and C_ab(k) = Corr(Z_ak,
// Z_bk) sqrt(V_a(k) V_b(k)).
TEST(MaxComboMonitor, PlannedCovariancesGiveTheAnalyticBounds) {
  spending::DesignSpec design = seed_spec();
  design.alpha = 0.025;
  design.sided = spending::Sidedness::kOneSided;
  const std::vector<survival::LogRankWeight> tests = {survival::LogRankWeight::fleming_harrington(0, 0),
                                                       survival::LogRankWeight::fleming_harrington(0, 1)};
  const survival::MaxComboPower analytic =
      survival::maxcombo_power(survival::testing::seed_plan(), design, tests, 202.0, 94);
  const std::size_t J = tests.size(), K = analytic.looks.size();
  const auto& corr = analytic.correlation;
  std::vector<MaxComboObservedLook> looks;
  for (std::size_t k = 0; k < K; ++k) {
    MaxComboObservedLook look;
    // At the design's fractions of the events, where the design spends.
    look.events = 94.0 * design.information_fractions[k];
    std::vector<double> v(J);
    for (std::size_t a = 0; a < J; ++a) v[a] = std::pow(corr[a + J * k][a + J * (K - 1)], 2);
    look.covariance.assign(J, std::vector<double>(J));
    for (std::size_t a = 0; a < J; ++a) {
      for (std::size_t b = 0; b < J; ++b) look.covariance[a][b] = corr[a + J * k][b + J * k] * std::sqrt(v[a] * v[b]);
    }
    look.z.assign(J, 0.5);
    looks.push_back(look);
  }
  const auto r = monitor_maxcombo({design, 94.0, {}}, looks);
  for (std::size_t k = 0; k < K; ++k) {
    EXPECT_NEAR(r[k].efficacy_z, analytic.looks[k].efficacy_z, kBoundTolerance) << "look " << k;
    EXPECT_NEAR(r[k].cumulative_alpha, analytic.looks[k].cumulative_alpha, 1e-12);
  }
  EXPECT_EQ(r.back().decision, Decision::kStopFutility);  // a final analysis without rejection
}

std::string message(const MaxComboMonitoringPlan& plan, const std::vector<MaxComboObservedLook>& looks) {
  try {
    (void)monitor_maxcombo(plan, looks);
  } catch (const numerics::InvalidInput& e) {
    return e.what();
  }
  return "no error";
}

TEST(MaxComboMonitor, RefusesBadLooksWithTheirPaths) {
  const MaxComboMonitoringPlan plan{seed_spec(), 94.0, {}};
  const MaxComboObservedLook good{47, {1.0, 1.1}, {{10.0, 8.0}, {8.0, 9.0}}, false};
  MaxComboObservedLook asym = good;
  asym.covariance[0][1] = 7.0;
  EXPECT_NE(message(plan, {asym}).find("looks[0].covariance[0][1]"), std::string::npos);
  MaxComboObservedLook wrong_z = good;
  wrong_z.events = 60;
  wrong_z.z = {1.0};
  EXPECT_NE(message(plan, {good, wrong_z}).find("looks[1].z"), std::string::npos);
  MaxComboObservedLook big = good;
  big.covariance[0][1] = big.covariance[1][0] = 9.6;  // above sqrt(10 * 9)
  EXPECT_NE(message(plan, {big}).find("looks[0].covariance[0][1]"), std::string::npos);
  MaxComboObservedLook shrinking = good;
  shrinking.events = 60;
  shrinking.covariance[0][0] = 11.0;
  shrinking.covariance[1][1] = 8.5;
  EXPECT_NE(message(plan, {good, shrinking}).find("looks[1].covariance[1][1]"), std::string::npos);
  // Each correlation within [-1, 1], but together impossible: 0.9, 0.9 and
  // -0.9 give the correlation matrix an eigenvalue of -0.8.
  const MaxComboObservedLook three{47, {1.0, 1.1, 0.9}, {{1.0, 0.9, 0.9}, {0.9, 1.0, -0.9}, {0.9, -0.9, 1.0}}, false};
  EXPECT_EQ(message(plan, {three}).rfind("looks[0].covariance is not a covariance matrix: its correlations "
                                          "have a negative eigenvalue (-0.8)", 0),
            0u)
      << message(plan, {three});
  // Each look a covariance, but the increment between them is not: it
  // would need the scores' increments to correlate beyond 1.
  MaxComboObservedLook jump = good;
  jump.events = 60;
  jump.covariance = {{12.0, 11.0}, {11.0, 11.0}};  // increment [[2, 3], [3, 2]]
  EXPECT_NE(message(plan, {good, jump}).find("looks[1].covariance minus the previous look's covariance has a "
                                             "negative eigenvalue"),
            std::string::npos)
      << message(plan, {good, jump});
  MaxComboObservedLook huge_z = good;
  huge_z.z = {1.0, -1e7};
  EXPECT_EQ(message(plan, {huge_z}), "looks[0].z[1] = -1e+07 must lie in [-1e6, 1e6]");
  // Information steps below a millionth (information_step.hpp).
  MaxComboObservedLook close_events = good;
  close_events.events = 47.00001;
  close_events.covariance = {{12.0, 9.0}, {9.0, 11.0}};
  EXPECT_EQ(message(plan, {good, close_events}),
            "looks[1].events = 47.00001 must exceed the previous look's events by at least 4.7e-05");
  MaxComboObservedLook close_variance = good;
  close_variance.events = 60;
  close_variance.covariance = {{10.000001, 8.0}, {8.0, 11.0}};
  EXPECT_EQ(message(plan, {good, close_variance}),
            "looks[1].covariance[0][0] = 10.000001 must exceed the previous look's variance by at least 1e-05");
  MaxComboObservedLook stop = good;
  stop.z = {5.0, 1.0};
  MaxComboObservedLook after = good;
  after.events = 70;
  after.covariance = {{12.0, 9.0}, {9.0, 11.0}};
  EXPECT_NE(message(plan, {stop, after}).find("looks[1].events"), std::string::npos);
  MaxComboMonitoringPlan futility = plan;
  futility.design.futility = spending::FutilitySpec{};
  EXPECT_NE(message(futility, {good}).find("design.futility"), std::string::npos);
}

}  // namespace
}  // namespace gsd::monitoring::maxcombo_monitor_test
