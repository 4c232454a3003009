// Monitoring: everything a committee gets at one look (bound at the observed
// information, repeated CI and p-value, conditional power at three effects,
// predictive power) and the stage-wise inference after a stop. For scale,
// rpact 3.3.4 getAnalysisResults takes 0.78 s of CPU for the seed look on this
// machine class (system.time over 5 calls); gsd's target is 100x faster, 8 ms.
#include <benchmark/benchmark.h>

#include "gsd/monitoring/monitor.hpp"

namespace {

gsd::monitoring::MonitoringPlan seed_plan() {
  gsd::monitoring::MonitoringPlan plan;
  plan.design.alpha = 0.025;
  plan.design.beta = 0.16;
  plan.design.information_fractions = {0.5, 0.75, 1.0};
  plan.planned_events = 94.0;
  plan.assumed_hazard_ratio = 0.63;
  return plan;
}

void BM_MonitorSeedLook(benchmark::State& state) {
  const auto plan = seed_plan();
  const std::vector<gsd::monitoring::ObservedLook> looks{{49.0, 2.0, false}};
  for (auto _ : state) benchmark::DoNotOptimize(gsd::monitoring::monitor(plan, looks));
}
BENCHMARK(BM_MonitorSeedLook)->Unit(benchmark::kMillisecond);

void BM_MonitorStopAtSecondLook(benchmark::State& state) {
  const auto plan = seed_plan();
  const std::vector<gsd::monitoring::ObservedLook> looks{{49.0, 2.0, false}, {71.0, 2.6, false}};
  for (auto _ : state) benchmark::DoNotOptimize(gsd::monitoring::monitor(plan, looks));
}
BENCHMARK(BM_MonitorStopAtSecondLook)->Unit(benchmark::kMillisecond);

void BM_ScheduleAtLook(benchmark::State& state) {
  const auto plan = seed_plan();
  const std::vector<double> events{49.0, 71.0};
  for (auto _ : state) {
    benchmark::DoNotOptimize(gsd::monitoring::schedule_at_look(plan, events, false));
  }
}
BENCHMARK(BM_ScheduleAtLook)->Unit(benchmark::kMillisecond);

// The current look's bounds alone, as a simulated trial recomputes them at
// each look (the looks so far only, no cumulative alpha): the same history.
void BM_BoundsAtLook(benchmark::State& state) {
  const auto plan = seed_plan();
  const std::vector<double> events{49.0, 71.0};
  for (auto _ : state) {
    benchmark::DoNotOptimize(gsd::monitoring::bounds_at_look(plan, events, false));
  }
}
BENCHMARK(BM_BoundsAtLook)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
