#include "gsd/batch.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <pthread.h>
#include <sched.h>
#endif
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

// A line buffer up to this size is reused for the next chunk's line in its
// slot; a longer one is freed once its line has run. 64 KiB is a hundred
// times a typical config line.
constexpr std::size_t kKeptLineCapacity = std::size_t{64} << 10;

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

// Pins the helpers to the allowed CPUs other than the calling thread's. Linux
// may start a new thread, and wake a sleeping one, on the CPU of the thread
// that made it runnable; while that thread computes, the helper then waits
// for the scheduler's periodic balancing to move it: 3.8 to 3.9 ms measured
// on the 2-core virtual machines gsd is measured on, about one scheduler
// tick, more than half of a 120-design batch on two threads. A hint only:
// where it is refused, nothing else changes.
void place_helpers(std::vector<std::thread>& helpers) {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return;
  const int here = sched_getcpu();
  std::vector<std::size_t> others;
  for (std::size_t c = 0; c < CPU_SETSIZE; ++c) {
    if (CPU_ISSET(c, &allowed) && static_cast<int>(c) != here) others.push_back(c);
  }
  // One helper per other CPU; any more are left to the scheduler.
  for (std::size_t k = 0; k < helpers.size() && k < others.size(); ++k) {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(others[k], &one);
    pthread_setaffinity_np(helpers[k].native_handle(), sizeof one, &one);
  }
#else
  (void)helpers;
#endif
}

// The batch's helper threads, started once and used for every chunk together
// with the calling thread: each thread takes the next line when it is free,
// as lines take very different times (a simulation against a design).
//
// The calling thread never waits for a helper to start a chunk: it publishes
// the chunk and takes lines at once, and the helpers join in as they wake.
// Between chunks the helpers block on a condition variable, without spinning
// (libgomp's spinning threads, with one other busy process on a 2-core
// machine, cost a design batch more than the second thread gained). A helper
// that cannot be started is simply absent: the others, the calling thread at
// least, take every line.
class LinePool {
 public:
  explicit LinePool(std::size_t helpers) {
    threads_.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t) {
      try {
        threads_.emplace_back([this] { serve(); });
      } catch (const std::system_error&) {
        break;
      }
    }
    place_helpers(threads_);
  }
  LinePool(const LinePool&) = delete;
  LinePool& operator=(const LinePool&) = delete;
  ~LinePool() {
    {
      const std::lock_guard lock(mutex_);
      stop_ = true;
    }
    start_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  // The helpers and the calling thread.
  std::size_t threads() const { return threads_.size() + 1; }

  // work(0) .. work(count - 1), each once, on this thread and the helpers;
  // returns when all are done and no helper is still looking at the chunk.
  // work must not throw.
  void run(std::size_t count, std::function<void(std::size_t)> work) {
    {
      std::unique_lock lock(mutex_);
      // A helper that woke after the last chunk ended may still be leaving it.
      done_.wait(lock, [&] { return inside_ == 0; });
      work_ = std::move(work);
      count_ = count;
      next_.store(0);
      left_.store(count);
      ++generation_;
    }
    start_.notify_all();
    take();
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return left_.load() == 0 && inside_ == 0; });
  }

 private:
  void serve() {
    std::uint64_t seen = 0;
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        start_.wait(lock, [&] { return stop_ || generation_ != seen; });
        if (stop_) return;
        seen = generation_;
        ++inside_;
      }
      take();
      {
        const std::lock_guard lock(mutex_);
        --inside_;
      }
      done_.notify_all();
    }
  }
  void take() {
    for (std::size_t i = next_.fetch_add(1); i < count_; i = next_.fetch_add(1)) {
      work_(i);
      if (left_.fetch_sub(1) == 1) {
        // The last line: wake the calling thread (under the lock, so that
        // the wake-up cannot fall between its check and its wait).
        const std::lock_guard lock(mutex_);
        done_.notify_all();
      }
    }
  }

  // Written under mutex_ while no helper is inside a chunk (inside_ == 0),
  // read by a helper after it has entered one under mutex_.
  std::function<void(std::size_t)> work_;
  std::size_t count_ = 0;
  std::uint64_t generation_ = 0;
  std::size_t inside_ = 0;  // helpers between entering a chunk and leaving it
  bool stop_ = false;
  std::atomic<std::size_t> next_{0};  // the next line to take
  std::atomic<std::size_t> left_{0};  // lines not yet done
  std::mutex mutex_;
  std::condition_variable start_;
  std::condition_variable done_;
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
  const auto threads = static_cast<std::size_t>(batch.threads);
  const std::size_t chunk = batch_lines_per_thread(command) * threads;
  const std::size_t chunk_bytes = kBatchBytesPerThread * threads;
  std::vector<PendingLine> pending(chunk);
  std::vector<BatchLine> done(chunk);
  std::vector<std::thread::id> built_by(chunk);  // the thread that ran each slot last
  std::size_t next_number = 1;
  // Started with the first chunk, as many as it has lines to share.
  std::optional<LinePool> pool;
  for (bool more = true; more;) {
    std::size_t n = 0;
    std::size_t bytes = 0;
    while (n < chunk && bytes < chunk_bytes && (more = read_bounded_line(*in.rdbuf(), pending[n]))) {
      bytes += pending[n].text.size();
      ++n;
    }
    // Each line's slot is reset by the thread that runs it, so the previous
    // chunk's results (JSON trees, unless BatchOptions::text) are freed in
    // parallel, not one after another on this thread.
    auto line = [&](std::size_t i) {
      done[i] = BatchLine{next_number + i, nullptr, {}, nullptr};
      built_by[i] = std::this_thread::get_id();
      run_one(pending[i], done[i], source, command, batch, options);
      // A long line's buffer is not kept for a later chunk: the slots are
      // refilled from the start of each chunk, so kept capacity could add
      // up beyond kBatchBytesPerThread.
      if (pending[i].text.capacity() > kKeptLineCapacity) std::string().swap(pending[i].text);
    };
    if (!pool && n > 1 && batch.threads > 1) {
      pool.emplace(std::min(static_cast<std::size_t>(batch.threads), n) - 1);
    }
    if (pool) {
      pool->run(n, line);
    } else {
      for (std::size_t i = 0; i < n; ++i) line(i);
    }
    for (std::size_t i = 0; i < n; ++i) sink(done[i]);
    next_number += n;
  }
  // The last results. JSON trees (many small allocations each) are freed
  // each by the thread that built it, where that thread takes part, so that
  // the memory goes back to the malloc arena it came from without taking
  // another thread's arena lock; what a thread that did not take part built
  // is freed here after. Text results are a few strings each and are freed
  // by whichever thread takes them.
  if (pool && !batch.text) {
    pool->run(pool->threads(), [&](std::size_t) {
      const std::thread::id me = std::this_thread::get_id();
      // built_by is only read here; a slot is written by its builder alone.
      for (std::size_t i = 0; i < done.size(); ++i) {
        if (built_by[i] == me) done[i] = BatchLine{};
      }
    });
  }
  auto release = [&](std::size_t i) { done[i] = BatchLine{}; };
  if (pool && batch.text) {
    pool->run(done.size(), release);
  } else {
    for (std::size_t i = 0; i < done.size(); ++i) release(i);
  }
}

}  // namespace gsd
