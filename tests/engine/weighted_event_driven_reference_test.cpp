// The simulator's weighted log-rank and MaxCombo tests at looks set by the
// trial's events, against an independent simulation of the same trials
// written in plain R without gsd's code
// (tests/reference/weighted_event_driven_simulation.R, run as
// `Rscript tests/reference/weighted_event_driven_simulation.R 100000 2`:
// 100,000 replicates per scenario, seed 20261211; the values below are its
// output). The trial is the seed plan (configs/blinatumomab-20120215.json:
// 202 patients, looks at the calendar times of the 47th, 71st and 94th
// events, the default calendar cap) with survival.test set to
//   FH(0, 1)  (Fleming & Harrington 1991), judged two-sided against the
//             plan's bounds at the test's own information fractions, a final
//             analysis forced by the cap spending the alpha left at the
//             fraction interpolated in events; or
//   MaxCombo  the largest z of FH(0, 0), FH(0, 1), FH(1, 0) and FH(1, 1)
//             (Karrison 2016), judged one-sided against the plan's c_k, a
//             final analysis forced by the cap keeping c_K;
// under the seed model and with equal arms (the treatment arm cured with
// probability 0.40 and the noncured hazard ratio 1: the type I error). R
// computes each FH z from its definition with the pooled Kaplan-Meier
// estimate just before each event time (FH(0, 0) and FH(1, 0) checked there
// against survival::survdiff to 1e-10) and takes gsd's bounds as given
// (pasted into the script from `gsd design`): this checks the simulator's
// statistics, looks and decisions; the bounds below are checked to be the
// ones R used.
//
// The analytic powers of these tests are at the looks' expected calendar
// times (weighted_power_sim_test.cpp, maxcombo_sim_test.cpp), not at the
// calendar times of the events, which vary from trial to trial; this is the
// check of the event-driven looks.
//
// gsd's simulator is checked statistically: each quantity within 4 standard
// errors of the difference of the two simulations (a false alarm with
// probability 6e-5 per quantity if both simulate the same trial).
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "monte_carlo_bounds.hpp"
#include "gsd/load.hpp"
#include "gsd/simulation.hpp"

namespace gsd::weighted_event_driven_reference_test {
namespace {

using testing::Estimate;

struct Reference {
  const char* scenario;  // the R script's name for it
  bool maxcombo;         // survival.test MaxCombo, else FH(0, 1)
  bool equal_arms;       // the treatment arm as the control's (H0)
  double efficacy[3];    // gsd's bounds, as the R script has them
  double calendar_cap;   // the default cap of the model
  Estimate power;        // upper crossing at some look
  Estimate upper[3];     // first upper crossing at each look (a capped final counts at its look)
  Estimate lower[3];     // first lower crossing at each look (two-sided FH(0, 1))
  Estimate capped;       // ending at the calendar cap, with or without an analysis
  Estimate events;       // at stopping
  Estimate patients;     // enrolled at stopping
  Estimate duration;     // calendar months at stopping
};

constexpr double kReferenceReplicates = 100000;

// The seed model's cap: 36 months of accrual + 7 / 0.63 x log2(100), the
// slower arm's 99th percentile of noncured latency; with equal arms
// 36 + 7 log2(100).
constexpr double kSeedCap = 109.82062433083028;
constexpr double kEqualArmsCap = 82.50699332842308;

const Reference kReferences[] = {
    // clang-format off
    {"fh01_h1", false, false, {3.8227230043406246, 2.7354494606989923, 1.9774479351145828}, kSeedCap,
     {0.57821, 0.00156}, {{0.02499, 0.00049}, {0.24955, 0.00137}, {0.30367, 0.00145}},
     {{0.00000, 0.00000}, {0.00001, 0.00001}, {0.00001, 0.00001}},
     {0.04026, 0.00062}, {86.94260, 0.03717}, {199.44268, 0.02848}, {49.62701, 0.05236}},
    {"maxcombo_h1", true, false, {3.1653693542562693, 2.5811854841390462, 2.2520868003043635}, kSeedCap,
     {0.81638, 0.00122}, {{0.23347, 0.00134}, {0.40237, 0.00155}, {0.18054, 0.00122}},
     {{0.00000, 0.00000}, {0.00000, 0.00000}, {0.00000, 0.00000}},
     {0.01977, 0.00044}, {73.70387, 0.05631}, {188.28642, 0.06777}, {40.77214, 0.04720}},
    {"fh01_h0", false, true, {3.5037665334794985, 2.4945524985842704, 1.9950058864087694}, kEqualArmsCap,
     {0.02589, 0.00050}, {{0.00025, 0.00005}, {0.00630, 0.00025}, {0.01934, 0.00044}},
     {{0.00026, 0.00005}, {0.00626, 0.00025}, {0.01890, 0.00043}},
     {0.00003, 0.00002}, {93.68712, 0.00876}, {200.20611, 0.01671}, {38.02619, 0.00962}},
    {"maxcombo_h0", true, true, {3.188182972756395, 2.59014016836824, 2.2638502753911878}, kEqualArmsCap,
     {0.02553, 0.00050}, {{0.00166, 0.00013}, {0.00848, 0.00029}, {0.01539, 0.00039}},
     {{0.00000, 0.00000}, {0.00000, 0.00000}, {0.00000, 0.00000}},
     {0.00003, 0.00002}, {93.72691, 0.00899}, {200.23904, 0.01738}, {38.03861, 0.00964}},
    // clang-format on
};

constexpr double kStandardErrors = 4.0;
// A probability is compared only where at least this many of R's trials
// make it: with fewer, the normal bound rests on a standard error estimated
// from a handful of trials (the lower side under the seed model, crossed by
// 2 of R's 100,000 trials; the cap with equal arms).
constexpr double kFewestTrials = 20;
// The bounds may move by this much (a finer root search, or a finer lattice
// for MaxCombo's multivariate normal, whose error in c_k is about that size)
// without making the R values stale: a bound moved by 0.001 moves a crossing
// probability by the density of the statistic at the bound times 0.001, at
// most about 4e-4 here, a sixth or less of the tolerance on that probability.
constexpr double kBoundDrift = 1e-3;

#if defined(__SANITIZE_ADDRESS__)
constexpr std::int64_t kReplicates = 40000;
#else
constexpr std::int64_t kReplicates = 200000;
#endif

// The seed config with the scenario's test and arms.
Trial scenario_trial(const Reference& ref) {
  std::ifstream in(std::string(GSD_SOURCE_DIR) + "/configs/blinatumomab-20120215.json");
  nlohmann::json config = nlohmann::json::parse(in);
  config["survival"]["test"] = ref.maxcombo
                                   ? nlohmann::json{{"type", "maxcombo"}}
                                   : nlohmann::json{{"type", "fleming-harrington"}, {"rho", 0}, {"gamma", 1}};
  if (ref.equal_arms) {
    config["survival"]["treatment"] = {{"cure_fraction", 0.40}};
    config["survival"]["hazard_ratio_noncured"] = 1.0;
  }
  return load_trial(config);
}

// The standard error of the difference between the R estimate and gsd's.
double difference_se(const Estimate& r) {
  return testing::difference_se(r.se, kReferenceReplicates, static_cast<double>(kReplicates));
}

TEST(WeightedEventDrivenReference, SimulatorAgreesWithAnIndependentSimulation) {
  for (const Reference& ref : kReferences) {
    SCOPED_TRACE(ref.scenario);
    SimulationRequest request;
    request.replicates = kReplicates;
    request.seed = 20261211;
    request.threads = 2;
    const SimulationReport report = simulate_trial(scenario_trial(ref), request);
    // The trial R simulated: its test, bounds, looks and cap.
    ASSERT_TRUE(report.setup.test.has_value());
    EXPECT_EQ(report.setup.tests.primary_combo.size(), ref.maxcombo ? 4u : 0u);
    if (!ref.maxcombo) {
      ASSERT_TRUE(report.setup.tests.primary.has_value());
      EXPECT_DOUBLE_EQ(report.setup.tests.primary->rho, 0.0);
      EXPECT_DOUBLE_EQ(report.setup.tests.primary->gamma, 1.0);
    }
    ASSERT_EQ(report.setup.design.efficacy.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) {
      EXPECT_NEAR(report.setup.design.efficacy[k], ref.efficacy[k], kBoundDrift) << "bound at look " << k + 1;
    }
    const simulate::SimulationResult& r = report.result;
    ASSERT_EQ(r.look_events, (std::vector<int>{47, 71, 94}));
    EXPECT_TRUE(r.max_duration_is_default);
    EXPECT_NEAR(r.max_duration, ref.calendar_cap, 1e-9);

    const auto near = [&](double value, const Estimate& e, const std::string& what) {
      EXPECT_NEAR(value, e.value, kStandardErrors * difference_se(e)) << what;
    };
    const auto near_probability = [&](double value, const Estimate& e, const std::string& what) {
      if (e.value * kReferenceReplicates >= kFewestTrials) near(value, e, what);
    };
    near(r.power, ref.power, "power");
    ASSERT_EQ(r.reject_per_look.size(), 3u);
    ASSERT_EQ(r.reject_lower_per_look.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) {
      const std::string look = " at look " + std::to_string(k + 1);
      near_probability(r.reject_per_look[k], ref.upper[k], "upper crossing" + look);
      near_probability(r.reject_lower_per_look[k], ref.lower[k], "lower crossing" + look);
    }
    // MaxCombo is one-sided: no lower bound stops the trial.
    if (ref.maxcombo) {
      EXPECT_DOUBLE_EQ(r.reject_lower, 0.0);
    }
    near_probability(r.capped_fraction, ref.capped, "capped fraction");
    near(r.expected_events, ref.events, "expected events");
    near(r.expected_patients, ref.patients, "expected patients");
    near(r.expected_duration, ref.duration, "expected duration");
  }
}

}  // namespace
}  // namespace gsd::weighted_event_driven_reference_test
