#pragma once
// The bound-by-bound summary (gsd/boundary_summary.hpp) as an aligned text
// table and as CSV.
#include <string>
#include <vector>

#include "gsd/boundary_summary.hpp"

namespace gsd::render {

std::string boundary_summary_text(const std::vector<BoundSummaryRow>& rows);

// Header row, then one row per look and bound: look, bound,
// information_fraction, events, z, nominal_p, effect_fraction, hazard_ratio,
// cumulative_crossing_h0, cumulative_crossing_h1, patients, effect (events
// and hazard_ratio empty without a survival plan, patients and effect
// without a normal or binary endpoint).
std::string boundary_summary_csv(const std::vector<BoundSummaryRow>& rows);

}  // namespace gsd::render
