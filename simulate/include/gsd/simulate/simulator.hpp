#pragma once
// The Monte Carlo trial simulator. One replicate is one trial: patients enter,
// are randomised, are cured or have latency and drop-out times; looks happen at
// the planned event counts (or at the calendar cap); the log-rank z at each
// look (stratified when there are strata; positive favours treatment), or
// the z of a weighted log-rank test (simulated_test.hpp), meets the design's
// bounds; side tests are judged on the same replicates. Replicate i draws only from Philox4x32-10 streams keyed
// by (seed, i) (Salmon et al. 2011, "Parallel random numbers: as easy as
// 1, 2, 3", SC'11), so results do not depend on threads or processes.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "gsd/simulate/endpoint_model.hpp"
#include "gsd/simulate/look_plan.hpp"
#include "gsd/simulate/simulation_options.hpp"
#include "gsd/simulate/simulated_test.hpp"
#include "gsd/simulate/simulation_result.hpp"
#include "gsd/simulate/trial_model.hpp"
#include "gsd/spending/decision.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::simulate {

// A look's outcome: kContinue, kStopEfficacy (z >= efficacy bound),
// kStopHarm (two-sided: z <= -efficacy bound), kStopFutility (z <= futility
// bound) or kFinalNoRejection (the last analysis, no bound crossed).
using spending::Decision;

// One analysis of one replicate.
struct LookRecord {
  int look = 0;  // 0-based analysis number
  int events = 0;
  double calendar_time = 0.0;
  int patients = 0;  // enrolled by calendar_time
  double z = 0.0;    // log-rank, positive favours treatment
  double efficacy_z = 0.0;
  std::optional<double> futility_z;  // two-sided designs: stop when |z| is below it
  std::optional<double> harm_z;
  std::optional<double> hazard_ratio;  // Pike's O/E ratio; absent if an arm has 0 events
  // The variance V of the trial's test's weighted score (its information),
  // when that test is a Fleming-Harrington or Magirr-Burman test.
  std::optional<double> variance;
  Decision decision = Decision::kContinue;
  bool capped = false;  // final analysis forced by the calendar cap
};

// Patient-level data of one replicate, in enrolment order within each stratum.
struct PatientRecord {
  double entry = 0.0;
  int stratum = 0;
  bool treatment = false;
  bool cured = false;
  double time = 0.0;   // study time to event or drop-out; +infinity if neither
  bool event = false;  // time is an event time (not a drop-out)
};

struct RunControl {
  // Called now and then from one thread with the replicates done so far.
  std::function<void(std::int64_t)> progress;
  // Checked between chunks; when set, the run stops early (result.interrupted).
  const std::atomic<bool>* stop = nullptr;
  // If set, receives every replicate's looks, in replicate order.
  std::function<void(std::int64_t, std::span<const LookRecord>)> replicate_sink;
};

// The time after which a trial is capped when simulation.max_duration is not
// given: the end of accrual plus the longest 99th percentile of latency over
// arms and strata. By then 99% of the noncured patients enrolled last have had
// their event, so almost no events are still to come.
double default_max_duration(const TrialModel& model);

class Simulator {
 public:
  // Validates the model (std::invalid_argument) and precomputes the capped
  // final bounds (gsd::NumericalError if one cannot be solved). `tests`: the
  // weighted tests of the run (simulated_test.hpp); `design` is then the
  // bounds of tests.primary. Invalid weights throw numerics::InvalidInput
  // naming "rho", "gamma" or "t_star"; a side test's design with another look
  // count, one naming "tests[i]".
  Simulator(TrialModel model, spending::Design design, LookPlan plan, double max_duration,
            TestSet tests = {});
  // A normal or binary endpoint's trial (endpoint_model.hpp): looks at the
  // model's patients, no calendar time; model() and plan() are then empty,
  // max_duration() is 0 and patients() has no records. Validates the model
  // (numerics::InvalidInput) and its looks against the design's.
  Simulator(EndpointModel model, spending::Design design);
  ~Simulator();
  Simulator(Simulator&&) noexcept;
  Simulator& operator=(Simulator&&) noexcept;

  const TrialModel& model() const noexcept;
  const spending::Design& design() const noexcept;
  const LookPlan& plan() const noexcept;
  const TestSet& tests() const noexcept;
  double max_duration() const noexcept;
  // The endpoint's model, or null for a survival trial.
  const EndpointModel* endpoint() const noexcept;
  std::size_t look_count() const noexcept;

  // Replicates [first, first + count) with `threads` OpenMP threads.
  SimulationTotals run(std::int64_t first, std::int64_t count, std::uint64_t seed, int threads,
                       const RunControl& control = {}) const;

  // One replicate in detail.
  std::vector<LookRecord> looks(std::uint64_t seed, std::int64_t replicate) const;
  std::vector<PatientRecord> patients(std::uint64_t seed, std::int64_t replicate) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  struct EndpointImpl;  // endpoint_simulator.cpp
  std::shared_ptr<const EndpointImpl> endpoint_;
  static std::shared_ptr<const EndpointImpl> make_endpoint(EndpointModel model, spending::Design design);
  SimulationTotals run_endpoint(std::int64_t first, std::int64_t count, std::uint64_t seed,
                                int threads, const RunControl& control) const;
  std::vector<LookRecord> endpoint_looks(std::uint64_t seed, std::int64_t replicate) const;
  const spending::Design& endpoint_design() const noexcept;
};

// Validates the options and runs the replicates. Under MPI (an MPI build in a
// process that has initialised MPI) each process runs its contiguous block of
// replicates and the integer totals are summed exactly on rank 0, so the
// result does not depend on the number of processes; a process group of one
// runs them all. Every rank returns; only rank 0's result holds the totals of
// all ranks (result.root).
SimulationResult run_simulation(const Simulator& simulator, const SimulationOptions& options,
                                const RunControl& control = {});

}  // namespace gsd::simulate
