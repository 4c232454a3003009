#pragma once
// How a subcommand plugs into the `gsd` executable. Each command registers its
// options on a CLI11 subcommand and returns the work to run after parsing. The
// work returns the complete stdout text; main() prints it only on success, so
// a failure never leaves half an answer on stdout (../shared/CONTRACT.md).
#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace gsd::cli {

enum class OutputFormat { kText, kJson, kCsv, kJsonl };

struct CommandResult {
  std::string stdout_text;
};

using CommandAction = std::function<CommandResult()>;

// Each registers one subcommand on `app`; when that subcommand is chosen,
// `action` is set to its work.
void register_design_command(CLI::App& app, CommandAction& action);
void register_simulate_command(CLI::App& app, CommandAction& action);
void register_monitor_command(CLI::App& app, CommandAction& action);

// Adds --format with the given choices; validates through CLI11 (exit 2).
CLI::Option* add_format_option(CLI::App& command, OutputFormat& format,
                               std::initializer_list<std::string> choices);

}  // namespace gsd::cli
