// `gsd simulate CONFIG`: placeholder registration until issue 4 lands.
#include "gsd/cli/command.hpp"
#include "gsd/cli/config_error.hpp"

namespace gsd::cli {

void register_simulate_command(CLI::App& app, CommandAction& action) {
  CLI::App* cmd = app.add_subcommand("simulate", "Simulate trials (not built yet)");
  cmd->allow_extras();
  cmd->callback([&action] {
    action = []() -> CommandResult { throw ConfigError("gsd simulate is not built yet"); };
  });
}

}  // namespace gsd::cli
