#pragma once
// Conditional power under the design's survival model (../shared/CONTRACT.md:
// "computed under monitoring.assumed_hazard_ratio where that is given,
// otherwise under the design's survival model"): the monitoring plan's
// model_means hook, filled from the config's survival section.
#include "gsd/cli/config.hpp"
#include "gsd/engine/monitoring/monitoring_plan.hpp"

namespace gsd::cli {

// With a survival section and no assumed hazard ratio, sets plan.model_means
// to the non-proportional-hazards log-rank means of the survival model at the
// expected calendar time of each look's events, for the plan's patients
// (survival.patients, or the solved number in the other solve modes).
// Otherwise leaves the plan alone. Survival errors are ConfigErrors naming
// the survival field, as in `gsd design`.
void attach_survival_model(const Config& config, monitoring::MonitoringPlan& plan);

}  // namespace gsd::cli
