// Monitoring a weighted log-rank test on its own information scale, the
// variance of its weighted score: against the closed form of a Lan-DeMets
// O'Brien-Fleming first look, and against the analytic design of
// survival::weighted_logrank_power when the looks observe the planned
// variances.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "../survival/survival_test_specs.hpp"
#include "gsd/monitoring/weighted_monitor.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"

namespace gsd::monitoring::weighted_monitor_test {
namespace {

using survival::LogRankWeight;

spending::DesignSpec seed_spec() { return survival::testing::seed_design().spec; }

// The seed design (two-sided alpha 0.05) spends a = 0.025 per side by
// Lan-DeMets O'Brien-Fleming, a(t) = 2 (1 - Phi(z / sqrt(t))) with
// z = Phi^-1(1 - a / 2) (Lan & DeMets 1983), so a first look at information
// fraction t has bound Phi^-1(1 - a(t)).
TEST(WeightedMonitor, FirstLookIsTheClosedForm) {
  WeightedMonitoringPlan plan{seed_spec(), 8.0, 94.0};
  const std::vector<WeightedObservedLook> looks = {{2.6, 1.1, false}};
  const std::vector<WeightedLookResult> r = monitor_weighted(plan, looks);
  ASSERT_EQ(r.size(), 1u);
  const double z = numerics::normal_upper_quantile(0.0125);
  const double spent = 2.0 * numerics::normal_upper_tail(z / std::sqrt(2.6 / 8.0));
  EXPECT_NEAR(r[0].information_fraction, 2.6 / 8.0, 1e-15);
  EXPECT_NEAR(r[0].efficacy_z, numerics::normal_upper_quantile(spent), 1e-6);
  EXPECT_EQ(r[0].decision, Decision::kContinue);
}

// A final analysis spends all alpha left: alone, the fixed design's bound.
TEST(WeightedMonitor, SingleFinalLookIsTheFixedDesign) {
  WeightedMonitoringPlan plan{seed_spec(), 8.0, 94.0};
  const std::vector<WeightedObservedLook> looks = {{7.0, 2.5, true}};
  const std::vector<WeightedLookResult> r = monitor_weighted(plan, looks);
  EXPECT_NEAR(r[0].efficacy_z, numerics::normal_upper_quantile(0.025), 1e-6);
  EXPECT_EQ(r[0].decision, Decision::kStopEfficacy);
}

// Looks that observe the planned variances get the analytic design's bounds
// (FH(0, 1) and Magirr-Burman on the seed trial: information fractions far
// from the event fractions 0.5 / 0.75 / 1).
TEST(WeightedMonitor, PlannedVariancesGiveTheAnalyticBounds) {
  const survival::SurvivalSpec spec = survival::testing::seed_plan();
  for (const LogRankWeight& w : {LogRankWeight::fleming_harrington(0, 1), LogRankWeight::magirr_burman(12.0)}) {
    const survival::WeightedLogRankPower analytic =
        survival::weighted_logrank_power(spec, seed_spec(), w, 202.0, 94);
    const double v_plan = 202.0 * analytic.looks.back().moments.variance_null;
    WeightedMonitoringPlan plan{analytic.design.spec, v_plan, 94.0};
    std::vector<WeightedObservedLook> looks;
    for (const survival::WeightedLook& look : analytic.looks) {
      looks.push_back({202.0 * look.moments.variance_null, 0.5, false});
    }
    const std::vector<WeightedLookResult> r = monitor_weighted(plan, looks);
    ASSERT_EQ(r.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) {
      EXPECT_NEAR(r[k].information_fraction, analytic.looks[k].information_fraction, 1e-12);
      EXPECT_NEAR(r[k].efficacy_z, analytic.design.efficacy[k], 1e-6) << "look " << k;
    }
    EXPECT_EQ(r[2].decision, Decision::kStopFutility);  // final, not crossed
  }
}

// Only the fraction V_k / V_plan matters, not the variance's units.
TEST(WeightedMonitor, BoundsDependOnTheVarianceFractionOnly) {
  const std::vector<WeightedObservedLook> a = {{2.0, 0.4, false}, {5.5, 1.2, false}};
  const std::vector<WeightedObservedLook> b = {{20.0, 0.4, false}, {55.0, 1.2, false}};
  const auto ra = monitor_weighted({seed_spec(), 8.0, 94.0}, a);
  const auto rb = monitor_weighted({seed_spec(), 80.0, 94.0}, b);
  for (std::size_t k = 0; k < 2; ++k) EXPECT_DOUBLE_EQ(ra[k].efficacy_z, rb[k].efficacy_z);
}

TEST(WeightedMonitor, RefusesBadVariances) {
  const WeightedMonitoringPlan plan{seed_spec(), 8.0, 94.0};
  const std::vector<WeightedObservedLook> zero = {{0.0, 1.0, false}};
  EXPECT_THROW((void)monitor_weighted(plan, zero), numerics::InvalidInput);
  const std::vector<WeightedObservedLook> down = {{3.0, 1.0, false}, {2.0, 1.0, false}};
  try {
    (void)monitor_weighted(plan, down);
    FAIL() << "no error";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("looks[1].variance"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)monitor_weighted({seed_spec(), 0.0, 94.0}, zero), numerics::InvalidInput);
  const std::vector<WeightedObservedLook> close = {{3.0, 1.0, false}, {3.000001, 1.0, false}};
  try {
    (void)monitor_weighted(plan, close);
    FAIL() << "no error";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_STREQ(e.what(), "looks[1].variance = 3.000001 must exceed the previous look's variance by at least 3e-06");
  }
}

// A look after a stop is named by its variance, the information the user
// gave, not by the events the log-rank monitor scales it to (which named
// "events = 54.12" for a look the user had at 71 events).
TEST(WeightedMonitor, LookAfterAStopIsNamedByItsVariance) {
  const WeightedMonitoringPlan plan{seed_spec(), 8.0, 94.0};
  const std::vector<WeightedObservedLook> looks = {{3.0, 5.0, false}, {5.0, 1.0, false}};
  try {
    (void)monitor_weighted(plan, looks);
    FAIL() << "no error";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_STREQ(e.what(),
                 "looks[1].variance = 5 comes after the trial stopped at look 1 (variance 3); a stopped trial "
                 "takes no further looks");
  }
  const std::vector<WeightedObservedLook> huge_z = {{3.0, 1e20, false}};
  EXPECT_THROW((void)monitor_weighted(plan, huge_z), numerics::InvalidInput);
}

}  // namespace
}  // namespace gsd::monitoring::weighted_monitor_test
