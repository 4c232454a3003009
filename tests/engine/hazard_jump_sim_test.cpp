// A piecewise latency whose hazard jumps to a steep rate: the event-driven
// power against simulation. The seed trial's control latency has hazard 0.1
// per month for 5 months and then 100 or 1e6 per month (nearly every
// noncured event within days of month 5), far steeper than the calendar
// profile's uniform panels resolve; the profile grades its panels after
// such a kink (calendar_profile.hpp). Before that the event-driven power was
// 0.5632 and 0.5919, where 20,000 simulated trials give 0.7257 and 0.7253.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "engine/power_agreement.hpp"

namespace gsd::hazard_jump_sim_test {
namespace {

std::string seed_trial_with_jump(double steep) {
  return ::gsd::testing::seed_trial_with_control_latency(
      R"("piecewise": {"starts": [0, 5], "rates": [0.1, )" + std::to_string(steep) + "]}");
}

void expect_simulation_agrees(double steep) {
  ::gsd::testing::expect_simulated_power_agrees(seed_trial_with_jump(steep), 20261203,
                                                "hazard " + std::to_string(steep) + " per month after month 5");
}

TEST(HazardJump, EventDrivenPowerAgreesWithSimulationAtAJumpTo100) {
  expect_simulation_agrees(100.0);
}

TEST(HazardJump, EventDrivenPowerAgreesWithSimulationAtAJumpToAMillion) {
  expect_simulation_agrees(1e6);
}

}  // namespace
}  // namespace gsd::hazard_jump_sim_test
