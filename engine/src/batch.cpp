#include "gsd/batch.hpp"

#include <algorithm>
#include <atomic>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "gsd/errors.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"
#include "gsd/numerics/check.hpp"

namespace gsd {

namespace {

// As for one simulation: more threads than this are surely a typo.
constexpr int kMaxBatchThreads = 1024;

struct PendingLine {
  std::string text;
  bool too_long = false;
};

// Reads the next line (without its newline) into `line`, keeping at most
// kMaxBatchLineBytes of it; `too_long` says that more was skipped. False at
// the end of the input.
bool read_bounded_line(std::streambuf& in, PendingLine& line) {
  line.text.clear();
  line.too_long = false;
  bool any = false;
  for (int c = in.sbumpc(); c != std::char_traits<char>::eof(); c = in.sbumpc()) {
    any = true;
    if (c == '\n') return true;
    if (line.text.size() < kMaxBatchLineBytes) {
      line.text.push_back(static_cast<char>(c));
    } else {
      line.too_long = true;
    }
  }
  return any;
}

nlohmann::json run_line(const nlohmann::json& config, Command command, const BatchOptions& batch,
                        const RunOptions& options) {
  if (command == Command::kDesign) return run(config, command, {}, options);
  SimulationRequest request = batch.request;
  request.threads = 1;  // the batch's threads run whole lines
  return run(config, command, request, options);
}

// Runs one line; every exception ends up in the line's error.
void run_one(const PendingLine& pending, BatchLine& out, const std::string& source,
             Command command, const BatchOptions& batch, const RunOptions& options) {
  const std::string where = batch_line_source(source, out.number);
  try {
    if (pending.too_long) {
      throw InvalidInput({}, where + ": the line is longer than " +
                                 std::to_string(kMaxBatchLineBytes >> 20) +
                                 " MiB, the limit for one config");
    }
    out.result = run_line(parse_json(pending.text, where), command, batch, options);
    if (batch.text) {
      // The text and the tree's destruction both on this worker thread.
      out.text = out.result.dump();
      out.result = nullptr;
    }
  } catch (...) {
    out.result = nullptr;
    out.text.clear();
    out.error = std::current_exception();
  }
}

// Runs work(0) .. work(count - 1) on up to `threads` threads, the calling
// thread one of them; each thread takes the next index when it is free, as
// lines take very different times (a simulation against a design). The
// helper threads are started for the chunk and joined at its end, so none is
// left waiting while the calling thread hands the results on. (OpenMP's
// threads, as libgomp runs them by default, spin while they wait: on a
// machine with other work that cost a design batch more than the second
// thread gained.) If a thread cannot be started, the threads already running
// do its share.
template <class Work>
void run_chunk(std::size_t count, int threads, const Work& work) {
  std::atomic<std::size_t> next{0};
  auto take = [&] {
    for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) work(i);
  };
  const std::size_t helpers = std::min(static_cast<std::size_t>(threads), count) - (count > 0 ? 1 : 0);
  std::vector<std::jthread> started;
  started.reserve(helpers);
  for (std::size_t t = 0; t < helpers; ++t) {
    try {
      started.emplace_back(take);
    } catch (const std::system_error&) {
      break;
    }
  }
  take();
}

}  // namespace

std::string batch_line_source(const std::string& source, std::size_t number) {
  return source + " line " + std::to_string(number);
}

void run_batch(std::istream& in, const std::string& source, Command command,
               const BatchOptions& batch, const std::function<void(const BatchLine&)>& sink,
               const RunOptions& options) {
  if (batch.threads < 1 || batch.threads > kMaxBatchThreads) {
    numerics::fail(numerics::FieldPath{"options"}.key("threads"), batch.threads,
                   "must be in [1, " + std::to_string(kMaxBatchThreads) + "]");
  }
  if (command == Command::kMonitor) {
    throw InvalidInput({"command"}, "\"monitor\"", "has no batch; use design or simulate");
  }
  const std::size_t chunk = kBatchLinesPerThread * static_cast<std::size_t>(batch.threads);
  std::vector<PendingLine> pending(chunk);
  std::vector<BatchLine> done(chunk);
  std::size_t next_number = 1;
  for (bool more = true; more;) {
    std::size_t n = 0;
    while (n < chunk && (more = read_bounded_line(*in.rdbuf(), pending[n]))) ++n;
    for (std::size_t i = 0; i < n; ++i) done[i] = BatchLine{next_number + i, nullptr, {}, nullptr};
    run_chunk(n, batch.threads, [&](std::size_t i) {
      run_one(pending[i], done[i], source, command, batch, options);
    });
    for (std::size_t i = 0; i < n; ++i) {
      sink(done[i]);
      done[i] = BatchLine{};
    }
    next_number += n;
  }
}

}  // namespace gsd
