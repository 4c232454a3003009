// Speed of a full survival solve (target: under 50 ms each), for the seed
// plan of docs/validation.md: each solve mode, starting from the parsed spec and
// the solved design, ending with the rounded plan and its power.
#include <benchmark/benchmark.h>

#include "gsd/survival/sample_size.hpp"

namespace {

using namespace gsd::survival;

SurvivalSpec seed_plan() {
  SurvivalSpec spec;
  spec.control = CureModel(0.40, Latency::exponential_median(7.0));
  spec.treatment = CureModel(0.562, spec.control.latency()).with_hazard_ratio_noncured(0.63);
  spec.accrual = Accrual::uniform(36.0);
  return spec;
}

gsd::spending::Design seed_design() {
  gsd::spending::DesignSpec d;
  d.alpha = 0.05;
  d.sided = gsd::spending::Sidedness::kTwoSidedSymmetric;
  d.beta = 0.16;
  d.information_fractions = {0.5, 0.75, 1.0};
  return gsd::spending::compute_design(d);
}

void run(benchmark::State& state, SurvivalSpec spec) {
  for (auto _ : state) {
    // The design is part of a full solve from the config.
    const gsd::spending::Design design = seed_design();
    benchmark::DoNotOptimize(solve_survival(spec, design));
  }
}

void BM_PowerFromPatientsAndEvents(benchmark::State& state) {
  SurvivalSpec spec = seed_plan();
  spec.patients = 202;
  spec.events = 94;
  run(state, spec);
}

void BM_PatientsFromPower(benchmark::State& state) {
  SurvivalSpec spec = seed_plan();
  spec.power = 0.84;
  spec.follow_up = 14.8;
  run(state, spec);
}

void BM_EventsFromPower(benchmark::State& state) {
  SurvivalSpec spec = seed_plan();
  spec.power = 0.84;
  spec.patients = 202;
  run(state, spec);
}

void BM_PatientsFromPowerWeibullRampUpDropout(benchmark::State& state) {
  SurvivalSpec spec;
  spec.control = CureModel(0.3, Latency::weibull(1.3, 12.0));
  spec.treatment = CureModel(0.45, spec.control.latency().with_hazard_ratio(0.7));
  spec.accrual = Accrual::piecewise({6.0, 24.0}, {1.0, 3.0});
  spec.dropout_control = 0.01;
  spec.dropout_treatment = 0.01;
  spec.allocation_ratio = 2.0;
  spec.power = 0.8;
  spec.follow_up = 12.0;
  run(state, spec);
}

BENCHMARK(BM_PowerFromPatientsAndEvents)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PatientsFromPower)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EventsFromPower)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PatientsFromPowerWeibullRampUpDropout)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
