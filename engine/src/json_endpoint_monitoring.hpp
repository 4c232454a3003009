#pragma once
// Private: the JSON of gsd monitor for a normal or binary endpoint
// (to_json(MonitoringReport) dispatches here).
#include <nlohmann/json.hpp>

#include "gsd/monitor.hpp"

namespace gsd::detail {

nlohmann::json endpoint_monitoring_json(const MonitoringReport& report);

}  // namespace gsd::detail
