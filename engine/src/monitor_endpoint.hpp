#pragma once
// Private: gsd monitor for a normal or binary endpoint (monitor_trial
// dispatches here when the trial has an endpoint section).
#include "gsd/monitor.hpp"

namespace gsd::detail {

MonitoringReport monitor_endpoint_trial(const Trial& trial, const RunOptions& options);

}  // namespace gsd::detail
