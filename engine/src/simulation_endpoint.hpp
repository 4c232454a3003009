#pragma once
// Private: the simulation of a normal or binary endpoint's trial
// (simulation_endpoint.cpp).
#include "gsd/run_options.hpp"
#include "gsd/simulation.hpp"
#include "gsd/trial.hpp"

namespace gsd::detail {

// The setup of prepare_simulation for a trial with an endpoint section.
SimulationSetup prepare_endpoint_simulation(const Trial& trial, const SimulationRequest& request,
                                            const RunOptions& options);

}  // namespace gsd::detail
