// simulation.endpoint: a normal or binary endpoint's trial simulated under a
// truth other than the design's alternative. At the margin the rejection
// rate with the (non-binding) futility bound ignored is the design's
// one-sided alpha, so the simulated rate must agree with alpha within Monte
// Carlo error; values outside the endpoint's rules are refused with their
// path.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "monte_carlo_bounds.hpp"
#include "gsd/load.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulation.hpp"

namespace gsd::endpoint_truth_test {
namespace {

// Fewer replicates under AddressSanitizer (about 10x slower), keeping each
// statistical bound valid for the count actually used.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::int64_t kReplicates = 8000;
#else
constexpr std::int64_t kReplicates = 40000;
#endif
// Within 4 binomial standard errors: a false alarm with probability 6e-5.
constexpr double kStandardErrors = 4.0;

nlohmann::json config(const std::string& name) {
  return read_json_file(std::string(GSD_SOURCE_DIR) + "/configs/" + name);
}

using ::gsd::testing::binomial_se;

SimulationReport simulate(const nlohmann::json& c, std::uint64_t seed) {
  SimulationRequest request;
  request.replicates = kReplicates;
  request.seed = seed;
  request.threads = 2;
  return simulate_trial(load_trial(c), request);
}

void expect_alpha(const SimulationReport& report, double alpha) {
  const double bound = kStandardErrors * binomial_se(alpha, static_cast<double>(kReplicates));
  EXPECT_NEAR(report.result.power_ignoring_futility, alpha, bound);
  // Obeying the futility bound can only reject less.
  EXPECT_LE(report.result.power, report.result.power_ignoring_futility);
  // The plan's analytic power is at its alternative, not at this truth.
  EXPECT_FALSE(report.setup.analytic_power.has_value());
}

TEST(EndpointTruth, NormalAtTheMarginRejectsAtAlpha) {
  nlohmann::json c = config("normal-two-sample.json");
  c["simulation"] = {{"endpoint", {{"mean_difference", 0.0}}}};
  const SimulationReport report = simulate(c, 20261201);
  // The plan is unchanged: the patients are the alternative's.
  EXPECT_EQ(report.result.look_patients.back(), 184);
  expect_alpha(report, 0.025);
}

TEST(EndpointTruth, NormalAtTheMarginWithAnotherSdRejectsAtAlpha) {
  // The t statistic's size does not depend on the sd.
  nlohmann::json c = config("normal-two-sample.json");
  c["simulation"] = {{"endpoint", {{"mean_difference", 0.0}, {"sd", 3.0}}}};
  expect_alpha(simulate(c, 7), 0.025);
}

TEST(EndpointTruth, BinaryAtTheNonInferiorityMarginRejectsAtAlpha) {
  // Control 0.70, margin -0.10: treatment 0.60 is the boundary of H0.
  nlohmann::json c = config("binary-noninferiority.json");
  c["simulation"] = {{"endpoint", {{"treatment_rate", 0.60}}}};
  expect_alpha(simulate(c, 3), 0.025);
}

TEST(EndpointTruth, ASmallerEffectHasLessPower) {
  nlohmann::json c = config("normal-two-sample.json");
  const double planned = simulate(c, 5).result.power;
  c["simulation"] = {{"endpoint", {{"mean_difference", 0.25}}}};
  const double smaller = simulate(c, 5).result.power;
  EXPECT_GT(planned, 0.85);
  EXPECT_LT(smaller, planned - 0.3);
  EXPECT_GT(smaller, 0.025);
}

void expect_refused(const nlohmann::json& c, const std::string& message) {
  try {
    (void)load_trial(c);
    ADD_FAILURE() << c["simulation"].dump() << " was accepted";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
  }
}

TEST(EndpointTruth, BadValuesAreRefusedWithTheirPath) {
  nlohmann::json normal = config("normal-two-sample.json");
  normal["simulation"] = {{"endpoint", {{"sd", 0.0}}}};
  expect_refused(normal, "simulation.endpoint.sd");
  normal["simulation"] = {{"endpoint", {{"mean", 0.0}}}};  // one group's key
  expect_refused(normal, "simulation.endpoint.mean");
  nlohmann::json binary = config("binary-noninferiority.json");
  binary["simulation"] = {{"endpoint", {{"treatment_rate", 1.0}}}};
  expect_refused(binary, "simulation.endpoint.treatment_rate");
  binary["simulation"] = {{"endpoint", {{"sd", 1.0}}}};
  expect_refused(binary, "simulation.endpoint.sd");
  nlohmann::json survival = config("blinatumomab-20120215.json");
  survival["simulation"] = {{"endpoint", {{"mean_difference", 0.0}}}};
  expect_refused(survival, "simulation.endpoint");
}

}  // namespace
}  // namespace gsd::endpoint_truth_test
