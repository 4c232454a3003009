// gsd: the command line. Thin by design: parse flags, call a command, map
// errors to the contract's exit codes and one stderr line.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <new>

#include "gsd/cli/command.hpp"
#include "gsd/cli/config_error.hpp"
#include "gsd/integration/numerical_error.hpp"

namespace {

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
  app.set_version_flag("--version", "gsd 0.1.0");
  CommandAction action;
  register_design_command(app, action);
  register_simulate_command(app, action);
  register_monitor_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    std::cout << "gsd 0.1.0\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    return error_line(std::string(e.what()) + " (run gsd --help for usage)", kExitBadInput);
  }
  try {
    const CommandResult result = action();
    std::fwrite(result.stdout_text.data(), 1, result.stdout_text.size(), stdout);
    if (std::fflush(stdout) != 0) return error_line("cannot write to stdout", kExitNumerical);
    return kExitOk;
  } catch (const ConfigError& e) {
    return error_line(e.what(), kExitBadInput);
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
