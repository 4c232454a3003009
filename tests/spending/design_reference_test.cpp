// Reference values from docs/validation.md: rpact 3.3.4,
// getDesignGroupSequential(). rpact prints 7 significant digits, so z bounds
// are compared to 1e-6 absolute (the project's accuracy target, and the last
// printed digit) and cumulative alpha to 1e-8 absolute (its printed digits).
#include <gtest/gtest.h>

#include <cmath>

#include "expect_near_rel.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::spending::design_reference_test {
using namespace gsd::numerics;  // NOLINT: the layers below
namespace {

constexpr double kZTol = 1e-6;
constexpr double kAlphaTol = 1e-8;

DesignSpec obf(std::vector<double> t) {
  DesignSpec s;
  s.alpha = 0.025;
  s.information_fractions = std::move(t);
  s.efficacy = SpendingFunction::lan_demets_obrien_fleming();
  return s;
}

TEST(DesignReference, LanDeMetsObfHalfThreeQuarters) {
  // rpact 3.3.4 asOF, informationRates c(0.5, 0.75, 1).
  const Design d = compute_design(obf({0.5, 0.75, 1.0}));
  EXPECT_NEAR(d.efficacy[0], 2.962588, kZTol);
  EXPECT_NEAR(d.efficacy[1], 2.359018, kZTol);
  EXPECT_NEAR(d.efficacy[2], 2.014084, kZTol);
  const auto alpha = d.cumulative_alpha();
  EXPECT_NEAR(alpha[0], 0.00152532, kAlphaTol);
  EXPECT_NEAR(alpha[1], 0.00964932, kAlphaTol);
  EXPECT_NEAR(alpha[2], 0.025, kAlphaTol);
  // Two-sided nominal p 0.00305065, 0.0183234, 0.0440007 (rpact prints 6 digits).
  EXPECT_NEAR(2.0 * normal_upper_tail(d.efficacy[0]), 0.00305065, 1e-8);
  EXPECT_NEAR(2.0 * normal_upper_tail(d.efficacy[1]), 0.0183234, 1e-7);
  EXPECT_NEAR(2.0 * normal_upper_tail(d.efficacy[2]), 0.0440007, 1e-7);
}

TEST(DesignReference, TwoSidedSymmetricMatchesOneSidedAtHalfAlpha) {
  // rpact's sided = 2 at alpha 0.05 spends 0.025 per side: same bounds.
  DesignSpec s = obf({0.5, 0.75, 1.0});
  s.alpha = 0.05;
  s.sided = Sidedness::kTwoSidedSymmetric;
  const Design d = compute_design(s);
  EXPECT_NEAR(d.efficacy[0], 2.962588, kZTol);
  EXPECT_NEAR(d.efficacy[1], 2.359018, kZTol);
  EXPECT_NEAR(d.efficacy[2], 2.014084, kZTol);
  EXPECT_NEAR(d.cumulative_alpha()[0], 2 * 0.00152532, 2 * kAlphaTol);
  EXPECT_NEAR(d.cumulative_alpha()[2], 0.05, kAlphaTol);
}

TEST(DesignReference, SeedActualLookAt49Of94) {
  // rpact 3.3.4 asOF, informationRates c(49/94, 0.75, 1).
  const Design d = compute_design(obf({49.0 / 94.0, 0.75, 1.0}));
  EXPECT_NEAR(d.efficacy[0], 2.893268, kZTol);
  EXPECT_NEAR(d.efficacy[1], 2.363669, kZTol);
  EXPECT_NEAR(d.efficacy[2], 2.014522, kZTol);
  EXPECT_NEAR(2.0 * normal_upper_tail(d.efficacy[0]), 0.00381256, 1e-8);
}

TEST(DesignReference, SeedActualLookThenFinal) {
  // rpact 3.3.4 asOF, informationRates c(49/94, 1).
  const Design d = compute_design(obf({49.0 / 94.0, 1.0}));
  EXPECT_NEAR(d.efficacy[0], 2.893268, kZTol);
  EXPECT_NEAR(d.efficacy[1], 1.970686, kZTol);
}

TEST(DesignReference, TenEquallySpacedLooks) {
  // rpact 3.3.4 asOF, kMax = 10.
  std::vector<double> t;
  for (int k = 1; k <= 10; ++k) t.push_back(k / 10.0);
  const Design d = compute_design(obf(t));
  const double expected[] = {6.991352, 4.876885, 3.929682, 3.367079, 2.989330,
                             2.714809, 2.504077, 2.335829, 2.197503, 2.081176};
  for (std::size_t k = 0; k < 10; ++k) EXPECT_NEAR(d.efficacy[k], expected[k], kZTol) << k;
}

TEST(DesignReference, FiveLooksWithHsdBetaSpendingNonBinding) {
  // rpact 3.3.4 asOF, kMax = 5, beta = 0.1, typeBetaSpending = "bsHSD",
  // gammaB = -2, bindingFutility = FALSE.
  DesignSpec s = obf({0.2, 0.4, 0.6, 0.8, 1.0});
  s.beta = 0.1;
  s.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), false};
  const Design d = compute_design(s);
  const double eff[] = {4.876885, 3.357012, 2.680280, 2.289817, 2.031032};
  const double fut[] = {-0.90258246, -0.03811207, 0.69277711, 1.35754611};
  for (std::size_t k = 0; k < 5; ++k) EXPECT_NEAR(d.efficacy[k], eff[k], kZTol) << k;
  for (std::size_t k = 0; k < 4; ++k) {
    ASSERT_TRUE(d.futility[k].has_value());
    EXPECT_NEAR(*d.futility[k], fut[k], kZTol) << k;
  }
  EXPECT_FALSE(d.futility[4].has_value());
  // Power is re-integrated on a fresh grid: agreement to the integration's
  // accuracy (5e-9, tests/integration) confirms the drift solve.
  EXPECT_NEAR(d.power, 0.9, 5e-9);
}

// The chance of a futility stop at each look under H0, every bound obeyed:
// rpact 3.3.4's futilityPerStage of getPowerAndAverageSampleNumber(theta = 0)
// (tests/reference/rpact_futility_under_null.R). Both sides integrate the
// same regions with their own grids; 1e-7 is the tolerance of the project's
// other crossing probabilities against rpact, far above either grid's error
// (5e-9) and far below the 4th decimal that the design table prints.
TEST(DesignReference, FutilityStopsUnderNullMatchRpact) {
  constexpr double kProbabilityTol = 1e-7;
  struct Case {
    std::vector<double> t;
    double beta;
    double gamma;
    bool binding;
    std::vector<double> expected;
  };
  const Case cases[] = {
      {{0.33, 0.67, 1.0}, 0.1, -2.0, false, {0.398794357833, 0.437894402000}},
      {{0.25, 0.5, 0.75, 1.0}, 0.2, -2.0, true, {0.271189231179, 0.372638114478, 0.240575181978}},
      {{0.5, 1.0}, 0.15, 1.0, false, {0.832443956961}},
  };
  for (const Case& c : cases) {
    DesignSpec s = obf(c.t);
    s.beta = c.beta;
    s.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(c.gamma), c.binding};
    const Design d = compute_design(s);
    const std::vector<double> h0 = futility_crossings_under_null(d);
    ASSERT_EQ(h0.size(), c.t.size());
    for (std::size_t k = 0; k < c.expected.size(); ++k) {
      EXPECT_NEAR(h0[k], c.expected[k], kProbabilityTol) << "gamma " << c.gamma << " look " << k + 1;
    }
    EXPECT_NEAR(h0.back(), 0.0, 1e-15);  // the final look has no futility bound
  }
  // Without a futility bound there is nothing to give.
  EXPECT_TRUE(futility_crossings_under_null(compute_design(obf({0.5, 1.0}))).empty());
}

TEST(DesignReference, ClassicalObrienFlemingThreeLooks) {
  // rpact 3.3.4 typeOfDesign = "OF", kMax = 3, alpha = 0.025.
  DesignSpec s = obf({1.0 / 3.0, 2.0 / 3.0, 1.0});
  s.efficacy = ClassicalBoundary::obrien_fleming();
  const Design d = compute_design(s);
  EXPECT_NEAR(d.efficacy[0], 3.4710914, kZTol);
  EXPECT_NEAR(d.efficacy[1], 2.4544323, kZTol);
  EXPECT_NEAR(d.efficacy[2], 2.0040356, kZTol);
}

}  // namespace
}  // namespace gsd::spending::design_reference_test
