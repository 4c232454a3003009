// survival.analysis_cap: the protocol's "final analysis at the planned events
// or at this calendar time, whichever comes first", on the seed trial with a
// cap at month 60 (examples/calendar/seed-cap-60.json). The analytic plan's
// event-driven power accounts for the trials that reach the cap first; the
// simulator replays the same cap, and the two agree within Monte Carlo error.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "monte_carlo_bounds.hpp"
#include "gsd/design.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/presentation.hpp"
#include "gsd/simulation.hpp"

namespace gsd::analysis_cap_test {
namespace {

// Fewer replicates under AddressSanitizer (about 10x slower), keeping each
// statistical bound valid for the count actually used.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::int64_t kReplicates = 8000;
#else
constexpr std::int64_t kReplicates = 40000;
#endif
// Agreement within 4 binomial standard errors of the simulation: a false
// alarm with probability 6e-5 if the analytic value were exact. The method's
// own error (0.003 at most on the plans of event_driven_power_test.cpp) is
// below half of that bound at these replicate counts (4 SE = 0.0073 at 40000).
constexpr double kStandardErrors = 4.0;

Trial capped_seed_trial() {
  return load_trial_file(std::string(GSD_SOURCE_DIR) + "/examples/calendar/seed-cap-60.json");
}

using ::gsd::testing::binomial_se;

TEST(AnalysisCap, ThePlanUsesTheProtocolCap) {
  const Trial trial = capped_seed_trial();
  ASSERT_TRUE(trial.survival && trial.survival->analysis_cap);
  EXPECT_DOUBLE_EQ(*trial.survival->analysis_cap, 60.0);
  const survival::SurvivalPlan plan = design_trial(trial).sample_size->plan;
  EXPECT_DOUBLE_EQ(plan.calendar_cap, 60.0);
  // The same cap given as the simulation's max_duration gives the same plan:
  // one rule, whichever key carries it.
  Trial by_simulation = trial;
  by_simulation.survival->analysis_cap.reset();
  by_simulation.simulation = SimulationSettings{};
  by_simulation.simulation->max_duration = 60.0;
  const survival::SurvivalPlan same = design_trial(by_simulation).sample_size->plan;
  EXPECT_DOUBLE_EQ(plan.power, same.power);
  EXPECT_DOUBLE_EQ(plan.expected_duration, same.expected_duration);
  // The protocol's cap wins over a simulation's own cap for the plan.
  Trial both = trial;
  both.simulation = SimulationSettings{};
  both.simulation->max_duration = 45.0;
  EXPECT_DOUBLE_EQ(design_trial(both).sample_size->plan.power, plan.power);
}

TEST(AnalysisCap, ShortensTheTrialAndEndsMoreOfThemAtTheCap) {
  const Trial capped = capped_seed_trial();
  Trial uncapped = capped;
  uncapped.survival->analysis_cap.reset();
  const survival::SurvivalPlan a = design_trial(capped).sample_size->plan;
  const survival::SurvivalPlan b = design_trial(uncapped).sample_size->plan;
  // The default cap is the end of accrual plus the treatment latency's 99th
  // percentile: 36 + (7 / 0.63) log(100) / log(2) = 109.82 months.
  EXPECT_NEAR(b.calendar_cap, 36.0 + 7.0 / 0.63 * std::log(100.0) / std::log(2.0), 1e-9);
  EXPECT_LT(a.expected_duration, b.expected_duration);
  EXPECT_GT(a.capped_probability, b.capped_probability);
  // The looks at 47 and 71 events come long before month 60 (at 27.1 and
  // 36.1 months expected): only the final look is cut short.
  EXPECT_LT(a.looks[0].capped + a.looks[1].capped, 1e-4);
  EXPECT_GT(a.looks[2].capped, 0.05);
  // The probability of looks before the cap does not change.
  EXPECT_NEAR(a.looks[0].crossing, b.looks[0].crossing, 1e-9);
}

TEST(AnalysisCap, AnalyticAndSimulatedPowerAgree) {
  const Trial trial = capped_seed_trial();
  SimulationRequest request;
  request.replicates = kReplicates;
  request.seed = 20120215;
  request.threads = 2;
  const SimulationReport report = simulate_trial(trial, request);
  // The simulator replays the protocol's cap.
  EXPECT_DOUBLE_EQ(report.setup.max_duration, 60.0);
  EXPECT_FALSE(report.result.max_duration_is_default);
  ASSERT_TRUE(report.setup.analytic_power.has_value());
  const survival::SurvivalPlan& plan = report.setup.sample_size.plan;
  EXPECT_DOUBLE_EQ(*report.setup.analytic_power, plan.power);
  const auto n = static_cast<double>(kReplicates);
  EXPECT_NEAR(report.result.power, plan.power, kStandardErrors * binomial_se(plan.power, n));
  EXPECT_NEAR(report.result.capped_fraction, plan.capped_probability,
              kStandardErrors * binomial_se(plan.capped_probability, n));
  EXPECT_LE(report.result.expected_duration, 60.0 + 1e-9);
}

// Looks by calendar time (tests/cli/survival/calendar_looks.json: month 24,
// then 71 events or month 36 whichever comes first, then 94 events, cap at
// month 60): the plan's power is event-driven, each time look held at the
// events expected there, and the simulator, which replays the triggers trial
// by trial, agrees within Monte Carlo error.
TEST(AnalysisCap, CalendarLooksAnalyticAndSimulatedPowerAgree) {
  const Trial trial =
      load_trial_file(std::string(GSD_SOURCE_DIR) + "/tests/cli/survival/calendar_looks.json");
  SimulationRequest request;
  request.replicates = kReplicates;
  request.seed = 20120215;
  request.threads = 2;
  const SimulationReport report = simulate_trial(trial, request);
  const survival::SurvivalPlan& plan = report.setup.sample_size.plan;
  EXPECT_TRUE(plan.event_driven);
  EXPECT_DOUBLE_EQ(plan.calendar_cap, 60.0);
  EXPECT_GT(plan.capped_probability, 0.03);
  // The cap and random look times move the power from the fixed-time one.
  EXPECT_GT(std::fabs(plan.power - plan.power_fixed_times), 1e-4);
  const auto n = static_cast<double>(kReplicates);
  EXPECT_NEAR(report.result.power, plan.power, kStandardErrors * binomial_se(plan.power, n));
}

TEST(AnalysisCap, SimulationDoesNotDependOnTheThreads) {
  const Trial trial = capped_seed_trial();
  SimulationRequest request;
  request.replicates = 2000;
  request.seed = 5;
  request.threads = 1;
  const SimulationReport one = simulate_trial(trial, request);
  request.threads = 3;
  const SimulationReport three = simulate_trial(trial, request);
  EXPECT_EQ(one.result.power, three.result.power);
  EXPECT_EQ(one.result.capped_fraction, three.result.capped_fraction);
  EXPECT_EQ(one.result.expected_duration, three.result.expected_duration);
}

TEST(AnalysisCap, ARunsOwnCapTakesPrecedenceAndMovesTheAnalyticPower) {
  const Trial trial = capped_seed_trial();
  SimulationRequest request;
  request.max_duration = 45.0;
  const SimulationSetup setup = prepare_simulation(trial, request);
  EXPECT_DOUBLE_EQ(setup.max_duration, 45.0);
  ASSERT_TRUE(setup.analytic_power.has_value());
  EXPECT_GT(std::fabs(*setup.analytic_power - setup.sample_size.plan.power), 1e-4);
}

// A cap before the first look's expected time (month 10 against 27.09: a
// cap meant in years, say) ends every trial before any interim look; the
// plan says so in its warnings. At month 60 nothing is said of it.
TEST(AnalysisCap, ACapBeforeTheFirstLookIsWarnedOf) {
  const auto cap_warnings = [](const Trial& trial) {
    int n = 0;
    for (const std::string& w : plan_warnings(design_trial(trial).sample_size->plan, "months")) {
      n += w.find("comes before the first look's expected time") != std::string::npos ? 1 : 0;
    }
    return n;
  };
  Trial trial = capped_seed_trial();
  EXPECT_EQ(cap_warnings(trial), 0);
  trial.survival->analysis_cap = 10.0;
  const survival::SurvivalPlan plan = design_trial(trial).sample_size->plan;
  ASSERT_NEAR(plan.looks.front().calendar_time, 27.09, 0.01);
  // Every trial is running at month 10: no look can have come.
  EXPECT_GT(plan.capped_probability, 0.999);
  EXPECT_EQ(cap_warnings(trial), 1);
}

// A trial tested by a Fleming-Harrington test: its power takes the looks at
// the expected times of the planned events and leaves the cap out, so the
// JSON's warnings say so once the log-rank plan expects more than one trial
// in a thousand to end at the cap (proportional hazards, 600 patients, 330
// events; the final look expected at month 29.6). With the cap at month 26
// about 40% do; with the default cap (month 137.9) none does, and nothing is
// said.
TEST(AnalysisCap, ATestThatLeavesTheCapOutIsWarnedOf) {
  const auto test_warnings = [](const char* cap) {
    const std::string text = std::string(R"({"design": {"alpha": 0.025, "beta": 0.1,
        "information_fractions": [0.4, 0.7, 1.0]},
      "survival": {"control": {"median_noncured": 12.0}, "hazard_ratio_noncured": 0.7,
        "accrual": {"duration": 24.0}, "patients": 600, "events": 330,
        "test": {"type": "fleming-harrington", "rho": 0, "gamma": 1})") + cap + "}}";
    const nlohmann::json out = to_json(design_trial(load_trial(nlohmann::json::parse(text))));
    int n = 0;
    for (const auto& w : out["sample_size"]["warnings"]) {
      n += w.get<std::string>().find("leave the cap out") != std::string::npos ? 1 : 0;
    }
    return n;
  };
  EXPECT_EQ(test_warnings(R"(, "analysis_cap": 26)"), 1);
  EXPECT_EQ(test_warnings(""), 0);
}

TEST(AnalysisCap, BadCapsAreRefusedWithTheirPath) {
  for (double cap : {0.0, -1.0, 2e6}) {
    nlohmann::json config = nlohmann::json::parse(R"({
      "design": {"alpha": 0.025, "information_fractions": [0.5, 1.0]},
      "survival": {"control": {"median_noncured": 7}, "hazard_ratio_noncured": 0.7,
                   "accrual": {"duration": 24}, "patients": 300, "events": 200}})");
    config["survival"]["analysis_cap"] = cap;
    try {
      (void)load_trial(config);
      ADD_FAILURE() << "analysis_cap = " << cap << " was accepted";
    } catch (const numerics::InvalidInput& e) {
      EXPECT_NE(std::string(e.what()).find("survival.analysis_cap"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace gsd::analysis_cap_test
