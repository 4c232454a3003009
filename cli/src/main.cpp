// gsd: the command line. Thin by design: parse flags, call a command, map
// errors to the exit codes (0 success, 1 numerical failure, 2 bad input) and
// one stderr line.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <new>

#include "gsd/cli/command.hpp"
#include "gsd/errors.hpp"
#include "gsd/version.hpp"
#include "log_trace.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitNumerical = 1;
constexpr int kExitBadInput = 2;

int error_line(const std::string& message, int code) {
  // One line, no matter what the message contains.
  std::string line = message;
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  std::cerr << "error: " << line << '\n';
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gsd::cli;
  CLI::App app{
      "gsd: group-sequential designs with cure-mixture survival, trial simulation and "
      "monitoring.\nSee README.md for worked examples."};
  app.require_subcommand(1, 1);
  const std::string version = std::string("gsd ") + gsd::kVersion;
  app.set_version_flag("--version", version);
  std::string log_level = "off";
  app.add_option("--log-level", log_level,
                 "Solver diagnostics on stderr: off (default), info (phases and times) or debug "
                 "(every root search, grid and simulation chunk)")
      ->check(CLI::IsMember({"off", "info", "debug"}));
  Globals globals;
  CommandAction action;
  register_design_command(app, action, globals);
  register_simulate_command(app, action, globals);
  register_monitor_command(app, action, globals);
  // --log-level may also follow the subcommand.
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) sub->fallthrough();
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    std::cout << version << '\n';
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    return error_line(std::string(e.what()) + " (run gsd --help for usage)", kExitBadInput);
  }
  try {
    const std::unique_ptr<gsd::SolverTrace> trace = make_log_trace(log_level);
    globals.run.trace = trace.get();
    const CommandResult result = action();
    std::fwrite(result.stdout_text.data(), 1, result.stdout_text.size(), stdout);
    if (std::fflush(stdout) != 0) return error_line("cannot write to stdout", kExitNumerical);
    return kExitOk;
  } catch (const gsd::InvalidInput& e) {
    return error_line(error_message(e), kExitBadInput);
  } catch (const gsd::NumericalError& e) {
    return error_line(std::string("numerical failure: ") + e.what(), kExitNumerical);
  } catch (const std::invalid_argument& e) {
    return error_line(e.what(), kExitBadInput);
  } catch (const std::domain_error& e) {
    return error_line(e.what(), kExitBadInput);
  } catch (const std::bad_alloc&) {
    return error_line("out of memory", kExitNumerical);
  } catch (const std::exception& e) {
    return error_line(e.what(), kExitNumerical);
  }
}
