#pragma once
// One call from a config to the contract's JSON result: what `gsd <command>
// CONFIG --format json` prints. The R and Python packages and the web page
// call this, so they return exactly what the command line prints.
#include <nlohmann/json.hpp>
#include <string_view>

#include "gsd/run_options.hpp"
#include "gsd/simulation.hpp"

namespace gsd {

enum class Command { kDesign, kSimulate, kMonitor };

// "design", "simulate" or "monitor"; anything else is an InvalidInput on
// {"command"}.
Command parse_command(std::string_view name);

// Loads the config (load_trial), runs the command and returns its JSON.
// `request` applies to simulate only.
nlohmann::json run(const nlohmann::json& config, Command command,
                   const SimulationRequest& request = {}, const RunOptions& options = {});

}  // namespace gsd
