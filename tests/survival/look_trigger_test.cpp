// Looks triggered by events, calendar time, or whichever comes first or last
// (look_trigger.hpp): expected times and events against the closed form of an
// exponential trial with uniform accrual, and the rules on bad triggers.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/look_trigger.hpp"
#include "gsd/survival/sample_size.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::look_trigger_test {
namespace {

// No cure, exponential hazards lambda_j, uniform accrual over A, 1:1: the
// expected events per patient by t <= A are
//   (1/2) sum_j (1/A) (t - (1 - exp(-lambda_j t)) / lambda_j)
// (a patient entering at u has the event by t with probability
// 1 - exp(-lambda (t - u)); integrate u over [0, t] with density 1/A).
double closed_form_fraction(double t, double a, double l0, double l1) {
  const auto arm = [&](double l) { return (t - (1.0 - std::exp(-l * t)) / l) / a; };
  return 0.5 * (arm(l0) + arm(l1));
}

SurvivalSpec exponential_trial() {
  SurvivalSpec spec;
  spec.control = CureModel(0.0, Latency::exponential(0.1));
  spec.treatment = CureModel(0.0, Latency::exponential(0.07));
  spec.accrual = Accrual::uniform(24.0);
  return spec;
}

constexpr double kPatients = 400.0;

TEST(LookTrigger, TimeLookHasTheClosedFormEvents) {
  SurvivalSpec spec = exponential_trial();
  spec.looks = {{LookTriggerKind::kTime, 12.0}, {LookTriggerKind::kTime, 20.0}, {}};
  const std::vector<double> planned{50.0, 100.0, 200.0};
  const std::vector<ExpectedLook> looks = expected_looks(spec, kPatients, planned);
  ASSERT_EQ(looks.size(), 3u);
  EXPECT_DOUBLE_EQ(looks[0].calendar_time, 12.0);
  EXPECT_NEAR(looks[0].events, kPatients * closed_form_fraction(12.0, 24.0, 0.1, 0.07), 1e-8);
  EXPECT_NEAR(looks[1].events, kPatients * closed_form_fraction(20.0, 24.0, 0.1, 0.07), 1e-8);
  // The final look is at its events.
  EXPECT_DOUBLE_EQ(looks[2].events, 200.0);
  EXPECT_NEAR(looks[2].calendar_time, calendar_time_for_events(spec, kPatients, 200.0), 1e-9);
}

TEST(LookTrigger, FirstAndLastTakeTheEarlierAndTheLaterOfTheTwo) {
  SurvivalSpec spec = exponential_trial();
  const double at_12 = kPatients * closed_form_fraction(12.0, 24.0, 0.1, 0.07);  // 55.6 events
  // 40 events are expected before month 12, 120 after month 13 (84.9 by then).
  const std::vector<double> planned{40.0, 120.0, 200.0};
  const double t40 = calendar_time_for_events(spec, kPatients, 40.0);
  ASSERT_LT(t40, 12.0);
  spec.looks = {{LookTriggerKind::kFirst, 12.0}, {LookTriggerKind::kFirst, 13.0}, {}};
  std::vector<ExpectedLook> looks = expected_looks(spec, kPatients, planned);
  EXPECT_NEAR(looks[0].calendar_time, t40, 1e-12);  // its events first
  EXPECT_DOUBLE_EQ(looks[0].events, 40.0);
  EXPECT_DOUBLE_EQ(looks[1].calendar_time, 13.0);  // month 13 before 120 events
  EXPECT_NEAR(looks[1].events, kPatients * closed_form_fraction(13.0, 24.0, 0.1, 0.07), 1e-8);
  spec.looks = {{LookTriggerKind::kLast, 12.0}, {LookTriggerKind::kLast, 13.0}, {}};
  looks = expected_looks(spec, kPatients, planned);
  EXPECT_DOUBLE_EQ(looks[0].calendar_time, 12.0);  // month 12 after its 40 events
  EXPECT_NEAR(looks[0].events, at_12, 1e-8);
  EXPECT_DOUBLE_EQ(looks[1].events, 120.0);  // 120 events after month 13
  EXPECT_GT(looks[1].calendar_time, 13.0);
}

TEST(LookTrigger, ThePlanPutsTimeLooksAtTheirTimes) {
  SurvivalSpec spec = testing::seed_plan();
  spec.patients = 202;
  spec.events = 94;
  spec.looks = {{LookTriggerKind::kTime, 24.0}, {}, {}};
  // The design's first fraction is the expected events at month 24 over 94,
  // as gsd::solve_boundaries sets it.
  const double fraction = 202.0 * event_fraction(spec, 24.0) / 94.0;
  spending::DesignSpec d = testing::seed_design().spec;
  d.information_fractions = {fraction, 0.75, 1.0};
  const SurvivalPlan plan = solve_survival(spec, spending::compute_design(d));
  EXPECT_TRUE(plan.event_driven);
  EXPECT_DOUBLE_EQ(plan.looks[0].calendar_time, 24.0);
  EXPECT_EQ(plan.looks[0].trigger, LookTriggerKind::kTime);
  EXPECT_NEAR(plan.looks[0].expected_events, fraction * 94.0, 1e-9);
  // The power is event-driven (the default cap, 109.8 months, ends few
  // trials): the time look enters the recursion at its expected events.
  EXPECT_NE(plan.power, plan.power_fixed_times);
  EXPECT_NEAR(plan.power, plan.power_fixed_times, 0.01);
}

TEST(LookTrigger, BadTriggersAreRefusedWithTheirPath) {
  const auto refused = [](std::vector<LookTrigger> looks, const char* path) {
    SurvivalSpec spec = exponential_trial();
    spec.looks = std::move(looks);
    try {
      (void)expected_looks(spec, kPatients, std::vector<double>{40.0, 80.0, 200.0});
      ADD_FAILURE() << "accepted; expected an error at " << path;
    } catch (const numerics::InvalidInput& e) {
      EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
  };
  // Times must increase.
  refused({{LookTriggerKind::kTime, 12.0}, {LookTriggerKind::kTime, 12.0}, {}}, "looks[1].time");
  // The final look is at the planned events.
  refused({{}, {}, {LookTriggerKind::kTime, 30.0}}, "looks[2].time");
  refused({{LookTriggerKind::kTime, -1.0}, {}, {}}, "looks[0].time");
  // A look by time that expects fewer events than the look before it.
  refused({{}, {LookTriggerKind::kTime, 5.0}, {}}, "looks[1]");
  // One trigger per look.
  refused({{}, {}}, "looks");
}

// A solve for the follow-up (power and patients given) would move a time
// look's information with the follow-up it finds.
TEST(LookTrigger, ASolveForTheFollowUpIsRefused) {
  SurvivalSpec spec = testing::seed_plan();
  spec.patients = 202;
  spec.power = 0.84;
  spec.looks = {{LookTriggerKind::kTime, 24.0}, {}, {}};
  EXPECT_THROW((void)solve_survival(spec, testing::seed_design()), numerics::InvalidInput);
}

}  // namespace
}  // namespace gsd::survival::look_trigger_test
