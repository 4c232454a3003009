#pragma once
// How a subcommand plugs into the `gsd` executable. Each command registers its
// options on a CLI11 subcommand and returns the work to run after parsing. The
// work returns the complete stdout text; main() prints it only on success, so
// a failure never leaves half an answer on stdout.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "gsd/errors.hpp"
#include "gsd/run_options.hpp"

namespace gsd::cli {

enum class OutputFormat { kText, kJson, kCsv, kJsonl };

struct CommandResult {
  std::string stdout_text;
};

using CommandAction = std::function<CommandResult()>;

// Options shared by every command (--log-level); `run` is valid while the
// command runs.
struct Globals {
  RunOptions run;
};

// Each registers one subcommand on `app`; when that subcommand is chosen,
// `action` is set to its work.
void register_design_command(CLI::App& app, CommandAction& action, const Globals& globals);
void register_simulate_command(CLI::App& app, CommandAction& action, const Globals& globals);
void register_monitor_command(CLI::App& app, CommandAction& action, const Globals& globals);

// Adds --format with the given choices; validates through CLI11 (exit 2).
CLI::Option* add_format_option(CLI::App& command, OutputFormat& format,
                               std::initializer_list<std::string> choices);

// The one place where a field path becomes the name a command-line user
// knows: a config field by its JSON path ("design.alpha"), a call option by
// its flag ({"options", "max_duration"} is "--max-duration").
std::string error_message(const InvalidInput& error);

// A bad command-line combination (exit 2), e.g. "give either CONFIG or --batch
// FILE, not both".
[[noreturn]] void usage_error(const std::string& message);

}  // namespace gsd::cli
