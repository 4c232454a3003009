// `gsd design CONFIG` and `gsd design --batch FILE.jsonl --format jsonl`.
#include <fstream>
#include <nlohmann/json.hpp>

#include "gsd/cli/atomic_file.hpp"
#include "gsd/cli/command.hpp"
#include "gsd/cli/config.hpp"
#include "gsd/cli/config_error.hpp"
#include "gsd/cli/json_node.hpp"
#include "gsd/cli/design_output.hpp"
#include "gsd/cli/sample_size_output.hpp"
#include "gsd/integration/numerical_error.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::cli {

namespace {

struct DesignArgs {
  std::string config;
  std::string batch;
  std::string plot;
  OutputFormat format = OutputFormat::kText;
};

// Everything `design` reports for one config, as the contract's JSON object.
// sample_size: the survival solve (sample_size_output.hpp), when the config
// has a survival section.
using SampleSize = std::optional<SampleSizeResult>;

nlohmann::json design_json(const Config& config, const Design& design, const SampleSize& sample_size) {
  nlohmann::json out;
  out["name"] = config.name;
  out["boundaries"] = boundaries_json(design);
  if (sample_size) out["sample_size"] = sample_size_json(*sample_size);
  return out;
}

std::string design_text(const Config& config, const Design& design, const SampleSize& sample_size) {
  std::string out;
  if (!config.name.empty()) out += config.name + "\n\n";
  out += boundaries_text(design);
  if (sample_size) out += sample_size_text(*sample_size);
  return out;
}

std::vector<SvgChart> design_charts(const Config&, const Design& design,
                                    const SampleSize& sample_size) {
  std::vector<SvgChart> charts{boundaries_chart(design), spending_chart(design)};
  if (sample_size) {
    for (SvgChart& chart : sample_size_charts(*sample_size)) charts.push_back(std::move(chart));
  }
  return charts;
}

CommandResult run_single(const DesignArgs& args) {
  const Config config = load_config_file(args.config);
  const Design design = compute_design(config.design);
  const SampleSize sample_size = solve_sample_size(config, design);
  CommandResult result;
  switch (args.format) {
    case OutputFormat::kJson:
      result.stdout_text = design_json(config, design, sample_size).dump(2) + "\n";
      break;
    case OutputFormat::kCsv:
      result.stdout_text = boundaries_csv(design);
      break;
    default:
      result.stdout_text = design_text(config, design, sample_size);
  }
  // The plot is written last, atomically, so a failure leaves no partial file
  // and (being an exception) nothing on stdout.
  if (!args.plot.empty()) write_file_atomically(args.plot, stack_charts(design_charts(config, design, sample_size)));
  return result;
}

// One line of a batch: a result object, or {"error": "..."} that names the line.
nlohmann::json run_batch_line(const std::string& text, const std::string& source) {
  try {
    const Config config = load_config(parse_json(text, source), source);
    const Design design = compute_design(config.design);
    return design_json(config, design, solve_sample_size(config, design));
  } catch (const ConfigError& e) {
    // Syntax errors already start with the source; field errors get it here.
    const std::string what = e.what();
    return {{"error", what.rfind(source, 0) == 0 ? what : source + ": " + what}};
  } catch (const NumericalError& e) {
    return {{"error", source + ": numerical failure: " + e.what()}};
  } catch (const std::invalid_argument& e) {
    return {{"error", source + ": " + e.what()}};
  } catch (const std::domain_error& e) {
    return {{"error", source + ": " + e.what()}};
  }
}

CommandResult run_batch(const DesignArgs& args) {
  std::ifstream in(args.batch);
  if (!in) throw ConfigError(args.batch + ": cannot read the batch file (does it exist?)");
  CommandResult result;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    const std::string source = args.batch + " line " + std::to_string(n);
    result.stdout_text += run_batch_line(line, source).dump() + "\n";
  }
  if (in.bad()) throw ConfigError(args.batch + ": error while reading the batch file");
  return result;
}

CommandResult run_design(const DesignArgs& args) {
  if (!args.batch.empty()) {
    if (!args.config.empty()) {
      throw ConfigError("give either CONFIG or --batch FILE, not both");
    }
    if (args.format != OutputFormat::kJsonl) {
      throw ConfigError("--batch writes one JSON result per line; add --format jsonl");
    }
    if (!args.plot.empty()) throw ConfigError("--plot draws one design; it cannot be used with --batch");
    return run_batch(args);
  }
  if (args.config.empty()) throw ConfigError("missing CONFIG (or --batch FILE.jsonl --format jsonl)");
  if (args.format == OutputFormat::kJsonl) {
    throw ConfigError("--format jsonl is for --batch; use --format json for one config");
  }
  return run_single(args);
}

}  // namespace

void register_design_command(CLI::App& app, CommandAction& action) {
  auto args = std::make_shared<DesignArgs>();
  CLI::App* cmd = app.add_subcommand(
      "design", "Solve a group-sequential design (boundaries, drift, and sample size when the "
                "config has a survival section)");
  cmd->add_option("config", args->config, "Config file (JSON)");
  add_format_option(*cmd, args->format, {"text", "json", "csv", "jsonl"});
  cmd->add_option("--batch", args->batch,
                  "Read one config per line (JSON lines) and write one result per line; "
                  "needs --format jsonl");
  cmd->add_option("--plot", args->plot, "Write the boundary and spending charts to FILE.svg");
  cmd->callback([args, &action] { action = [args] { return run_design(*args); }; });
}

}  // namespace gsd::cli
