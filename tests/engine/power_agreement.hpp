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

// The seed trial (202 patients, 94 events, cure 40% / 56.2%, noncured hazard
// ratio 0.63, 36 months' accrual) with another control latency, given as
// its JSON member ("weibull": {...} or "piecewise": {...}).
inline std::string seed_trial_with_control_latency(const std::string& latency) {
  return R"({"design": {"alpha": 0.05, "sided": 2, "beta": 0.16,
                        "information_fractions": [0.5, 0.75, 1.0],
                        "efficacy": {"spending": "lan-demets-obf"}},
             "survival": {"control": {"cure_fraction": 0.40, )" +
         latency + R"(},
                          "treatment": {"cure_fraction": 0.562},
                          "hazard_ratio_noncured": 0.63,
                          "accrual": {"duration": 36.0},
                          "patients": 202, "events": 94}})";
}

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
