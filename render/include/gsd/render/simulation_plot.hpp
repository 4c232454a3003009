#pragma once
// `gsd simulate --plot FILE.svg`: Kaplan-Meier curves of a few simulated
// trials (at their stopping analysis) against the model's survival curves,
// and the distribution of the look at which trials stop.
#include <string>
#include <vector>

#include "gsd/render/svg_chart.hpp"
#include "gsd/simulate/simulator.hpp"
#include "gsd/simulation.hpp"

namespace gsd::render {

// Replicates 0 .. replicates_shown - 1 of the report's seed are drawn as
// Kaplan-Meier curves.
std::vector<SvgChart> simulation_charts(const simulate::Simulator& simulator,
                                        const SimulationReport& report, int replicates_shown = 3);

}  // namespace gsd::render
