#pragma once
// Batches: one config per line (JSON lines), each line run as `gsd design
// CONFIG` or `gsd simulate CONFIG` would run it, several lines at once on
// threads, the results handed back in input order. Every line's result is
// the same for any number of threads: a design is a pure function of its
// config, and a simulation's replicates draw from streams keyed by (seed,
// replicate) alone (simulate/simulator.hpp).
//
// Memory is bounded: the input is read in chunks of at most
// batch_lines_per_thread(command) lines and kBatchBytesPerThread bytes of
// text per thread (each line at most kMaxBatchLineBytes), a chunk's results
// are handed on before the next chunk is read, and a simulation holds
// O(patients) per line in flight.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>

#include "gsd/errors.hpp"
#include "gsd/run.hpp"
#include "gsd/run_options.hpp"
#include "gsd/simulation.hpp"

namespace gsd {

// Lines per thread in one chunk of a simulation batch: a simulation line
// takes long enough that the threads seldom wait for one another between
// chunks, and its results are handed on after a few dozen lines.
inline constexpr std::size_t kBatchLinesPerThread = 32;
// The same for designs. A design line takes about a tenth of a millisecond,
// and each chunk costs a wake-up of the helper threads (up to 0.2 ms on the
// 2-core machines gsd is measured on) and a wait for the slowest line, so
// longer chunks keep both threads busy: 128 per thread runs the 120-design
// benchmark batch as one chunk on 2 threads.
inline constexpr std::size_t kDesignBatchLinesPerThread = 128;
// A chunk also ends once its lines hold this much text per thread, so that a
// chunk of long lines stays as small as 32 lines of kMaxBatchLineBytes.
inline constexpr std::size_t kBatchBytesPerThread = std::size_t{32} << 20;

// How often BatchOptions::poll is called at least while the calling thread
// waits for the helper threads: a tenth of a second, soon enough for a
// Ctrl-C to feel immediate.
inline constexpr std::chrono::milliseconds kBatchPollInterval{100};

// kDesignBatchLinesPerThread for designs, kBatchLinesPerThread otherwise.
constexpr std::size_t batch_lines_per_thread(Command command) noexcept {
  return command == Command::kDesign ? kDesignBatchLinesPerThread : kBatchLinesPerThread;
}

struct BatchOptions {
  // Lines run at once (1 = one after another); the results do not depend on it.
  int threads = 1;
  // simulate only: replicates, seed and max_duration for every line (they take
  // precedence over each config's simulation section). Each line's
  // simulation runs on one thread; request.threads is not used.
  SimulationRequest request;
  // Hand each result back as its compact JSON text (BatchLine::text), made
  // on the worker threads, and leave BatchLine::result null. A caller that
  // only writes the results out (the command line) then serialises them in
  // parallel instead of on the calling thread between chunks.
  bool text = false;
  // Stops the batch once set (from another thread, or a signal handler): no
  // line starts after it, a simulation line that is running stops after its
  // chunk of replicates in flight, and run_batch returns false without
  // handing on any line of the chunk it was running (the lines handed on
  // before stay handed on). A design line, and a simulation line's setup
  // before its replicates, run to their end. Not owned; null: never stopped.
  const std::atomic<bool>* stop = nullptr;
  // Called on the calling thread now and then while the lines run: after
  // each line that thread runs, from its own simulation lines after each
  // chunk of replicates, and every kBatchPollInterval while it waits for the
  // helper threads; not once *stop is set. The R and Python packages look
  // for Ctrl-C there and set *stop. Must not throw; it may be called often
  // (every chunk of replicates), so it should cost little or look at the
  // clock itself.
  std::function<void()> poll;
};

// One line's outcome: the JSON `gsd <command> CONFIG --format json` prints
// for it, or why there is none.
struct BatchLine {
  std::size_t number = 0;    // 1-based line number
  nlohmann::json result;     // null when `error` is set, or with BatchOptions::text
  std::string text;          // with BatchOptions::text: result.dump(); empty on error
  // An InvalidInput (a malformed line, a bad field, a line longer than
  // kMaxBatchLineBytes: empty path, rule naming the line), a NumericalError,
  // std::invalid_argument, or anything else a run threw.
  std::exception_ptr error;
};

// Reads `in` to its end and calls `sink` once per line, in input order, on
// the calling thread. `source` names the input in the messages of malformed
// and over-long lines ("<source> line <n>: ..."). Throws InvalidInput for
// threads < 1 or a monitor command. `options.trace` may be called from
// several threads at once (as SolverTrace allows). True when every line
// ran; false when `batch.stop` ended the batch first.
bool run_batch(std::istream& in, const std::string& source, Command command,
               const BatchOptions& batch, const std::function<void(const BatchLine&)>& sink,
               const RunOptions& options = {});

// run_batch on the file `path` (its name the lines' source). A directory, or
// a file that cannot be opened, throws InvalidInput naming `argument` (the
// bindings' "batch") before any line runs.
bool run_batch_file(const std::string& path, const FieldPath& argument, Command command,
                    const BatchOptions& batch, const std::function<void(const BatchLine&)>& sink,
                    const RunOptions& options = {});

// The message source of a line: "<source> line <n>".
std::string batch_line_source(const std::string& source, std::size_t number);

}  // namespace gsd
