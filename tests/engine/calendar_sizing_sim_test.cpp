// Trials sized with looks by calendar time (power and follow_up given): the
// design spends at the looks' size-free fractions D(t) / D(end), the solve
// reaches the target power, and the simulator, which replays the looks at
// their months with the bounds recomputed at the events each trial observed
// there, agrees with the plan's event-driven power within Monte Carlo error.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "monte_carlo_bounds.hpp"
#include "gsd/design.hpp"
#include "gsd/load.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulation.hpp"
#include "gsd/survival/event_projection.hpp"

namespace gsd::calendar_sizing_sim_test {
namespace {

using ::gsd::testing::binomial_se;
constexpr std::int64_t kReplicates = ::gsd::testing::kPowerCheckReplicates;
constexpr double kStandardErrors = ::gsd::testing::kPowerCheckStandardErrors;

SimulationReport simulated(const Trial& trial) {
  SimulationRequest request;
  request.replicates = kReplicates;
  request.seed = 20261203;
  request.threads = 2;
  return simulate_trial(trial, request);
}

// The seed trial's cure model, sized for 84% power with 14.77 months of
// follow-up after 36 of accrual, looks at months 24 and 36 and the final at
// the planned events (examples/calendar/seed-sized-time-looks.json).
Trial seed_trial_sized_with_time_looks() {
  return load_trial_file(std::string(GSD_SOURCE_DIR) + "/examples/calendar/seed-sized-time-looks.json");
}

TEST(CalendarSizing, TheDesignSpendsAtTheSizeFreeFractions) {
  const Trial trial = seed_trial_sized_with_time_looks();
  const spending::Design design = solve_boundaries(trial);
  const survival::SurvivalSpec& s = *trial.survival;
  const double at_end = survival::event_fraction(s, 36.0 + 14.77);
  EXPECT_NEAR(design.spec.information_fractions[0], survival::event_fraction(s, 24.0) / at_end, 1e-12);
  EXPECT_NEAR(design.spec.information_fractions[1], survival::event_fraction(s, 36.0) / at_end, 1e-12);
  EXPECT_EQ(design.spec.information_fractions[2], 1.0);
}

TEST(CalendarSizing, CureModelSolveReachesThePowerAndSimulationAgrees) {
  const SimulationReport report = simulated(seed_trial_sized_with_time_looks());
  const survival::SurvivalPlan& plan = report.setup.sample_size.plan;
  EXPECT_EQ(plan.mode, survival::SolveMode::kPatients);
  EXPECT_GE(plan.power, 0.84);
  EXPECT_EQ(plan.looks[0].trigger, survival::LookTriggerKind::kTime);
  EXPECT_DOUBLE_EQ(plan.looks[0].calendar_time, 24.0);
  EXPECT_DOUBLE_EQ(plan.looks[1].calendar_time, 36.0);
  const auto n = static_cast<double>(kReplicates);
  EXPECT_NEAR(report.result.power, plan.power, kStandardErrors * binomial_se(plan.power, n));
}

// gsDesign's gsSurvCalendar defaults sized by Lachin-Foulkes
// (examples/calendar/classical-calendar-looks.json): Lachin-Foulkes' power
// is an approximation; the model's own event-driven power is what the
// simulated trials have.
TEST(CalendarSizing, ClassicalSolveAgreesWithTheModelsPowerInSimulation) {
  const SimulationReport report = simulated(
      load_trial_file(std::string(GSD_SOURCE_DIR) + "/examples/calendar/classical-calendar-looks.json"));
  const survival::SurvivalPlan& plan = report.setup.sample_size.plan;
  EXPECT_GE(plan.power, 0.9);
  ASSERT_TRUE(plan.power_event_driven.has_value());
  const double model = *plan.power_event_driven;
  const auto n = static_cast<double>(kReplicates);
  EXPECT_NEAR(report.result.power, model, kStandardErrors * binomial_se(model, n));
}

TEST(CalendarSizing, ASolveForTheFollowUpIsRefused) {
  Trial trial = seed_trial_sized_with_time_looks();
  trial.survival->follow_up.reset();
  trial.survival->patients = 202;
  try {
    (void)design_trial(trial);
    ADD_FAILURE() << "accepted a solve for the follow-up with looks by time";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("survival.looks"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace gsd::calendar_sizing_sim_test
