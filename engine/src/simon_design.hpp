#pragma once
// Private: Simon's two-stage design as design_trial and to_json use it
// (simon_design.cpp).
#include <nlohmann/json.hpp>

#include "gsd/design.hpp"
#include "gsd/monitor.hpp"

namespace gsd::detail {

// The search and the chosen design's operating characteristics. Errors name
// the config's paths (design.max_patients).
SimonPlan simon_plan(const SimonTrial& trial);
// One design's counts and operating characteristics at p0 and p1.
nlohmann::json simon_design_json(const endpoints::SimonDesign& design);
// The contract JSON of a result with `simon`.
nlohmann::json simon_json(const DesignResult& result);
// gsd monitor's JSON of a report with `simon` (json_simon_monitoring.cpp).
nlohmann::json simon_monitoring_json(const MonitoringReport& report);

}  // namespace gsd::detail
