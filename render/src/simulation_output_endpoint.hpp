#pragma once
// Private: the text and CSV of a normal or binary endpoint's simulation
// (simulation_output_endpoint.cpp).
#include <string>

#include "gsd/simulation.hpp"

namespace gsd::render::detail {

std::string endpoint_simulation_text(const SimulationReport& report);
std::string endpoint_simulation_csv(const SimulationReport& report);

}  // namespace gsd::render::detail
