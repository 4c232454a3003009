// Per-trial cost of the simulator on the seed design (202 patients, 3 looks at
// 47/71/94 events, cure mixture; REFERENCE.md). Targets (issue 4): at most
// 6.5 us per trial on one thread (rpact 3.3.4 getSimulationSurvival: about
// 650 us), and at least 1.8x with two threads. Read "us/trial" = 1e6 /
// items_per_second. Run:
//   build/benchmarks/simulate_benchmark --benchmark_filter=SeedTrial
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>

#include "gsd/simulate/simulator.hpp"
#include "gsd/spending/design.hpp"

namespace {

gsd::Simulator seed_simulator() {
  gsd::DesignSpec spec;
  spec.alpha = 0.05;
  spec.sided = gsd::Sidedness::kTwoSidedSymmetric;
  spec.beta = 0.16;
  spec.information_fractions = {0.5, 0.75, 1.0};
  const gsd::Design design = gsd::compute_design(spec);
  gsd::TrialModel m;
  m.patients = 202;
  m.accrual = gsd::AccrualSampler::uniform(36.0);
  gsd::StratumModel s;
  const double rate = std::numbers::ln2 / 7.0;
  s.control.cure_fraction = 0.40;
  s.control.latency = gsd::LatencySampler::exponential(rate);
  s.treatment.cure_fraction = 0.562;
  s.treatment.latency = gsd::LatencySampler::exponential(rate * 0.63);
  m.strata = {s};
  return gsd::Simulator(m, design, gsd::make_look_plan(design, 94),
                        gsd::default_max_duration(m));
}

// Replicates per iteration: enough for both threads to stay busy.
constexpr std::int64_t kBatch = 20000;

void SeedTrial(benchmark::State& state) {
  const gsd::Simulator sim = seed_simulator();
  const int threads = static_cast<int>(state.range(0));
  std::int64_t first = 0;
  for (auto _ : state) {
    const gsd::SimulationTotals t = sim.run(first, kBatch, 1, threads);
    benchmark::DoNotOptimize(t.events);
    first += kBatch;
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
  state.counters["us_per_trial"] = benchmark::Counter(
      static_cast<double>(state.iterations() * kBatch) * 1e-6,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(SeedTrial)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
