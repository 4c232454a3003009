// Thread scaling of batches (gsd::run_batch): the 120-design batch of the
// README's speed table (100 LD-OBF K = 5 designs and 20 with HSD(-2)
// non-binding beta-spending futility at beta 0.1) and 8 scenarios of the seed
// trial (2,000 replicates each), on 1 and 2 threads, and the design batch
// eight times over (960 designs, a sweep where what a batch costs besides its
// lines is spread over more of them), with the results handed
// back as text (text:1, the command line's way: each line's JSON written on
// the thread that ran it) or as JSON trees (text:0). Wall-clock time: the
// ratio of the 1- and 2-thread rows is the scaling (target 1.8x on 2 threads).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "gsd/batch.hpp"

namespace {

std::string design_batch(int copies = 1) {
  std::string text;
  for (int i = 0; i < 120 * copies; ++i) {
    const int k = i % 120;
    const double beta = k < 100 ? 0.05 + 0.002 * k : 0.1;
    text += "{\"design\": {\"beta\": " + std::to_string(beta) +
            ", \"information_fractions\": [0.2, 0.4, 0.6, 0.8, 1]";
    if (k >= 100) text += ", \"futility\": {\"spending\": \"hsd\", \"parameter\": -2}";
    text += "}}\n";
  }
  return text;
}

std::string scenario_batch() {
  std::ifstream in(GSD_SEED_CONFIG);
  std::string seed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (char& c : seed) {
    if (c == '\n') c = ' ';
  }
  std::string text;
  for (int i = 0; i < 8; ++i) text += seed + "\n";
  return text;
}

// range(0): threads; range(1): 1 to hand results back as text (what the
// command line writes), 0 as JSON trees.
void run(benchmark::State& state, const std::string& text, gsd::Command command) {
  gsd::BatchOptions options;
  options.threads = static_cast<int>(state.range(0));
  options.text = state.range(1) != 0;
  options.request.replicates = 2000;
  std::size_t lines = 0;
  for (auto _ : state) {
    std::istringstream in(text);
    gsd::run_batch(in, "bench", command, options, [&](const gsd::BatchLine& line) {
      benchmark::DoNotOptimize(line.result);
      benchmark::DoNotOptimize(line.text);
      ++lines;
    });
  }
  state.counters["lines"] = benchmark::Counter(static_cast<double>(lines),
                                               benchmark::Counter::kIsRate);
}

void BM_DesignBatch120(benchmark::State& state) {
  static const std::string text = design_batch();
  run(state, text, gsd::Command::kDesign);
}
BENCHMARK(BM_DesignBatch120)
    ->ArgsProduct({{1, 2}, {1, 0}})
    ->ArgNames({"threads", "text"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_DesignBatch960(benchmark::State& state) {
  static const std::string text = design_batch(8);
  run(state, text, gsd::Command::kDesign);
}
BENCHMARK(BM_DesignBatch960)
    ->ArgsProduct({{1, 2}, {1}})
    ->ArgNames({"threads", "text"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_SimulateBatch8x2000(benchmark::State& state) {
  static const std::string text = scenario_batch();
  run(state, text, gsd::Command::kSimulate);
}
BENCHMARK(BM_SimulateBatch8x2000)
    ->ArgsProduct({{1, 2}, {1, 0}})
    ->ArgNames({"threads", "text"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
