// MaxCombo bounds and power: one test is the weighted log-rank design, a
// repeated test changes nothing, equal arms give alpha, and a direct
// simulation of patients (Kaplan-Meier weights, the maximum of the four
// Fleming-Harrington statistics) agrees with the correlations, the size and
// the power within 4 Monte Carlo standard errors (fixed seed).
#include "gsd/survival/maxcombo_power.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"
#include "patient_simulation.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::maxcombo_power_test {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Monte Carlo bound: 4 standard errors (a false alarm has probability 6e-5).
constexpr double kBound = 4.0;
// A single lattice estimate against an exact value: 5 standard errors of a t
// with 11 degrees of freedom (probability 4e-4), 5/3 of the reported error.
constexpr double kErrors = 5.0 / 3.0;

// The seed trial's design: two-sided 0.05 Lan-DeMets O'Brien-Fleming at
// 0.5 / 0.75 / 1.
spending::DesignSpec seed_design() {
  spending::DesignSpec d;
  d.alpha = 0.05;
  d.sided = spending::Sidedness::kTwoSidedSymmetric;
  d.beta = 0.16;
  d.information_fractions = {0.5, 0.75, 1.0};
  return d;
}

// The default four tests on the seed trial, and with equal arms: each
// computed once, with probabilities to 5e-4 (12 variables at 1e-4 take
// seconds; the simulations below have standard errors of 3e-3 to 9e-3, and
// every comparison adds the reported error).
numerics::MvnOptions coarse() {
  numerics::MvnOptions o;
  o.abs_tolerance = 5e-4;
  return o;
}

const MaxComboPower& seed_combo() {
  static const MaxComboPower p =
      maxcombo_power(testing::seed_plan(), seed_design(), default_maxcombo_tests(), 202.0, 94, coarse());
  return p;
}

const SurvivalSpec& null_spec() {
  static const SurvivalSpec spec = [] {
    SurvivalSpec s = testing::seed_plan();
    s.treatment = s.control;
    return s;
  }();
  return spec;
}

const MaxComboPower& null_combo() {
  static const MaxComboPower p =
      maxcombo_power(null_spec(), seed_design(), default_maxcombo_tests(), 202.0, 94, coarse());
  return p;
}

// One test: the bounds spend the design's alpha at the test's own
// correlations, which the recursive integration computes exactly.
TEST(MaxComboPower, OneTestIsTheWeightedLogRankDesign) {
  const SurvivalSpec spec = testing::seed_plan();
  const LogRankWeight w = LogRankWeight::fleming_harrington(0.0, 1.0);
  const MaxComboPower p = maxcombo_power(spec, seed_design(), {w}, 202.0, 94);
  const WeightedLogRankPower ref = weighted_logrank_power(spec, seed_design(), w, 202.0, 94, SpendingScale::kEvents);
  ASSERT_EQ(p.looks.size(), 3U);
  std::vector<double> info, bounds;
  for (const MaxComboLook& l : p.looks) {
    info.push_back(l.information_fraction[0]);
    bounds.push_back(l.efficacy_z);
  }
  const numerics::StoppingRegions regions{std::vector<double>(3, -kInf), bounds, {}};
  const numerics::ExitProbabilities exits = numerics::exit_probabilities(info, regions, 0.0);
  const std::vector<double> cumulative = exits.cumulative_upper();
  double power_tolerance = kErrors * p.power_error;
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR(cumulative[k], p.looks[k].cumulative_alpha, kErrors * p.looks[k].alpha_error) << k;
    EXPECT_NEAR(p.looks[k].mean_z[0], ref.looks[k].mean_z, 1e-12);
    EXPECT_NEAR(p.looks[k].calendar_time, ref.looks[k].calendar_time, 1e-12);
    power_tolerance += std::fabs(bounds[k] - ref.looks[k].efficacy_z) *
                       numerics::normal_density(bounds[k] - p.looks[k].mean_z[0]);
  }
  // Alpha per side: half the two-sided 0.05.
  EXPECT_NEAR(p.looks[2].cumulative_alpha, 0.025, 1e-12);
  EXPECT_NEAR(p.power, ref.power, power_tolerance);
}

// A test listed twice (a singular covariance) is the same MaxCombo.
TEST(MaxComboPower, RepeatedTestChangesNothing) {
  const SurvivalSpec spec = testing::seed_plan();
  spending::DesignSpec design = seed_design();
  design.information_fractions = {0.6, 1.0};
  const LogRankWeight a = LogRankWeight::fleming_harrington(0.0, 0.0);
  const LogRankWeight b = LogRankWeight::fleming_harrington(1.0, 1.0);
  const MaxComboPower two = maxcombo_power(spec, design, {a, b}, 202.0, 94);
  const MaxComboPower three = maxcombo_power(spec, design, {a, b, b}, 202.0, 94);
  for (std::size_t k = 0; k < 2; ++k) {
    // A bound moves by about error / density from its probability's error.
    const double density = numerics::normal_density(two.looks[k].efficacy_z);
    EXPECT_NEAR(two.looks[k].efficacy_z, three.looks[k].efficacy_z,
                kErrors * (two.looks[k].alpha_error + three.looks[k].alpha_error) / density)
        << k;
  }
  EXPECT_NEAR(two.power, three.power, kErrors * (two.power_error + three.power_error) + 1e-3);
}

TEST(MaxComboPower, CorrelationsHaveTheirStructure) {
  const MaxComboPower& p = seed_combo();
  const std::size_t J = 4;
  ASSERT_EQ(p.correlation.size(), 12U);
  for (std::size_t i = 0; i < 12; ++i) {
    EXPECT_NEAR(p.correlation[i][i], 1.0, 1e-12);
    for (std::size_t j = 0; j < 12; ++j) EXPECT_NEAR(p.correlation[i][j], p.correlation[j][i], 1e-15);
  }
  // One test across looks: sqrt(V0_k / V0_l), the information fractions.
  for (std::size_t j = 0; j < J; ++j) {
    EXPECT_NEAR(p.correlation[j][j + 2 * J], std::sqrt(p.looks[0].information_fraction[j]), 1e-12);
  }
  // Two tests, two looks: Cov(U_a(k), U_b(l)) = Cov(U_a(k), U_b(k)).
  const double c_same = p.correlation[1][2];  // FH(0,1) and FH(1,0) at look 1
  const double c_cross = p.correlation[1][2 + 2 * J];  // FH(0,1) at 1, FH(1,0) at 3
  EXPECT_NEAR(c_cross, c_same * std::sqrt(p.looks[0].information_fraction[2]), 1e-12);
}

// Statistics of the four tests at each look from simulated patients.
std::vector<std::vector<double>> simulated_z(const SurvivalSpec& spec, const MaxComboPower& plan,
                                             testing::Stream& rng) {
  const std::vector<testing::Patient> trial = testing::draw(spec, 202, rng);
  std::vector<std::vector<double>> z;
  for (const MaxComboLook& look : plan.looks) {
    z.emplace_back();
    for (const testing::Statistic& s : testing::weighted_scores(spec, trial, look.calendar_time, plan.tests, true)) {
      z.back().push_back(s.score / std::sqrt(s.variance));
    }
  }
  return z;
}

// Rejection rate of the MaxCombo test over simulated trials.
double simulated_rejection(const SurvivalSpec& spec, const MaxComboPower& plan, int replicates,
                           std::uint64_t seed) {
  testing::Stream rng(seed);
  int rejected = 0;
  for (int r = 0; r < replicates; ++r) {
    const auto z = simulated_z(spec, plan, rng);
    for (std::size_t k = 0; k < z.size(); ++k) {
      if (*std::max_element(z[k].begin(), z[k].end()) >= plan.looks[k].efficacy_z) {
        ++rejected;
        break;
      }
    }
  }
  return static_cast<double>(rejected) / replicates;
}

TEST(MaxComboPower, PowerMatchesSimulatedTrials) {
  const MaxComboPower& plan = seed_combo();
  const int replicates = 3000;
  const double rate = simulated_rejection(testing::seed_plan(), plan, replicates, 2021);
  const double se = std::sqrt(plan.power * (1.0 - plan.power) / replicates);
  EXPECT_NEAR(rate, plan.power, kBound * se + plan.power_error);
}

TEST(MaxComboPower, EqualArmsGiveAlphaAndTheCorrelations) {
  const SurvivalSpec& spec = null_spec();
  const MaxComboPower& plan = null_combo();
  EXPECT_NEAR(plan.power, 0.025, kErrors * plan.power_error);
  const int replicates = 3000;
  testing::Stream rng(77);
  int rejected = 0;
  // Pairs (test, look) whose correlation is checked: across tests at one
  // look, and across tests and looks.
  const std::size_t J = 4;
  const std::vector<std::pair<std::size_t, std::size_t>> pairs{{0 + 2 * J, 1 + 2 * J}, {0, 3 + 2 * J}, {1, 2 + J}};
  std::vector<double> sx(pairs.size()), sy(pairs.size()), sxx(pairs.size()), syy(pairs.size()), sxy(pairs.size());
  for (int r = 0; r < replicates; ++r) {
    const auto z = simulated_z(spec, plan, rng);
    for (std::size_t k = 0; k < z.size(); ++k) {
      if (*std::max_element(z[k].begin(), z[k].end()) >= plan.looks[k].efficacy_z) {
        ++rejected;
        break;
      }
    }
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const double x = z[pairs[i].first / J][pairs[i].first % J];
      const double y = z[pairs[i].second / J][pairs[i].second % J];
      sx[i] += x, sy[i] += y, sxx[i] += x * x, syy[i] += y * y, sxy[i] += x * y;
    }
  }
  const double n = replicates;
  const double rate = rejected / n;
  EXPECT_NEAR(rate, 0.025, kBound * std::sqrt(0.025 * 0.975 / n) + plan.power_error);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const double cov = sxy[i] / n - sx[i] / n * sy[i] / n;
    const double r = cov / std::sqrt((sxx[i] / n - sx[i] * sx[i] / (n * n)) * (syy[i] / n - sy[i] * sy[i] / (n * n)));
    const double rho = plan.correlation[pairs[i].first][pairs[i].second];
    // Standard error of a sample correlation: (1 - rho^2) / sqrt(n).
    EXPECT_NEAR(r, rho, kBound * (1.0 - rho * rho) / std::sqrt(n)) << i;
  }
}

TEST(MaxComboPower, RefusesBadInput) {
  const SurvivalSpec spec = testing::seed_plan();
  EXPECT_THROW(maxcombo_power(spec, seed_design(), {}, 202.0, 94), numerics::InvalidInput);
  EXPECT_THROW(maxcombo_power(spec, seed_design(), {LogRankWeight::magirr_burman(12.0)}, 202.0, 94),
               numerics::InvalidInput);
  LogRankWeight negative;
  negative.gamma = -1.0;
  EXPECT_THROW(maxcombo_power(spec, seed_design(), {negative}, 202.0, 94), numerics::InvalidInput);
  spending::DesignSpec futility = seed_design();
  futility.futility = spending::FutilitySpec{};
  EXPECT_THROW(maxcombo_power(spec, futility, default_maxcombo_tests(), 202.0, 94), numerics::InvalidInput);
  EXPECT_THROW(maxcombo_power(spec, seed_design(), default_maxcombo_tests(), 0.0, 94), numerics::InvalidInput);
}

}  // namespace
}  // namespace gsd::survival::maxcombo_power_test
