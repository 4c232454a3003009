// `gsd simulate CONFIG`: Monte Carlo replay of the design's trial. Runs on
// OpenMP threads and, in an MPI build started by mpirun, on several processes
// whose replicate ranges the library reduces exactly on rank 0, which alone
// writes stdout and files.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "gsd/atomic_file.hpp"
#include "commands.hpp"
#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/render/simulation_output.hpp"
#include "gsd/render/simulation_plot.hpp"
#include "gsd/simulate/process_group.hpp"
#include "gsd/simulation.hpp"
#include "gsd/staged_file.hpp"
#include "stop_signals.hpp"
#include "whole_flag.hpp"

#if defined(GSD_WITH_MPI)
#include <mpi.h>

#include <cstdlib>
#endif

namespace gsd::cli {

namespace {

// Progress bar refresh interval.
constexpr double kProgressSeconds = 0.25;

class ProgressBar {
 public:
  explicit ProgressBar(std::int64_t total) : total_(total), start_(Clock::now()), last_(start_) {}
  void update(std::int64_t done) {
    const auto now = Clock::now();
    if (std::chrono::duration<double>(now - last_).count() < kProgressSeconds) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0.0 ? static_cast<double>(done) / elapsed : 0.0;
    const double left = rate > 0.0 ? static_cast<double>(total_ - done) / rate : 0.0;
    const double frac = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(frac * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(kWidth - filled), '.');
    std::fprintf(stderr, "\r[%s] %5.1f%%  %lld/%lld trials  %.0f trials/s  ETA %.0f s   ",
                 bar.c_str(), 100.0 * frac, static_cast<long long>(done),
                 static_cast<long long>(total_), rate, left);
    std::fflush(stderr);
    shown_ = true;
  }
  ~ProgressBar() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

 private:
  using Clock = std::chrono::steady_clock;
  std::int64_t total_;
  Clock::time_point start_;
  Clock::time_point last_;
  bool shown_ = false;
};

#if defined(GSD_WITH_MPI)
// MPI starts only when the process was launched by an MPI launcher (Open
// MPI's mpirun sets OMPI_COMM_WORLD_SIZE; PMI/PMIx launchers set PMI_SIZE or
// PMIX_RANK), so a plain `gsd simulate` never pays for MPI_Init.
void start_mpi_if_launched() {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (initialized) return;
  if (!std::getenv("OMPI_COMM_WORLD_SIZE") && !std::getenv("PMI_SIZE") &&
      !std::getenv("PMIX_RANK")) {
    return;
  }
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  std::atexit([] {
    int finalized = 0;
    MPI_Finalized(&finalized);
    if (!finalized) MPI_Finalize();
  });
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  // Every rank parses the same config and fails the same way: one error line
  // (main has quieted the other ranks already where the launcher names the
  // rank; this covers a launcher that does not).
  if (rank != 0 && !std::freopen("/dev/null", "w", stderr)) std::_Exit(1);
}
#endif

using simulate::LookRecord;
using simulate::ProcessGroup;

SimulationRequest request_from(const SimulateArgs& args) {
  SimulationRequest request;
  if (args.replicates) {
    const long long replicates = replicates_flag(*args.replicates);
    if (replicates < 1) throw InvalidInput({"options", "replicates"}, *args.replicates, "must be at least 1");
    request.replicates = replicates;
  }
  if (args.seed) request.seed = seed_flag(*args.seed);
  request.threads = threads_flag(args.threads);
  request.max_duration = args.max_duration;
  return request;
}

// Rank 0 joins every rank's part file, in rank order (= replicate order).
void join_parts(StagedFile& part, const std::string& target, const ProcessGroup& group) {
  part.close_for_reading();
  std::vector<std::string> paths;
#if defined(GSD_WITH_MPI)
  // Gather the temporary names (fixed width) on rank 0.
  constexpr int kPathMax = 4096;
  std::string mine = part.temporary_path();
  mine.resize(kPathMax, '\0');
  std::string all(group.root() ? static_cast<std::size_t>(kPathMax * group.size) : 0, '\0');
  MPI_Gather(mine.data(), kPathMax, MPI_CHAR, all.data(), kPathMax, MPI_CHAR, 0, MPI_COMM_WORLD);
  if (group.root()) {
    for (int r = 0; r < group.size; ++r) {
      paths.emplace_back(all.c_str() + static_cast<std::size_t>(r) * kPathMax);
    }
  }
#endif
  if (group.root()) {
    StagedFile joined(target);
    joined.write(render::replicate_csv_header());
    for (const std::string& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::string buf(std::size_t{1} << 20, '\0');
      while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
        joined.write(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
      }
    }
    joined.commit();
  }
  simulate::barrier(group);
  part.discard();
}

// --batch FILE: every line is a config, simulated on one thread with the
// given replicates, seed and cap; --threads lines run at once.
CommandResult run_simulate_batch(const SimulateArgs& args, const RunOptions& run) {
  if (!args.config.empty()) usage_error("give either CONFIG or --batch FILE, not both");
  if (args.format != OutputFormat::kJsonl) {
    usage_error("--batch writes one JSON result per line; add --format jsonl");
  }
  if (!args.plot.empty()) usage_error("--plot draws one simulation; it cannot be used with --batch");
  if (!args.replicate_data.empty()) {
    usage_error("--replicate-data writes one simulation; it cannot be used with --batch");
  }
  BatchOptions batch;
  batch.request = request_from(args);
  batch.request.threads = 1;
  batch.threads = threads_flag(args.threads);
  return run_batch_file(args.batch, Command::kSimulate, batch, run);
}

}  // namespace

CommandResult run_simulate(const SimulateArgs& args, const RunOptions& run) {
  if (!args.batch.empty()) return run_simulate_batch(args, run);
  if (args.config.empty()) usage_error("missing CONFIG (or --batch FILE.jsonl --format jsonl)");
  if (args.format == OutputFormat::kJsonl) {
    usage_error("--format jsonl is for --batch; use --format json for one config");
  }
  // Every output is checked before any is written: one that cannot be must
  // not leave the other behind an exit 2, nor may one replace the config.
  check_output_files({{"--replicate-data", args.replicate_data}, {"--plot", args.plot}},
                     {{"the config", args.config}});
#if defined(GSD_WITH_MPI)
  start_mpi_if_launched();
#endif
  const ProcessGroup group = simulate::world();
  const SimulationSetup setup = prepare_simulation(load_trial_file(args.config), request_from(args), run);
  const simulate::Simulator simulator = make_simulator(setup);

  StopSignals signals;
  std::optional<StagedFile> data;
  std::string rows;
  simulate::RunControl control;
  control.stop = &stop_flag();
  if (!args.replicate_data.empty()) {
    data.emplace(args.replicate_data, group.size > 1 ? ".part" + std::to_string(group.rank) : "");
    if (group.size == 1) data->write(render::replicate_csv_header());
    control.replicate_sink = [&](std::int64_t i, std::span<const LookRecord> looks) {
      rows.clear();
      render::append_replicate_csv(rows, i, looks);
      data->write(rows);
    };
  }
  std::optional<ProgressBar> bar;
  if (group.root() && !args.quiet && ::isatty(STDERR_FILENO)) {
    bar.emplace(simulate::replicate_range(setup.options.replicates, group).count);
    control.progress = [&](std::int64_t done) { bar->update(done); };
  }
  const SimulationReport report = run_simulation(setup, simulator, control, run);
  bar.reset();
  if (report.result.interrupted) {
    if (data) data->discard();
    exit_interrupted("no output written");
  }
  if (data) {
    if (group.size > 1) {
      join_parts(*data, args.replicate_data, group);
    } else {
      data->commit();
    }
  }
  if (!group.root()) return {""};
  if (!args.plot.empty()) {
    write_file_atomically(args.plot,
                          render::stack_charts(render::simulation_charts(simulator, report)));
  }
  if (args.format == OutputFormat::kJson) return {to_json(report).dump(2) + "\n"};
  if (args.format == OutputFormat::kCsv) return {render::simulation_csv(report)};
  return {render::simulation_text(report)};
}

}  // namespace gsd::cli
