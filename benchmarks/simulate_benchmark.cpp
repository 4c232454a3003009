// Per-trial cost of the simulator on the seed design (202 patients, 3 looks at
// 47/71/94 events, cure mixture). Targets: at most 2.5 us per trial on one
// thread (200x rpact 3.3.4's getSimulationSurvival, which takes 270 to 530 us
// per trial; README "Speed against rpact"), and at least 1.8x with two
// threads. Read "us/trial" = 1e6 / items_per_second (wall time); on a shared
// machine the CPU column over 20,000 trials is steadier (CPU us per trial =
// CPU ms / 20). Run:
//   build/release/benchmarks/simulate_benchmark --benchmark_filter=SeedTrial
// SeedTrialFourFlemingHarrington runs the same trials with FH(0, 0),
// FH(0, 1), FH(1, 0) and FH(1, 1) counted beside the trial's log-rank test
// (simulation.tests; each runs its own course to its own stop, so a trial
// often has more looks than the log-rank alone): target at most 2x SeedTrial
// per trial. SeedTrialFourFlemingHarringtonMaxCombo adds a MaxCombo test of
// the same four (their largest z against bounds of its own, here the design's
// raised by 0.2 as MaxCombo's are): the merge is shared, so the target is
// the same.
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>

#include "gsd/simulate/exact_binomial.hpp"
#include "gsd/simulate/simulator.hpp"
#include "gsd/spending/design.hpp"

namespace {

gsd::simulate::Simulator seed_simulator(bool four_tests = false, bool maxcombo = false) {
  gsd::spending::DesignSpec spec;
  spec.alpha = 0.05;
  spec.sided = gsd::spending::Sidedness::kTwoSidedSymmetric;
  spec.beta = 0.16;
  spec.information_fractions = {0.5, 0.75, 1.0};
  const gsd::spending::Design design = gsd::spending::compute_design(spec);
  using gsd::survival::CureModel;
  using gsd::survival::Latency;
  gsd::simulate::TrialModel m;
  m.patients = 202;
  m.accrual = gsd::survival::Accrual::uniform(36.0);
  gsd::simulate::StratumModel s;
  const double rate = std::numbers::ln2 / 7.0;
  s.control.outcome = CureModel(0.40, Latency::exponential(rate));
  s.treatment.outcome = CureModel(0.562, Latency::exponential(rate * 0.63));
  m.strata = {s};
  gsd::simulate::TestSet tests;
  if (four_tests) {
    using gsd::survival::LogRankWeight;
    for (const auto& w : {LogRankWeight::fleming_harrington(0, 0), LogRankWeight::fleming_harrington(0, 1),
                          LogRankWeight::fleming_harrington(1, 0), LogRankWeight::fleming_harrington(1, 1)}) {
      tests.side.push_back({w, design});
    }
  }
  if (maxcombo) {
    gsd::spending::Design bounds = design;
    for (double& c : bounds.efficacy) c += 0.2;
    bounds.futility.assign(bounds.efficacy.size(), std::nullopt);
    std::vector<gsd::survival::LogRankWeight> combo;
    for (const auto& side : tests.side) combo.push_back(side.weight);
    tests.side.push_back({gsd::survival::LogRankWeight::log_rank(), bounds, combo});
  }
  return gsd::simulate::Simulator(m, design, gsd::simulate::make_look_plan(design, 94),
                                  gsd::simulate::default_max_duration(m), tests);
}

// Replicates per iteration: enough for both threads to stay busy.
constexpr std::int64_t kBatch = 20000;

void run_batches(benchmark::State& state, const gsd::simulate::Simulator& sim) {
  const int threads = static_cast<int>(state.range(0));
  std::int64_t first = 0;
  for (auto _ : state) {
    const gsd::simulate::SimulationTotals t = sim.run(first, kBatch, 1, threads);
    benchmark::DoNotOptimize(t.events);
    first += kBatch;
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
  state.counters["us_per_trial"] = benchmark::Counter(
      static_cast<double>(state.iterations() * kBatch) * 1e-6,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
void SeedTrial(benchmark::State& state) { run_batches(state, seed_simulator()); }
BENCHMARK(SeedTrial)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void SeedTrialFourFlemingHarrington(benchmark::State& state) { run_batches(state, seed_simulator(true)); }
BENCHMARK(SeedTrialFourFlemingHarrington)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void SeedTrialFourFlemingHarringtonMaxCombo(benchmark::State& state) {
  run_batches(state, seed_simulator(true, true));
}
BENCHMARK(SeedTrialFourFlemingHarringtonMaxCombo)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

// Normal and binary endpoints: a trial of 200 patients, 1:1, three looks at
// 100/150/200 patients with O'Brien-Fleming efficacy and non-binding
// Hwang-Shih-DeCani(-2) futility bounds. Target: at most 1 us per trial on
// one thread (each look draws the increment's sufficient statistics, so the
// cost does not grow with the patients). Run:
//   build/release/benchmarks/simulate_benchmark --benchmark_filter=Endpoint
gsd::simulate::Simulator endpoint_simulator(bool binary) {
  gsd::spending::DesignSpec spec;
  spec.information_fractions = {0.5, 0.75, 1.0};
  spec.futility = gsd::spending::FutilitySpec(gsd::spending::SpendingFunction::hwang_shih_decani(-2.0), false);
  const gsd::spending::Design design = gsd::spending::compute_design(spec);
  gsd::simulate::EndpointModel m;
  if (binary) {
    // Non-inferiority, margin -0.1 (Farrington-Manning variance).
    m.spec.type = gsd::endpoints::EndpointType::kBinary;
    m.spec.treatment_rate = 0.7;
    m.spec.control_rate = 0.7;
    m.spec.margin = -0.1;
  } else {
    m.spec.mean_difference = 0.4;  // t test
  }
  m.look_patients = gsd::simulate::endpoint_look_patients(design, 200);
  return gsd::simulate::Simulator(m, design);
}

void EndpointTrial(benchmark::State& state) {
  const gsd::simulate::Simulator sim = endpoint_simulator(state.range(0) == 1);
  std::int64_t first = 0;
  for (auto _ : state) {
    const gsd::simulate::SimulationTotals t = sim.run(first, kBatch, 1, 1);
    benchmark::DoNotOptimize(t.patients);
    first += kBatch;
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
  state.SetLabel(state.range(0) == 1 ? "binary" : "normal");
  state.counters["us_per_trial"] = benchmark::Counter(
      static_cast<double>(state.iterations() * kBatch) * 1e-6,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(EndpointTrial)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);

// The exact operating characteristics of a one-sample binary trial (the
// responder count enumerated over two looks, with non-binding futility):
// rate 0.49 against 0.33 at the patients given, up to the largest size
// taken, 20,000 patients (about 1 ms there); exact sizing calls a quarter of
// it once per size scanned. Run:
//   build/release/benchmarks/simulate_benchmark --benchmark_filter=ExactBinomial
void ExactBinomial(benchmark::State& state) {
  gsd::spending::DesignSpec spec;
  spec.information_fractions = {0.5, 1.0};
  spec.futility = gsd::spending::FutilitySpec(gsd::spending::SpendingFunction::hwang_shih_decani(-2.0), false);
  const gsd::spending::Design design = gsd::spending::compute_design(spec);
  gsd::simulate::EndpointModel m;
  m.spec.type = gsd::endpoints::EndpointType::kBinary;
  m.spec.groups = 1;
  m.spec.rate = 0.49;
  m.spec.margin = 0.33;
  m.look_patients = gsd::simulate::endpoint_look_patients(design, static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const gsd::simulate::ExactBinomial e = gsd::simulate::exact_one_sample_binary(m, design);
    benchmark::DoNotOptimize(e.power);
  }
}
BENCHMARK(ExactBinomial)->Arg(73)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
