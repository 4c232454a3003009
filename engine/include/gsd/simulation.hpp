#pragma once
// `simulate`: Monte Carlo replay of a trial's design under its survival
// model, patient by patient, with looks at the planned event counts (or at
// the calendar cap); or of a normal or binary endpoint's trial, with looks at
// the planned patients (simulate/endpoint_model.hpp). Results are identical for any number of threads and of
// MPI processes (simulate/simulator.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gsd/design.hpp"
#include "gsd/run_options.hpp"
#include "gsd/simulate/endpoint_model.hpp"
#include "gsd/simulate/look_plan.hpp"
#include "gsd/simulate/simulation_options.hpp"
#include "gsd/simulate/simulation_result.hpp"
#include "gsd/simulate/simulator.hpp"
#include "gsd/simulate/trial_model.hpp"
#include "gsd/trial.hpp"

namespace gsd {

// Choices made at call time; they take precedence over the trial's
// simulation section. Errors in them carry the path {"options", <field>}.
struct SimulationRequest {
  std::optional<std::int64_t> replicates;  // else simulation.replicates, else 10000
  std::optional<std::uint64_t> seed;       // else simulation.seed, else 1
  std::optional<double> max_duration;      // else simulation.max_duration, survival.analysis_cap, the default cap
  int threads = 1;                         // OpenMP threads; results do not depend on it
};

// Everything a run needs, derived from the trial.
struct SimulationSetup {
  std::string name;
  spending::Design design;
  SampleSize sample_size;  // the unstratified plan that fixes patients and events
  simulate::TrialModel model;
  simulate::LookPlan plan;
  simulate::SimulationOptions options;
  double max_duration = 0.0;  // the cap in force (given or default)
  // The plan's analytic power at these sizes; absent for a stratified model.
  std::optional<double> analytic_power;
  std::vector<std::string> strata_names;
  std::string time_unit;
  // A normal or binary endpoint's trial: its plan as `gsd design` gives it
  // and the model the simulator draws from (sample_size, model and plan are
  // then empty; analytic_power is the plan's power at the rounded patients).
  std::optional<EndpointSize> endpoint;
  std::optional<simulate::EndpointModel> endpoint_model;
  // A one-sample binary endpoint: the exact rejection probabilities of the
  // trial drawn (its truth, its whole patients), which the simulated ones
  // estimate (simulate/exact_binomial.hpp).
  std::optional<simulate::ExactBinomial> exact;
  // The trial's test (survival.test; the design above is then its bounds)
  // and the side tests (simulation.tests) with their bounds.
  simulate::TestSet tests;
  std::optional<survival::SurvivalTest> test;
  std::vector<survival::SurvivalTest> side_tests;
  // Per side test, its analytic power at these sizes (the design's for a
  // log-rank test); absent for a stratified model.
  std::vector<std::optional<double>> side_analytic_power;
};

struct SimulationReport {
  SimulationSetup setup;
  simulate::SimulationResult result;
};

// The simulator's limit on patients per trial (memory grows with it).
inline constexpr long long kMaxSimulatedPatients = 1000000;

SimulationSetup prepare_simulation(const Trial& trial, const SimulationRequest& request = {},
                                   const RunOptions& options = {});
simulate::Simulator make_simulator(const SimulationSetup& setup);
// Runs a prepared simulation (MPI-aware; see simulate::run_simulation).
SimulationReport run_simulation(const SimulationSetup& setup, const simulate::Simulator& simulator,
                                const simulate::RunControl& control = {},
                                const RunOptions& options = {});
// All of the above.
SimulationReport simulate_trial(const Trial& trial, const SimulationRequest& request = {},
                                const simulate::RunControl& control = {},
                                const RunOptions& options = {});

}  // namespace gsd
