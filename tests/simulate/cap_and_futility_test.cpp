// The calendar cap (final analysis with the events observed, bound spending
// the alpha left) and non-binding futility (stops the simulated trial, but
// not the alpha count).
#include <gtest/gtest.h>

#include <cmath>

#include "monte_carlo_bounds.hpp"
#include "seed_model.hpp"

namespace gsd::simulate::cap_and_futility_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

constexpr std::int64_t kReplicates = 40000 / testing::kReplicateScale;

using ::gsd::testing::binomial_se;

TEST(Cap, TightCapKeepsTheTypeIErrorAtAlpha) {
  // Under the null, a cap at month 36 (end of accrual) cuts many trials short;
  // the recomputed final bounds still spend exactly alpha = 0.05 (two-sided).
  const TrialModel null_model = testing::seed_model(0.40, 1.0);
  const Design design = compute_design(testing::seed_design_spec());
  const Simulator sim(null_model, design, make_look_plan(design, 94), 36.0);
  SimulationOptions o;
  o.replicates = kReplicates;
  o.seed = 4;
  o.threads = 2;
  const SimulationResult r = run_simulation(sim, o);
  EXPECT_GT(r.capped_fraction, 0.4);
  double rejected = 0.0;
  for (std::size_t k = 0; k < 3; ++k) rejected += r.reject_per_look[k] + r.reject_lower_per_look[k];
  EXPECT_NEAR(rejected, 0.05, 4.0 * binomial_se(0.05, kReplicates));
  EXPECT_LE(r.expected_duration, 36.0 + 1e-9);
}

TEST(Cap, CappedLooksAreMarkedAndUseTheObservedEvents) {
  const TrialModel model = testing::seed_model();
  const Design design = compute_design(testing::seed_design_spec());
  const LookPlan plan = make_look_plan(design, 94);
  const Simulator sim(model, design, plan, 45.0);
  // The capped final analysis uses the bound that spends the remaining alpha
  // at the observed events (tested against rpact in look_plan_test).
  const CappedFinalBounds final_bounds(design, plan);
  int capped = 0;
  for (std::int64_t i = 0; i < 300; ++i) {
    const auto looks = sim.looks(8, i);
    const LookRecord& last = looks.back();
    if (!last.capped) continue;
    ++capped;
    EXPECT_DOUBLE_EQ(last.calendar_time, 45.0);
    EXPECT_LT(last.events, 94);
    EXPECT_NE(last.decision, Decision::kContinue);
    EXPECT_DOUBLE_EQ(last.efficacy_z, final_bounds.bound(last.events));
  }
  EXPECT_GT(capped, 30);
}

TEST(Cap, DefaultCapIsAccrualPlusLongest99thPercentile) {
  // Control median 7: 99th percentile 7 log(100) / log 2 = 46.51; treatment
  // median 7 / 0.63 = 11.11: 73.83. Accrual 36 months.
  const double expected = 36.0 + 7.0 / 0.63 * std::log(100.0) / std::log(2.0);
  EXPECT_NEAR(default_max_duration(testing::seed_model()), expected, 1e-9);
}

DesignSpec one_sided_with_futility() {
  DesignSpec spec;
  spec.alpha = 0.025;
  spec.beta = 0.2;
  spec.information_fractions = {0.5, 0.75, 1.0};
  FutilitySpec f;
  f.spending = SpendingFunction::hwang_shih_decani(-2.0);
  f.binding = false;
  spec.futility = f;
  return spec;
}

TEST(Futility, NonBindingFutilityDoesNotBindTheAlphaCount) {
  const TrialModel null_model = testing::seed_model(0.40, 1.0);
  const Simulator sim = testing::seed_simulator(null_model, one_sided_with_futility());
  SimulationOptions o;
  o.replicates = kReplicates;
  o.seed = 12;
  o.threads = 2;
  const SimulationResult r = run_simulation(sim, o);
  const Design d = compute_design(one_sided_with_futility());
  // With futility ignored, rejection per look = the design's spent alpha.
  for (std::size_t k = 0; k < 3; ++k) {
    const double spent = d.null.upper[k];
    EXPECT_NEAR(r.reject_per_look_ignoring_futility[k], spent,
                4.0 * binomial_se(spent, kReplicates))
        << "look " << k + 1;
  }
  EXPECT_NEAR(r.power_ignoring_futility, 0.025, 4.0 * binomial_se(0.025, kReplicates));
  // Obeying futility stops most null trials early and rejects less.
  EXPECT_LE(r.power, r.power_ignoring_futility);
  EXPECT_GT(r.futility_per_look[0] + r.futility_per_look[1], 0.3);
  EXPECT_DOUBLE_EQ(r.futility_per_look[2], 0.0);  // no futility bound at the final look
}

TEST(Futility, EveryReplicateStopsExactlyOnce) {
  // Each trial ends once: an interim stop (efficacy or futility) or the final
  // analysis. Under the design's alternative with beta-spending futility both
  // kinds of interim stop occur, some trials reach the final look, and each
  // trial contributes exactly one hazard-ratio estimate at its stop.
  const Simulator sim = testing::seed_simulator(testing::seed_model(), one_sided_with_futility());
  const SimulationTotals t = sim.run(0, 5000, 3, 2);
  std::int64_t efficacy_early = 0;
  std::int64_t futility_early = 0;
  for (std::size_t k = 0; k + 1 < 3; ++k) {
    efficacy_early += t.reject_upper[k];
    futility_early += t.futility[k];
  }
  EXPECT_GT(efficacy_early, 0);
  EXPECT_GT(futility_early, 0);
  EXPECT_LT(efficacy_early + futility_early, t.replicates);
  EXPECT_EQ(t.log_hazard_ratio.total(), t.replicates);
}

}  // namespace
}  // namespace gsd::simulate::cap_and_futility_test
