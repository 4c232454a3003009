#pragma once
// The `monitoring` section of a config (../shared/CONTRACT.md) to a
// MonitoringPlan and the observed looks:
//   "monitoring": {
//     "planned_events": 94,            default: survival.events
//     "allocation_ratio": 1,           default: survival.allocation_ratio, else 1
//     "assumed_hazard_ratio": 0.63,    optional; else the survival model's
//                                      log-rank means, else the design alternative
//     "looks": [
//       {"events": 49, "z": 2.0},
//       {"events": 49, "p_two_sided": 0.0005, "direction": "favours-treatment"},
//       {"events": 49, "hazard_ratio": 0.56},
//       {"events": 90, "z": 2.1, "final": true, "date": "2019-07-17", "note": "..."}
//     ]
//   }
// A look gives exactly one of z, p_two_sided (with direction
// "favours-treatment" or "favours-control") or hazard_ratio.
#include <nlohmann/json.hpp>
#include <vector>

#include "gsd/cli/config.hpp"
#include "gsd/cli/json_node.hpp"
#include "gsd/engine/monitoring/monitoring_plan.hpp"

namespace gsd::cli {

struct MonitoringInput {
  monitoring::MonitoringPlan plan;
  std::vector<monitoring::ObservedLook> looks;
  nlohmann::json look_inputs = nlohmann::json::array();  // as given, for the output
};

// Every failure is a ConfigError naming the JSON path
// ("monitoring.looks[1].direction = \"up\" is not one of: ...").
MonitoringInput parse_monitoring(const Config& config);

// One look object (path "monitoring.looks[k]") to an ObservedLook.
monitoring::ObservedLook parse_look(const JsonNode& look, double allocation_ratio);

// Runs a library call and re-throws std::invalid_argument as a ConfigError
// with the message prefixed by "monitoring.".
template <class F>
auto with_monitoring_path(F f) {
  try {
    return f();
  } catch (const std::invalid_argument& e) {
    throw ConfigError(std::string("monitoring.") + e.what());
  }
}

}  // namespace gsd::cli
