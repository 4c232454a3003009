// `gsd design CONFIG`: solve the boundaries and print them.
#include <nlohmann/json.hpp>

#include "gsd/cli/command.hpp"
#include "gsd/cli/config.hpp"
#include "gsd/cli/atomic_file.hpp"
#include "gsd/cli/design_output.hpp"
#include "gsd/cli/sample_size_output.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::cli {

namespace {

struct DesignArgs {
  std::string config;
  OutputFormat format = OutputFormat::kText;
  std::string plot;  // SVG file for the survival charts (issue 3)
};

CommandResult run_design(const DesignArgs& args) {
  const Config config = load_config_file(args.config);
  const Design design = compute_design(config.design);
  const std::optional<SampleSizeResult> sample_size = solve_sample_size(config, design);
  if (!args.plot.empty() && sample_size) {
    write_file_atomically(args.plot, stack_charts(sample_size_charts(*sample_size)));
  }
  if (args.format == OutputFormat::kJson) {
    nlohmann::json out;
    out["name"] = config.name;
    out["boundaries"] = boundaries_json(design);
    if (sample_size) out["sample_size"] = sample_size_json(*sample_size);
    return {out.dump(2) + "\n"};
  }
  return {boundaries_text(design) + (sample_size ? sample_size_text(*sample_size) : "")};
}

}  // namespace

void register_design_command(CLI::App& app, CommandAction& action) {
  auto args = std::make_shared<DesignArgs>();
  CLI::App* cmd = app.add_subcommand("design", "Solve a group-sequential design");
  cmd->add_option("config", args->config, "Config file (JSON)")->required();
  add_format_option(*cmd, args->format, {"text", "json", "csv"});
  cmd->add_option("--plot", args->plot, "Write charts to this SVG file");
  cmd->callback([args, &action] { action = [args] { return run_design(*args); }; });
}

}  // namespace gsd::cli
