#include "gsd/run.hpp"

#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/monitor.hpp"

namespace gsd {

Command parse_command(std::string_view name) {
  if (name == "design") return Command::kDesign;
  if (name == "simulate") return Command::kSimulate;
  if (name == "monitor") return Command::kMonitor;
  throw InvalidInput({"command"}, "\"" + std::string(name) + "\"",
                     "is not one of: design, simulate, monitor");
}

nlohmann::json run(const nlohmann::json& config, Command command, const SimulationRequest& request,
                   const RunOptions& options) {
  const Trial trial = load_trial(config);
  switch (command) {
    case Command::kDesign:
      return to_json(design_trial(trial, options));
    case Command::kSimulate:
      return to_json(simulate_trial(trial, request, {}, options));
    case Command::kMonitor:
      return to_json(monitor_trial(trial, options));
  }
  return nullptr;
}

}  // namespace gsd
