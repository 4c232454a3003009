#pragma once
// Rendering a solved design: the contract's JSON object, the text table a
// statistician expects, CSV rows, and the boundary chart.
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/cli/svg_chart.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::cli {

// {"looks": [{"information_fraction", "efficacy_z", "futility_z",
//  "nominal_p_one_sided", "cumulative_alpha", ...}], "inflation_factor", "drift", ...}
nlohmann::json boundaries_json(const Design& design);

// Header lines (sidedness, error rates, families) and the aligned boundary table.
std::string boundaries_text(const Design& design);

// CSV with a header row and one row per look.
std::string boundaries_csv(const Design& design);

// Boundaries against information fraction on the z scale, with the one-sided
// nominal p-value scale on the right-hand axis.
SvgChart boundaries_chart(const Design& design);

// Cumulative alpha (and beta) spent against information fraction.
SvgChart spending_chart(const Design& design);

// "Lan-DeMets O'Brien-Fleming", "Wang-Tsiatis (Delta = 0.25)", ...
std::string efficacy_name(const DesignSpec& spec);

}  // namespace gsd::cli
