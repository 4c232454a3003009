// bounds_at_look() is the shortcut a simulated trial takes when it recomputes
// its bounds at each look: it skips the schedule's cumulative alpha and,
// where the looks so far settle the bounds (spending::leading_bounds), the
// planned remainder too. Its bounds must be those of
// schedule_at_look() at the current look, bit for bit, for every kind of
// plan and history (the shortcut's and the fallback's), and it must refuse
// what schedule_at_look() refuses, with the same message.
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "gsd/monitoring/look_schedule.hpp"
#include "plan_fixture.hpp"

namespace gsd::monitoring::bounds_at_look_test {
using namespace gsd::spending;  // NOLINT: the layer below
namespace {

using testing::fixed_z_futility_plan;
using testing::seed_plan;

struct History {
  std::vector<double> events;
  bool final_analysis = false;
};

// Histories on the seed plan's 94 events: on plan, an unplanned extra look,
// a final that over-runs and one that under-runs, a look past the plan's
// final that is not marked final.
const std::vector<History>& histories() {
  static const std::vector<History> h{
      {{49.0}, false},           {{49.0, 71.0}, false},       {{49.0, 71.0, 94.0}, false},
      {{30.0}, false},           {{30.0, 49.0}, false},       {{30.0, 49.0, 80.0}, false},
      {{40.0, 80.0, 100.0}, false}, {{49.0, 71.0, 90.0}, true}, {{49.0, 60.0}, true},
      {{12.5, 47.3}, false},     {{94.0}, false},             {{94.0}, true},
  };
  return h;
}

void expect_same_bounds(const MonitoringPlan& plan, const std::string& name) {
  for (const History& h : histories()) {
    SCOPED_TRACE(name + ", " + std::to_string(h.events.size()) + " looks, last at " +
                 std::to_string(h.events.back()) + (h.final_analysis ? " (final)" : ""));
    const LookSchedule s = schedule_at_look(plan, h.events, h.final_analysis);
    const LookBounds b = bounds_at_look(plan, h.events, h.final_analysis);
    EXPECT_EQ(b.efficacy, s.efficacy[s.current]);  // exact: the same bits
    EXPECT_EQ(b.futility, s.futility[s.current]);
    EXPECT_EQ(b.harm, s.harm[s.current]);
  }
}

TEST(BoundsAtLook, SpendingFamiliesGiveTheSchedulesBoundsBitForBit) {
  expect_same_bounds(seed_plan(), "LD-OBF");
  MonitoringPlan hsd = seed_plan();
  hsd.design.efficacy = SpendingFunction::hwang_shih_decani(-4.0);
  expect_same_bounds(hsd, "HSD(-4)");
  MonitoringPlan two_sided = seed_plan();
  two_sided.design.alpha = 0.05;
  two_sided.design.sided = Sidedness::kTwoSidedSymmetric;
  expect_same_bounds(two_sided, "two-sided LD-OBF");
  MonitoringPlan charter = seed_plan();
  charter.design.efficacy = SpendingFunction::lan_demets_pocock();
  charter.design.spending_time = {0.45, 0.8, 1.0};
  expect_same_bounds(charter, "LD-Pocock with spending times");
  MonitoringPlan skipped = seed_plan();
  skipped.design.efficacy_stops = {false, true, true};
  expect_same_bounds(skipped, "no efficacy stop at look 1");
}

HarmSpec harm_bound(bool binding) {
  HarmSpec h;
  h.spending = SpendingFunction::lan_demets_obrien_fleming();
  h.alpha = 0.01;
  h.binding = binding;
  return h;
}

TEST(BoundsAtLook, LowerBoundsSetByTheLooksSoFar) {
  expect_same_bounds(fixed_z_futility_plan(false), "non-binding fixed-z futility");
  MonitoringPlan harm = seed_plan();
  harm.design.harm = harm_bound(false);
  expect_same_bounds(harm, "non-binding harm bound");
  MonitoringPlan both = fixed_z_futility_plan(false);
  both.design.harm = harm_bound(false);
  expect_same_bounds(both, "non-binding harm and fixed-z futility");
  MonitoringPlan by_hazard_ratio = seed_plan();
  FutilitySpec hr;
  hr.rule = FutilityRule::kFixedZ;
  hr.hazard_ratios = {1.0, 0.9};
  hr.values = {0.0, 0.0};
  by_hazard_ratio.design.futility = hr;
  expect_same_bounds(by_hazard_ratio, "futility as hazard ratios");
}

TEST(BoundsAtLook, OtherPlansTakeTheWholeSchedule) {
  MonitoringPlan pocock = seed_plan();
  pocock.design.efficacy = ClassicalBoundary::pocock();
  expect_same_bounds(pocock, "classical Pocock");
  MonitoringPlan obf = seed_plan();
  obf.design.efficacy = ClassicalBoundary::obrien_fleming();
  obf.design.futility = fixed_z_futility_plan(false).design.futility;
  expect_same_bounds(obf, "classical O'Brien-Fleming with fixed-z futility");
  expect_same_bounds(fixed_z_futility_plan(true), "binding fixed-z futility");
  MonitoringPlan beta_spending = seed_plan();
  beta_spending.design.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), false};
  expect_same_bounds(beta_spending, "beta-spending futility");
  MonitoringPlan binding_harm = seed_plan();
  binding_harm.design.harm = harm_bound(true);
  expect_same_bounds(binding_harm, "binding harm bound");
}

TEST(BoundsAtLook, RefusesWhatTheScheduleRefuses) {
  const MonitoringPlan plan = seed_plan();
  const std::vector<std::vector<double>> bad{{}, {49.0, 40.0}, {0.0}, {49.0, 49.00001}};
  for (const auto& events : bad) {
    std::string schedule_message;
    try {
      schedule_at_look(plan, events, false);
    } catch (const std::invalid_argument& e) {
      schedule_message = e.what();
    }
    ASSERT_FALSE(schedule_message.empty());
    try {
      bounds_at_look(plan, events, false);
      ADD_FAILURE() << "no throw for " << schedule_message;
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()), schedule_message);
    }
  }
}

}  // namespace
}  // namespace gsd::monitoring::bounds_at_look_test
