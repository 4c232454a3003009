#pragma once
// The `simulation` section of a config, with the survival section it builds
// on, to what the simulator needs. Keys (all optional):
//   replicates      number of simulated trials (default 10000; --replicates wins)
//   seed            non-negative integer (default 1; --seed wins)
//   max_duration    calendar cap (default: end of accrual + the longest 99th
//                   latency percentile over arms and strata; --max-duration wins)
//   randomisation   "permuted-blocks" (default) or "simple"
//   block_size      permuted block size (default 2 x the smallest whole block)
//   look_events     events at each look; must be the design's fractions x
//                   events rounded up or down (default: rounded up)
//   strata          [{name, proportion, control?, treatment?,
//                     hazard_ratio_noncured?}]: proportions add up to 1; the
//                   arms default to the survival section's and may be
//                   overridden per stratum with the survival section's keys.
#include <optional>
#include <string>
#include <vector>

#include "gsd/cli/config.hpp"
#include "gsd/engine/survival/survival_spec.hpp"
#include "gsd/simulate/look_plan.hpp"
#include "gsd/simulate/simulation_options.hpp"
#include "gsd/simulate/trial_model.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::cli {

struct SimulationConfig {
  SimulationOptions options;  // threads stay at 1: they come from the command line
  TrialModel model;
  LookPlan plan;
  survival::SurvivalSpec survival;   // the unstratified survival section
  std::optional<double> analytic_power;  // issue 3's power at these sizes (unstratified)
  std::vector<std::string> strata_names;
};

// Everything validated; failures are ConfigErrors naming the JSON path, e.g.
// "simulation.strata = [...] proportions add up to 0.9, not 1".
SimulationConfig parse_simulation(const Config& config, const Design& design);

}  // namespace gsd::cli
