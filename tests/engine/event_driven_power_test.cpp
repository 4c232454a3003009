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

namespace gsd {
namespace {

struct Reference {
  const char* plan;
  double simulated;  // power, 1e6 replicates
  double capped;     // fraction of trials ending at the calendar cap
};

// Gaps of the event-driven power to the simulation (the fixed-time power's
// gap in brackets), as measured: the seed plan's neighbours -0.0010 to
// +0.0002 (-0.0005 to +0.0069), 2:1 allocation -0.0006 (+0.0220), the wider
// spread within -0.0017 to +0.0012 (up to +0.0088).
const std::vector<Reference>& references() {
  static const std::vector<Reference> r{
      {"seed_202_80", 0.825040, 0.000056},
      {"seed_202_88", 0.839676, 0.002318},
      {"seed_202_94", 0.839277, 0.017449},
      {"seed_202_98", 0.833846, 0.046813},
      {"seed_404_188", 0.987563, 0.000710},
      {"seed_2to1_240_110", 0.863537, 0.034144},
      {"weibull_cure_futility", 0.870485, 0.0},
      {"piecewise_delayed_rampup_dropout", 0.835495, 0.0},
      {"exponential_pocock_dropout", 0.720186, 0.002613},
      {"cure_dropout_binding_futility", 0.895704, 0.002345},
      {"weibull_rampup_ratio2", 0.664755, 0.0},
      {"cure_near_limit_onesided", 0.748726, 0.078350},
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

}  // namespace
}  // namespace gsd
