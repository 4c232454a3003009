// Every boundary family against rpact 3.3.4, computed with the committed
// generator tests/reference/rpact_designs.R (values printed to 8 decimals).
// Tolerance 1e-6 in z: the project's accuracy target.
#include <gtest/gtest.h>

#include "gsd/spending/design.hpp"

namespace gsd::spending::design_families_test {
using namespace gsd::numerics;  // NOLINT: the layers below
namespace {

constexpr double kZTol = 1e-6;

DesignSpec four_looks(EfficacyBoundary e, std::vector<double> t = {0.3, 0.55, 0.8, 1.0}) {
  DesignSpec s;
  s.alpha = 0.025;
  s.information_fractions = std::move(t);
  s.efficacy = std::move(e);
  return s;
}

void expect_bounds(const Design& d, const std::vector<double>& expected) {
  ASSERT_EQ(d.efficacy.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_NEAR(d.efficacy[k], expected[k], kZTol) << "look " << k + 1;
  }
}

TEST(DesignFamilies, BindingHsdBetaSpending) {
  // rpact: kMax 5, beta 0.1, asOF, bsHSD gammaB -2, bindingFutility TRUE.
  DesignSpec s = four_looks(SpendingFunction::lan_demets_obrien_fleming(),
                            {0.2, 0.4, 0.6, 0.8, 1.0});
  s.beta = 0.1;
  s.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), true};
  const Design d = compute_design(s);
  expect_bounds(d, {4.87688495, 3.35701174, 2.68003704, 2.28568058, 1.97434404});
  const double fut[] = {-0.92470137, -0.06939293, 0.65446601, 1.31324768};
  for (std::size_t k = 0; k < 4; ++k) EXPECT_NEAR(*d.futility[k], fut[k], kZTol) << k;
  // rpact getDesignCharacteristics: sqrt(shift) 3.35014342, inflation 1.06814591.
  EXPECT_NEAR(d.drift, 3.35014342, kZTol);
  EXPECT_NEAR(d.inflation_factor, 1.06814591, kZTol);
}

TEST(DesignFamilies, DriftAndInflationWithoutFutility) {
  // rpact getDesignCharacteristics, asOF at 0.5 / 0.75 / 1, beta 0.2:
  // shift 8.00297286, inflation factor 1.01963250.
  DesignSpec s = four_looks(SpendingFunction::lan_demets_obrien_fleming(), {0.5, 0.75, 1.0});
  const Design d = compute_design(s);
  EXPECT_NEAR(d.drift, 2.82895261, kZTol);
  EXPECT_NEAR(d.inflation_factor, 1.01963250, kZTol);
}

TEST(DesignFamilies, HaybittlePeto) {
  expect_bounds(compute_design(four_looks(ClassicalBoundary::haybittle_peto())),
                {3.0, 3.0, 3.0, 1.97914708});
}

TEST(DesignFamilies, WangTsiatisQuarter) {
  expect_bounds(compute_design(four_looks(ClassicalBoundary::wang_tsiatis(0.25))),
                {2.86793327, 2.46466946, 2.24427907, 2.12250810});
}

TEST(DesignFamilies, KimDeMetsPowerThree) {
  expect_bounds(compute_design(four_looks(SpendingFunction::kim_demets_power(3.0))),
                {3.20513318, 2.67109989, 2.28926995, 2.04306517});
}

TEST(DesignFamilies, HwangShihDeCaniMinusFour) {
  expect_bounds(compute_design(four_looks(SpendingFunction::hwang_shih_decani(-4.0))),
                {3.06669955, 2.74389920, 2.35775434, 2.02310609});
}

TEST(DesignFamilies, LanDeMetsPocock) {
  expect_bounds(compute_design(four_looks(SpendingFunction::lan_demets_pocock())),
                {2.31183530, 2.35730923, 2.35262575, 2.37308107});
}

TEST(DesignFamilies, ClassicalPocockEquallySpaced) {
  expect_bounds(compute_design(four_looks(ClassicalBoundary::pocock(), {0.25, 0.5, 0.75, 1.0})),
                {2.36129966, 2.36129966, 2.36129966, 2.36129966});
}

TEST(DesignFamilies, TwoSidedCumulativeAlpha) {
  // rpact sided = 2, alpha 0.05, asOF: alphaSpent 0.00305065, 0.01929865, 0.05.
  DesignSpec s = four_looks(SpendingFunction::lan_demets_obrien_fleming(), {0.5, 0.75, 1.0});
  s.alpha = 0.05;
  s.sided = Sidedness::kTwoSidedSymmetric;
  const auto alpha = compute_design(s).cumulative_alpha();
  EXPECT_NEAR(alpha[0], 0.00305065, 1e-8);
  EXPECT_NEAR(alpha[1], 0.01929865, 1e-8);
  EXPECT_NEAR(alpha[2], 0.05, 1e-8);
}

}  // namespace
}  // namespace gsd::spending::design_families_test
