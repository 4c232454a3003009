#include "gsd/batch.hpp"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <functional>
#include <optional>
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

// The batch's helper threads, started once and used for every chunk together
// with the calling thread: each thread takes the next line when it is free,
// as lines take very different times (a simulation against a design).
// Between chunks, while the calling thread hands the results on and reads
// the next lines, the helpers wait at a std::barrier, which blocks after a
// short spin. (OpenMP's threads, as libgomp runs them by default, spin for
// longer: with one other busy process on a 2-core machine that cost a design
// batch more than the second thread gained.) A helper that cannot be started
// is dropped from the barrier, and the others do its share.
class LinePool {
 public:
  explicit LinePool(std::size_t helpers) : sync_(static_cast<std::ptrdiff_t>(helpers) + 1) {
    threads_.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t) {
      try {
        threads_.emplace_back([this] { serve(); });
      } catch (const std::system_error&) {
        sync_.arrive_and_drop();
      }
    }
  }
  LinePool(const LinePool&) = delete;
  LinePool& operator=(const LinePool&) = delete;
  ~LinePool() {
    stop_ = true;
    sync_.arrive_and_wait();
    for (std::thread& t : threads_) t.join();
  }

  // work(0) .. work(count - 1); work must not throw.
  void run(std::size_t count, std::function<void(std::size_t)> work) {
    work_ = std::move(work);
    count_ = count;
    next_.store(0);
    sync_.arrive_and_wait();  // the chunk is ready
    take();
    sync_.arrive_and_wait();  // every line of it is done
  }

 private:
  void serve() {
    for (;;) {
      sync_.arrive_and_wait();
      if (stop_) return;
      take();
      sync_.arrive_and_wait();
    }
  }
  void take() {
    for (std::size_t i = next_.fetch_add(1); i < count_; i = next_.fetch_add(1)) work_(i);
  }

  // Written by the calling thread before the barrier that releases the
  // helpers, read by them after it.
  std::function<void(std::size_t)> work_;
  std::size_t count_ = 0;
  bool stop_ = false;
  std::atomic<std::size_t> next_{0};
  std::barrier<> sync_;
  std::vector<std::thread> threads_;
};

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
  // Started with the first chunk, as many as it has lines to share.
  std::optional<LinePool> pool;
  for (bool more = true; more;) {
    std::size_t n = 0;
    while (n < chunk && (more = read_bounded_line(*in.rdbuf(), pending[n]))) ++n;
    for (std::size_t i = 0; i < n; ++i) done[i] = BatchLine{next_number + i, nullptr, {}, nullptr};
    auto line = [&](std::size_t i) { run_one(pending[i], done[i], source, command, batch, options); };
    if (!pool && n > 1 && batch.threads > 1) {
      pool.emplace(std::min(static_cast<std::size_t>(batch.threads), n) - 1);
    }
    if (pool) {
      pool->run(n, line);
    } else {
      for (std::size_t i = 0; i < n; ++i) line(i);
    }
    for (std::size_t i = 0; i < n; ++i) {
      sink(done[i]);
      done[i] = BatchLine{};
    }
    next_number += n;
  }
}

}  // namespace gsd
