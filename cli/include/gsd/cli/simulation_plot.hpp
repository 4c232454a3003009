#pragma once
// `gsd simulate --plot FILE.svg`: Kaplan-Meier curves of a few simulated
// trials (at their stopping analysis) against the model's survival curves,
// and the distribution of the look at which trials stop.
#include <vector>

#include "gsd/cli/svg_chart.hpp"
#include "gsd/simulate/simulator.hpp"

namespace gsd::cli {

// Replicates 0 .. replicates_shown - 1 of `seed` are drawn as Kaplan-Meier curves.
std::vector<SvgChart> simulation_charts(const Simulator& simulator, const SimulationResult& result,
                                        const std::string& time_unit, int replicates_shown = 3);

}  // namespace gsd::cli
