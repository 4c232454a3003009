// Boundary options against rpact 3.3.4, from the committed generator
// tests/reference/rpact_boundary_options.R (values printed to 10 decimals,
// rpact's own tolerance 1e-8): the Pampallona-Tsiatis pair, exponential
// spending, fixed futility z bounds (binding and not), a look without
// efficacy stopping and spending time. rpact has no switch or spending time of
// its own; its user spending ("asUser") through the same cumulative alpha is
// the same design, which is the rule these options follow.
#include <gtest/gtest.h>

#include <cmath>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::spending {
namespace {

constexpr double kZTol = 1e-7;

DesignSpec three_looks(EfficacyBoundary e) {
  DesignSpec s;
  s.alpha = 0.025;
  s.beta = 0.2;
  s.information_fractions = {0.4, 0.7, 1.0};
  s.efficacy = std::move(e);
  return s;
}

void expect_design(const Design& d, const std::vector<double>& efficacy,
                   const std::vector<double>& futility, double drift, double inflation) {
  ASSERT_EQ(d.efficacy.size(), efficacy.size());
  for (std::size_t k = 0; k < efficacy.size(); ++k) {
    if (std::isinf(efficacy[k])) {
      EXPECT_TRUE(std::isinf(d.efficacy[k])) << "look " << k + 1;
    } else {
      EXPECT_NEAR(d.efficacy[k], efficacy[k], kZTol) << "look " << k + 1;
    }
  }
  for (std::size_t k = 0; k < futility.size(); ++k) {
    ASSERT_TRUE(d.futility[k].has_value()) << "look " << k + 1;
    EXPECT_NEAR(*d.futility[k], futility[k], kZTol) << "look " << k + 1;
  }
  EXPECT_NEAR(d.drift, drift, kZTol);
  EXPECT_NEAR(d.inflation_factor, inflation, kZTol);
  EXPECT_NEAR(d.power, 0.8, 1e-9);
}

FutilitySpec pt_futility(double delta0, bool binding) {
  FutilitySpec f;
  f.rule = FutilityRule::kPampallonaTsiatis;
  f.parameter = delta0;
  f.binding = binding;
  return f;
}

TEST(BoundaryOptions, PampallonaTsiatisBinding) {
  DesignSpec s = three_looks(ClassicalBoundary::pampallona_tsiatis(0.1));
  s.futility = pt_futility(0.3, true);
  expect_design(compute_design(s), {2.7997355927, 2.2382149847, 1.9406222883},
                {0.6049622980, 1.3639426231}, 3.0350992302, 1.1736486797);
}

TEST(BoundaryOptions, PampallonaTsiatisNonBinding) {
  DesignSpec s = three_looks(ClassicalBoundary::pampallona_tsiatis(0.1));
  s.futility = pt_futility(0.3, false);
  expect_design(compute_design(s), {2.9359781872, 2.3471324901, 2.0350581401},
                {0.6631863424, 1.4423264254}, 3.1321770984, 1.2499278506);
}

TEST(BoundaryOptions, PampallonaTsiatisWithoutFutilityIsWangTsiatis) {
  const Design pt = compute_design(three_looks(ClassicalBoundary::pampallona_tsiatis(0.1)));
  const Design wt = compute_design(three_looks(ClassicalBoundary::wang_tsiatis(0.1)));
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(pt.efficacy[k], wt.efficacy[k]);
}

TEST(BoundaryOptions, ExponentialSpending) {
  const Design d = compute_design(three_looks(SpendingFunction::exponential(0.75)));
  expect_design(d, {3.2147186742, 2.4172953442, 2.0078131482}, {}, 2.8271630802, 1.0183429168);
}

FutilitySpec fixed_z(std::vector<double> z, bool binding) {
  FutilitySpec f;
  f.rule = FutilityRule::kFixedZ;
  f.values = std::move(z);
  f.binding = binding;
  return f;
}

TEST(BoundaryOptions, FixedFutilityBinding) {
  DesignSpec s = three_looks(SpendingFunction::lan_demets_obrien_fleming());
  s.futility = fixed_z({0.0, 0.5}, true);
  expect_design(compute_design(s), {3.3568693561, 2.4441644028, 1.9841536358}, {0.0, 0.5},
                2.8442206899, 1.0306682745);
}

TEST(BoundaryOptions, FixedFutilityNonBinding) {
  DesignSpec s = three_looks(SpendingFunction::lan_demets_obrien_fleming());
  s.futility = fixed_z({0.0, 0.5}, false);
  expect_design(compute_design(s), {3.3568693561, 2.4445422813, 2.0005390719}, {0.0, 0.5},
                2.8583871745, 1.0409609416);
}

TEST(BoundaryOptions, NoEfficacyStopCarriesAlphaForward) {
  DesignSpec s = three_looks(SpendingFunction::lan_demets_obrien_fleming());
  s.efficacy_stops = {false, true, true};
  const Design d = compute_design(s);
  expect_design(d, {INFINITY, 2.4379950091, 1.9999305084}, {}, 2.8223874578, 1.0149054682);
  EXPECT_EQ(d.null.upper[0], 0.0);
}

TEST(BoundaryOptions, SpendingTime) {
  DesignSpec s = three_looks(SpendingFunction::lan_demets_obrien_fleming());
  s.spending_time = {0.5, 0.8, 1.0};
  expect_design(compute_design(s), {2.9625880427, 2.2698351070, 2.0627339855}, {}, 2.8588886473,
                1.0413262242);
}

}  // namespace
}  // namespace gsd::spending
