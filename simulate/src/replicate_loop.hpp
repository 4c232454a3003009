#pragma once
// Private: the replicates of a run over OpenMP threads, shared by the
// survival and the endpoint simulators (simulator.cpp,
// endpoint_simulator.cpp). Replicate i draws only from (seed, i) and the
// totals are integers summed in any order, so the result does not depend on
// the threads; a replicate sink sees the looks in replicate order.
#if defined(_OPENMP)
#include <omp.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <vector>

#include "chunk_queue.hpp"
#include "gsd/simulate/simulation_result.hpp"
#include "gsd/simulate/simulator.hpp"

namespace gsd::simulate::detail {

// Replicates held at once when each replicate's looks go to a sink (CSV):
// the sink sees them in order, and memory stays O(batch), not O(replicates).
inline constexpr std::int64_t kSinkBatch = 4096;

// Without OpenMP (-DGSD_WITH_OPENMP=OFF, e.g. the WebAssembly build) the
// parallel region runs once, on the calling thread, over every chunk.
inline int thread_number() {
#if defined(_OPENMP)
  return omp_get_thread_num();
#else
  return 0;
#endif
}

// Runs replicates first .. first + count - 1 on `threads` threads, in chunks
// of `chunk` replicates. Each thread makes its own state with make_state()
// and starts its totals as a copy of `empty`, and calls
// run_one(state, totals, replicate, records), where records is null unless
// a sink wants the replicate's looks. The first exception a replicate throws
// stops every thread and is rethrown here; a stop request ends the run
// between chunks, with the totals of the replicates done.
template <class MakeState, class RunOne>
SimulationTotals run_replicates(std::int64_t first, std::int64_t count, int threads, std::int64_t chunk,
                                const RunControl& control, const SimulationTotals& empty,
                                MakeState make_state, RunOne run_one) {
  SimulationTotals totals = empty;
  std::atomic<std::int64_t> done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  const auto stopped = [&] {
    return failed.load(std::memory_order_relaxed) ||
           (control.stop && control.stop->load(std::memory_order_relaxed));
  };
  // Without a sink: one pass. With one: batches whose looks are kept, then
  // handed to the sink in replicate order by the calling thread.
  const bool sink = static_cast<bool>(control.replicate_sink);
  const std::int64_t batch = sink ? kSinkBatch : std::max<std::int64_t>(count, 1);
  std::vector<std::vector<LookRecord>> kept(sink ? static_cast<std::size_t>(kSinkBatch) : 0);
  std::int64_t b1 = 0;
  for (std::int64_t b0 = 0; b0 < count && !stopped(); b0 = b1) {
    b1 = b0 + std::min(count - b0, batch);
    ChunkQueue chunks(b0, b1, chunk);
#if defined(_OPENMP)
#pragma omp parallel num_threads(threads)
#else
    (void)threads;
#endif
    {
      auto state = make_state();
      SimulationTotals local = empty;
      std::int64_t c = 0;
      std::int64_t c1 = 0;
      while (!stopped() && chunks.next(c, c1)) {
        for (std::int64_t i = c; i < c1; ++i) {
          std::vector<LookRecord>* records = nullptr;
          if (sink) {
            records = &kept[static_cast<std::size_t>(i - b0)];
            records->clear();
          }
          try {
            run_one(state, local, static_cast<std::uint64_t>(first + i), records);
          } catch (...) {
#if defined(_OPENMP)
#pragma omp critical(gsd_simulate_failure)
#endif
            if (!failure) failure = std::current_exception();
            failed.store(true, std::memory_order_relaxed);
            break;
          }
        }
        const std::int64_t now = done.fetch_add(c1 - c) + (c1 - c);
        if (thread_number() == 0 && control.progress) control.progress(now);
      }
#if defined(_OPENMP)
#pragma omp critical(gsd_simulate_totals)
#endif
      totals.add(local);
    }
    if (failure) std::rethrow_exception(failure);
    if (sink && !stopped()) {
      for (std::int64_t i = b0; i < b1; ++i) control.replicate_sink(first + i, kept[static_cast<std::size_t>(i - b0)]);
    }
  }
  return totals;
}

}  // namespace gsd::simulate::detail
