#pragma once
// Private: gsd monitor for a weighted log-rank or MaxCombo survival.test.
#include "gsd/monitor.hpp"

namespace gsd::detail {

// Throws InvalidInput with paths from the config root
// ({"monitoring", "looks", 1, "variance"}) and NumericalError.
MonitoringReport monitor_test_trial(const Trial& trial, const RunOptions& options);

}  // namespace gsd::detail
