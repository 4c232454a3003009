// The event-driven power of a plan (the default survival method) against
// gsd's simulator, which runs the trial patient by patient: 1e6 replicates,
// seed 21, on the plans of tests/reference/event_driven/
// (tests/reference/event_driven_power.sh prints these numbers). The target
// is 0.003; the simulation's standard error is 0.0004 at most.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "gsd/design.hpp"
#include "gsd/load.hpp"
#include "gsd/json.hpp"

namespace gsd::event_driven_power_test {
namespace {

struct Reference {
  const char* plan;
  double simulated;  // power, 1e6 replicates
  double capped;     // fraction of trials ending at the calendar cap
};

// Gaps of the event-driven power to the simulation (the fixed-time power's
// gap in brackets), as measured (gsd 0.2's Philox4x32-10 streams): the seed
// plan's neighbours -0.0006 to +0.0009 (-0.0001 to +0.0077), 2:1 allocation
// -0.0011 (+0.0215), the wider spread within -0.0026 to +0.0009 (up to
// +0.0085); drop-out of half the control arm a month -0.0020 (+0.0355).
const std::vector<Reference>& references() {
  static const std::vector<Reference> r{
      {"seed_202_80", 0.824655, 0.000066},
      {"seed_202_88", 0.839204, 0.002376},
      {"seed_202_94", 0.838611, 0.017352},
      {"seed_202_98", 0.833094, 0.046518},
      {"seed_404_188", 0.987641, 0.000626},
      {"seed_2to1_240_110", 0.864054, 0.033716},
      {"weibull_cure_futility", 0.869866, 0.0},
      {"piecewise_delayed_rampup_dropout", 0.836169, 0.0},
      {"exponential_pocock_dropout", 0.721056, 0.002471},
      {"cure_dropout_binding_futility", 0.895444, 0.002380},
      {"weibull_rampup_ratio2", 0.665640, 0.0},
      {"cure_near_limit_onesided", 0.748988, 0.078169},
      {"dropout_control_only_steep", 0.802109, 0.0},
  };
  return r;
}

// The accuracy asked of the event-driven power: 0.003 of the simulated power.
constexpr double kTarget = 0.003;
// Capped fractions: the simulation's standard error (at most 2.2e-4 here)
// plus the method's error in the tail of the look time; 0.002 bounds both.
constexpr double kCappedTolerance = 0.002;

TEST(EventDrivenPower, WithinTargetOfTheSimulator) {
  for (const Reference& ref : references()) {
    SCOPED_TRACE(ref.plan);
    const Trial trial =
        load_trial_file(std::string(GSD_REFERENCE_DIR) + "/event_driven/" + ref.plan + ".json");
    const DesignResult result = design_trial(trial);
    ASSERT_TRUE(result.sample_size.has_value());
    const survival::SurvivalPlan& plan = result.sample_size->plan;
    EXPECT_NEAR(plan.power, ref.simulated, kTarget);
    EXPECT_NEAR(plan.capped_probability, ref.capped, kCappedTolerance);
  }
}

TEST(EventDrivenPower, SeedPlanGapShrinksFromTheFixedTimes) {
  // The seed plan: the fixed-time power 0.8455 is 0.0063 above the
  // simulation, the event-driven one within 0.001.
  const Trial trial = load_trial_file(std::string(GSD_REFERENCE_DIR) + "/event_driven/seed_202_94.json");
  const survival::SurvivalPlan plan = design_trial(trial).sample_size->plan;
  EXPECT_NEAR(plan.power_fixed_times, 0.8455, 0.00005);
  EXPECT_NEAR(plan.power, 0.839277, 0.001);
  EXPECT_GT(plan.power_fixed_times - 0.839277, 0.005);
}

// A plan whose conditional variance Var(L | D) stops growing: every control
// patient has an event in time (no cure) while 56% of the treated are cured,
// and 17 events of the 18 that 25 patients can ever give leave the final
// look's Var(L | D) below look 2's. The recursion floors each increment at
// kMinIncrement of the look's variance (event_driven_power.cpp); with the
// floor at 1e-9 instead, the grids after look 2 took millions of nodes (1.7 s
// for this power, a minute and 150 MB for a solve near it), and the power was
// 0.8510091565538501. The floor moves it by 6e-6; 1e-4 allows that and is
// far inside the method's own accuracy (0.003 above; this near the event
// limit the plan warns and the simulator gives 0.89).
TEST(EventDrivenPower, AVarianceThatStopsGrowingIsFlooredAtASmallIncrement) {
  const Trial trial = load_trial(nlohmann::json::parse(R"({
    "design": {"alpha": 0.05, "sided": 2, "information_fractions": [0.5, 0.75, 1.0]},
    "survival": {"control": {"cure_fraction": 0, "median_noncured": 7.0},
                 "treatment": {"cure_fraction": 0.562}, "hazard_ratio_noncured": 0.63,
                 "accrual": {"duration": 36}, "patients": 25, "events": 17}})"));
  const survival::SurvivalPlan plan = design_trial(trial).sample_size->plan;
  EXPECT_NEAR(plan.power, 0.8510091565538501, 1e-4);
  EXPECT_GT(17.0 / plan.event_limit, 0.94);  // the events the plan warns of
}

}  // namespace
}  // namespace gsd::event_driven_power_test
