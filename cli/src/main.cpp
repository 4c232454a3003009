// gsd: the command line. Thin by design: parse flags (CLI11, in this file
// alone), call a command, map errors to the exit codes (0 success, 1
// numerical failure, 2 bad input) and one stderr line.
#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <type_traits>

#if defined(GSD_WITH_MPI)
#include <unistd.h>
#endif

#include "commands.hpp"
#include "gsd/thread_limit.hpp"
#include "gsd/version.hpp"
#include "log_trace.hpp"
#include "number_flag.hpp"

namespace {

using namespace gsd::cli;

constexpr int kExitOk = 0;
constexpr int kExitNumerical = 1;
constexpr int kExitBadInput = 2;

#if defined(GSD_WITH_MPI)
// A process that mpirun started as a rank other than 0 (quiet_other_ranks),
// its rank, and its standard error as it was before it was silenced.
bool g_other_rank = false;
std::string g_rank;
int g_other_rank_stderr = -1;
// mpirun ends the whole job as soon as one process exits with an error. A
// rank other than 0 that refuses its arguments therefore waits, up to this
// long, before it speaks: rank 0, refusing the same arguments, writes the
// one line and exits, and mpirun ends this process during the wait. Only a
// refusal that rank 0 does not share (a file another node cannot reach, or
// arguments that differ between ranks) outlasts the wait, and is then
// written by this rank, naming it.
constexpr auto kOtherRankWait = std::chrono::seconds(10);

// Writes the whole line to the file descriptor, retrying partial writes.
void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;  // nowhere left to report to
    done += static_cast<std::size_t>(n);
  }
}
#endif

int error_line(const std::string& message, int code) {
  // One line, no matter what the message contains.
  std::string line = message;
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
#if defined(GSD_WITH_MPI)
  if (g_other_rank) {
    std::this_thread::sleep_for(kOtherRankWait);
    if (g_other_rank_stderr >= 0) {
      write_all(g_other_rank_stderr, "error: (MPI rank " + g_rank + ") " + line + '\n');
    }
    return code;
  }
#endif
  std::cerr << "error: " << line << '\n';
  return code;
}

// Writes the whole answer to stdout: exit 0 only when every byte of it got
// there, else exit 1 (the answer was not delivered).
// `done_on_disk`: what was written before the output and stays, said in the
// error line so that nobody repeats it (an add-look retried would be refused
// as a look already recorded).
int print(const std::string& text, const std::string& done_on_disk = {}) {
  const std::string failed =
      std::string(StdoutError().what()) + (done_on_disk.empty() ? "" : "; " + done_on_disk);
  try {
    write_stdout(text);
  } catch (const StdoutError&) {
    return error_line(failed, kExitNumerical);
  }
  if (std::fflush(stdout) != 0) return error_line(failed, kExitNumerical);
  return kExitOk;
}

// What an empty value of an option should have been. CLI11 reads "" as 0
// for a number, and the commands take an empty file name as not given, so
// `--z ""` would record z = 0 and `--plot ""` draw nothing: an empty value
// is refused (exit 2) while the options are read.
const std::string kGiveNumber = "give a number";
const std::string kNameBatch = "name a batch file (JSON lines), or - for standard input";
const std::string kNameSvg = "name an SVG file";
const std::string kGiveThreads = "give a whole number in [1, " + std::to_string(gsd::kMaxThreads) + "]";

CLI::Validator not_empty(const std::string& flag, const std::string& what) {
  return CLI::Validator(
      [flag, what](std::string& value) -> std::string {
        if (value.empty()) usage_error(flag + " is empty: " + what);
        return {};
      },
      "");
}

// A value that is written into JSON output, which holds UTF-8 alone (the
// record's file name in `monitor --format json`).
CLI::Validator utf8_text(const std::string& flag, const std::string& what) {
  return CLI::Validator(
      [flag, what](std::string& value) -> std::string {
        require_utf8(flag, value, what);
        return {};
      },
      "");
}

// A file the command reads (or, for a record, reads and appends to): a
// directory is refused by name here, before a record is locked or a
// stream's own error ("basic_filebuf::underflow ... Is a directory") ends the
// run as a failure.
CLI::Validator not_a_directory(const std::string& flag, const std::string& what) {
  return CLI::Validator(
      [flag, what](std::string& value) -> std::string {
        std::error_code error;
        if (std::filesystem::is_directory(value, error)) {
          usage_error(flag + " = " + value + " is a directory; " + what);
        }
        return {};
      },
      "");
}

// add_option with a value that may not be empty. A number option's value is
// read by number_flag.hpp, not by CLI11, which would take `0x10` as 16 or
// refuse "abc" as "Could not convert: --max-duration = abc", with no rule
// and nothing to do.
template <class T>
CLI::Option* add_valued(CLI::App& command, const std::string& flag, T& value,
                        const std::string& help, const std::string& what) {
  if constexpr (std::is_same_v<T, double> || std::is_same_v<T, std::optional<double>>) {
    return command
        .add_option_function<std::string>(
            flag, [flag, &value](const std::string& text) { value = number_flag(flag, text); }, help)
        ->type_name("FLOAT")
        ->check(not_empty(flag, what));
  } else {
    return command.add_option(flag, value, help)->check(not_empty(flag, what));
  }
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
      ->check(not_empty("--format", "give one of: " + names))
      ->check(CLI::Validator(
          [allowed, names](std::string& value) -> std::string {
            for (const auto& a : allowed) {
              if (a == value) return {};
            }
            // Thrown, not returned: CLI11 would prefix its own "--format: ".
            usage_error("--format = " + value + " is not one of: " + names + "; give one of them");
          },
          "FORMAT"));
}

CLI::App* design_command(CLI::App& app, DesignArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "design", "Solve a group-sequential design (boundaries, drift, and sample size when the "
                "config has a survival section)");
  cmd->add_option("config", a.config, "Config file (JSON)");
  add_format_option(*cmd, a.format, {"text", "json", "csv", "jsonl"});
  add_valued(*cmd, "--batch", a.batch,
             "Read one config per line (JSON lines; - for standard input) and write one result "
             "per line; needs --format jsonl",
             kNameBatch);
  add_valued(*cmd, "--threads", a.threads,
             "With --batch: lines run at once (results and their order do not depend on it)",
             kGiveThreads)
      ->default_str("1");
  add_valued(*cmd, "--plot", a.plot, "Write the boundary and spending charts to FILE.svg",
             kNameSvg);
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
  add_valued(*cmd, "--batch", a.batch,
             "Read one config per line (JSON lines; - for standard input) and write one result "
             "per line, each simulated on one thread; needs --format jsonl",
             kNameBatch);
  add_valued(*cmd, "--replicates", a.replicates,
             "Simulated trials (default: simulation.replicates or 10000)",
             "give a whole number in [1, 9223372036854775807]");
  add_valued(*cmd, "--seed", a.seed, "Random seed in [0, 2^64 - 1] (default: simulation.seed or 1)",
             "give a whole number in [0, 18446744073709551615]");
  add_valued(*cmd, "--threads", a.threads,
             "OpenMP threads; with --batch, lines run at once (results do not depend on it)",
             kGiveThreads)
      ->default_str("1");
  add_valued(*cmd, "--max-duration", a.max_duration,
             "Calendar cap (default: simulation.max_duration, else survival.analysis_cap, else "
             "accrual end + longest 99th latency percentile)",
             kGiveNumber);
  add_valued(*cmd, "--replicate-data", a.replicate_data,
             "Write one CSV row per replicate and look to this file", "name a CSV file");
  add_valued(*cmd, "--plot", a.plot, "Write Kaplan-Meier and stopping charts to this SVG file",
             kNameSvg);
  cmd->add_flag("--quiet", a.quiet, "No progress bar");
  return cmd;
}

CLI::App* monitor_command(CLI::App& app, MonitorArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "monitor", "Monitor a trial: bounds at the observed information, decisions, inference");
  cmd->add_option("config", a.config, "Config file (JSON) with monitoring.looks");
  add_valued(*cmd, "--record", a.record, "Monitoring record file (JSON) to replay or append to",
             "name a record file (JSON)")
      ->check(utf8_text("--record", "the file name"))
      ->check(not_a_directory("--record", "name a record file (JSON) inside it"));
  add_valued(*cmd, "--report", a.report, "Write a self-contained HTML report to this file",
             "name an HTML file");
  add_format_option(*cmd, a.format, {"text", "json", "csv"});
  AddLookArgs& l = a.add;
  CLI::App* add = cmd->add_subcommand("add-look", "Append a look to the --record file");
  add->fallthrough();  // --report and --format may follow the look's options
  add_valued(*add, "--events", l.events, "Events observed at this look (a survival trial)", kGiveNumber);
  add_valued(*add, "--z", l.z, "Log-rank z (positive favours the experimental arm)", kGiveNumber);
  add_valued(*add, "--p-two-sided", l.p_two_sided, "Two-sided p-value (needs --direction)",
             kGiveNumber);
  add_valued(*add, "--direction", l.direction, "favours-treatment or favours-control",
             "give favours-treatment or favours-control");
  add_valued(*add, "--hazard-ratio", l.hazard_ratio, "Estimated hazard ratio", kGiveNumber);
  add_valued(*add, "--variance", l.variance,
             "A weighted log-rank test's score variance, or an RMST or milestone difference's variance",
             kGiveNumber);
  add_valued(*add, "--tests", l.tests,
             "A MaxCombo look's tests as JSON, e.g. '[{\"z\": 1.05, \"variance\": 11.66}, ...]'",
             "give the tests as a JSON array");
  add_valued(*add, "--covariance", l.covariance, "A MaxCombo look's covariance matrix as JSON",
             "give the covariance matrix as JSON");
  // A normal or binary endpoint's look: the keys of a config's monitoring.looks.
  add_valued(*add, "--patients", l.patients, "Patients at this look (a normal or binary endpoint)",
             kGiveNumber);
  add_valued(*add, "--estimate", l.estimate, "An endpoint look's estimate (needs --standard-error)",
             kGiveNumber);
  add_valued(*add, "--standard-error", l.standard_error, "The standard error of --estimate", kGiveNumber);
  add_valued(*add, "--treatment", l.treatment,
             "The treatment arm's summary as JSON, e.g. '{\"n\": 46, \"mean\": 0.52, \"sd\": 1.08}' "
             "or '{\"n\": 150, \"responders\": 63}'",
             "give the arm's summary as a JSON object");
  add_valued(*add, "--control", l.control, "The control arm's summary as JSON, as --treatment",
             "give the arm's summary as a JSON object");
  add_valued(*add, "--n", l.n, "A one-sample look's patients", kGiveNumber);
  add_valued(*add, "--mean", l.mean, "A one-sample look's mean", kGiveNumber);
  add_valued(*add, "--sd", l.sd, "A one-sample look's standard deviation", kGiveNumber);
  add_valued(*add, "--responders", l.responders, "A one-sample look's responders", kGiveNumber);
  add->add_flag("--final", l.final_analysis, "This look is the final analysis")
      ->disable_flag_override()
      ->multi_option_policy(CLI::MultiOptionPolicy::Throw);
  add_valued(*add, "--date", l.date, "Date of the data cut (free text)",
             "give the date of the data cut, e.g. 2026-03-02, or leave the option out");
  add_valued(*add, "--note", l.note, "Note for the record", "give the note's text, or leave the option out");
  // Words after the subcommand are kept, not handed to the config positional
  // above, so that a stray one is named as such (run_monitor).
  add->add_option("words", l.words)->group("");
  add->callback([&l] { l.requested = true; });
  add_valued(*cmd, "--key-file", a.key_file,
             "The committee's secret key: a new record is chained with HMAC-SHA-256 "
             "under it, and a keyed record is read and verified with it",
             "name the key file")
      ->check(not_a_directory("--key-file", "name the key file"));
  add_valued(*cmd, "--lock-timeout", a.lock_timeout,
             "Seconds add-look waits while another process writes the record (default 30)",
             kGiveNumber);
  CLI::App* verify = cmd->add_subcommand(
      "verify", "Check the --record file's hash chain and name the first look that was changed");
  verify->fallthrough();
  add_valued(*verify, "--head", a.verify_head,
             "A head of the chain noted in the minutes: verify fails unless the record still holds "
             "the look it was the hash of",
             "give the 64 hex digits that verify printed as the head");
  verify->add_option("words", a.verify_words)->group("");
  verify->callback([&a] { a.verify = true; });
  return cmd;
}

#if defined(GSD_WITH_MPI)
// The rank variables of the launchers gsd starts MPI under (Open MPI's
// mpirun, PMI and PMIx), set before MPI_Init.
constexpr const char* kLauncherRankVariables[] = {"OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK"};

// Under mpirun every process parses the same arguments and refuses them the
// same way, before MPI starts (a flag, an output path): rank 0 alone writes
// the error line, so that it is one line, not one per process interleaved.
// The other ranks' standard error is silenced (progress, logs), and kept
// aside for a refusal of their own (error_line).
void quiet_other_ranks() {
  for (const char* name : kLauncherRankVariables) {
    const char* rank = std::getenv(name);
    if (rank == nullptr) continue;
    g_rank = rank;
    g_other_rank = g_rank != "0";
    if (!g_other_rank) return;
    std::fflush(stderr);
    g_other_rank_stderr = ::dup(STDERR_FILENO);
    if (!std::freopen("/dev/null", "w", stderr)) std::_Exit(1);
    return;
  }
}
#endif

// Whether `name` is an option of `app` or of one of its subcommands, at any
// depth, that reads the word after it as its value.
bool takes_value(const CLI::App& app, const std::string& name) {
  if (name.size() < 2 || name.front() != '-') return false;
  const CLI::Option* option = app.get_option_no_throw(name);
  if (option != nullptr && option->get_type_size_max() > 0) return true;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (takes_value(*sub, name)) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // A write past the process's file size limit (ulimit -f) raises SIGXFSZ,
  // whose default action ends the process: between writing a temporary file
  // and renaming it, that would leave the temporary file behind and say
  // nothing. With the signal ignored, POSIX has the write fail with EFBIG
  // instead (write(2), errors), and the usual path runs: the temporary file
  // is removed, the error line names the file, and the exit is 1.
  std::signal(SIGXFSZ, SIG_IGN);
#if defined(GSD_WITH_MPI)
  quiet_other_ranks();
#endif
  CLI::App app{
      "gsd: group-sequential designs with cure-mixture survival, trial simulation and "
      "monitoring.\nWorked examples: README.md and docs/ (docs/README.md lists the pages)."};
  app.require_subcommand(1, 1);
  const std::string version = std::string("gsd ") + gsd::kVersion;
  app.set_version_flag("--version", version);
  std::string log_level = "off";
  app.add_option("--log-level", log_level,
                 "Solver diagnostics on stderr: off (default), info (phases and times) or debug "
                 "(every root search, grid and simulation chunk)")
      ->check(not_empty("--log-level", "give off, info or debug"))
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (value == "off" || value == "info" || value == "debug") return {};
            // Thrown, not returned: CLI11 would write "--log-level: verbose
            // not in {off,info,debug}", unlike every other refused value.
            usage_error("--log-level = " + value + " is not one of: off, info, debug; give one of them");
          },
          "LEVEL"));
  DesignArgs design;
  SimulateArgs simulate;
  MonitorArgs monitor;
  CLI::App* design_cmd = design_command(app, design);
  CLI::App* simulate_cmd = simulate_command(app, simulate);
  CLI::App* monitor_cmd = monitor_command(app, monitor);
  // --log-level may also follow the subcommand.
  for (CLI::App* sub : {design_cmd, simulate_cmd, monitor_cmd}) sub->fallthrough();
  // --final is a flag: CLI11 reads an empty `--final=` as the flag given,
  // which would make a look final by a slip of the keyboard. A word that is
  // another option's value (`--note --final=...`) is that option's text.
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--") break;
    if (word.find('=') == std::string::npos && takes_value(app, word)) {
      ++i;
      continue;
    }
    if (word.rfind("--final=", 0) == 0) {
      return error_line("--final = " + word.substr(8) +
                            ": --final takes no value; give --final alone for the final analysis, or leave it out",
                        kExitBadInput);
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return print(app.help());
  } catch (const CLI::CallForAllHelp&) {
    return print(app.help("", CLI::AppFormatMode::All));
  } catch (const CLI::CallForVersion&) {
    return print(version + '\n');
  } catch (const CLI::ParseError& e) {
    if (!design_cmd->parsed() && !simulate_cmd->parsed() && !monitor_cmd->parsed()) {
      // "A subcommand is required" also for `gsd desing c.json`: name the
      // word that is not a command.
      const std::vector<std::string> rest = app.remaining();
      if (!rest.empty() && !rest.front().empty() && rest.front().front() != '-') {
        return error_line(rest.front() + " is not a command; give design, simulate or monitor (gsd --help)",
                          kExitBadInput);
      }
      if (rest.empty()) {
        return error_line("give a command: design, simulate or monitor (gsd --help)", kExitBadInput);
      }
    }
    return error_line(std::string(e.what()) + " (run gsd --help for usage)", kExitBadInput);
  } catch (const gsd::InvalidInput& e) {
    return error_line(error_message(e), kExitBadInput);  // an empty option value (not_empty)
  }
  try {
    const std::unique_ptr<gsd::SolverTrace> trace = make_log_trace(log_level);
    gsd::RunOptions run;
    run.trace = trace.get();
    CommandResult result;
    if (design_cmd->parsed()) result = run_design(design, run);
    if (simulate_cmd->parsed()) result = run_simulate(simulate, run);
    if (monitor_cmd->parsed()) result = run_monitor(monitor, run);
    return print(result.stdout_text, result.done_on_disk);
  } catch (const StdoutError& e) {
    return error_line(e.what(), kExitNumerical);
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
