// Property tests of solved designs (the project's style): spent alpha adds up to
// alpha, K = 1 gives z(1 - alpha), power is 1 - beta at the solved drift.
#include <gtest/gtest.h>

#include <cmath>

#include "expect_near_rel.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::spending::design_properties_test {
using namespace gsd::numerics;  // NOLINT: the layers below
namespace {

std::vector<DesignSpec> assorted_specs() {
  std::vector<DesignSpec> out;
  const std::vector<EfficacyBoundary> families = {
      SpendingFunction::lan_demets_obrien_fleming(), SpendingFunction::lan_demets_pocock(),
      SpendingFunction::hwang_shih_decani(-4.0),     SpendingFunction::kim_demets_power(3.0),
      ClassicalBoundary::obrien_fleming(),           ClassicalBoundary::pocock(),
      ClassicalBoundary::wang_tsiatis(0.25),         ClassicalBoundary::haybittle_peto()};
  for (const auto& f : families) {
    for (Sidedness sided : {Sidedness::kOneSided, Sidedness::kTwoSidedSymmetric}) {
      DesignSpec s;
      s.alpha = sided == Sidedness::kOneSided ? 0.025 : 0.05;
      s.sided = sided;
      s.information_fractions = {0.3, 0.55, 0.8, 1.0};
      s.efficacy = f;
      out.push_back(s);
    }
  }
  return out;
}

TEST(DesignProperties, SpentAlphaAddsUpToAlpha) {
  for (const DesignSpec& s : assorted_specs()) {
    const Design d = compute_design(s);
    EXPECT_NEAR(d.cumulative_alpha().back(), s.alpha, 1e-9);
  }
}

TEST(DesignProperties, PowerIsOneMinusBetaAtTheDrift) {
  for (const DesignSpec& s : assorted_specs()) {
    const Design d = compute_design(s);
    EXPECT_NEAR(d.power, 1.0 - s.beta, 5e-9);  // integration accuracy
    EXPECT_GE(d.inflation_factor, 1.0);
  }
}

TEST(DesignProperties, OneLookGivesTheFixedDesign) {
  DesignSpec s;
  s.alpha = 0.025;
  s.beta = 0.1;
  s.information_fractions = {1.0};
  const Design d = compute_design(s);
  EXPECT_NEAR(d.efficacy[0], normal_upper_quantile(0.025), 1e-12);
  EXPECT_NEAR(d.drift, normal_upper_quantile(0.025) + normal_upper_quantile(0.1), 1e-9);
  EXPECT_NEAR(d.inflation_factor, 1.0, 1e-9);
}

// Where the fixed drift's power falls a rounding error short of 1 - beta
// (alpha 0.05 two-sided, beta 0.16: -1.1e-16), the fixed drift is the root.
TEST(DesignProperties, OneLookGivesTheFixedDesignAtAnyErrorRates) {
  for (Sidedness sided : {Sidedness::kOneSided, Sidedness::kTwoSidedSymmetric}) {
    for (double alpha : {0.01, 0.025, 0.05, 0.1}) {
      for (double beta : {0.05, 0.1, 0.16, 0.2, 0.3}) {
        DesignSpec s;
        s.alpha = alpha;
        s.sided = sided;
        s.beta = beta;
        s.information_fractions = {1.0};
        const Design d = compute_design(s);
        const double z = normal_upper_quantile(s.alpha_per_side());
        EXPECT_NEAR(d.efficacy[0], z, 1e-12);
        EXPECT_NEAR(d.drift, z + normal_upper_quantile(beta), 1e-9);
        EXPECT_NEAR(d.power, 1.0 - beta, 1e-9);
      }
    }
  }
}

TEST(DesignProperties, BindingFutilityLowersTheEfficacyBounds) {
  DesignSpec s;
  s.information_fractions = {0.2, 0.4, 0.6, 0.8, 1.0};
  s.beta = 0.1;
  s.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), false};
  const Design nonbinding = compute_design(s);
  s.futility->binding = true;
  const Design binding = compute_design(s);
  // The first look has no earlier futility stop to count on: same bound.
  EXPECT_NEAR(binding.efficacy[0], nonbinding.efficacy[0], 1e-10);
  for (std::size_t k = 1; k < 5; ++k) EXPECT_LT(binding.efficacy[k], nonbinding.efficacy[k]);
  EXPECT_NEAR(binding.cumulative_alpha().back(), 0.025, 1e-9);
  EXPECT_NEAR(binding.power, 0.9, 5e-9);  // integration accuracy
}

TEST(DesignProperties, LookThatSpendsNothingHasNoBound) {
  // User spending with no alpha at the first look: no efficacy stop there,
  // and the second look's bound is the plain quantile of what it spends.
  DesignSpec s;
  s.information_fractions = {0.3, 0.6, 1.0};
  s.efficacy = SpendingFunction::user({0.3, 0.6, 1.0}, {0.0, 0.4, 1.0});
  const Design d = compute_design(s);
  EXPECT_TRUE(std::isinf(d.efficacy[0]));
  EXPECT_NEAR(d.efficacy[1], normal_upper_quantile(0.01), 1e-7);
  EXPECT_NEAR(d.cumulative_alpha().back(), 0.025, 1e-9);
}

TEST(DesignProperties, ValidationNamesTheField) {
  DesignSpec s;
  s.information_fractions = {0.6, 0.4, 1.0};
  try {
    s.validate();
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "information_fractions[1] = 0.4 must be greater than the previous fraction 0.6");
  }
  s.information_fractions = {0.5, 0.9};
  EXPECT_THROW(s.validate(), std::invalid_argument);
  s.information_fractions = std::vector<double>(26, 0.0);
  for (std::size_t k = 0; k < 26; ++k) s.information_fractions[k] = static_cast<double>(k + 1) / 26.0;
  EXPECT_THROW(s.validate(), std::invalid_argument);
  s = DesignSpec{};
  s.alpha = 0.5;
  EXPECT_THROW(s.validate(), std::invalid_argument);
  s.alpha = 0.025;
  s.beta = 0.0;
  EXPECT_THROW(s.validate(), std::invalid_argument);
}

}  // namespace
}  // namespace gsd::spending::design_properties_test
