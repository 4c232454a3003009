// The data behind a design's plots (gsd::design_plot_data), for the seed
// trial with its 3 looks and with 25 equally spaced looks: the bounds, the
// spending and survival curves, and the power at 41 hazard ratios, each an
// event-driven power of the whole plan (the part that grows with the looks).
// The design itself is solved once, outside the timing.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "gsd/design.hpp"
#include "gsd/load.hpp"
#include "gsd/plot_data.hpp"

namespace {

gsd::DesignResult seed_design(int looks) {
  std::ifstream in(GSD_SEED_CONFIG);
  nlohmann::json config = nlohmann::json::parse(in);
  if (looks != 3) {
    std::vector<double> fractions;
    for (int k = 1; k <= looks; ++k) fractions.push_back(static_cast<double>(k) / looks);
    config["design"]["information_fractions"] = fractions;
  }
  return gsd::design_trial(gsd::load_trial(config));
}

void BM_DesignPlotData(benchmark::State& state) {
  const gsd::DesignResult result = seed_design(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(gsd::design_plot_data(result, 200));
}

BENCHMARK(BM_DesignPlotData)->Arg(3)->Arg(25)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
