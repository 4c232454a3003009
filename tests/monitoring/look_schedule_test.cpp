// Bounds at observed information against rpact 3.3.4 (generator:
// tests/reference/rpact_monitoring.R, which prints 9 significant digits).
// rpact's own integration is accurate to about 1e-7 in z, so bounds are
// compared to 1e-6 absolute, the project's accuracy target.
#include "gsd/monitoring/look_schedule.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "gsd/numerics/normal.hpp"
#include "plan_fixture.hpp"

namespace gsd::monitoring::look_schedule_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

using testing::seed_plan;
constexpr double kZTol = 1e-6;

TEST(LookSchedule, SeedLookAt49Then71) {
  // rpact 3.3.4 ( observed informationRates 49/94, 71/94, 1).
  const MonitoringPlan plan = seed_plan();
  const LookSchedule first = schedule_at_look(plan, std::vector<double>{49.0}, false);
  ASSERT_EQ(first.events, (std::vector<double>{49.0, 71.0, 94.0}));  // ceil(0.75 * 94) = 71
  EXPECT_NEAR(first.efficacy[0], 2.893268, kZTol);
  // docs/validation.md: two-sided nominal p at the first look 0.00381256.
  EXPECT_NEAR(2.0 * normal_upper_tail(first.efficacy[0]), 0.00381256, 1e-8);
  const LookSchedule second = schedule_at_look(plan, std::vector<double>{49.0, 71.0}, false);
  EXPECT_NEAR(second.efficacy[0], 2.89326783, kZTol);
  EXPECT_NEAR(second.efficacy[1], 2.35323148, kZTol);
  EXPECT_NEAR(second.efficacy[2], 2.01593169, kZTol);
  EXPECT_NEAR(second.cumulative_alpha.back(), 0.025, 1e-9);
}

TEST(LookSchedule, LooksAt40And80And94) {
  // rpact 3.3.4: 3.243497, 2.172315, 2.040849 (rpact rates 40/94, 80/94, 1).
  const MonitoringPlan plan = seed_plan();
  const LookSchedule s = schedule_at_look(plan, std::vector<double>{40.0, 80.0, 94.0}, false);
  EXPECT_TRUE(s.current_is_final());
  EXPECT_NEAR(s.efficacy[0], 3.243497, kZTol);
  EXPECT_NEAR(s.efficacy[1], 2.172315, kZTol);
  EXPECT_NEAR(s.efficacy[2], 2.040849, kZTol);
}

TEST(LookSchedule, FinalThatOverRunsSpendsTheRest) {
  // rpact asUser, rates 49/100, 71/100, 1 with spending alpha(49/94),
  // alpha(71/94), 0.025: the gsDesign convention for an over-running final.
  const LookSchedule s =
      schedule_at_look(seed_plan(), std::vector<double>{49.0, 71.0, 100.0}, false);
  EXPECT_NEAR(s.efficacy[0], 2.89326783, kZTol);
  EXPECT_NEAR(s.efficacy[1], 2.35323148, kZTol);
  EXPECT_NEAR(s.efficacy[2], 2.02744894, kZTol);
  EXPECT_NEAR(s.cumulative_alpha[2], 0.025, 1e-9);
}

TEST(LookSchedule, FinalThatUnderRunsSpendsTheRest) {
  // rpact asUser, rates 49/90, 71/90, 1, same spending: final at 90 of 94.
  const LookSchedule s =
      schedule_at_look(seed_plan(), std::vector<double>{49.0, 71.0, 90.0}, true);
  ASSERT_EQ(s.events.size(), 3u);
  EXPECT_TRUE(s.current_is_final());
  EXPECT_NEAR(s.efficacy[2], 2.00719499, kZTol);
  EXPECT_NEAR(s.cumulative_alpha[2], 0.025, 1e-9);
}

// A look within a millionth of the planned events is the final analysis:
// the planned 94 cannot follow it (information_step.hpp), and it spends the
// rest, with the bounds of looks at 49, 71 and 94 to 1e-6 in z.
TEST(LookSchedule, LookWithinAMillionthOfThePlannedEventsIsTheFinal) {
  const LookSchedule s =
      schedule_at_look(seed_plan(), std::vector<double>{49.0, 71.0, 94.0 - 1e-5}, false);
  ASSERT_EQ(s.events.size(), 3u);
  EXPECT_TRUE(s.current_is_final());
  EXPECT_NEAR(s.cumulative_alpha[2], 0.025, 1e-9);
  const LookSchedule planned = schedule_at_look(seed_plan(), std::vector<double>{49.0, 71.0, 94.0}, false);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(s.efficacy[k], planned.efficacy[k], 1e-6);
}

TEST(LookSchedule, RejectsEventsWithinAMillionthOfThePrevious) {
  try {
    schedule_at_look(seed_plan(), std::vector<double>{49.0, 49.00001}, false);
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "looks[1].events = 49.00001 must exceed the previous look's 49 events by at least 4.9e-05");
  }
}

TEST(LookSchedule, ClassicalConstantRecomputedAtObservedFractions) {
  // rpact "OF" at rates 49/94, 71/94, 1.
  MonitoringPlan plan = seed_plan();
  plan.design.efficacy = ClassicalBoundary::obrien_fleming();
  const LookSchedule s = schedule_at_look(plan, std::vector<double>{49.0, 71.0}, false);
  EXPECT_NEAR(s.efficacy[0], 2.80656317, kZTol);
  EXPECT_NEAR(s.efficacy[1], 2.33154438, kZTol);
  EXPECT_NEAR(s.efficacy[2], 2.02632422, kZTol);
}

// A classical bound once used stays; the constant is solved for the looks
// after it so that the bounds used spend alpha (generator:
// tests/reference/rpact_classical_held.R). Looks at 80 then 170 of 200
// planned events: the first look's schedule is 80, 100, 150, 200.
MonitoringPlan classical_plan(const ClassicalBoundary& family) {
  MonitoringPlan plan = seed_plan();
  plan.design.efficacy = family;
  plan.planned_events = 200.0;
  return plan;
}

TEST(LookSchedule, ClassicalBoundHeldPocock) {
  const MonitoringPlan plan = classical_plan(ClassicalBoundary::pocock());
  const LookSchedule first = schedule_at_look(plan, std::vector<double>{80.0}, false);
  EXPECT_NEAR(first.efficacy[0], 2.320300473, kZTol);
  const LookSchedule second = schedule_at_look(plan, std::vector<double>{80.0, 170.0}, false);
  EXPECT_EQ(second.efficacy[0], first.efficacy[0]);
  // Recomputed from scratch at 0.4, 0.85, 1 they would be 2.258573866, and
  // the bounds used would spend only 0.023585.
  EXPECT_NEAR(second.efficacy[1], 2.222188982, kZTol);
  EXPECT_NEAR(second.efficacy[2], 2.222188982, kZTol);
  EXPECT_NEAR(second.cumulative_alpha.back(), 0.025, 1e-9);
  const LookSchedule last = schedule_at_look(plan, std::vector<double>{80.0, 170.0, 200.0}, false);
  EXPECT_EQ(last.efficacy[0], first.efficacy[0]);
  EXPECT_EQ(last.efficacy[1], second.efficacy[1]);
  EXPECT_NEAR(last.efficacy[2], 2.222188982, kZTol);
}

TEST(LookSchedule, ClassicalBoundHeldObrienFleming) {
  const MonitoringPlan plan = classical_plan(ClassicalBoundary::obrien_fleming());
  const LookSchedule s = schedule_at_look(plan, std::vector<double>{80.0, 170.0, 200.0}, false);
  EXPECT_NEAR(s.efficacy[0], 3.203412451, kZTol);
  EXPECT_NEAR(s.efficacy[1], 2.201013162, kZTol);
  EXPECT_NEAR(s.efficacy[2], 2.029233870, kZTol);
  EXPECT_NEAR(s.cumulative_alpha.back(), 0.025, 1e-9);
}

TEST(LookSchedule, UnplannedExtraLookKeepsPlannedRemainder) {
  // An unplanned look at 30 events: the planned 47, 71 and 94 still follow.
  const LookSchedule s = schedule_at_look(seed_plan(), std::vector<double>{30.0}, false);
  EXPECT_EQ(s.events, (std::vector<double>{30.0, 47.0, 71.0, 94.0}));
  // Spending is a function of information only: alpha spent by 30 events is
  // alpha(30/94) whatever comes after (Lan & DeMets 1983).
  EXPECT_NEAR(s.cumulative_alpha[0],
              2.0 - 2.0 * (1.0 - normal_upper_tail(normal_upper_quantile(0.0125) /
                                                   std::sqrt(30.0 / 94.0))),
              1e-12);
}

TEST(LookSchedule, RejectsEventsGoingBackwards) {
  try {
    schedule_at_look(seed_plan(), std::vector<double>{49.0, 40.0}, false);
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "looks[1].events = 40 must exceed the previous look's 49 events");
  }
  EXPECT_THROW(schedule_at_look(seed_plan(), std::vector<double>{0.0}, false),
               std::invalid_argument);
}

}  // namespace
}  // namespace gsd::monitoring::look_schedule_test
