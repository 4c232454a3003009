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

namespace gsd::spending::boundary_options_test {
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

// Two-sided (sided = 2) with beta-spending futility: the trial stops for
// futility when |z| is below the bound, beta is spent under H1 by those stops
// and the power counts the upper side (rpact 3.3.4's two-sided beta spending,
// twoSidedPower = FALSE).
DesignSpec two_sided(SpendingFunction efficacy, SpendingFunction beta, bool binding) {
  DesignSpec s = three_looks(std::move(efficacy));
  s.alpha = 0.05;
  s.sided = Sidedness::kTwoSidedSymmetric;
  s.futility = FutilitySpec(std::move(beta), binding);
  return s;
}

TEST(BoundaryOptions, TwoSidedBetaSpendingNonBinding) {
  const DesignSpec s = two_sided(SpendingFunction::lan_demets_obrien_fleming(),
                                 SpendingFunction::lan_demets_obrien_fleming(), false);
  expect_design(compute_design(s), {3.3568693561, 2.4445422813, 2.0005390719},
                {0.3004858169, 1.2449200140}, 2.9677713825, 1.1221559353);
}

TEST(BoundaryOptions, TwoSidedBetaSpendingBinding) {
  const DesignSpec s = two_sided(SpendingFunction::lan_demets_obrien_fleming(),
                                 SpendingFunction::lan_demets_obrien_fleming(), true);
  const Design d = compute_design(s);
  expect_design(d, {3.3568693561, 2.4432067946, 1.9283560738}, {0.2800623941, 1.1863587790},
                2.9021222755, 1.0730593393);
  // Binding: the type I error over both sides, futility stops in force, is alpha.
  EXPECT_NEAR(d.cumulative_alpha().back(), 0.05, 1e-9);
}

TEST(BoundaryOptions, TwoSidedBetaSpendingPocockAndPower) {
  const DesignSpec s = two_sided(SpendingFunction::lan_demets_pocock(),
                                 SpendingFunction::kim_demets_power(2.0), false);
  expect_design(compute_design(s), {2.2238749605, 2.3050796166, 2.3097511306},
                {0.2653864428, 1.2166138424}, 3.1002919109, 1.2246091491);
}

// An early first look: the one-sided design at alpha / 2 has a negative
// futility bound at 0.2, where |z| < a cannot hold beta; rpact 3.3.4 then has
// no futility bound there and spends beta from the second look on,
// (B(t) - B(0.2)) / (B(1) - B(0.2)) B(1) (its default betaAdjustment).
TEST(BoundaryOptions, TwoSidedFutilityFromTheFirstLookThatCanHoldIt) {
  for (const bool binding : {false, true}) {
    DesignSpec s = two_sided(SpendingFunction::lan_demets_obrien_fleming(),
                             SpendingFunction::lan_demets_obrien_fleming(), binding);
    s.information_fractions = {0.2, 0.5, 1.0};
    const Design d = compute_design(s);
    EXPECT_FALSE(d.futility[0].has_value());
    ASSERT_TRUE(d.futility[1].has_value());
    const std::vector<double> efficacy = binding
        ? std::vector<double>{4.8768849488, 2.9626292512, 1.9366171286}
        : std::vector<double>{4.8768849488, 2.9626292512, 1.9685963616};
    for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(d.efficacy[k], efficacy[k], kZTol) << k;
    EXPECT_NEAR(*d.futility[1], binding ? 0.5560107710 : 0.5738092184, kZTol);
    EXPECT_NEAR(d.drift, binding ? 2.8502397772 : 2.8810882905, kZTol);
    EXPECT_NEAR(d.inflation_factor, binding ? 1.0350351977 : 1.0575610812, kZTol);
  }
}

// How the two drifts of rpact's sided = 2 relate, checked through the
// design's own bounds. The bounds are set at the drift where the futility
// regions |z| < a_k hold the beta spent at each interim and the final region
// |z| < b_K the beta left; the drift reported gives upper-side power 1 - beta
// through those bounds. The first drift is found here from the first look's
// futility stops alone; the second look and the final region then follow.
double futility_stop(const Design& d, double drift, std::size_t k) {
  const auto& t = d.spec.information_fractions;
  return evaluate(d, numerics::means_for_drift(t, drift)).inner[k];
}

TEST(BoundaryOptions, TwoSidedFutilityStopsSpendBeta) {
  const DesignSpec s = two_sided(SpendingFunction::lan_demets_obrien_fleming(),
                                 SpendingFunction::lan_demets_obrien_fleming(), false);
  const Design d = compute_design(s);
  const SpendingFunction f = SpendingFunction::lan_demets_obrien_fleming();
  const double first = spent(f, 0.2, 0.4);
  // P(|Z_1| < a_1) falls as the drift grows: bisection to 1e-13.
  double lo = 2.0;
  double hi = 4.0;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    (futility_stop(d, mid, 0) > first ? lo : hi) = mid;
  }
  const double bounds_drift = 0.5 * (lo + hi);
  EXPECT_NEAR(futility_stop(d, bounds_drift, 1), spent(f, 0.2, 0.7) - first, 1e-9);
  const numerics::ExitProbabilities e =
      evaluate(d, numerics::means_for_drift(s.information_fractions, bounds_drift));
  const double final_inside = 1.0 - e.stop(0) - e.stop(1) - e.upper[2] - e.lower[2];
  EXPECT_NEAR(final_inside, 0.2 - spent(f, 0.2, 0.7), 1e-9);
  EXPECT_DOUBLE_EQ(e.inner[2], 0.0);
  // Upper-side power 1 - beta at the drift reported, a little above.
  EXPECT_NEAR(d.power, 0.8, 1e-9);
  EXPECT_GT(d.drift, bounds_drift);
  EXPECT_LT(d.drift - bounds_drift, 1e-5);
}

TEST(BoundaryOptions, TwoSidedFutilityOnlyBySpending) {
  DesignSpec s = two_sided(SpendingFunction::lan_demets_obrien_fleming(),
                           SpendingFunction::lan_demets_obrien_fleming(), false);
  s.futility->rule = FutilityRule::kFixedZ;
  s.futility->values = {0.0, 0.5};
  EXPECT_THROW(s.validate(), numerics::InvalidInput);
  DesignSpec classical = two_sided(SpendingFunction::lan_demets_obrien_fleming(),
                                   SpendingFunction::lan_demets_obrien_fleming(), false);
  classical.efficacy = ClassicalBoundary::obrien_fleming();
  EXPECT_THROW(classical.validate(), numerics::InvalidInput);
}

// A classical boundary with a look switched off: the shape c t^(Delta - 1/2)
// at the looks that stop, C solved over them. The bounds after the switched-off
// look are far in the tail at the root search's upper end (P = 0 to the
// integration), which once stopped the search with a NaN. mvtnorm's
// bivariate normal (tests/reference/classical_switches.R): 2.3270827668,
// 2.0153127927.
TEST(BoundaryOptions, ClassicalBoundWithoutAnEarlyStop) {
  DesignSpec s = three_looks(ClassicalBoundary::obrien_fleming());
  s.information_fractions = {0.4, 0.75, 1.0};
  s.efficacy_stops = {false, true, true};
  const Design d = compute_design(s);
  EXPECT_TRUE(std::isinf(d.efficacy[0]));
  EXPECT_NEAR(d.efficacy[1], 2.3270827668, kZTol);
  EXPECT_NEAR(d.efficacy[2], 2.0153127927, kZTol);
  EXPECT_NEAR(d.cumulative_alpha().back(), 0.025, 1e-9);
}

}  // namespace
}  // namespace gsd::spending::boundary_options_test
