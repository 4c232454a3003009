// gsd: the command line. Thin by design: parse flags (CLI11, in this file
// alone), call a command, map errors to the exit codes (0 success, 1
// numerical failure, 2 bad input) and one stderr line.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <new>

#include "commands.hpp"
#include "gsd/version.hpp"
#include "log_trace.hpp"

namespace {

using namespace gsd::cli;

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

// --format with the given choices, validated by CLI11 (exit 2).
void add_format_option(CLI::App& command, OutputFormat& format,
                       std::initializer_list<std::string> choices) {
  static const std::map<std::string, OutputFormat> kAll = {{"text", OutputFormat::kText},
                                                           {"json", OutputFormat::kJson},
                                                           {"csv", OutputFormat::kCsv},
                                                           {"jsonl", OutputFormat::kJsonl}};
  std::string names;
  for (const auto& c : choices) names += (names.empty() ? "" : ", ") + c;
  const std::vector<std::string> allowed(choices);
  command
      .add_option_function<std::string>(
          "--format", [&format](const std::string& value) { format = kAll.at(value); },
          "Output format: " + names + " (default text)")
      ->check(CLI::Validator(
          [allowed, names](std::string& value) -> std::string {
            for (const auto& a : allowed) {
              if (a == value) return {};
            }
            return "--format " + value + " is not one of: " + names;
          },
          "FORMAT"));
}

CLI::App* design_command(CLI::App& app, DesignArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "design", "Solve a group-sequential design (boundaries, drift, and sample size when the "
                "config has a survival section)");
  cmd->add_option("config", a.config, "Config file (JSON)");
  add_format_option(*cmd, a.format, {"text", "json", "csv", "jsonl"});
  cmd->add_option("--batch", a.batch,
                  "Read one config per line (JSON lines) and write one result per line; "
                  "needs --format jsonl");
  cmd->add_option("--threads", a.threads,
                  "With --batch: lines run at once (results and their order do not depend on it)")
      ->default_str("1");
  cmd->add_option("--plot", a.plot, "Write the boundary and spending charts to FILE.svg");
  cmd->add_flag("--summary", a.summary,
                "Print the bound-by-bound summary (z, nominal p, effect at the bound, crossing "
                "probabilities under H0 and H1) instead of the design");
  return cmd;
}

CLI::App* simulate_command(CLI::App& app, SimulateArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "simulate", "Simulate the trial: power, stopping by look, expected sizes (Monte Carlo)");
  cmd->add_option("config", a.config, "Config file (JSON)");
  add_format_option(*cmd, a.format, {"text", "json", "csv", "jsonl"});
  cmd->add_option("--batch", a.batch,
                  "Read one config per line (JSON lines) and write one result per line, each "
                  "simulated on one thread; needs --format jsonl");
  cmd->add_option("--replicates", a.replicates,
                  "Simulated trials (default: simulation.replicates or 10000)");
  cmd->add_option("--seed", a.seed, "Random seed in [0, 2^64 - 1] (default: simulation.seed or 1)");
  cmd->add_option("--threads", a.threads,
                  "OpenMP threads; with --batch, lines run at once (results do not depend on it)")
      ->default_str("1");
  cmd->add_option("--max-duration", a.max_duration,
                  "Calendar cap (default: simulation.max_duration, else accrual end + "
                  "longest 99th latency percentile)");
  cmd->add_option("--replicate-data", a.replicate_data,
                  "Write one CSV row per replicate and look to this file");
  cmd->add_option("--plot", a.plot, "Write Kaplan-Meier and stopping charts to this SVG file");
  cmd->add_flag("--quiet", a.quiet, "No progress bar");
  return cmd;
}

CLI::App* monitor_command(CLI::App& app, MonitorArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "monitor", "Monitor a trial: bounds at the observed information, decisions, inference");
  cmd->add_option("config", a.config, "Config file (JSON) with monitoring.looks");
  cmd->add_option("--record", a.record, "Monitoring record file (JSON) to replay or append to");
  cmd->add_option("--report", a.report, "Write a self-contained HTML report to this file");
  add_format_option(*cmd, a.format, {"text", "json", "csv"});
  AddLookArgs& l = a.add;
  CLI::App* add = cmd->add_subcommand("add-look", "Append a look to the --record file");
  add->fallthrough();  // --report and --format may follow the look's options
  add->add_option("--events", l.events, "Events observed at this look")->required();
  add->add_option("--z", l.z, "Log-rank z (positive favours the experimental arm)");
  add->add_option("--p-two-sided", l.p_two_sided, "Two-sided p-value (needs --direction)");
  add->add_option("--direction", l.direction, "favours-treatment or favours-control");
  add->add_option("--hazard-ratio", l.hazard_ratio, "Estimated hazard ratio");
  add->add_option("--variance", l.variance,
                  "A weighted log-rank test's score variance, or an RMST or milestone difference's variance");
  add->add_option("--tests", l.tests,
                  "A MaxCombo look's tests as JSON, e.g. '[{\"z\": 1.05, \"variance\": 11.66}, ...]'");
  add->add_option("--covariance", l.covariance, "A MaxCombo look's covariance matrix as JSON");
  add->add_flag("--final", l.final_analysis, "This look is the final analysis");
  add->add_option("--date", l.date, "Date of the data cut (free text)");
  add->add_option("--note", l.note, "Note for the record");
  add->callback([&l] { l.requested = true; });
  cmd->add_option("--key-file", a.key_file,
                  "The committee's secret key: a new record is chained with HMAC-SHA-256 "
                  "under it, and a keyed record is read and verified with it");
  cmd->add_option("--lock-timeout", a.lock_timeout,
                  "Seconds add-look waits while another process writes the record (default 30)");
  CLI::App* verify = cmd->add_subcommand(
      "verify", "Check the --record file's hash chain and name the first look that was changed");
  verify->fallthrough();
  verify->callback([&a] { a.verify = true; });
  return cmd;
}

}  // namespace

int main(int argc, char** argv) {
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
  DesignArgs design;
  SimulateArgs simulate;
  MonitorArgs monitor;
  CLI::App* design_cmd = design_command(app, design);
  CLI::App* simulate_cmd = simulate_command(app, simulate);
  CLI::App* monitor_cmd = monitor_command(app, monitor);
  // --log-level may also follow the subcommand.
  for (CLI::App* sub : {design_cmd, simulate_cmd, monitor_cmd}) sub->fallthrough();
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
    gsd::RunOptions run;
    run.trace = trace.get();
    CommandResult result;
    if (design_cmd->parsed()) result = run_design(design, run);
    if (simulate_cmd->parsed()) result = run_simulate(simulate, run);
    if (monitor_cmd->parsed()) result = run_monitor(monitor, run);
    std::fwrite(result.stdout_text.data(), 1, result.stdout_text.size(), stdout);
    if (std::fflush(stdout) != 0) return error_line("cannot write to stdout", kExitNumerical);
    return kExitOk;
  } catch (const gsd::InvalidInput& e) {
    return error_line(error_message(e), kExitBadInput);
  } catch (const gsd::NumericalError& e) {
    return error_line(error_message(e), kExitNumerical);
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
