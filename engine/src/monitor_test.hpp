#pragma once
// Private: gsd monitor for a weighted log-rank or MaxCombo survival.test.
#include "gsd/monitor.hpp"

namespace gsd::detail {

// Throws InvalidInput with paths from the config root
// ({"monitoring", "looks", 1, "variance"}) and NumericalError.
MonitoringReport monitor_test_trial(const Trial& trial, const RunOptions& options);

// The events planned at the final analysis: monitoring.planned_events, else
// survival.events, else the events the survival plan solves for (a plan
// sized from its power); InvalidInput naming monitoring.planned_events when
// there is no survival section to take them from.
double planned_final_events(const Trial& trial, const RunOptions& options);

}  // namespace gsd::detail
