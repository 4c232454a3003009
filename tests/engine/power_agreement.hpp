#pragma once
// A survival plan's event-driven power against the simulator: the trial of
// a config simulated kPowerCheckReplicates times must reject with a
// frequency within kPowerCheckStandardErrors binomial standard errors of the
// plan's power (monte_carlo_bounds.hpp).
#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/load.hpp"
#include "gsd/simulation.hpp"
#include "monte_carlo_bounds.hpp"

namespace gsd::testing {

inline void expect_simulated_power_agrees(const std::string& config, std::uint64_t seed,
                                          const std::string& label) {
  const Trial trial = load_trial(nlohmann::json::parse(config));
  SimulationRequest request;
  request.replicates = kPowerCheckReplicates;
  request.seed = seed;
  request.threads = 2;
  const SimulationReport report = simulate_trial(trial, request);
  const double analytic = report.setup.sample_size.plan.power;
  const auto n = static_cast<double>(kPowerCheckReplicates);
  EXPECT_NEAR(report.result.power, analytic, kPowerCheckStandardErrors * binomial_se(analytic, n)) << label;
}

}  // namespace gsd::testing
