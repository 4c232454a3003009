// Harm bounds (asymmetric two-sided designs), per-look switches and spending
// time checked by a second, independent computation: for two looks every
// crossing probability is a bivariate normal probability, evaluated here in
// closed form through Owen's T function (Owen 1956, Ann. Math. Statist.
// 27:1075; Boost.Math owens_t), never through the design's recursive
// integration. Each must equal its spending target to 1e-8.
#include <gtest/gtest.h>

#include <boost/math/special_functions/owens_t.hpp>
#include <cmath>
#include <numbers>

#include "gsd/numerics/normal.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::spending::harm_bound_test {
namespace {

constexpr double kProbTol = 1e-8;

double cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

// P(Z1 <= h, Z2 <= k) for standard normals with correlation rho (h, k != 0).
double bvn(double h, double k, double rho) {
  if (std::isinf(h)) return h > 0 ? cdf(k) : 0.0;
  if (std::isinf(k)) return k > 0 ? cdf(h) : 0.0;
  const double s = std::sqrt(1.0 - rho * rho);
  const double beta = (h * k > 0.0) ? 0.0 : 0.5;
  return 0.5 * cdf(h) + 0.5 * cdf(k) - boost::math::owens_t(h, (k - rho * h) / (h * s)) -
         boost::math::owens_t(k, (h - rho * k) / (k * s)) - beta;
}

TEST(BivariateNormal, ClosedFormSelfChecks) {
  EXPECT_NEAR(bvn(0.7, -1.3, 0.0), cdf(0.7) * cdf(-1.3), 1e-15);
  // Sheppard: P(Z1 <= 0, Z2 <= 0) = 1/4 + asin(rho) / (2 pi), approached at 1e-9.
  EXPECT_NEAR(bvn(1e-9, 1e-9, 0.6), 0.25 + std::asin(0.6) / (2 * std::numbers::pi), 1e-9);
  EXPECT_NEAR(bvn(2.0, 1.5, 0.999999), cdf(1.5), 1e-3);
}

// P(lo1 < Z1 < hi1, lo2 < Z2 < hi2).
double rect(double lo1, double hi1, double lo2, double hi2, double rho) {
  return bvn(hi1, hi2, rho) - bvn(lo1, hi2, rho) - bvn(hi1, lo2, rho) + bvn(lo1, lo2, rho);
}

DesignSpec harm_design(bool binding) {
  DesignSpec s;
  s.alpha = 0.05;
  s.beta = 0.1;
  s.information_fractions = {0.45, 1.0};
  s.efficacy = SpendingFunction::lan_demets_obrien_fleming();
  HarmSpec h;
  h.spending = SpendingFunction::hwang_shih_decani(-1.0);
  h.alpha = 0.02;
  h.binding = binding;
  s.harm = h;
  return s;
}

void check_harm(bool binding) {
  const DesignSpec s = harm_design(binding);
  const Design d = compute_design(s);
  const double rho = std::sqrt(0.45);
  const double b1 = d.efficacy[0], b2 = d.efficacy[1];
  const double l1 = *d.harm[0], l2 = *d.harm[1];
  const double a1 = spent(SpendingFunction::lan_demets_obrien_fleming(), 0.03, 0.45);
  const double h1 = spent(s.harm->spending, 0.02, 0.45);
  EXPECT_NEAR(1.0 - cdf(b1), a1, kProbTol);
  EXPECT_NEAR(cdf(l1), h1, kProbTol);
  // Efficacy at look 2: through the harm bound at look 1 only if binding.
  const double lower1 = binding ? l1 : -INFINITY;
  EXPECT_NEAR(rect(lower1, b1, b2, INFINITY, rho), 0.03 - a1, kProbTol);
  // Harm at look 2, the efficacy bound in force.
  EXPECT_NEAR(rect(l1, b1, -INFINITY, l2, rho), 0.02 - h1, kProbTol);
  // The design's own report of the harm probabilities agrees.
  EXPECT_NEAR(d.harm_null[0], h1, kProbTol);
  EXPECT_NEAR(d.harm_null[1], 0.02 - h1, kProbTol);
  // Power 1 - beta with both bounds in force, at E[Z_k] = drift sqrt(t_k).
  const double m1 = d.drift * rho, m2 = d.drift;
  const double reject = (1.0 - cdf(b1 - m1)) + rect(l1 - m1, b1 - m1, b2 - m2, INFINITY, rho);
  EXPECT_NEAR(reject, 0.9, kProbTol);
}

TEST(HarmBound, BindingCrossingsEqualTheirTargets) { check_harm(true); }
TEST(HarmBound, NonBindingCrossingsEqualTheirTargets) { check_harm(false); }

TEST(HarmBound, SymmetricSpendingIsTheTwoSidedDesign) {
  DesignSpec harm;
  harm.alpha = 0.05;
  harm.information_fractions = {0.3, 0.6, 1.0};
  harm.harm = HarmSpec{SpendingFunction::lan_demets_obrien_fleming(), 0.025, true};
  DesignSpec sym = harm;
  sym.harm.reset();
  sym.sided = Sidedness::kTwoSidedSymmetric;
  const Design a = compute_design(harm);
  const Design b = compute_design(sym);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR(a.efficacy[k], b.efficacy[k], 1e-9);
    EXPECT_NEAR(*a.harm[k], -b.efficacy[k], 1e-9);
  }
  // The symmetric design's drift comes from its tilted H0 recursion, the harm
  // design's from direct integration under H1: two routes that agree to the
  // grid's accuracy.
  EXPECT_NEAR(a.drift, b.drift, 1e-8);
}

TEST(SpendingTime, TwoLookCrossingsFollowTheSpendingTime) {
  DesignSpec s;
  s.alpha = 0.025;
  s.information_fractions = {0.4, 1.0};
  s.spending_time = {0.6, 1.0};
  s.efficacy = SpendingFunction::exponential(0.75);
  s.futility = FutilitySpec{SpendingFunction::kim_demets_power(2.0), true};
  const Design d = compute_design(s);
  const double rho = std::sqrt(0.4);
  const double b1 = d.efficacy[0], b2 = d.efficacy[1], a1 = *d.futility[0];
  const double alpha1 = std::pow(0.025, std::pow(0.6, -0.75));
  EXPECT_NEAR(1.0 - cdf(b1), alpha1, kProbTol);
  EXPECT_NEAR(rect(a1, b1, b2, INFINITY, rho), 0.025 - alpha1, kProbTol);
  // Beta spent at look 1 under H1 is 0.2 * 0.6^2; the bounds meet at the end.
  const double m1 = d.drift * rho;
  EXPECT_NEAR(cdf(a1 - m1), 0.2 * 0.36, kProbTol);
  EXPECT_NEAR(rect(a1 - m1, b1 - m1, -INFINITY, b2 - d.drift, rho), 0.2 - 0.2 * 0.36, kProbTol);
}

TEST(Switches, FutilityOffCarriesBetaForward) {
  DesignSpec s;
  s.alpha = 0.025;
  s.beta = 0.15;
  s.information_fractions = {0.3, 0.6, 1.0};
  s.futility = FutilitySpec{SpendingFunction::lan_demets_pocock(), false};
  s.futility_stops = {false, true, false};
  const Design d = compute_design(s);
  EXPECT_FALSE(d.futility[0].has_value());
  ASSERT_TRUE(d.futility[1].has_value());
  // Under H1 the futility exit at look 2 spends all beta up to t = 0.6.
  EXPECT_NEAR(d.alternative.lower[0], 0.0, 0.0);
  EXPECT_NEAR(d.alternative.lower[1],
              spent(SpendingFunction::lan_demets_pocock(), 0.15, 0.6), 1e-9);
  EXPECT_NEAR(d.power, 0.85, 1e-9);
}

TEST(FutilityRule, BindingConditionalPowerAtTheBound) {
  DesignSpec s;
  s.alpha = 0.025;
  s.beta = 0.2;
  s.information_fractions = {0.5, 1.0};
  FutilitySpec f;
  f.rule = FutilityRule::kConditionalPower;
  f.parameter = 0.1;
  f.binding = true;
  s.futility = f;
  const Design d = compute_design(s);
  const double t = 0.5, rho = std::sqrt(t);
  const double b1 = d.efficacy[0], b2 = d.efficacy[1], a1 = *d.futility[0];
  // Conditional power at z = a1 under the alternative: B(1) - B(t) is
  // N(drift (1 - t), 1 - t) given B(t) = a1 sqrt(t).
  const double cp = 1.0 - cdf((b2 - a1 * std::sqrt(t) - d.drift * (1.0 - t)) / std::sqrt(1.0 - t));
  EXPECT_NEAR(cp, 0.1, 1e-12);
  // Alpha with the binding bound in force; power with it.
  const double a_first = spent(SpendingFunction::lan_demets_obrien_fleming(), 0.025, t);
  EXPECT_NEAR(1.0 - cdf(b1), a_first, kProbTol);
  EXPECT_NEAR(rect(a1, b1, b2, INFINITY, rho), 0.025 - a_first, kProbTol);
  const double m1 = d.drift * rho;
  const double reject = (1.0 - cdf(b1 - m1)) + rect(a1 - m1, b1 - m1, b2 - d.drift, INFINITY, rho);
  EXPECT_NEAR(reject, 0.8, kProbTol);
}

TEST(FutilityRule, EffectFractionScalesWithTheDrift) {
  DesignSpec s;
  s.alpha = 0.025;
  s.beta = 0.1;
  s.information_fractions = {0.5, 1.0};
  FutilitySpec f;
  f.rule = FutilityRule::kEffectFraction;
  f.values = {0.25};
  s.futility = f;
  const Design d = compute_design(s);
  const double rho = std::sqrt(0.5);
  EXPECT_NEAR(*d.futility[0], 0.25 * d.drift * rho, 1e-14);
  const double b1 = d.efficacy[0], b2 = d.efficacy[1], a1 = *d.futility[0];
  const double m1 = d.drift * rho;
  const double reject = (1.0 - cdf(b1 - m1)) + rect(a1 - m1, b1 - m1, b2 - d.drift, INFINITY, rho);
  EXPECT_NEAR(reject, 0.9, kProbTol);
  // Non-binding: the efficacy bounds are those without futility.
  EXPECT_NEAR(rect(-INFINITY, b1, b2, INFINITY, rho),
              0.025 - spent(SpendingFunction::lan_demets_obrien_fleming(), 0.025, 0.5), kProbTol);
}

}  // namespace
}  // namespace gsd::spending::harm_bound_test
