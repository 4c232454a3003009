// The edges of what a design solves: the smallest alpha and beta (rpact
// 3.3.4's limits, refused below with a rule) and first looks at tiny
// information fractions, each against a closed form or rpact.
#include <gtest/gtest.h>

#include <cmath>

#include "expect_near_rel.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/spending/design.hpp"
#include "spending/design_spec_of.hpp"

namespace gsd::spending::design_limits_test {
namespace {

using specs::spec;

// Closed form, one look: drift = z(1 - alpha) + z(1 - beta) = 8.47244079427858
// at alpha = 1e-6, beta = 1e-4 (R 4.2 qnorm).
TEST(DesignLimits, OneLookAtTheSmallestAlphaAndBeta) {
  const Design d = compute_design(spec(1e-6, 1e-4, {1.0}, SpendingFunction::lan_demets_obrien_fleming()));
  EXPECT_TRUE(gsd::testing::near_rel(d.drift, 8.47244079427858, 1e-9));
  EXPECT_GE(d.inflation_factor, 1.0);
}

// rpact 3.3.4, getDesignGroupSequential(kMax = 3, alpha = 1e-6, beta = 1e-4,
// informationRates = c(0.5, 0.75, 1), typeOfDesign = "asP"):
// criticalValues 4.84909998230 5.02830702811 5.05638355762, shift^(1/2)
// 8.75795125509. gsd's bounds move by less than 1e-9 when grid_r goes from
// 12 to 48; rpact's own bound search stops about 2e-6 away at this edge,
// which sets the tolerance on the bounds.
TEST(DesignLimits, PocockSpendingAtTheSmallestAlphaAndBetaMatchesRpact) {
  const Design d =
      compute_design(spec(1e-6, 1e-4, {0.5, 0.75, 1.0}, SpendingFunction::lan_demets_pocock()));
  EXPECT_NEAR(d.efficacy[0], 4.84909998230, 3e-6);
  EXPECT_NEAR(d.efficacy[1], 5.02830702811, 3e-6);
  EXPECT_NEAR(d.efficacy[2], 5.05638355762, 3e-6);
  EXPECT_TRUE(gsd::testing::near_rel(d.drift, 8.75795125509, 1e-6));
}

TEST(DesignLimits, AlphaAndBetaBelowTheLimitsAreRefusedWithTheirRule) {
  for (const double alpha : {1e-300, 9.9e-7}) {
    try {
      (void)compute_design(spec(alpha, 0.2, {0.5, 1.0}, SpendingFunction::lan_demets_obrien_fleming()));
      FAIL() << "alpha " << alpha << " was accepted";
    } catch (const numerics::InvalidInput& e) {
      EXPECT_EQ(e.path(), numerics::FieldPath{"alpha"});
      EXPECT_NE(e.rule().find("below 1e-06"), std::string::npos) << e.rule();
    }
  }
  EXPECT_THROW((void)compute_design(spec(0.025, 1e-9, {1.0}, ClassicalBoundary::pocock())),
               numerics::InvalidInput);
  // The efficacy bounds alone are still solved below the limit (the repeated
  // p-value searches alpha down to 1e-12): z(1 - 1e-12) = 7.034484 at K = 1.
  EXPECT_NEAR(efficacy_bounds(spec(1e-12, 0.2, {1.0}, ClassicalBoundary::pocock()))[0],
              7.034483825301132, 1e-6);
}

// A first look at t1 -> 0 is independent of the final one. Pocock's constant
// c then solves 1 - (1 - Phi(-c))^2 = alpha: c = z(1 - (1 - sqrt(1 - alpha)))
// = 2.238964375652971 for alpha = 0.025, and power 1 - beta needs drift
// c - Phi^-1(beta / sqrt(1 - alpha)) = 3.071519376040814 (R 4.2 qnorm).
// rpact 3.3.4 gives c = 2.23894785885 at t1 = 1e-6.
TEST(DesignLimits, PocockWithAVanishingFirstLookIsTwoIndependentLooks) {
  const Design tiny = compute_design(spec(0.025, 0.2, {1e-12, 1.0}, ClassicalBoundary::pocock()));
  EXPECT_NEAR(tiny.efficacy[0], 2.238964375652971, 1e-6);
  EXPECT_NEAR(tiny.efficacy[1], 2.238964375652971, 1e-6);
  EXPECT_TRUE(gsd::testing::near_rel(tiny.drift, 3.071519376040814, 1e-6));
  const Design small = compute_design(spec(0.025, 0.2, {1e-6, 1.0}, ClassicalBoundary::pocock()));
  EXPECT_NEAR(small.efficacy[1], 2.23894785885, 1e-6);
}

// O'Brien-Fleming shapes spend nothing at a first look near t = 0, so the
// final bound is the fixed design's z(0.975) = 1.959963984540054 and the
// inflation factor is 1. These failed to bracket the drift (the power at the
// fixed drift came out 1e-10 above 1 - beta) and the classical constant.
TEST(DesignLimits, ObrienFlemingWithATinyFirstLookIsTheFixedDesign) {
  for (const double t1 : {1e-12, 1e-6, 1e-3, 1e-2}) {
    for (const EfficacyBoundary& f :
         {EfficacyBoundary(SpendingFunction::lan_demets_obrien_fleming()),
          EfficacyBoundary(ClassicalBoundary::obrien_fleming())}) {
      const Design d = compute_design(spec(0.025, 0.2, {t1, 1.0}, f));
      EXPECT_NEAR(d.efficacy[1], 1.959963984540054, 1e-6) << "t1 = " << t1;
      EXPECT_GE(d.inflation_factor, 1.0) << "t1 = " << t1;
      EXPECT_LT(d.inflation_factor, 1.0 + 1e-6) << "t1 = " << t1;
    }
  }
}

// The same at small alpha: with the first look at t = 0.01 the power at the
// fixed drift came out 3e-16 under 1 - beta (alpha 1e-5 and 1e-6) and the
// drift search stopped with "no bracket". Closed forms (R 4.2 qnorm): the
// final bound z(1 - alpha) and the drift z(1 - alpha) + z(0.8).
TEST(DesignLimits, ObrienFlemingWithATinyFirstLookAtSmallAlphaIsTheFixedDesign) {
  struct Case {
    double alpha, final_bound, drift;
  };
  for (const Case c : {Case{1e-6, 4.753424308817089, 5.595045542390004},
                       Case{1e-5, 4.264890793923840, 5.106512027496755},
                       Case{1e-4, 3.719016485455708, 4.560637719028623}}) {
    for (const double t1 : {1e-2, 2e-2}) {
      const Design d = compute_design(
          spec(c.alpha, 0.2, {t1, 1.0}, SpendingFunction::lan_demets_obrien_fleming()));
      EXPECT_NEAR(d.efficacy[1], c.final_bound, 1e-6) << c.alpha << " " << t1;
      EXPECT_TRUE(gsd::testing::near_rel(d.drift, c.drift, 1e-8)) << c.alpha << " " << t1;
      EXPECT_NEAR(d.power, 0.8, 1e-9) << c.alpha << " " << t1;
    }
  }
}

// The two-sided alpha's range [1e-6, 0.5) holds with a futility bound too:
// the beta-spending rule of a two-sided design solves its one-sided
// counterpart at alpha / 2, which the limit (on the two-sided total) must
// not refuse. Closed forms (Lan-DeMets O'Brien-Fleming per side at
// alpha / 2): the first bound is Phi^-1(1 - 2 (1 - Phi(z_{alpha/4} /
// sqrt(0.5)))), and the cumulative alpha at the final look is alpha.
TEST(DesignLimits, TwoSidedSmallestAlphaSolvesWithFutility) {
  for (const double alpha : {1e-6, 1.5e-6}) {
    DesignSpec s = spec(alpha, 0.2, {0.5, 1.0}, SpendingFunction::lan_demets_obrien_fleming());
    s.sided = Sidedness::kTwoSidedSymmetric;
    s.futility = FutilitySpec(SpendingFunction::lan_demets_obrien_fleming(), false);
    const Design d = compute_design(s);
    const double first = 2.0 * numerics::normal_upper_tail(numerics::normal_upper_quantile(alpha / 4.0) / std::sqrt(0.5));
    EXPECT_TRUE(gsd::testing::near_rel(d.efficacy[0], numerics::normal_upper_quantile(first), 1e-6)) << alpha;
    EXPECT_TRUE(gsd::testing::near_rel(d.cumulative_alpha().back(), alpha, 1e-6)) << alpha;
    ASSERT_TRUE(d.futility[0]) << alpha;
  }
}

}  // namespace
}  // namespace gsd::spending::design_limits_test
