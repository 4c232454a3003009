#pragma once
// Private to the command line: the arguments of each command as plain values
// (main.cpp fills them with CLI11) and the command that runs on them. Each
// command returns the complete stdout text; main() prints it only on
// success, so a failure never leaves half an answer on stdout.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gsd/batch.hpp"
#include "gsd/errors.hpp"
#include "gsd/run_options.hpp"

namespace gsd::cli {

enum class OutputFormat { kText, kJson, kCsv, kJsonl };

struct CommandResult {
  std::string stdout_text;
  // What the command has already done on disk, for the error line when its
  // stdout then fails (an add-look's record is written before its output):
  // e.g. "the look was recorded as look 3 of dmc.json".
  std::string done_on_disk = {};
};

struct DesignArgs {
  std::string config;
  std::string batch;
  std::string plot;
  bool summary = false;
  OutputFormat format = OutputFormat::kText;
  std::string threads = "1";  // --batch lines run at once (whole_flag.hpp)
};

struct SimulateArgs {
  std::string config;
  std::string batch;
  OutputFormat format = OutputFormat::kText;
  // Whole numbers as typed, read by whole_flag.hpp.
  std::optional<std::string> replicates;
  std::optional<std::string> seed;
  std::string threads = "1";
  std::optional<double> max_duration;
  std::string replicate_data;
  std::string plot;
  bool quiet = false;
};

struct AddLookArgs {
  bool requested = false;  // the add-look subcommand was given
  std::optional<double> events;
  std::optional<double> z;
  std::optional<double> p_two_sided;
  std::optional<std::string> direction;
  std::optional<double> hazard_ratio;
  // A weighted log-rank, RMST or milestone test's look: the variance; a
  // MaxCombo look: its tests and covariance as JSON (monitoring.looks' keys).
  std::optional<double> variance;
  std::string tests;
  std::string covariance;
  // A normal or binary endpoint's look (monitoring.looks' keys): its
  // patients with z, or the estimate with its standard error, or the
  // summaries (one sample: n, mean, sd or n, responders; two: each arm's as
  // JSON).
  std::optional<double> patients;
  std::optional<double> estimate;
  std::optional<double> standard_error;
  std::optional<double> n;
  std::optional<double> mean;
  std::optional<double> sd;
  std::optional<double> responders;
  std::string treatment;
  std::string control;
  bool final_analysis = false;
  std::string date;
  std::string note;
  // Words after add-look that no flag took (`--final yes`): one naming a
  // config file is the config, as before add-look; others are refused.
  std::vector<std::string> words = {};
};

struct MonitorArgs {
  std::string config;
  std::string record;
  std::string report;
  OutputFormat format = OutputFormat::kText;
  AddLookArgs add;
  bool verify = false;       // the verify subcommand was given
  std::vector<std::string> verify_words = {};  // words after verify, which takes none
  std::string verify_head;    // verify --head: a head noted in the minutes, or empty
  std::string key_file;      // the committee's key for a keyed chain
  double lock_timeout = 30;  // seconds to wait for another writer of the record
};

CommandResult run_design(const DesignArgs& args, const RunOptions& run);
CommandResult run_simulate(const SimulateArgs& args, const RunOptions& run);
CommandResult run_monitor(const MonitorArgs& args, const RunOptions& run);

// --batch FILE: one JSON line per config line of FILE, in input order;
// `--batch -` reads standard input.
CommandResult run_batch_file(const std::string& file, Command command, const BatchOptions& batch,
                             const RunOptions& run);
// The one place where a field path becomes the name a command-line user
// knows: a config field by its JSON path ("design.alpha"), a call option by
// its flag ({"options", "max_duration"} is "--max-duration").
std::string error_message(const InvalidInput& error);
// A numerical failure (exit 1): what was reached, and what to try.
std::string error_message(const NumericalError& error);

// stdout refused some of the output (a full disk, a closed file): the run
// fails with exit 1, as a numerical failure does, since what was asked for
// was not delivered.
class StdoutError : public std::runtime_error {
 public:
  StdoutError() : std::runtime_error("cannot write to stdout") {}
};
// Writes all of `text` to stdout; throws StdoutError when stdout takes less
// (stdio reports a failed flush of its buffer through the write that caused
// it, so a long output or a batch stops at the first write that fails).
void write_stdout(std::string_view text);

// A free-text option (--note, --date) goes into a record's JSON, which holds
// UTF-8 alone: other bytes are refused (exit 2) naming the flag and the first
// byte that is not UTF-8 (1-based), before the record is written.
void require_utf8(const std::string& flag, const std::string& text, const std::string& what);

// A bad command-line combination (exit 2), e.g. "give either CONFIG or --batch
// FILE, not both".
[[noreturn]] void usage_error(const std::string& message);

}  // namespace gsd::cli
