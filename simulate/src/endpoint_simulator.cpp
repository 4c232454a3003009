// The simulator of a normal or binary endpoint's trial: the replicates of
// endpoint_kernel.cpp over OpenMP threads, by the survival simulator's rules
// (simulator.cpp): replicate i draws only from (seed, i), totals are
// integers summed in any order, a replicate sink sees its looks in order.
#include <cstdint>
#include <string>
#include <vector>

#include "endpoint_kernel.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/simulate/simulator.hpp"
#include "replicate_loop.hpp"

namespace gsd::simulate {

namespace {

// Replicates per scheduling chunk: a trial costs about a microsecond.
constexpr std::int64_t kChunk = 4096;

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
  return detail::run_replicates(
      first, count, threads, kChunk, control, SimulationTotals(kernel.looks()), [] { return 0; },
      [&](int, SimulationTotals& local, std::uint64_t replicate, std::vector<LookRecord>* records) {
        detail::add_outcome(local, kernel.run(seed, replicate, records));
      });
}

}  // namespace gsd::simulate
