// An RMST's tau and a milestone's time follow the rule of every time of the
// model: at least 1e-9 of the accrual duration. Below it (a milestone at
// 1e-12 months) the variance of the Kaplan-Meier estimate had no root and
// the command ended in a numerical failure (exit 1) instead of naming the key.
#include <gtest/gtest.h>

#include <string>

#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"

namespace gsd::test_horizon_test {
namespace {

nlohmann::json seed_config() {
  return nlohmann::json::parse(R"({
    "design": {"alpha": 0.025, "information_fractions": [0.5, 0.75, 1.0]},
    "survival": {"control": {"cure_fraction": 0.4, "median_noncured": 7.0},
                 "treatment": {"cure_fraction": 0.562}, "hazard_ratio_noncured": 0.63,
                 "accrual": {"duration": 36}, "patients": 202, "events": 94}})");
}

std::string error_of(const nlohmann::json& config) {
  try {
    (void)load_trial(config);
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "no error";
}

constexpr const char* kRule =
    " must be at least 1e-9 of the accrual duration (36 months): gsd computes with time scales within a "
    "factor of 1e9; check the time unit (survival.time_unit)";

TEST(TestHorizon, AMilestoneOrRmstTimeBelowTheTimeScaleIsRefusedByItsKey) {
  nlohmann::json c = seed_config();
  c["survival"]["test"] = {{"type", "milestone"}, {"time", 1e-12}};
  EXPECT_EQ(error_of(c), std::string("survival.test.time = 1e-12") + kRule);
  c["survival"]["test"] = {{"type", "rmst"}, {"tau", 1e-12}};
  EXPECT_EQ(error_of(c), std::string("survival.test.tau = 1e-12") + kRule);
  c["survival"]["test"] = {{"type", "rmst"}, {"tau", 24}};
  EXPECT_EQ(error_of(c), "no error");
  c["survival"].erase("test");
  c["simulation"] = {{"tests", {{{"type", "log-rank"}}, {{"type", "milestone"}, {"time", 1e-12}}}}};
  EXPECT_EQ(error_of(c), std::string("simulation.tests[1].time = 1e-12") + kRule);
}

TEST(TestHorizon, TrialValidateHoldsTheSameRule) {
  nlohmann::json c = seed_config();
  c["survival"]["test"] = {{"type", "milestone"}, {"time", 12}};
  Trial trial = load_trial(c);
  trial.survival_test->horizon = 1e-12;
  try {
    trial.validate();
    FAIL() << "no error";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()), std::string("survival.test.time = 1e-12") + kRule);
  }
}

}  // namespace
}  // namespace gsd::test_horizon_test
