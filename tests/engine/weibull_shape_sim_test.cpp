// The Weibull shapes a survival model accepts, [0.2, 100], are those over
// which the event-driven power was checked against simulation: the seed
// trial with a Weibull control latency (scale 7 months) at each end of the
// range agrees with the simulator within Monte Carlo error, and a shape
// beyond either end is refused naming the field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "engine/power_agreement.hpp"
#include "gsd/load.hpp"
#include "gsd/numerics/invalid_input.hpp"

namespace gsd::weibull_shape_sim_test {
namespace {

// The seed trial (202 patients, 94 events, cure 40% / 56.2%, noncured hazard
// ratio 0.63, 36 months' accrual) with a Weibull control latency.
std::string seed_trial_with_weibull(double shape) {
  return ::gsd::testing::seed_trial_with_control_latency(R"("weibull": {"shape": )" + std::to_string(shape) +
                                                         R"(, "scale": 7.0})");
}

void expect_simulation_agrees(double shape) {
  ::gsd::testing::expect_simulated_power_agrees(seed_trial_with_weibull(shape), 20261204,
                                                "Weibull shape " + std::to_string(shape));
}

TEST(WeibullShape, EventDrivenPowerAgreesWithSimulationAtTheSmallestShape) {
  expect_simulation_agrees(0.2);
}

TEST(WeibullShape, EventDrivenPowerAgreesWithSimulationAtTheLargestShape) {
  expect_simulation_agrees(100.0);
}

TEST(WeibullShape, ShapesBeyondTheRangeAreRefused) {
  for (const double shape : {0.19, 101.0}) {
    try {
      (void)load_trial(nlohmann::json::parse(seed_trial_with_weibull(shape)));
      FAIL() << "shape " << shape << " accepted";
    } catch (const numerics::InvalidInput& e) {
      EXPECT_EQ(std::string(e.what()).rfind("survival.control.weibull.shape = ", 0), 0u) << e.what();
    }
  }
}

}  // namespace
}  // namespace gsd::weibull_shape_sim_test
