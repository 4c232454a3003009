#include "gsd/batch.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
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
#include "gsd/thread_limit.hpp"

namespace gsd {

namespace {

// A line buffer up to this size is reused for the next chunk's line in its
// slot; a longer one is freed once its line has run. 64 KiB is a hundred
// times a typical config line.
constexpr std::size_t kKeptLineCapacity = std::size_t{64} << 10;

struct PendingLine {
  std::string text;
  bool too_long = false;
};

// The input's lines, read a block at a time: each line is found with memchr
// in the block and appended in one piece, instead of one stream call and one
// push_back per character (3 against 16 us for the 120-design batch's 120
// lines, all of it before the first line can start). The stream is read
// ahead by up to a block beyond the lines handed out.
class LineReader {
 public:
  explicit LineReader(std::streambuf& in) : in_(in), block_(kBlockBytes) {}

  // The next line (without its newline) into `line`, keeping at most
  // kMaxBatchLineBytes of it; `too_long` says that more was skipped. False at
  // the end of the input.
  bool next(PendingLine& line) {
    line.text.clear();
    line.too_long = false;
    bool any = false;
    for (;;) {
      if (at_ == end_) {
        at_ = 0;
        end_ = static_cast<std::size_t>(std::max<std::streamsize>(
            in_.sgetn(block_.data(), static_cast<std::streamsize>(block_.size())), 0));
        if (end_ == 0) return any;
      }
      any = true;
      const char* from = block_.data() + at_;
      const std::size_t left = end_ - at_;
      const auto* newline = static_cast<const char*>(std::memchr(from, '\n', left));
      const std::size_t length = newline ? static_cast<std::size_t>(newline - from) : left;
      const std::size_t room = kMaxBatchLineBytes - line.text.size();
      line.text.append(from, std::min(length, room));
      if (length > room) line.too_long = true;
      at_ += length;
      if (newline) {
        ++at_;
        return true;
      }
    }
  }

 private:
  static constexpr std::size_t kBlockBytes = std::size_t{64} << 10;
  std::streambuf& in_;
  std::vector<char> block_;
  std::size_t at_ = 0;
  std::size_t end_ = 0;
};

bool stop_requested(const BatchOptions& batch) {
  return batch.stop != nullptr && batch.stop->load(std::memory_order_relaxed);
}

// `poll_here` calls BatchOptions::poll when it runs on the batch's calling
// thread, and does nothing elsewhere.
nlohmann::json run_line(const nlohmann::json& config, Command command, const BatchOptions& batch,
                        const RunOptions& options, const std::function<void()>& poll_here) {
  if (command == Command::kDesign) return run(config, command, {}, options);
  SimulationRequest request = batch.request;
  request.threads = 1;  // the batch's threads run whole lines
  // As run() simulates, with the batch's stop flag and its poll after each
  // chunk of replicates (on one thread, the simulator calls progress there).
  simulate::RunControl control;
  control.stop = batch.stop;
  if (batch.poll) control.progress = [&poll_here](std::int64_t) { poll_here(); };
  const SimulationReport report = simulate_trial(load_trial(config), request, control, options);
  // A stopped line is never handed on: its chunk is dropped.
  if (report.result.interrupted) return nullptr;
  return to_json(report);
}

// Runs one line; every exception ends up in the line's error.
void run_one(const PendingLine& pending, BatchLine& out, const std::string& source,
             Command command, const BatchOptions& batch, const RunOptions& options,
             const std::function<void()>& poll_here) {
  const std::string where = batch_line_source(source, out.number);
  try {
    if (pending.too_long) {
      throw InvalidInput({}, where + ": the line is longer than " +
                                 std::to_string(kMaxBatchLineBytes >> 20) +
                                 " MiB, the limit for one config");
    }
    out.result = run_line(parse_json(pending.text, where, JsonText::kBatchLine), command, batch, options,
                          poll_here);
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
void place_helpers(std::thread* helpers, std::size_t count) {
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
  for (std::size_t k = 0; k < count && k < others.size(); ++k) {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(others[k], &one);
    pthread_setaffinity_np(helpers[k].native_handle(), sizeof one, &one);
  }
#else
  (void)helpers;
  (void)count;
#endif
}

// How long a thread polls for what it waits on before it blocks in the
// kernel. Waking a blocked thread took about 0.1 ms on the 2-core virtual
// machines gsd is measured on: the calling thread learnt that the last
// design line was done 0.1 ms after it was, about a fiftieth of a 120-design
// batch on two threads. A five-look design line takes 65 to 76 us there, so
// the calling thread, which runs out of lines at most one line before the
// helpers, mostly sees them finish within the poll. Short enough that a
// thread waiting for a long simulation line soon stops taking a CPU that
// another process could use.
constexpr auto kPollBeforeBlocking = std::chrono::microseconds(200);

inline void pause_briefly() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

// Polls `ready` for up to kPollBeforeBlocking; true once it holds.
template <class Ready>
bool poll_until(Ready ready) {
  const auto until = std::chrono::steady_clock::now() + kPollBeforeBlocking;
  for (unsigned spins = 1;; ++spins) {
    if (ready()) return true;
    pause_briefly();
    if (spins % 64 == 0 && std::chrono::steady_clock::now() > until) return false;
  }
}

// The helper threads of batches, used for every chunk together with the
// calling thread: each thread takes the next line when it is free, as lines
// take very different times (a simulation against a design).
//
// The calling thread never waits for a helper to start a chunk: it publishes
// the chunk and takes lines at once, and the helpers join in as they wake.
// Between chunks the helpers poll briefly and then block on a condition
// variable (libgomp's threads, which spin much longer, with one other busy
// process on a 2-core machine, cost a design batch more than the second
// thread gained). A helper that cannot be started is simply absent: the
// others, the calling thread at least, take every line.
class LinePool {
 public:
  LinePool() = default;
  LinePool(const LinePool&) = delete;
  LinePool& operator=(const LinePool&) = delete;
  ~LinePool() {
    {
      const std::lock_guard lock(mutex_);
      stop_.store(true);
    }
    start_.notify_all();
    left_out_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  // Has the first `helpers` helpers (started here if the pool has fewer, as
  // many as the system allows) take part in the chunks that follow, each
  // pinned to a CPU other than the calling thread's (place_helpers). Only
  // between chunks.
  void engage(std::size_t helpers) {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return inside_.load() == 0; });
    while (threads_.size() < helpers) {
      try {
        threads_.emplace_back([this, index = threads_.size(), seen = generation_.load()] {
          serve(index, seen);
        });
      } catch (const std::system_error&) {
        break;
      }
    }
    const std::size_t engaged = std::min(helpers, threads_.size());
    const std::size_t was = active_.exchange(engaged);
    place_helpers(threads_.data(), engaged);
    if (engaged > was) left_out_.notify_all();
  }

  // The engaged helpers and the calling thread.
  std::size_t threads() const { return active_.load() + 1; }

  // work(0) .. work(count - 1), each once, on this thread and the engaged
  // helpers; returns when all are done and no helper is still looking at the
  // chunk. work must not throw. While this thread waits for the helpers it
  // calls `poll` (if set) every kBatchPollInterval.
  void run(std::size_t count, std::function<void(std::size_t)> work,
           const std::function<void()>& poll = {}) {
    {
      std::unique_lock lock(mutex_);
      // A helper that woke after the last chunk ended may still be leaving it.
      done_.wait(lock, [&] { return inside_.load() == 0; });
      work_ = std::move(work);
      count_ = count;
      next_.store(0);
      left_.store(count);
      generation_.store(generation_.load() + 1);
    }
    start_.notify_all();
    take();
    const auto finished = [&] { return left_.load() == 0 && inside_.load() == 0; };
    if (poll_until(finished)) return;
    std::unique_lock lock(mutex_);
    if (!poll) {
      done_.wait(lock, finished);
      return;
    }
    while (!done_.wait_for(lock, kBatchPollInterval, finished)) {
      lock.unlock();
      poll();
      lock.lock();
    }
  }

 private:
  void serve(std::size_t index, std::uint64_t seen) {
    for (;;) {
      // A helper that the batches now leave out (they ask for fewer threads
      // than the pool has) neither polls nor wakes at each chunk, which would
      // take time from the engaged threads on a CPU they need: it sleeps
      // until a batch engages it. It may then enter a chunk that has already
      // ended, which it leaves at once, as a helper that woke late does.
      if (index < active_.load()) {
        poll_until([&] { return stop_.load() || generation_.load() != seen; });
      }
      {
        std::unique_lock lock(mutex_);
        left_out_.wait(lock, [&] { return stop_.load() || index < active_.load(); });
        start_.wait(lock, [&] { return stop_.load() || generation_.load() != seen; });
        if (stop_.load()) return;
        seen = generation_.load();
        if (index >= active_.load()) continue;  // not engaged by this batch
        inside_.store(inside_.load() + 1);
      }
      take();
      {
        const std::lock_guard lock(mutex_);
        inside_.store(inside_.load() - 1);
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
  // Written under mutex_; atomic so that a polling thread may read them
  // without it.
  std::atomic<std::size_t> active_{0};  // helpers 0 .. active_ - 1 take part
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<std::size_t> inside_{0};  // helpers between entering a chunk and leaving it
  std::atomic<bool> stop_{false};
  std::atomic<std::size_t> next_{0};  // the next line to take
  std::atomic<std::size_t> left_{0};  // lines not yet done
  std::mutex mutex_;
  std::condition_variable start_;
  std::condition_variable done_;
  std::condition_variable left_out_;  // engage() has changed active_
  std::vector<std::thread> threads_;
};

// One pool kept for the process and lent to one batch at a time, so that
// batch after batch (a sweep from R or Python, a benchmark) does not start
// and end its helpers: starting a thread took 50 to 270 us on the 2-core
// virtual machines gsd is measured on and joining one 30 to 150 us, together
// a twentieth of a 120-design batch on two threads. A batch that finds it
// lent (batches run at once from several threads) starts a pool of its own.
// Kept helpers block on a condition variable between batches; the pool is
// ended with the process, or with the library when it is unloaded.
struct KeptPool {
  std::atomic<bool> lent{false};
  std::unique_ptr<LinePool> pool;
  LinePool* set_aside = nullptr;  // a forked child's view of its parent's pool
};

KeptPool& kept_pool() {
  static KeptPool kept;
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  // A child made by fork has the calling thread alone: the kept helpers do
  // not exist there. The child sets the parent's pool aside (it could
  // neither join its helpers nor end it; kept reachable, so that a leak
  // checker does not count it) and starts afresh if it runs a batch.
  static const int forget_in_child = pthread_atfork(nullptr, nullptr, [] {
    kept_pool().set_aside = kept_pool().pool.release();
    kept_pool().lent.store(false);
  });
  static_cast<void>(forget_in_child);
#endif
  return kept;
}

// The kept pool for one batch, or the batch's own when it is lent.
class PoolLease {
 public:
  PoolLease() = default;
  PoolLease(const PoolLease&) = delete;
  PoolLease& operator=(const PoolLease&) = delete;
  ~PoolLease() {
    if (kept_ != nullptr) kept_->lent.store(false);
  }
  LinePool& take(std::size_t helpers) {
    KeptPool& kept = kept_pool();
    LinePool* pool = nullptr;
    if (!kept.lent.exchange(true)) {
      kept_ = &kept;
      if (!kept.pool) kept.pool = std::make_unique<LinePool>();
      pool = kept.pool.get();
    } else {
      pool = &own_.emplace();
    }
    pool->engage(helpers);
    return *pool;
  }

 private:
  KeptPool* kept_ = nullptr;
  std::optional<LinePool> own_;
};

}  // namespace

bool run_batch_file(const std::string& path, const FieldPath& argument, Command command,
                    const BatchOptions& batch, const std::function<void(const BatchLine&)>& sink,
                    const RunOptions& options) {
  // A directory opens as a stream that fails on its first read, with no
  // message that names the argument.
  std::error_code not_checked;
  if (std::filesystem::is_directory(path, not_checked)) {
    throw InvalidInput(argument, path, "is a directory; name a batch file (JSON lines) inside it");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidInput(argument, path, "cannot be read (does it exist?)");
  return run_batch(in, path, command, batch, sink, options);
}

std::string batch_line_source(const std::string& source, std::size_t number) {
  return source + " line " + std::to_string(number);
}

bool run_batch(std::istream& in, const std::string& source, Command command,
               const BatchOptions& batch, const std::function<void(const BatchLine&)>& sink,
               const RunOptions& options) {
  if (batch.threads < 1 || batch.threads > kMaxThreads) {
    numerics::fail(numerics::FieldPath{"options"}.key("threads"), batch.threads,
                   threads_rule());
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
  LineReader reader(*in.rdbuf());
  // Engaged with the first chunk, as many as it has lines to share.
  PoolLease lease;
  LinePool* pool = nullptr;
  const std::thread::id caller = std::this_thread::get_id();
  // Once stopped, there is nothing left to poll for.
  const std::function<void()> poll_here = [&] {
    if (batch.poll && std::this_thread::get_id() == caller && !stop_requested(batch)) batch.poll();
  };
  bool stopped = false;
  for (bool more = true; more;) {
    if (stop_requested(batch)) {
      stopped = true;
      break;
    }
    std::size_t n = 0;
    std::size_t bytes = 0;
    while (n < chunk && bytes < chunk_bytes && (more = reader.next(pending[n]))) {
      bytes += pending[n].text.size();
      ++n;
    }
    // Each line's slot is reset by the thread that runs it, so the previous
    // chunk's results (JSON trees, unless BatchOptions::text) are freed in
    // parallel, not one after another on this thread.
    auto line = [&](std::size_t i) {
      done[i] = BatchLine{next_number + i, nullptr, {}, nullptr};
      built_by[i] = std::this_thread::get_id();
      // Once stopped, the chunk is dropped: its lines not started are skipped.
      if (stop_requested(batch)) return;
      run_one(pending[i], done[i], source, command, batch, options, poll_here);
      poll_here();
      // A long line's buffer is not kept for a later chunk: the slots are
      // refilled from the start of each chunk, so kept capacity could add
      // up beyond kBatchBytesPerThread.
      if (pending[i].text.capacity() > kKeptLineCapacity) std::string().swap(pending[i].text);
    };
    if (pool == nullptr && n > 1 && batch.threads > 1) {
      pool = &lease.take(std::min(static_cast<std::size_t>(batch.threads), n) - 1);
    }
    if (pool) {
      pool->run(n, line, batch.poll ? poll_here : std::function<void()>());
    } else {
      for (std::size_t i = 0; i < n; ++i) line(i);
    }
    if (stop_requested(batch)) {
      stopped = true;
      break;
    }
    for (std::size_t i = 0; i < n; ++i) sink(done[i]);
    next_number += n;
  }
  // The last results, each freed by the thread that built it, where that
  // thread takes part: a JSON tree is many small allocations, and so its
  // memory goes back to the malloc arena it came from without taking another
  // thread's arena lock (a text result is a few strings, freed the same way).
  // What a thread that did not take part built is freed here after.
  if (pool) {
    pool->run(pool->threads(), [&](std::size_t) {
      const std::thread::id me = std::this_thread::get_id();
      // built_by is only read here; a slot is written by its builder alone.
      for (std::size_t i = 0; i < done.size(); ++i) {
        if (built_by[i] == me) done[i] = BatchLine{};
      }
    });
  }
  for (BatchLine& line : done) line = BatchLine{};
  return !stopped;
}

}  // namespace gsd
