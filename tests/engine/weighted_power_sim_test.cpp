// The analytic power of weighted log-rank tests (survival/weighted_logrank_power.hpp)
// against the simulator on three models: the seed trial's cure mixture, a
// delayed effect (piecewise exponential, hazard ratio 1 for 6 months, then
// 0.6) and Weibull latencies with drop-out. The analytic power is at the
// expected calendar times of the looks, so the simulated trials are analysed
// at those times (looks triggered by time), each against the analytic
// design's bounds. Monte Carlo bound: 4 binomial standard errors.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "gsd/load.hpp"
#include "gsd/simulate/simulator.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"
#include "power_sim_configs.hpp"

namespace gsd::weighted_power_sim_test {
namespace {

using survival::LogRankWeight;

constexpr std::int64_t kReplicates = testing::kPowerSimReplicates;
constexpr double kStandardErrors = 4.0;

nlohmann::json with_design(nlohmann::json survival) {
  return {{"design", {{"alpha", 0.05}, {"sided", 2}, {"beta", 0.16}, {"information_fractions", {0.5, 0.75, 1.0}}}},
          {"survival", std::move(survival)}};
}

nlohmann::json seed_trial() { return with_design(testing::seed_trial_survival(0.562, 0.63)); }

nlohmann::json delayed_effect() { return with_design(testing::delayed_effect_survival()); }

nlohmann::json weibull_dropout() {
  return with_design({{"control", {{"weibull", {{"shape", 1.5}, {"scale", 12.0}}}}},
                      {"treatment", {{"weibull", {{"shape", 1.5}, {"scale", 16.0}}}}},
                      {"dropout", {{"control", 0.01}, {"treatment", 0.01}}},
                      {"accrual", {{"duration", 18.0}}},
                      {"patients", 220},
                      {"events", 150}});
}

// Simulated power of `weight` with looks at the analytic looks' times.
void expect_agreement(const nlohmann::json& config, const LogRankWeight& weight, std::uint64_t seed) {
  const Trial trial = load_trial(config);
  const survival::SurvivalSpec& spec = *trial.survival;
  const double patients = config["survival"]["patients"].get<double>();
  const long long events = config["survival"]["events"].get<long long>();
  const survival::WeightedLogRankPower analytic =
      survival::weighted_logrank_power(spec, trial.design, weight, patients, events);
  const simulate::LookPlan plan = testing::looks_at_analytic_times(analytic, events);
  const simulate::TrialModel model = simulate::trial_model(spec, static_cast<int>(patients));
  simulate::TestSet tests;
  tests.primary = weight;
  const simulate::Simulator sim(model, analytic.design, plan,
                                2.0 * analytic.looks.back().calendar_time, tests);
  const simulate::SimulationResult r = simulate::summarize(sim.run(0, kReplicates, seed, 2));
  const double se = std::sqrt(analytic.power * (1.0 - analytic.power) / kReplicates);
  EXPECT_NEAR(r.power, analytic.power, kStandardErrors * se)
      << "rho " << weight.rho << " gamma " << weight.gamma << " t* " << weight.t_star;
}

std::vector<LogRankWeight> tests_compared() {
  return {LogRankWeight::fleming_harrington(0, 1), LogRankWeight::fleming_harrington(1, 0),
          LogRankWeight::fleming_harrington(1, 1), LogRankWeight::magirr_burman(12.0)};
}

TEST(WeightedPowerSim, SeedTrialCureModel) {
  for (const LogRankWeight& w : tests_compared()) expect_agreement(seed_trial(), w, 101);
}

TEST(WeightedPowerSim, DelayedEffectPiecewise) {
  for (const LogRankWeight& w : tests_compared()) expect_agreement(delayed_effect(), w, 202);
}

TEST(WeightedPowerSim, WeibullWithDropOut) {
  for (const LogRankWeight& w : tests_compared()) expect_agreement(weibull_dropout(), w, 303);
}

}  // namespace
}  // namespace gsd::weighted_power_sim_test
