// Monitoring with the boundary options: a harm bound stops the trial
// (stop-harm) at the bound solved for the observed information; a look
// without efficacy stopping cannot reject; the charter's spending time
// replaces the observed fraction d / D.
#include <gtest/gtest.h>

#include <cmath>

#include "gsd/monitoring/monitor.hpp"
#include "gsd/spending/design.hpp"
#include "plan_fixture.hpp"

namespace gsd::monitoring {
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

}  // namespace
}  // namespace gsd::monitoring
