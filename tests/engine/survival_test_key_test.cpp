// survival.test: the weighted test's power in the design output, the key's
// rules (paths under survival.test) and the commands that refuse it.
#include <gtest/gtest.h>

#include <string>

#include "gsd/design.hpp"
#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"
#include "gsd/simulation.hpp"

namespace gsd::survival_test_key_test {
namespace {

nlohmann::json seed_config(const nlohmann::json& test) {
  nlohmann::json c = {
      {"design", {{"alpha", 0.05}, {"sided", 2}, {"beta", 0.16}, {"information_fractions", {0.5, 0.75, 1.0}}}},
      {"survival",
       {{"control", {{"cure_fraction", 0.40}, {"median_noncured", 7.0}}},
        {"treatment", {{"cure_fraction", 0.562}}},
        {"hazard_ratio_noncured", 0.63},
        {"accrual", {{"duration", 36.0}}},
        {"patients", 202},
        {"events", 94}}}};
  if (!test.is_null()) c["survival"]["test"] = test;
  return c;
}

std::string error_of(const nlohmann::json& config) {
  try {
    (void)design_trial(load_trial(config));
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "no error";
}

TEST(SurvivalTestKey, DesignReportsTheWeightedPower) {
  const nlohmann::json test = {{"type", "fleming-harrington"}, {"rho", 0}, {"gamma", 1}};
  const Trial trial = load_trial(seed_config(test));
  const DesignResult result = design_trial(trial);
  ASSERT_TRUE(result.test);
  const survival::WeightedLogRankPower direct = survival::weighted_logrank_power(
      *trial.survival, trial.design, survival::LogRankWeight::fleming_harrington(0.0, 1.0), 202.0, 94);
  EXPECT_EQ(result.test->power, direct.power);
  const nlohmann::json out = to_json(result);
  EXPECT_EQ(out["sample_size"]["power"].get<double>(), direct.power);
  EXPECT_EQ(out["sample_size"]["test"]["type"], "fleming-harrington");
  EXPECT_EQ(out["sample_size"]["test"]["spending_scale"], "variance");
  EXPECT_EQ(out["sample_size"]["test"]["log_rank_power"].get<double>(), result.sample_size->plan.power);
  EXPECT_EQ(out["sample_size"]["test"]["log_rank_power_fixed_times"].get<double>(),
            result.sample_size->plan.power_fixed_times);
  EXPECT_EQ(out["sample_size"]["test"]["looks"].size(), 3U);
}

TEST(SurvivalTestKey, LogRankIsEchoedAndChangesNothing) {
  const DesignResult plain = design_trial(load_trial(seed_config(nullptr)));
  const DesignResult echoed = design_trial(load_trial(seed_config({{"type", "log-rank"}})));
  EXPECT_FALSE(echoed.test);
  EXPECT_EQ(echoed.sample_size->plan.power, plain.sample_size->plan.power);
  EXPECT_EQ(to_json(echoed)["sample_size"]["test"], nlohmann::json({{"type", "log-rank"}}));
  EXPECT_FALSE(to_json(plain)["sample_size"].contains("test"));
}

TEST(SurvivalTestKey, MagirrBurmanOnTheEventScale) {
  const Trial trial = load_trial(seed_config({{"type", "magirr-burman"}, {"t_star", 12}, {"spending_scale", "events"}}));
  const DesignResult result = design_trial(trial);
  ASSERT_TRUE(result.test);
  EXPECT_EQ(result.test->scale, survival::SpendingScale::kEvents);
  EXPECT_EQ(result.test->weight.t_star, 12.0);
}

TEST(SurvivalTestKey, RulesNameThePath) {
  EXPECT_EQ(error_of(seed_config({{"type", "fleming-harrington"}, {"rho", -1}})),
            "survival.test.rho = -1 must be finite and >= 0");
  EXPECT_EQ(error_of(seed_config({{"type", "magirr-burman"}, {"t_star", 0}})),
            "survival.test.t_star = 0 must be finite and > 0");
  EXPECT_NE(error_of(seed_config({{"type", "magirr-burman"}})).find("survival.test"), std::string::npos);
  EXPECT_NE(error_of(seed_config({{"type", "log-rank"}, {"rho", 1}})).find("survival.test.rho"), std::string::npos);
  EXPECT_NE(error_of(seed_config({{"type", "wilcoxon"}})).find("survival.test.type"), std::string::npos);
  nlohmann::json solve = seed_config({{"type", "fleming-harrington"}, {"gamma", 1}});
  solve["survival"].erase("events");
  solve["survival"]["power"] = 0.84;
  // Sized for FH(0, 1): 202 patients cannot give it power 0.84 (it peaks
  // near 0.60), so the target is refused with the best found.
  EXPECT_EQ(error_of(solve).rfind("survival.power = 0.84 cannot be reached by this test with 202 patients", 0), 0U)
      << error_of(solve);
  solve["survival"]["power"] = 0.5;
  const DesignResult sized = design_trial(load_trial(solve));
  ASSERT_TRUE(sized.test_sizing && sized.test);
  EXPECT_GE(sized.test->power, 0.5);
  EXPECT_EQ(sized.sample_size->plan.events, sized.test_sizing->events);
}

// Fleming-Harrington weights so steep that a look has no information of its
// own are refused naming the exponent. gamma 1000 makes (1 - S)^gamma too
// small at every event for a double: S >= 0.48 under the seed's cure
// fractions, so a squared weight is at most 0.519^2000, about 1e-569. rho
// 1000 spends all of the information before the final look. The message
// had read "survival.test.test gives no information at a look (-nan of the
// final variance)".
TEST(SurvivalTestKey, VanishingWeightsAreNamedByTheirExponent) {
  EXPECT_EQ(error_of(seed_config({{"type", "fleming-harrington"}, {"rho", 0}, {"gamma", 1000}})),
            "survival.test.gamma = 1000 leaves every look without information: the weights (1 - S)^gamma are so "
            "small at every event that the test's variance is 0 in a double; choose a smaller gamma (such as 1)");
  EXPECT_EQ(error_of(seed_config({{"type", "fleming-harrington"}, {"rho", 1000}, {"gamma", 0}})),
            "survival.test.rho = 1000 leaves look 3 without information of its own: the weight S^rho falls to 0 "
            "once the first events lower the survival S, so the test's information is all spent before that "
            "look; choose a smaller rho (such as 1)");
  EXPECT_EQ(error_of(seed_config({{"type", "fleming-harrington"}, {"rho", 1e6}, {"gamma", 0}}))
                .rfind("survival.test.rho = 1e+06 leaves look ", 0),
            0U);
  nlohmann::json side = seed_config(nullptr);
  side["simulation"] = {{"tests", {{{"type", "fleming-harrington"}, {"rho", 0}, {"gamma", 1000}}}}};
  try {
    (void)prepare_simulation(load_trial(side));
    ADD_FAILURE() << "a side test without information was run";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()).rfind("simulation.tests[0].gamma = 1000 leaves every look without information", 0),
              0U)
        << e.what();
  }
}

// A MaxCombo component without information is named by its index and its
// exponents (it said "survival.test.tests give no information at a look").
TEST(SurvivalTestKey, AMaxComboComponentWithoutInformationIsNamed) {
  EXPECT_EQ(error_of(seed_config({{"type", "maxcombo"}, {"tests", {{0, 0}, {0, 1000}}}})),
            "survival.test.tests[1] = [0, 1000] gives no information at look 1: its weights S^rho (1 - S)^gamma "
            "vanish at every event before it (a large gamma near the start, where S is near 1; a large rho once S "
            "falls); choose smaller exponents (such as [0, 1])");
}

// gsd simulate runs the weighted test against its own bounds (the design's
// at the test's information fractions), and reports its analytic power.
TEST(SurvivalTestKey, SimulateRunsTheWeightedTest) {
  nlohmann::json c = seed_config({{"type", "fleming-harrington"}, {"gamma", 1}});
  c["simulation"] = {{"replicates", 200}, {"seed", 4}};
  const Trial trial = load_trial(c);
  const DesignResult design = design_trial(trial);
  const SimulationSetup setup = prepare_simulation(trial);
  ASSERT_TRUE(setup.tests.primary);
  EXPECT_EQ(setup.design.efficacy, design.test->design.efficacy);
  EXPECT_EQ(setup.analytic_power, design.test->power);
  EXPECT_EQ(setup.plan.look_events, (std::vector<int>{47, 71, 94}));
  const nlohmann::json out = to_json(simulate_trial(trial));
  EXPECT_EQ(out["simulation"]["test"]["type"], "fleming-harrington");
}

TEST(SurvivalTestKey, SimulationTestsRulesNameThePath) {
  nlohmann::json c = seed_config(nullptr);
  const auto error = [&](const nlohmann::json& tests) -> std::string {
    c["simulation"] = {{"tests", tests}};
    try {
      (void)prepare_simulation(load_trial(c));
    } catch (const InvalidInput& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_NE(error(nlohmann::json::array()).find("simulation.tests "), std::string::npos);
  EXPECT_NE(error({{{"type", "fleming-harrington"}, {"rho", -1}}}).find("simulation.tests[0].rho "),
            std::string::npos);
  EXPECT_NE(error({{{"type", "log-rank"}}, {{"type", "magirr-burman"}, {"t_star", 0}}})
                .find("simulation.tests[1].t_star "),
            std::string::npos);
  EXPECT_EQ(error({{{"type", "log-rank"}}, {{"type", "magirr-burman"}, {"t_star", 12}}}), "no error");
}

// A weighted test's look gives its z and the observed variance of its score.
TEST(SurvivalTestKey, MonitorNeedsTheWeightedTestsVariance) {
  nlohmann::json c = seed_config({{"type", "fleming-harrington"}, {"gamma", 1}});
  c["monitoring"] = {{"looks", {{{"events", 47}, {"z", 1.0}}}}};
  try {
    (void)monitor_trial(load_trial(c));
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("monitoring.looks[0].variance "), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace gsd::survival_test_key_test
