// The simulator of a normal or binary endpoint's trial: the replicates of
// endpoint_kernel.cpp over OpenMP threads, by the survival simulator's rules
// (simulator.cpp): replicate i draws only from (seed, i), totals are
// integers summed in any order, a replicate sink sees its looks in order.
#if defined(_OPENMP)
#include <omp.h>
#endif

#include <algorithm>
#include <atomic>
#include <string>

#include "chunk_queue.hpp"
#include "endpoint_kernel.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/simulate/simulator.hpp"

namespace gsd::simulate {

namespace {

// Replicates per scheduling chunk (a trial costs about a microsecond), and
// per batch held for a replicate sink: memory stays O(batch).
constexpr std::int64_t kChunk = 4096;
constexpr std::int64_t kSinkBatch = 4096;

int thread_number() {
#if defined(_OPENMP)
  return omp_get_thread_num();
#else
  return 0;
#endif
}

}  // namespace

struct Simulator::EndpointImpl {
  EndpointModel model;
  spending::Design design;
  detail::EndpointKernel kernel;
  EndpointImpl(EndpointModel m, spending::Design d)
      : model(std::move(m)), design(std::move(d)), kernel(model, design) {}
};

std::shared_ptr<const Simulator::EndpointImpl> Simulator::make_endpoint(EndpointModel model,
                                                                       spending::Design design) {
  model.validate();
  if (model.look_patients.size() != design.efficacy.size()) {
    numerics::fail_sizes({"look_patients"}, model.look_patients.size(), "the design's looks",
                         design.efficacy.size());
  }
  return std::make_shared<const EndpointImpl>(std::move(model), std::move(design));
}

const EndpointModel* Simulator::endpoint() const noexcept {
  return endpoint_ ? &endpoint_->model : nullptr;
}

const spending::Design& Simulator::endpoint_design() const noexcept { return endpoint_->design; }

std::size_t Simulator::look_count() const noexcept {
  return endpoint_ ? endpoint_->kernel.looks() : plan().look_events.size();
}

std::vector<LookRecord> Simulator::endpoint_looks(std::uint64_t seed, std::int64_t replicate) const {
  std::vector<LookRecord> records;
  (void)endpoint_->kernel.run(seed, static_cast<std::uint64_t>(replicate), &records);
  return records;
}

SimulationTotals Simulator::run_endpoint(std::int64_t first, std::int64_t count, std::uint64_t seed,
                                         int threads, const RunControl& control) const {
  const detail::EndpointKernel& kernel = endpoint_->kernel;
  SimulationTotals totals(kernel.looks());
  std::atomic<std::int64_t> done{0};
  const auto stopped = [&] { return control.stop && control.stop->load(std::memory_order_relaxed); };
  const bool sink = static_cast<bool>(control.replicate_sink);
  const std::int64_t batch = sink ? kSinkBatch : std::max<std::int64_t>(count, 1);
  std::vector<std::vector<LookRecord>> kept(sink ? static_cast<std::size_t>(kSinkBatch) : 0);
  std::int64_t b1 = 0;
  for (std::int64_t b0 = 0; b0 < count && !stopped(); b0 = b1) {
    b1 = b0 + std::min(count - b0, batch);
    detail::ChunkQueue chunks(b0, b1, kChunk);
#if defined(_OPENMP)
#pragma omp parallel num_threads(threads)
#else
    (void)threads;
#endif
    {
      SimulationTotals local(kernel.looks());
      std::int64_t c = 0;
      std::int64_t c1 = 0;
      while (!stopped() && chunks.next(c, c1)) {
        for (std::int64_t i = c; i < c1; ++i) {
          std::vector<LookRecord>* rec = nullptr;
          if (sink) {
            rec = &kept[static_cast<std::size_t>(i - b0)];
            rec->clear();
          }
          detail::add_outcome(local, kernel.run(seed, static_cast<std::uint64_t>(first + i), rec));
        }
        const std::int64_t now = done.fetch_add(c1 - c) + (c1 - c);
        if (thread_number() == 0 && control.progress) control.progress(now);
      }
#if defined(_OPENMP)
#pragma omp critical(gsd_simulate_endpoint_totals)
#endif
      totals.add(local);
    }
    if (sink && !stopped()) {
      for (std::int64_t i = b0; i < b1; ++i) control.replicate_sink(first + i, kept[static_cast<std::size_t>(i - b0)]);
    }
  }
  return totals;
}

}  // namespace gsd::simulate
