// Design solve times (CPU time per design, one thread). rpact 3.3.4's
// getDesignCharacteristics(getDesignGroupSequential(...)) on this machine
// class takes 57 ms for K = 5 LD-OBF, 454 ms for K = 5 with HSD(-2)
// beta-spending futility and 315 ms for K = 10 LD-OBF (docs/speed.md); the
// target for K = 5 LD-OBF with its drift is 0.15 ms or less. The whole-process
// comparison, start-up and JSON included, is benchmarks/compare_rpact.sh.
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "gsd/endpoints/simon_two_stage.hpp"
#include "gsd/spending/design.hpp"

namespace {

gsd::spending::DesignSpec equally_spaced(int k) {
  gsd::spending::DesignSpec s;
  s.alpha = 0.025;
  s.beta = 0.2;
  s.information_fractions.clear();
  for (int i = 1; i <= k; ++i) s.information_fractions.push_back(static_cast<double>(i) / k);
  return s;
}

void BM_LanDeMetsObf_K5(benchmark::State& state) {
  const gsd::spending::DesignSpec s = equally_spaced(5);
  for (auto _ : state) benchmark::DoNotOptimize(gsd::spending::compute_design(s));
}
BENCHMARK(BM_LanDeMetsObf_K5)->Unit(benchmark::kMillisecond);

void BM_LanDeMetsObf_HsdFutility_K5(benchmark::State& state) {
  gsd::spending::DesignSpec s = equally_spaced(5);
  s.beta = 0.1;
  s.futility = gsd::spending::FutilitySpec{gsd::spending::SpendingFunction::hwang_shih_decani(-2.0), false};
  for (auto _ : state) benchmark::DoNotOptimize(gsd::spending::compute_design(s));
}
BENCHMARK(BM_LanDeMetsObf_HsdFutility_K5)->Unit(benchmark::kMillisecond);

void BM_LanDeMetsObf_K10(benchmark::State& state) {
  const gsd::spending::DesignSpec s = equally_spaced(10);
  for (auto _ : state) benchmark::DoNotOptimize(gsd::spending::compute_design(s));
}
BENCHMARK(BM_LanDeMetsObf_K10)->Unit(benchmark::kMillisecond);

void BM_ExitProbabilities_K5(benchmark::State& state) {
  const gsd::spending::Design d = gsd::spending::compute_design(equally_spaced(5));
  const std::vector<double> means = gsd::numerics::means_for_drift(d.spec.information_fractions, d.drift);
  for (auto _ : state) benchmark::DoNotOptimize(gsd::spending::evaluate(d, means));
}
BENCHMARK(BM_ExitProbabilities_K5)->Unit(benchmark::kMicrosecond);

// Simon's two-stage search over every design up to the bound (the argument),
// for p0 0.2 against p1 0.3, alpha 0.05, beta 0.1, whose optimal design has
// 184 patients: the bound 100 finds none (every n is searched in full), 200
// and 500 find it. The search's work grows as the fourth power of the bound.
void BM_SimonTwoStage(benchmark::State& state) {
  gsd::endpoints::SimonSpec spec;
  spec.null_rate = 0.2;
  spec.alternative_rate = 0.3;
  spec.alpha = 0.05;
  spec.beta = 0.1;
  spec.max_patients = static_cast<int>(state.range(0));
  for (auto _ : state) {
    try {
      benchmark::DoNotOptimize(gsd::endpoints::simon_two_stage(spec).optimal.n);
    } catch (const std::invalid_argument&) {
      // No design within 100 patients: the full search is still timed.
    }
  }
}
BENCHMARK(BM_SimonTwoStage)->Arg(100)->Arg(200)->Arg(500)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
