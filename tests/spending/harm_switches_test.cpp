// Per-look harm switches (design.harm_stops): a look without a harm bound
// spends no harm alpha and carries it to the next look that has one
// (gsDesign's testLower). Two looks at 0.5 and 1, efficacy Lan-DeMets
// O'Brien-Fleming at 0.025, a non-binding Lan-DeMets O'Brien-Fleming harm
// bound of 0.01; reference values from mvtnorm's bivariate normal (Miwa),
// generator tests/reference/harm_switches.R, printed to 10 decimals.
#include <gtest/gtest.h>

#include <numeric>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::spending::harm_switches_test {
namespace {

constexpr double kZTol = 1e-7;

DesignSpec harm_design(std::vector<bool> stops) {
  DesignSpec s;
  s.alpha = 0.035;
  s.information_fractions = {0.5, 1.0};
  s.harm = HarmSpec{SpendingFunction::lan_demets_obrien_fleming(), 0.01, false};
  s.harm_stops = std::move(stops);
  return s;
}

TEST(HarmSwitches, NoHarmBoundAtTheFirstLookCarriesItsAlphaToTheFinal) {
  const Design d = compute_design(harm_design({false, true}));
  EXPECT_NEAR(d.efficacy[0], 2.9625880427, kZTol);
  EXPECT_NEAR(d.efficacy[1], 1.9685956406, kZTol);
  EXPECT_FALSE(d.harm[0].has_value());
  ASSERT_TRUE(d.harm[1].has_value());
  EXPECT_NEAR(*d.harm[1], -2.3263478741, kZTol);
  EXPECT_DOUBLE_EQ(d.harm_null[0], 0.0);
  EXPECT_NEAR(std::accumulate(d.harm_null.begin(), d.harm_null.end(), 0.0), 0.01, 1e-9);
}

TEST(HarmSwitches, NoHarmBoundAtTheFinalLook) {
  const Design d = compute_design(harm_design({true, false}));
  ASSERT_TRUE(d.harm[0].has_value());
  EXPECT_NEAR(*d.harm[0], -3.4603698572, kZTol);
  EXPECT_FALSE(d.harm[1].has_value());
  // What the function would spend after the last harm look is not spent.
  // 2 - 2 Phi(z_{0.995} / sqrt(0.5)): the function's value at 0.5.
  EXPECT_NEAR(d.harm_null[0], 0.00026971695663, 1e-12);
  EXPECT_DOUBLE_EQ(d.harm_null[1], 0.0);
}

TEST(HarmSwitches, AreValidatedLikeTheOtherSwitches) {
  EXPECT_THROW(harm_design({true}).validate(), numerics::InvalidInput);
  DesignSpec no_harm = harm_design({true, true});
  no_harm.harm.reset();
  EXPECT_THROW(no_harm.validate(), numerics::InvalidInput);
}

}  // namespace
}  // namespace gsd::spending::harm_switches_test
