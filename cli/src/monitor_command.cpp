// `gsd monitor CONFIG`: placeholder registration until issue 5 lands.
#include "gsd/cli/command.hpp"
#include "gsd/cli/config_error.hpp"

namespace gsd::cli {

void register_monitor_command(CLI::App& app, CommandAction& action) {
  CLI::App* cmd = app.add_subcommand("monitor", "Monitor a trial (not built yet)");
  cmd->allow_extras();
  cmd->callback([&action] {
    action = []() -> CommandResult { throw ConfigError("gsd monitor is not built yet"); };
  });
}

}  // namespace gsd::cli
