#pragma once
// Private: gsd monitor for Simon's two-stage design (monitor_trial
// dispatches here when design.type is "simon-two-stage").
#include "gsd/monitor.hpp"

namespace gsd::detail {

MonitoringReport monitor_simon_trial(const Trial& trial);

// The monitoring section's looks as each stage's own counts (a stage 1 of 0
// patients when there is no look yet), after checking what needs no design:
// at most two looks, whole counts that never fall, confidence_level in (0,
// 1). Throws InvalidInput with paths from the config root.
endpoints::SimonObserved simon_monitoring_counts(const MonitoringSettings& monitoring);

}  // namespace gsd::detail
