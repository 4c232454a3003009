// The analytic power of RMST and milestone tests (survival/km_contrast_power.hpp)
// against the simulator's Kaplan-Meier statistics on two models: the seed
// trial's cure mixture and Weibull latencies with drop-out at 2:1. As for
// the weighted tests the analytic power is at the expected calendar times of
// the looks, so the simulated trials are analysed at those times, each
// against the analytic design's bounds. Monte Carlo bound: 4 binomial
// standard errors. Then gsd simulate with such a survival.test and side test.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulate/simulator.hpp"
#include "gsd/simulation.hpp"
#include "gsd/survival/km_contrast_power.hpp"

namespace gsd::km_contrast_power_sim_test {
namespace {

using survival::KmContrast;

#if defined(__SANITIZE_ADDRESS__)
constexpr std::int64_t kReplicates = 1000;
#else
constexpr std::int64_t kReplicates = 6000;
#endif
constexpr double kStandardErrors = 4.0;

nlohmann::json with_design(nlohmann::json survival) {
  return {{"design", {{"alpha", 0.05}, {"sided", 2}, {"beta", 0.16}, {"information_fractions", {0.5, 0.75, 1.0}}}},
          {"survival", std::move(survival)}};
}

nlohmann::json seed_trial() {
  return with_design({{"control", {{"cure_fraction", 0.40}, {"median_noncured", 7.0}}},
                      {"treatment", {{"cure_fraction", 0.562}}},
                      {"hazard_ratio_noncured", 0.63},
                      {"accrual", {{"duration", 36.0}}},
                      {"patients", 202},
                      {"events", 94}});
}

nlohmann::json weibull_dropout() {
  return with_design({{"control", {{"weibull", {{"shape", 1.5}, {"scale", 12.0}}}}},
                      {"treatment", {{"weibull", {{"shape", 1.5}, {"scale", 16.0}}}}},
                      {"dropout", {{"control", 0.01}, {"treatment", 0.02}}},
                      {"allocation_ratio", 2.0},
                      {"accrual", {{"duration", 18.0}}},
                      {"patients", 240},
                      {"events", 150}});
}

KmContrast contrast(bool rmst, double horizon) {
  KmContrast c;
  c.kind = rmst ? KmContrast::Kind::kRmst : KmContrast::Kind::kMilestone;
  c.horizon = horizon;
  return c;
}

void expect_agreement(const nlohmann::json& config, const KmContrast& c, std::uint64_t seed) {
  const Trial trial = load_trial(config);
  const survival::SurvivalSpec& spec = *trial.survival;
  const double patients = config["survival"]["patients"].get<double>();
  const long long events = config["survival"]["events"].get<long long>();
  const survival::KmContrastPower analytic = survival::km_contrast_power(spec, trial.design, c, patients, events);
  simulate::LookPlan plan;
  plan.planned_events = static_cast<int>(events);
  for (const survival::KmContrastLook& look : analytic.looks) {
    plan.look_events.push_back(static_cast<int>(look.events));
    plan.triggers.push_back({survival::LookTriggerKind::kTime, look.calendar_time});
  }
  simulate::TestSet tests;
  simulate::KaplanMeierContrast statistic;
  statistic.kind = c.kind == KmContrast::Kind::kRmst ? simulate::KaplanMeierContrast::Kind::kRmst
                                                     : simulate::KaplanMeierContrast::Kind::kMilestone;
  statistic.horizon = c.horizon;
  tests.primary_contrast = statistic;
  const simulate::Simulator sim(simulate::trial_model(spec, static_cast<int>(patients)), analytic.design, plan,
                                2.0 * analytic.looks.back().calendar_time, tests);
  const simulate::SimulationResult r = simulate::summarize(sim.run(0, kReplicates, seed, 2));
  const double se = std::sqrt(analytic.power * (1.0 - analytic.power) / kReplicates);
  EXPECT_NEAR(r.power, analytic.power, kStandardErrors * se)
      << (c.kind == KmContrast::Kind::kRmst ? "RMST " : "milestone ") << c.horizon;
}

TEST(KmContrastPowerSim, SeedTrialCureModel) {
  expect_agreement(seed_trial(), contrast(true, 24.0), 111);
  expect_agreement(seed_trial(), contrast(false, 24.0), 112);
}

TEST(KmContrastPowerSim, WeibullWithDropOutTwoToOne) {
  expect_agreement(weibull_dropout(), contrast(true, 10.0), 113);
  expect_agreement(weibull_dropout(), contrast(false, 8.0), 114);
}

TEST(KmContrastPowerSim, SimulateRunsTheTestAndSideTests) {
  nlohmann::json config = seed_trial();
  config["survival"]["test"] = {{"type", "rmst"}, {"tau", 24}};
  config["simulation"] = {{"replicates", 300}, {"seed", 5},
                          {"tests", {{{"type", "log-rank"}}, {{"type", "milestone"}, {"time", 24}}}}};
  const Trial trial = load_trial(config);
  const DesignResult planned = design_trial(trial);
  ASSERT_TRUE(planned.km_contrast);
  const SimulationReport rep = simulate_trial(trial);
  ASSERT_TRUE(rep.setup.tests.primary_contrast);
  EXPECT_EQ(rep.setup.design.efficacy, planned.km_contrast->at_plan.design.efficacy);
  EXPECT_EQ(rep.setup.analytic_power, planned.km_contrast->at_plan.power);
  ASSERT_EQ(rep.result.tests.size(), 2u);
  ASSERT_TRUE(rep.setup.tests.side[1].contrast);
  const nlohmann::json out = to_json(rep);
  EXPECT_EQ(out["simulation"]["test"]["type"], "rmst");
  EXPECT_EQ(out["simulation"]["tests"][1]["type"], "milestone");
  EXPECT_EQ(out["simulation"]["tests"][1]["time"], 24.0);
  config["simulation"]["strata"] = {{{"name", "a"}, {"proportion", 0.5}}, {{"name", "b"}, {"proportion", 0.5}}};
  try {
    (void)simulate_trial(load_trial(config));
    FAIL() << "expected InvalidInput";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("simulation.strata"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace gsd::km_contrast_power_sim_test
