// efficacy_bounds(): the drift-free shortcut must give exactly the bounds of
// compute_design() for every non-binding family, and reproduce rpact 3.3.4.
#include <gtest/gtest.h>

#include <stdexcept>

#include "gsd/spending/design.hpp"

namespace gsd::spending::efficacy_bounds_test {
using namespace gsd::numerics;  // NOLINT: the layers below
namespace {

DesignSpec spec_with(EfficacyBoundary efficacy, std::vector<double> t) {
  DesignSpec s;
  s.alpha = 0.025;
  s.information_fractions = std::move(t);
  s.efficacy = std::move(efficacy);
  return s;
}

void expect_same_as_design(const DesignSpec& s) {
  const std::vector<double> fast = efficacy_bounds(s);
  const Design full = compute_design(s);
  ASSERT_EQ(fast.size(), full.efficacy.size());
  for (std::size_t k = 0; k < fast.size(); ++k) EXPECT_NEAR(fast[k], full.efficacy[k], 1e-12);
}

TEST(EfficacyBounds, MatchesComputeDesignForEachFamily) {
  const std::vector<double> t{0.3, 0.55, 0.8, 1.0};
  expect_same_as_design(spec_with(SpendingFunction::lan_demets_obrien_fleming(), t));
  expect_same_as_design(spec_with(SpendingFunction::hwang_shih_decani(-4.0), t));
  expect_same_as_design(spec_with(ClassicalBoundary::obrien_fleming(), t));
  expect_same_as_design(spec_with(ClassicalBoundary::haybittle_peto(3.0), t));
  DesignSpec with_futility = spec_with(SpendingFunction::lan_demets_pocock(), t);
  with_futility.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), false};
  expect_same_as_design(with_futility);
}

TEST(EfficacyBounds, SeedLookReference) {
  // rpact 3.3.4 asOF, informationRates c(49/94, 0.75, 1) (docs/validation.md).
  const auto b = efficacy_bounds(
      spec_with(SpendingFunction::lan_demets_obrien_fleming(), {49.0 / 94.0, 0.75, 1.0}));
  EXPECT_NEAR(b[0], 2.893268, 1e-6);
  EXPECT_NEAR(b[1], 2.363669, 1e-6);
  EXPECT_NEAR(b[2], 2.014522, 1e-6);
}

TEST(EfficacyBounds, RejectsBindingFutility) {
  DesignSpec s = spec_with(SpendingFunction::lan_demets_obrien_fleming(), {0.5, 1.0});
  s.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), true};
  EXPECT_THROW(efficacy_bounds(s), std::invalid_argument);
}

}  // namespace
}  // namespace gsd::spending::efficacy_bounds_test
