#pragma once
// Rendering a solved design: the contract's JSON object and the text table.
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/spending/design.hpp"

namespace gsd::cli {

// {"information_fraction", "efficacy_z", "futility_z", "nominal_p_one_sided",
//  "cumulative_alpha", ...} per look, plus inflation_factor and drift.
nlohmann::json boundaries_json(const Design& design);

// Aligned table for a person.
std::string boundaries_text(const Design& design);

}  // namespace gsd::cli
