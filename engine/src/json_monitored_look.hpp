#pragma once
// Private to the engine's JSON writers: what gsd monitor writes alike for a
// log-rank design and for a normal or binary endpoint: a look's bounds,
// decision and conditional power, and the stage-wise final inference.
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/monitoring/final_inference.hpp"
#include "gsd/monitoring/monitor.hpp"

namespace gsd::detail {

// A monitored look's information fraction, bounds, nominal p-values, alpha
// spent, decision with its reason and advice, repeated p-value, and the
// conditional power at it and at each remaining look. `count_key` names what
// the looks count ("events" for survival, "patients" for an endpoint).
nlohmann::json decision_json(const monitoring::LookResult& r, const monitoring::MonitoringPlan& plan,
                             const char* count_key);

// The stage-wise final inference with its confidence interval and median
// unbiased estimate on a scale: `effect` names it ("hazard_ratio" writes
// ci_hazard_ratio and median_unbiased_hazard_ratio).
nlohmann::json final_json(const monitoring::FinalInference& f, const std::string& effect, double lower,
                          double upper, double median_unbiased);

}  // namespace gsd::detail
