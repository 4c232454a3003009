// Beta-spending futility bounds recomputed at the observed information, with
// the efficacy bounds beside them, against rpact 3.3.4's
// getDesignGroupSequential() at the same informationRates (generator:
// tests/reference/rpact_monitor_beta_spending.R, 9 decimals). The looks fall
// off the planned fractions, so the design is solved again at each schedule:
// alpha(d / D), HSD(-2) beta spending at d / D and the drift re-solved. gsd
// and rpact agree to 1e-8 in z here; the comparison is to 1e-6, the project's
// accuracy target (rpact's integration is accurate to about 1e-7).
#include "gsd/monitoring/look_schedule.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "gsd/monitoring/monitor.hpp"

namespace gsd::monitoring::beta_spending_monitor_reference_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

constexpr double kZTol = 1e-6;
// No futility bound at this look (rpact NA; the final look never has one).
constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

struct Reference {
  const char* id;
  std::vector<double> events;    // the schedule: observed looks, then the planned remainder
  std::vector<double> efficacy;  // rpact criticalValues
  std::vector<double> futility;  // rpact futilityBounds, kNone for none
};

const Reference kNonBindingAt90{"non_binding_at_90", {90, 150, 225, 300},
                                {3.928572543, 2.965618230, 2.359152548, 2.014115505},
                                {-0.379943550, 0.334216689, 1.198859795, kNone}};
const Reference kNonBindingAt160{"non_binding_at_160", {90, 160, 225, 300},
                                 {3.928572543, 2.858013712, 2.366742529, 2.014814116},
                                 {-0.379244258, 0.470279576, 1.189873000, kNone}};
const Reference kBindingAt90{"binding_at_90", {90, 150, 225, 300},
                             {3.928572543, 2.965617098, 2.357340954, 1.967074342},
                             {-0.403399088, 0.303935720, 1.161764049, kNone}};
const Reference kBindingAt160{"binding_at_160", {90, 160, 225, 300},
                              {3.928572543, 2.858006068, 2.365001880, 1.967480771},
                              {-0.402844030, 0.438813210, 1.152548986, kNone}};
const Reference kTwoSidedAt70{"two_sided_at_70", {70, 80, 140, 200},
                              {3.612788736, 3.391253792, 2.444782712, 2.000576399},
                              {kNone, kNone, 0.959956502, kNone}};
const Reference kTwoSidedAt150{"two_sided_at_150", {70, 150, 200},
                               {3.612788736, 2.341755904, 2.012073331},
                               {kNone, 1.191662964, kNone}};

// One-sided 0.025, LD-OBF efficacy, HSD(-2) beta-spending futility, beta 0.1,
// looks planned at 0.25, 0.5, 0.75, 1 of 300 events.
MonitoringPlan four_look_plan(bool binding) {
  MonitoringPlan plan;
  plan.design.alpha = 0.025;
  plan.design.beta = 0.1;
  plan.design.information_fractions = {0.25, 0.5, 0.75, 1.0};
  plan.design.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), binding};
  plan.planned_events = 300.0;
  return plan;
}

// Two-sided 0.05, non-binding, looks planned at 0.4, 0.7, 1 of 200 events.
MonitoringPlan two_sided_plan() {
  MonitoringPlan plan;
  plan.design.alpha = 0.05;
  plan.design.sided = Sidedness::kTwoSidedSymmetric;
  plan.design.beta = 0.1;
  plan.design.information_fractions = {0.4, 0.7, 1.0};
  plan.design.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), false};
  plan.planned_events = 200.0;
  return plan;
}

void expect_schedule(const LookSchedule& s, const Reference& ref) {
  ASSERT_EQ(s.events, ref.events) << ref.id;
  ASSERT_EQ(s.efficacy.size(), ref.efficacy.size()) << ref.id;
  ASSERT_EQ(s.futility.size(), ref.futility.size()) << ref.id;
  for (std::size_t k = 0; k < ref.events.size(); ++k) {
    EXPECT_NEAR(s.efficacy[k], ref.efficacy[k], kZTol) << ref.id << " look " << k;
    if (std::isnan(ref.futility[k])) {
      EXPECT_FALSE(s.futility[k].has_value()) << ref.id << " look " << k;
    } else {
      ASSERT_TRUE(s.futility[k].has_value()) << ref.id << " look " << k;
      EXPECT_NEAR(*s.futility[k], ref.futility[k], kZTol) << ref.id << " look " << k;
    }
  }
}

TEST(BetaSpendingMonitorReference, NonBindingLooksOffThePlan) {
  const MonitoringPlan plan = four_look_plan(false);
  expect_schedule(schedule_at_look(plan, std::vector<double>{90.0}, false), kNonBindingAt90);
  expect_schedule(schedule_at_look(plan, std::vector<double>{90.0, 160.0}, false), kNonBindingAt160);
}

TEST(BetaSpendingMonitorReference, BindingLooksOffThePlan) {
  const MonitoringPlan plan = four_look_plan(true);
  expect_schedule(schedule_at_look(plan, std::vector<double>{90.0}, false), kBindingAt90);
  expect_schedule(schedule_at_look(plan, std::vector<double>{90.0, 160.0}, false), kBindingAt160);
}

// rpact's two-sided beta spending (experimental in 3.3.4) stops when |z| is
// below the bound, and has none where that bound would be below 0; the
// look at 70 events keeps the planned look at ceil(0.4 x 200) = 80 after it.
TEST(BetaSpendingMonitorReference, TwoSidedLooksOffThePlan) {
  const MonitoringPlan plan = two_sided_plan();
  expect_schedule(schedule_at_look(plan, std::vector<double>{70.0}, false), kTwoSidedAt70);
  expect_schedule(schedule_at_look(plan, std::vector<double>{70.0, 150.0}, false), kTwoSidedAt150);
}

// The bounds monitor() reports at each look are its schedule's: z = 0.9 at 90
// events and 1.3 at 160 continue; the first look's futility bound is the one
// of the schedule at 90 events, and the second look's schedule re-solves it
// at the new fractions, as rpact's design at the observed rates does
// (binding: -0.403399 as used, -0.402844 re-solved). That re-solved earlier
// bound is why rpact's stage-wise p-value after a stop differs slightly from
// gsd's, which takes each look's bounds as used there (docs/monitoring.md).
TEST(BetaSpendingMonitorReference, MonitorReportsTheBoundsAtEachLook) {
  for (const bool binding : {false, true}) {
    const Reference& first = binding ? kBindingAt90 : kNonBindingAt90;
    const Reference& second = binding ? kBindingAt160 : kNonBindingAt160;
    const MonitoringResult r = monitor(four_look_plan(binding),
                                       std::vector<ObservedLook>{{90.0, 0.9, false}, {160.0, 1.3, false}});
    ASSERT_EQ(r.looks.size(), 2U);
    EXPECT_EQ(r.looks[0].decision, Decision::kContinue);
    EXPECT_EQ(r.looks[1].decision, Decision::kContinue);
    EXPECT_NEAR(r.looks[0].efficacy_z, first.efficacy[0], kZTol);
    ASSERT_TRUE(r.looks[0].futility_z.has_value());
    EXPECT_NEAR(*r.looks[0].futility_z, first.futility[0], kZTol);
    EXPECT_NEAR(r.looks[1].efficacy_z, second.efficacy[1], kZTol);
    ASSERT_TRUE(r.looks[1].futility_z.has_value());
    EXPECT_NEAR(*r.looks[1].futility_z, second.futility[1], kZTol);
    ASSERT_TRUE(r.looks[1].schedule.futility[0].has_value());
    EXPECT_NEAR(*r.looks[1].schedule.futility[0], second.futility[0], kZTol);
  }
}

// z = -0.39 at 90 events lies between the non-binding bound -0.379944 and
// the binding one -0.403399: advice without a stop for the first, nothing
// for the second; z = -0.41 is below both, a stop when binding.
TEST(BetaSpendingMonitorReference, DecisionsAtTheRecomputedFutilityBound) {
  const MonitoringResult advice =
      monitor(four_look_plan(false), std::vector<ObservedLook>{{90.0, -0.39, false}});
  EXPECT_EQ(advice.looks[0].decision, Decision::kContinue);
  EXPECT_TRUE(advice.looks[0].futility_advice);
  const MonitoringResult above =
      monitor(four_look_plan(true), std::vector<ObservedLook>{{90.0, -0.39, false}});
  EXPECT_EQ(above.looks[0].decision, Decision::kContinue);
  EXPECT_FALSE(above.looks[0].futility_advice);
  const MonitoringResult below =
      monitor(four_look_plan(true), std::vector<ObservedLook>{{90.0, -0.41, false}});
  EXPECT_EQ(below.looks[0].decision, Decision::kStopFutility);
}

}  // namespace
}  // namespace gsd::monitoring::beta_spending_monitor_reference_test
