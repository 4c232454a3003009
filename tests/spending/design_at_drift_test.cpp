// A design recomputed at the information actually planned, at a given drift
// (gsDesign's gsDesign(n.I = , maxn.IPlan = ), which toInteger calls): the
// whole-number plan of 47, 71 and 94 events for looks planned at 0.5, 0.75
// and 1 of 93.4 events. Reference values from the committed generator
// tests/reference/integer_plan.R: efficacy bounds from rpact 3.3.4 at the
// whole-event fractions, beta-spending futility bounds and the power at the
// scaled drift from mvtnorm's bivariate and trivariate normal integrals
// (Miwa, checked against Genz-Bretz at 1e-10), printed to 10 decimals.
#include <gtest/gtest.h>

#include <cmath>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::spending::design_at_drift_test {
namespace {

constexpr double kZTol = 1e-7;
// rpact 3.3.4: getDesignGroupSequential(typeOfDesign = "asOF",
// typeBetaSpending = "bsOF", informationRates = c(.5, .75, 1)), sqrt(shift).
constexpr double kContinuousDrift = 2.98238737379;

DesignSpec planned(std::vector<double> fractions) {
  DesignSpec s;
  s.alpha = 0.025;
  s.beta = 0.2;
  s.information_fractions = std::move(fractions);
  s.futility = FutilitySpec(SpendingFunction::lan_demets_obrien_fleming(), false);
  return s;
}

TEST(DesignAtDrift, ContinuousDesignMatchesRpact) {
  const Design d = compute_design(planned({0.5, 0.75, 1.0}));
  EXPECT_NEAR(d.drift, kContinuousDrift, kZTol);
  EXPECT_NEAR(d.efficacy[1], 2.3590177074, kZTol);
  EXPECT_NEAR(*d.futility[0], 0.6325263792, kZTol);
  EXPECT_NEAR(*d.futility[1], 1.4041542015, kZTol);
}

TEST(DesignAtDrift, WholeEventsMatchRpactAndMvtnorm) {
  const double drift = kContinuousDrift * std::sqrt(94.0 / 93.4);
  const Design d = design_at_drift(planned({47.0 / 94.0, 71.0 / 94.0, 1.0}), drift);
  EXPECT_NEAR(d.drift, 2.9919514412, 1e-9);
  const std::vector<double> efficacy{2.9625880427, 2.3486838862, 2.0154791996};
  for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(d.efficacy[k], efficacy[k], kZTol) << k;
  ASSERT_TRUE(d.futility[0] && d.futility[1]);
  EXPECT_FALSE(d.futility[2].has_value());
  EXPECT_NEAR(*d.futility[0], 0.6392891991, kZTol);
  EXPECT_NEAR(*d.futility[1], 1.4285976317, kZTol);
  // Power at more information than planned exceeds 1 - beta; the final
  // bounds no longer meet.
  EXPECT_NEAR(d.power, 0.8013065798, 1e-8);
}

// At the drift compute_design solved, the bounds are compute_design's, for
// each kind of futility bound and for a harm bound.
TEST(DesignAtDrift, SolvedDriftGivesTheSolvedDesign) {
  std::vector<DesignSpec> specs;
  specs.push_back(planned({0.3, 0.6, 1.0}));
  DesignSpec binding = planned({0.3, 0.6, 1.0});
  binding.futility->binding = true;
  specs.push_back(binding);
  DesignSpec none = planned({0.3, 0.6, 1.0});
  none.futility.reset();
  specs.push_back(none);
  DesignSpec cp = planned({0.3, 0.6, 1.0});
  cp.futility->rule = FutilityRule::kConditionalPower;
  cp.futility->parameter = 0.1;
  cp.futility->binding = true;
  specs.push_back(cp);
  DesignSpec harm = none;
  harm.harm = HarmSpec{SpendingFunction::lan_demets_obrien_fleming(), 0.005, false};
  specs.push_back(harm);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const Design solved = compute_design(specs[i]);
    const Design again = design_at_drift(specs[i], solved.drift);
    EXPECT_NEAR(again.power, 0.8, 1e-8) << "spec " << i;
    for (std::size_t k = 0; k < 3; ++k) {
      EXPECT_NEAR(again.efficacy[k], solved.efficacy[k], 1e-10) << "spec " << i << " look " << k;
      EXPECT_EQ(again.futility[k].has_value(), solved.futility[k].has_value());
      if (solved.futility[k]) {
        EXPECT_NEAR(*again.futility[k], *solved.futility[k], 1e-10);
      }
      if (solved.harm[k]) {
        EXPECT_NEAR(*again.harm[k], *solved.harm[k], 1e-10);
      }
    }
  }
}

TEST(DesignAtDrift, RefusesADriftThatIsNotPositive) {
  EXPECT_THROW((void)design_at_drift(planned({0.5, 1.0}), 0.0), std::invalid_argument);
  EXPECT_THROW((void)design_at_drift(planned({0.5, 1.0}), std::nan("")), std::invalid_argument);
}

}  // namespace
}  // namespace gsd::spending::design_at_drift_test
