// The simulator replays looks triggered by calendar time, or by events or
// time whichever comes first or last: each replicate's look times and events
// obey the rule, and the events at a look by time average the model's
// expected events (closed form: exponential latency, uniform accrual).
#include <gtest/gtest.h>

#include <cmath>

#include "seed_model.hpp"

namespace gsd::simulate::look_trigger_sim_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

using survival::LookTrigger;
using survival::LookTriggerKind;

Simulator with_triggers(std::vector<LookTrigger> triggers, const TrialModel& model = testing::seed_model()) {
  const Design design = compute_design(testing::seed_design_spec());
  LookPlan plan = make_look_plan(design, 94);
  plan.triggers = std::move(triggers);
  return Simulator(model, design, plan, default_max_duration(model));
}

TEST(LookTriggers, EachReplicateFollowsItsRule) {
  // Look 1 at month 24; look 2 at 71 events or month 36, whichever first;
  // final at 94 events.
  const Simulator first = with_triggers({{LookTriggerKind::kTime, 24.0}, {LookTriggerKind::kFirst, 36.0}, {}});
  const Simulator last = with_triggers({{LookTriggerKind::kTime, 24.0}, {LookTriggerKind::kLast, 36.0}, {}});
  int by_time = 0;
  int by_events = 0;
  for (std::int64_t i = 0; i < 400; ++i) {
    const auto a = first.looks(9, i);
    EXPECT_DOUBLE_EQ(a[0].calendar_time, 24.0);
    if (a.size() > 1 && !a[1].capped) {
      EXPECT_LE(a[1].calendar_time, 36.0);
      EXPECT_LE(a[1].events, 71);
      (a[1].calendar_time < 36.0 ? by_events : by_time) += 1;
    }
    const auto b = last.looks(9, i);
    if (b.size() > 1 && !b[1].capped) {
      EXPECT_GE(b[1].calendar_time, 36.0);
      EXPECT_GE(b[1].events, 71);
    }
  }
  // Both branches of "first" occur (71 events are expected at month 36.1).
  EXPECT_GT(by_time, 40);
  EXPECT_GT(by_events, 40);
}

TEST(LookTriggers, EventsAtATimeLookAverageTheClosedForm) {
  // No cure: control hazard ln2/7, treatment 0.63 times it, uniform accrual
  // over 36 months, 202 patients 1:1 (permuted blocks: 101 per arm). Expected
  // events by t <= 36: sum_j 101 (t - (1 - exp(-lambda_j t)) / lambda_j) / 36.
  const TrialModel model = testing::seed_model(0.40, testing::kSeedHazardRatio);
  TrialModel no_cure = model;
  no_cure.strata[0].control.outcome = survival::CureModel(0.0, model.strata[0].control.outcome.latency());
  no_cure.strata[0].treatment.outcome = survival::CureModel(0.0, model.strata[0].treatment.outcome.latency());
  const double t = 20.0;
  const double l0 = testing::kSeedControlRate;
  const double l1 = l0 * testing::kSeedHazardRatio;
  const auto arm = [&](double l) { return 101.0 * (t - (1.0 - std::exp(-l * t)) / l) / 36.0; };
  const double expected = arm(l0) + arm(l1);
  const Simulator sim = with_triggers({{LookTriggerKind::kTime, t}, {}, {}}, no_cure);
  constexpr int kRuns = 4000 / static_cast<int>(testing::kReplicateScale);
  double sum = 0.0;
  double sum2 = 0.0;
  for (std::int64_t i = 0; i < kRuns; ++i) {
    const auto looks = sim.looks(17, i);
    ASSERT_DOUBLE_EQ(looks[0].calendar_time, t);
    sum += looks[0].events;
    sum2 += static_cast<double>(looks[0].events) * looks[0].events;
  }
  const double mean = sum / kRuns;
  const double se = std::sqrt((sum2 / kRuns - mean * mean) / kRuns);
  // Within 4 standard errors of the mean (a false alarm with probability 6e-5).
  EXPECT_NEAR(mean, expected, 4.0 * se);
}

TEST(LookTriggers, ResultsDoNotDependOnTheThreads) {
  const Simulator sim = with_triggers({{LookTriggerKind::kTime, 24.0}, {LookTriggerKind::kLast, 36.0}, {}});
  const SimulationTotals one = sim.run(3, 3000, 1, 1);
  const SimulationTotals two = sim.run(3, 3000, 1, 3);
  EXPECT_EQ(one.reject_upper, two.reject_upper);
  EXPECT_EQ(one.events, two.events);
  EXPECT_EQ(one.duration, two.duration);
}

}  // namespace
}  // namespace gsd::simulate::look_trigger_sim_test
