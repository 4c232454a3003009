// Logarithms many at a time, as the simulator takes them (208 per array, about
// one seed trial's entry spacings): numerics::negative_logs (glibc's libmvec
// where the build has it) against Eigen's vectorised log, which the simulator
// used before. Per value: divide the time by 208.
//   build/release/benchmarks/logs_benchmark --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "gsd/numerics/vector_log.hpp"

namespace {

constexpr int kValues = 208;

// Uniforms (w + 1/2) 2^-32 from a multiplicative hash of the index.
std::vector<double> uniforms() {
  std::vector<double> u(kValues);
  for (int i = 0; i < kValues; ++i) {
    const std::uint32_t w = static_cast<std::uint32_t>(i) * 2654435761u;
    u[static_cast<std::size_t>(i)] = (w + 0.5) / 4294967296.0;
  }
  return u;
}

void NegativeLogs(benchmark::State& state) {
  const std::vector<double> u = uniforms();
  std::vector<double> out(u.size());
  for (auto _ : state) {
    gsd::numerics::negative_logs(u.data(), out.data(), u.size());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kValues);
}
BENCHMARK(NegativeLogs);

void EigenLog(benchmark::State& state) {
  const std::vector<double> u = uniforms();
  const Eigen::ArrayXd in = Eigen::Map<const Eigen::ArrayXd>(u.data(), kValues);
  Eigen::ArrayXd out(kValues);
  for (auto _ : state) {
    out = -in.log();
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kValues);
}
BENCHMARK(EigenLog);

}  // namespace

BENCHMARK_MAIN();
