#pragma once
// Private: Simon's two-stage design as design_trial and to_json use it
// (simon_design.cpp).
#include <nlohmann/json.hpp>

#include "gsd/design.hpp"

namespace gsd::detail {

// The search and the chosen design's operating characteristics. Errors name
// the config's paths (design.max_patients).
SimonPlan simon_plan(const SimonTrial& trial);
// The contract JSON of a result with `simon`.
nlohmann::json simon_json(const DesignResult& result);

}  // namespace gsd::detail
