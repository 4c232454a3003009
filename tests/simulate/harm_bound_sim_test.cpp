// The simulator stops at a harm bound (stop-harm): with no effect and the
// control arm better, the simulated probability of stopping for harm equals
// the design's harm crossing probability within Monte Carlo error plus the
// log-rank approximation error bound of analytic_agreement_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numeric>
#include <span>

#include "gsd/simulate/simulator.hpp"
#include "gsd/simulate/trial_model.hpp"
#include "gsd/survival/logrank_drift.hpp"
#include "seed_model.hpp"

namespace gsd::simulate::harm_bound_sim_test {
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

using survival::Accrual;
using survival::CureModel;
using survival::Latency;
using survival::SurvivalSpec;

constexpr double kApproximationError = 0.008;
constexpr std::int64_t kReplicates = 20000 / testing::kReplicateScale;

TEST(HarmBoundSimulation, NoEffectSpendsTheHarmAlpha) {
  SurvivalSpec s;
  s.control = CureModel(0.0, Latency::exponential_median(12.0));
  s.treatment = CureModel(0.0, Latency::exponential_median(12.0));
  s.accrual = Accrual::uniform(24.0);
  DesignSpec spec;
  spec.alpha = 0.05;
  spec.information_fractions = {0.5, 0.75, 1.0};
  spec.harm = HarmSpec{SpendingFunction::lan_demets_pocock(), 0.025, false};
  const Design design = compute_design(spec);
  const TrialModel model = trial_model(s, 300);
  const Simulator sim(model, design, make_look_plan(design, 150), default_max_duration(model));
  SimulationOptions o;
  o.replicates = kReplicates;
  o.seed = 11;
  o.threads = 2;
  // The replicates' own looks, counted apart from the simulator's totals.
  std::int64_t harm_stops = 0;
  std::int64_t seen = 0;
  RunControl control;
  control.replicate_sink = [&](std::int64_t, std::span<const LookRecord> looks) {
    ++seen;
    if (!looks.empty() && looks.back().decision == Decision::kStopHarm) ++harm_stops;
  };
  const SimulationResult r = run_simulation(sim, o, control);
  ASSERT_EQ(seen, r.replicates);
  const double harm = std::accumulate(r.reject_lower_per_look.begin(), r.reject_lower_per_look.end(), 0.0);
  const double analytic = std::accumulate(design.harm_null.begin(), design.harm_null.end(), 0.0);
  const double se = std::sqrt(analytic * (1.0 - analytic) / static_cast<double>(r.replicates));
  EXPECT_NEAR(harm, analytic, kApproximationError + 4.0 * se);
  // The total is the fraction of replicates that stopped for harm, and the
  // per-look fractions' sum but for their rounding (three terms, each within
  // half an ulp).
  EXPECT_GT(harm_stops, 0);
  EXPECT_DOUBLE_EQ(r.reject_lower, static_cast<double>(harm_stops) / static_cast<double>(r.replicates));
  EXPECT_NEAR(r.reject_lower, harm, 1e-15);
  // Looks beyond the first stop for harm too (Pocock spends at every look).
  EXPECT_GT(r.reject_lower_per_look[0], 0.0);
}

}  // namespace
}  // namespace gsd::simulate::harm_bound_sim_test
