// The analytic MaxCombo test (survival/maxcombo_power.hpp) against the
// simulator, which takes at each look the largest of the tests' z from the
// one merge and judges it against the analytic bounds c_k. As for the
// weighted tests (weighted_power_sim_test.cpp), the analytic power is at the
// expected calendar times of the looks, so the simulated trials are analysed
// at those times. Power on the seed trial's cure mixture and on a delayed
// effect, and the type I error under equal arms; Monte Carlo bound: 4
// binomial standard errors (the lattice rule's error, reported, is far
// smaller). Then gsd simulate with a MaxCombo survival.test and side test.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "gsd/load.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulate/simulator.hpp"
#include "gsd/simulation.hpp"
#include "gsd/survival/maxcombo_power.hpp"
#include "power_sim_configs.hpp"

namespace gsd::maxcombo_sim_test {
namespace {

constexpr std::int64_t kReplicates = testing::kPowerSimReplicates;
constexpr double kStandardErrors = 4.0;

nlohmann::json with_design(nlohmann::json survival) {
  return {{"design", {{"alpha", 0.025}, {"beta", 0.16}, {"information_fractions", {0.6, 1.0}}}},
          {"survival", std::move(survival)}};
}

nlohmann::json seed_trial(double treatment_cure, double hazard_ratio) {
  return with_design(testing::seed_trial_survival(treatment_cure, hazard_ratio));
}

nlohmann::json delayed_effect() { return with_design(testing::delayed_effect_survival()); }

// Simulated MaxCombo rejections with looks at the analytic looks' times.
void expect_agreement(const nlohmann::json& config, std::uint64_t seed) {
  const Trial trial = load_trial(config);
  const survival::SurvivalSpec& spec = *trial.survival;
  const double patients = config["survival"]["patients"].get<double>();
  const long long events = config["survival"]["events"].get<long long>();
  const std::vector<survival::LogRankWeight> tests = survival::default_maxcombo_tests();
  const survival::MaxComboPower analytic = survival::maxcombo_power(spec, trial.design, tests, patients, events);
  const simulate::LookPlan plan = testing::looks_at_analytic_times(analytic, events);
  spending::Design bounds = spending::compute_design(trial.design);
  bounds.efficacy.clear();
  for (const survival::MaxComboLook& look : analytic.looks) bounds.efficacy.push_back(look.efficacy_z);
  simulate::TestSet set;
  set.primary_combo = tests;
  const simulate::Simulator sim(simulate::trial_model(spec, static_cast<int>(patients)), bounds, plan,
                                2.0 * analytic.looks.back().calendar_time, set);
  const simulate::SimulationResult r = simulate::summarize(sim.run(0, kReplicates, seed, 2));
  const double se = std::sqrt(analytic.power * (1.0 - analytic.power) / kReplicates);
  EXPECT_LT(analytic.power_error, 0.1 * se);
  EXPECT_NEAR(r.power, analytic.power, kStandardErrors * se) << config.dump();
  for (std::size_t k = 0; k < analytic.looks.size(); ++k) {
    const double p = analytic.looks[k].crossing;
    EXPECT_NEAR(r.reject_per_look[k], p, kStandardErrors * std::sqrt(p * (1.0 - p) / kReplicates)) << "look " << k;
  }
}

TEST(MaxComboSim, SeedTrialCureModelPower) { expect_agreement(seed_trial(0.562, 0.63), 404); }

TEST(MaxComboSim, DelayedEffectPower) { expect_agreement(delayed_effect(), 505); }

TEST(MaxComboSim, TypeOneErrorUnderEqualArms) { expect_agreement(seed_trial(0.40, 1.0), 606); }

// gsd simulate with survival.test MaxCombo: the trial stops by the largest
// z against the design's c_k; simulation.tests runs it beside the log-rank.
TEST(MaxComboSim, SimulateRunsMaxComboAsTheTrialsTestAndAsASideTest) {
  nlohmann::json config = seed_trial(0.562, 0.63);
  config["survival"]["test"] = {{"type", "maxcombo"}, {"tests", {{0, 0}, {0, 1}, {1, 0}}}};
  config["simulation"] = {{"replicates", 400}, {"seed", 7},
                          {"tests", {{{"type", "log-rank"}}, {{"type", "maxcombo"}, {"tests", {{0, 0}, {0, 1}}}}}}};
  const Trial trial = load_trial(config);
  const DesignResult planned = design_trial(trial);
  ASSERT_TRUE(planned.maxcombo);
  const SimulationReport rep = simulate_trial(trial);
  ASSERT_TRUE(rep.setup.analytic_power);
  EXPECT_DOUBLE_EQ(*rep.setup.analytic_power, planned.maxcombo->power);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_DOUBLE_EQ(rep.setup.design.efficacy[k], planned.maxcombo->looks[k].efficacy_z);
  }
  ASSERT_EQ(rep.result.tests.size(), 2u);
  ASSERT_EQ(rep.setup.tests.side[1].combo.size(), 2u);
  ASSERT_TRUE(rep.setup.side_analytic_power[1]);
  EXPECT_GT(*rep.setup.side_analytic_power[1], 0.5);
  // The two-test MaxCombo's final bound lies between the log-rank's and the
  // three-test set's.
  EXPECT_GT(rep.setup.tests.side[1].design.efficacy[1], rep.setup.tests.side[0].design.efficacy[1]);
  EXPECT_LT(rep.setup.tests.side[1].design.efficacy[1], rep.setup.design.efficacy[1]);
}

TEST(MaxComboSim, SideMaxComboRefusesFutilityBounds) {
  nlohmann::json config = seed_trial(0.562, 0.63);
  config["design"]["futility"] = {{"z", {0.0}}, {"binding", false}};
  config["simulation"] = {{"replicates", 10}, {"tests", {{{"type", "maxcombo"}}}}};
  try {
    (void)simulate_trial(load_trial(config));
    FAIL() << "expected InvalidInput";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("design.futility"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace gsd::maxcombo_sim_test
