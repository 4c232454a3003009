#pragma once
// Private: the JSON of gsd monitor for a weighted log-rank or MaxCombo
// survival.test (to_json(MonitoringReport) dispatches here and adds the
// test's echo).
#include <nlohmann/json.hpp>

#include "gsd/monitor.hpp"

namespace gsd::detail {

nlohmann::json test_monitoring_json(const MonitoringReport& report);

}  // namespace gsd::detail
