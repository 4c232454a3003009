#pragma once
// `monitor`: a data monitoring committee's looks at a trial. Each look's
// bound is recomputed at the information observed; the report holds the
// decisions, repeated confidence intervals and p-values, conditional power
// (at the assumed hazard ratio, else under the trial's survival model, else
// at the design alternative), and stage-wise inference after a stop.
#include <string>
#include <vector>

#include "gsd/endpoint_monitoring.hpp"
#include "gsd/monitoring/monitor.hpp"
#include "gsd/run_options.hpp"
#include "gsd/trial.hpp"

namespace gsd {

struct MonitoringReport {
  std::string name;
  monitoring::MonitoringPlan plan;
  std::vector<LookInput> inputs;  // the looks as entered
  monitoring::MonitoringResult result;
  // A normal or binary endpoint: the natural scale of each look. Its looks'
  // `events` above are then patients.
  std::optional<EndpointMonitoring> endpoint;
};

// The look's statistic as z (p-values and hazard ratios converted; the
// allocation ratio gives the log-rank information of a hazard ratio).
monitoring::ObservedLook observed_look(const LookInput& look, double allocation_ratio);

// Throws InvalidInput with paths from the config root ({"monitoring", "looks",
// 1, "events"}) and NumericalError.
MonitoringReport monitor_trial(const Trial& trial, const RunOptions& options = {});

}  // namespace gsd
