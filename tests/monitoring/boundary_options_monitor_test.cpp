// Monitoring with the boundary options: a harm bound stops the trial
// (stop-harm) at the bound solved for the observed information; a look
// without efficacy stopping cannot reject; the charter's spending time
// replaces the observed fraction d / D.
#include <gtest/gtest.h>

#include <cmath>

#include "gsd/monitoring/monitor.hpp"
#include "gsd/spending/design.hpp"
#include "plan_fixture.hpp"

namespace gsd::monitoring::boundary_options_monitor_test {
namespace {

using spending::Decision;

MonitoringPlan harm_plan() {
  MonitoringPlan plan = testing::seed_plan();
  plan.design.alpha = 0.05;
  plan.design.harm = spending::HarmSpec{spending::SpendingFunction::lan_demets_pocock(), 0.025, false};
  return plan;
}

TEST(BoundaryOptionsMonitor, HarmBoundStopsForHarm) {
  const MonitoringPlan plan = harm_plan();
  // At the planned 47 events the harm bound is the design's.
  const spending::Design d = spending::compute_design(plan.design);
  const ObservedLook below{47.0, *d.harm[0] - 1e-6};
  const MonitoringResult r = monitor(plan, std::span(&below, 1));
  ASSERT_TRUE(r.looks[0].harm_z.has_value());
  EXPECT_NEAR(*r.looks[0].harm_z, *d.harm[0], 1e-9);
  EXPECT_EQ(r.looks[0].decision, Decision::kStopHarm);
  const ObservedLook above{47.0, *d.harm[0] + 1e-6};
  EXPECT_EQ(monitor(plan, std::span(&above, 1)).looks[0].decision, Decision::kContinue);
}

TEST(BoundaryOptionsMonitor, NoEfficacyStopAtTheFirstLook) {
  MonitoringPlan plan = testing::seed_plan();
  plan.design.efficacy_stops = {false, true, true};
  const ObservedLook look{47.0, 5.0};
  const MonitoringResult r = monitor(plan, std::span(&look, 1));
  EXPECT_TRUE(std::isinf(r.looks[0].efficacy_z));
  EXPECT_EQ(r.looks[0].decision, Decision::kContinue);
  EXPECT_NEAR(r.looks[0].cumulative_alpha, 0.0, 0.0);
}

TEST(BoundaryOptionsMonitor, CharterSpendingTime) {
  MonitoringPlan plan = testing::seed_plan();
  plan.design.spending_time = {0.6, 0.8, 1.0};
  // 40 events (not the planned 47): the spending time 0.6 of the charter is
  // spent, not 40 / 94.
  const ObservedLook look{40.0, 0.0};
  const MonitoringResult r = monitor(plan, std::span(&look, 1));
  const double spent = spending::spent(spending::SpendingFunction::lan_demets_obrien_fleming(), 0.025, 0.6);
  EXPECT_NEAR(r.looks[0].cumulative_alpha, spent, 1e-9);
}

// A binding harm bound moves the efficacy bounds; the repeated p-value keeps
// it in force, so that z on the efficacy bound at a planned look gives
// exactly the efficacy side's alpha (0.025 of the 0.035 total).
TEST(BoundaryOptionsMonitor, RepeatedPValueKeepsABindingHarmBound) {
  MonitoringPlan plan = testing::seed_plan();
  plan.design.alpha = 0.035;
  plan.design.harm = spending::HarmSpec{spending::SpendingFunction::lan_demets_pocock(), 0.01, true};
  // The bound at 71 events (fraction 71 / 94), then z exactly on it.
  std::vector<ObservedLook> looks{{47.0, 0.5}, {71.0, 0.0}};
  looks[1].z = monitor(plan, looks).looks[1].efficacy_z;
  const MonitoringResult r = monitor(plan, looks);
  // The design recomputed at those fractions has the same bound.
  spending::DesignSpec at_looks = plan.design;
  at_looks.information_fractions = {0.5, 71.0 / 94.0, 1.0};
  EXPECT_NEAR(r.looks[1].efficacy_z, spending::compute_design(at_looks).efficacy[1], 1e-9);
  EXPECT_NEAR(r.looks[1].repeated_p_value, 0.025, 1e-6);
}

// A futility bound given as a hazard ratio is that hazard ratio at the events
// observed: hr 0.9 at 75 events (planned 71) is z = -ln(0.9) sqrt(75 / 4).
TEST(BoundaryOptionsMonitor, HazardRatioFutilityAtTheObservedEvents) {
  MonitoringPlan plan = testing::seed_plan();
  spending::FutilitySpec f;
  f.rule = spending::FutilityRule::kFixedZ;
  f.hazard_ratios = {1.0, 0.9};
  f.values = {0.0, -std::log(0.9) * std::sqrt(71.0 / 4.0)};  // at the planned events
  plan.design.futility = f;
  const std::vector<ObservedLook> looks{{47.0, 1.0}, {75.0, 1.0}};
  const MonitoringResult r = monitor(plan, looks);
  ASSERT_TRUE(r.looks[1].futility_z.has_value());
  EXPECT_NEAR(*r.looks[1].futility_z, -std::log(0.9) * std::sqrt(75.0 / 4.0), 1e-12);
  ASSERT_TRUE(r.looks[0].futility_z.has_value());
  EXPECT_DOUBLE_EQ(*r.looks[0].futility_z, 0.0);
}

}  // namespace
}  // namespace gsd::monitoring::boundary_options_monitor_test
