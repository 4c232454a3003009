// A look set by its calendar time has random events: the simulator judges it
// against the bound recomputed at the events the replicate observed, as a
// monitoring committee does (monitoring::schedule_at_look), and the looks
// after it with the same history; the type I error then stays at alpha.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gsd/monitoring/look_schedule.hpp"
#include "seed_model.hpp"

namespace gsd::simulate::observed_bounds_sim_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

using survival::LookTrigger;
using survival::LookTriggerKind;

// The seed design with its first look at month 24 and the second at 71
// events or month 36, whichever comes first; the design spends at the
// events the model expects there (as gsd::solve_boundaries: 39.2 of 94 at
// month 24).
struct CalendarTrial {
  Design design;
  LookPlan plan;
  monitoring::MonitoringPlan monitoring;
};

CalendarTrial calendar_trial() {
  DesignSpec spec = testing::seed_design_spec();
  spec.information_fractions = {0.4168, 0.75, 1.0};
  CalendarTrial t{compute_design(spec), {}, {}};
  t.plan = make_look_plan(t.design, 94);
  t.plan.triggers = {{LookTriggerKind::kTime, 24.0}, {LookTriggerKind::kFirst, 36.0}, {}};
  t.monitoring.design = spec;
  t.monitoring.planned_events = 94.0;
  return t;
}

TEST(ObservedBounds, EachAnalysisTakesTheBoundsAtItsObservedEvents) {
  const CalendarTrial t = calendar_trial();
  const TrialModel model = testing::seed_model();
  const Simulator sim(model, t.design, t.plan, 60.0);
  int moved = 0;
  int capped = 0;
  for (std::int64_t i = 0; i < 300; ++i) {
    const std::vector<LookRecord> looks = sim.looks(5, i);
    std::vector<double> events;
    for (const LookRecord& look : looks) {
      events.push_back(look.events);
      const bool final_analysis = look.capped || look.look == 2;
      const monitoring::LookSchedule s = monitoring::schedule_at_look(t.monitoring, events, final_analysis);
      EXPECT_DOUBLE_EQ(look.efficacy_z, s.efficacy[s.current]) << i << " look " << look.look;
      if (look.look == 0 && std::fabs(look.efficacy_z - t.design.efficacy[0]) > 1e-3) ++moved;
      capped += look.capped ? 1 : 0;
    }
  }
  // The month-24 look's events vary from replicate to replicate, and its
  // bound with them; some trials end at the 60-month cap.
  EXPECT_GT(moved, 250);
  EXPECT_GT(capped, 0);
}

TEST(ObservedBounds, TypeOneErrorWithCalendarLooksIsAlpha) {
  // Under H0 (both arms cure 40%, noncured median 7 months) with the looks by
  // time and a 40-month cap: about a fifth of the trials end at the cap with
  // fewer than 94 events, spending the alpha left there.
  const CalendarTrial t = calendar_trial();
  const Simulator sim(testing::seed_model(0.40, 1.0), t.design, t.plan, 40.0);
  const std::int64_t n = 40000 / testing::kReplicateScale;
  const SimulationTotals totals = sim.run(0, n, 20120215, 2);
  std::int64_t rejected = 0;
  for (std::size_t k = 0; k < 3; ++k) rejected += totals.reject_upper[k] + totals.reject_lower[k];
  EXPECT_GT(totals.capped, n / 10);
  const double rate = static_cast<double>(rejected) / static_cast<double>(n);
  // Two-sided alpha 0.05 within 4 binomial standard errors (a false alarm
  // with probability 6e-5).
  EXPECT_NEAR(rate, 0.05, 4.0 * std::sqrt(0.05 * 0.95 / static_cast<double>(n)));
}

TEST(ObservedBounds, ResultsDoNotDependOnTheThreads) {
  const CalendarTrial t = calendar_trial();
  const Simulator sim(testing::seed_model(), t.design, t.plan, 60.0);
  const SimulationTotals one = sim.run(0, 3000, 11, 1);
  const SimulationTotals three = sim.run(0, 3000, 11, 3);
  EXPECT_EQ(one.reject_upper, three.reject_upper);
  EXPECT_EQ(one.reject_lower, three.reject_lower);
  EXPECT_EQ(one.capped, three.capped);
  EXPECT_EQ(one.events, three.events);
  EXPECT_EQ(one.duration, three.duration);
  // And a replicate range split in two adds up to the whole (as MPI ranks do).
  SimulationTotals split = sim.run(0, 1700, 11, 2);
  split.add(sim.run(1700, 1300, 11, 2));
  EXPECT_EQ(one.reject_upper, split.reject_upper);
  EXPECT_EQ(one.events, split.events);
}

// A non-inferiority trial's futility bound given as a hazard ratio h is
// recomputed at the month-24 look's events against the margin m:
// z = -ln(h / m) sqrt(d / 4).
TEST(ObservedBounds, HazardRatioFutilityIsAgainstTheMargin) {
  DesignSpec spec;
  spec.alpha = 0.025;
  spec.beta = 0.2;
  spec.information_fractions = {0.4168, 0.75, 1.0};
  spec.efficacy = SpendingFunction::lan_demets_obrien_fleming();
  FutilitySpec f;
  f.rule = FutilityRule::kFixedZ;
  f.hazard_ratios = {1.2, 1.1};
  f.values = {-std::log(1.2 / 1.3) * std::sqrt(40.0 / 4.0), -std::log(1.1 / 1.3) * std::sqrt(71.0 / 4.0)};
  spec.futility = f;
  const Design design = compute_design(spec);
  LookPlan plan = make_look_plan(design, 94);
  plan.triggers = {{LookTriggerKind::kTime, 24.0}, {LookTriggerKind::kFirst, 36.0}, {}};
  TestSet tests;
  tests.null_hazard_ratio = 1.3;
  const Simulator sim(testing::seed_model(), design, plan, 60.0, tests);
  int checked = 0;
  for (std::int64_t i = 0; i < 50; ++i) {
    const std::vector<LookRecord> looks = sim.looks(5, i);
    ASSERT_FALSE(looks.empty());
    const LookRecord& first = looks.front();
    if (first.look != 0 || !first.futility_z) continue;
    EXPECT_NEAR(*first.futility_z, -std::log(1.2 / 1.3) * std::sqrt(first.events / 4.0), 1e-12) << i;
    ++checked;
  }
  EXPECT_GT(checked, 40);
}

}  // namespace
}  // namespace gsd::simulate::observed_bounds_sim_test
