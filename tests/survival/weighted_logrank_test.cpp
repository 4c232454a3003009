// Weighted log-rank moments: FH(0, 0) is the log-rank test term by term, an
// independent midpoint rule of the weighted integrals, the pooled survival
// limit against a direct integration of the pooled hazard, arm symmetry,
// equal arms, the Magirr-Burman limit t* -> 0 and bad weights.
#include "gsd/survival/weighted_logrank.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "expect_near_rel.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/logrank_drift.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::weighted_logrank_test {
namespace {

using testing::weibull_dropout_spec;

// Piecewise-exponential latency (a delayed effect), no cure, equal drop-out.
SurvivalSpec delayed_effect_spec() {
  SurvivalSpec spec;
  spec.control = CureModel(0.0, Latency::piecewise_exponential({0.0, 6.0}, {0.08, 0.08}));
  spec.treatment = CureModel(0.0, Latency::piecewise_exponential({0.0, 6.0}, {0.08, 0.045}));
  spec.accrual = Accrual::uniform(18.0);
  spec.dropout_control = 0.005;
  spec.dropout_treatment = 0.005;
  return spec;
}

TEST(WeightedLogRank, FlemingHarringtonZeroZeroIsTheLogRankTest) {
  const LogRankWeight lr = LogRankWeight::fleming_harrington(0.0, 0.0);
  ASSERT_TRUE(lr.is_log_rank());
  for (const SurvivalSpec& spec : {testing::seed_plan(), weibull_dropout_spec(), delayed_effect_spec()}) {
    for (double tau : {5.0, 24.0, 40.0, 70.0}) {
      const LogRankMoments plain = logrank_moments(spec, tau);
      const WeightedLogRankMoments w = weighted_logrank_moments(spec, lr, tau);
      // The same integrals with w = 1, to rounding (the optimiser may order
      // the products of the two integrands differently).
      EXPECT_NEAR_REL(w.score_mean, plain.score_mean, 1e-15) << "tau = " << tau;
      EXPECT_NEAR_REL(w.variance_null, plain.variance, 1e-15) << "tau = " << tau;
      EXPECT_NEAR_REL(w.mean_z(202.0), plain.mean_z(202.0), 1e-15) << "tau = " << tau;
      EXPECT_EQ(w.events, plain.events);
    }
  }
}

TEST(WeightedLogRank, SeedPlanMatchesMidpointRule) {
  // Independent numerics: a 4e5-cell midpoint rule with the hazards written
  // out, pooled survival (s0 + s1) / 2 (no drop-out), for FH(0, 1), FH(1, 0),
  // FH(1, 1) and Magirr-Burman t* = 12.
  const SurvivalSpec spec = testing::seed_plan();
  const double tau = 40.0;
  const double l0 = std::log(2.0) / 7.0;
  const double l1 = 0.63 * l0;
  const auto pooled = [&](double s) {
    return 0.5 * (0.4 + 0.6 * std::exp(-l0 * s)) + 0.5 * (0.562 + 0.438 * std::exp(-l1 * s));
  };
  struct Case {
    LogRankWeight weight;
    double (*w)(double, double);
  };
  const Case cases[] = {
      {LogRankWeight::fleming_harrington(0.0, 1.0), [](double s, double) { return 1.0 - s; }},
      {LogRankWeight::fleming_harrington(1.0, 0.0), [](double s, double) { return s; }},
      {LogRankWeight::fleming_harrington(1.0, 1.0), [](double s, double) { return s * (1.0 - s); }},
      {LogRankWeight::magirr_burman(12.0), [](double s, double star) { return 1.0 / std::fmax(s, star); }},
  };
  const int cells = 400000;
  const double ds = tau / cells;
  for (const Case& c : cases) {
    double score = 0.0, null = 0.0, alternative = 0.0;
    // The compensator's part per arm j (weighted_logrank.cpp): running sums
    // K_j, Q_j to the cell's midpoint, then 2 int k y K - (int k y)^2 / p_j
    // - 2 s_j int k y Q.
    double big_k[2] = {0.0, 0.0}, big_q[2] = {0.0, 0.0};
    double mean_b[2] = {0.0, 0.0}, b2[2] = {0.0, 0.0}, ab[2] = {0.0, 0.0};
    for (int i = 0; i < cells; ++i) {
      const double s = (i + 0.5) * ds;
      const double r = std::fmin((tau - s) / 36.0, 1.0);
      const double s0 = 0.4 + 0.6 * std::exp(-l0 * s);
      const double s1 = 0.562 + 0.438 * std::exp(-l1 * s);
      const double h0 = 0.6 * l0 * std::exp(-l0 * s) / s0;
      const double h1 = 0.438 * l1 * std::exp(-l1 * s) / s1;
      const double a0 = 0.5 * s0, a1 = 0.5 * s1, a = a0 + a1;
      const double w = c.w(pooled(s), pooled(12.0));
      score += r * w * a0 * a1 / a * (h0 - h1);
      null += r * w * w * a0 * a1 * (a0 * h0 + a1 * h1) / (a * a);
      alternative += r * w * w * a0 * a1 * (a1 * h0 + a0 * h1) / (a * a);
      const double q_other[2] = {a1 / a, a0 / a};
      const double own[2] = {a0, a1};
      const double h[2] = {h0, h1};
      for (int j = 0; j < 2; ++j) {
        const double k = w * (h0 - h1) * q_other[j] * q_other[j];
        const double g = w * q_other[j] * h[j];
        const double y = r * own[j];
        mean_b[j] += k * y * ds;
        b2[j] += k * y * (big_k[j] + 0.5 * k * ds) * ds;
        ab[j] += k * y * (big_q[j] + 0.5 * g * ds) * ds;
        big_k[j] += k * ds;
        big_q[j] += g * ds;
      }
    }
    for (int j = 0; j < 2; ++j) {
      alternative += (2.0 * b2[j] - mean_b[j] * mean_b[j] / 0.5 - 2.0 * (j == 0 ? 1.0 : -1.0) * ab[j]) / ds;
    }
    const WeightedLogRankMoments m = weighted_logrank_moments(spec, c.weight, tau);
    EXPECT_NEAR_REL(m.score_mean, score * ds, 1e-7);
    EXPECT_NEAR_REL(m.variance_null, null * ds, 1e-7);
    EXPECT_NEAR_REL(m.variance_alternative, alternative * ds, 1e-7);
  }
}

TEST(WeightedLogRank, PooledSurvivalMatchesIntegratedPooledHazard) {
  // Unequal drop-out: exp(-int (a0 h0 + a1 h1) / (a0 + a1)) by a 2e5-step
  // midpoint rule of the pooled hazard in u = sqrt(s / end) (the Weibull
  // hazard behaves as s^0.3 at 0; ds = 2 end u du smooths it), against the
  // closed form with the drop-out integral.
  const SurvivalSpec spec = weibull_dropout_spec();
  const double p0 = spec.control_share(), p1 = spec.treatment_share();
  const int steps = 200000;
  const double end = 50.0;
  double hazard = 0.0;
  for (int i = 0; i < steps; ++i) {
    const double u = (i + 0.5) / steps;
    const double s = end * u * u;
    const double a0 = p0 * spec.control.survival(s) * std::exp(-0.01 * s);
    const double a1 = p1 * spec.treatment.survival(s) * std::exp(-0.02 * s);
    hazard += (a0 * spec.control.hazard(s) + a1 * spec.treatment.hazard(s)) / (a0 + a1) * 2.0 * end * u;
  }
  EXPECT_NEAR_REL(pooled_survival(spec, end), std::exp(-hazard / steps), 1e-9);
  // One drop-out rate: the mixture of the arms' survival.
  const SurvivalSpec equal = delayed_effect_spec();
  EXPECT_DOUBLE_EQ(pooled_survival(equal, 10.0),
                   0.5 * equal.control.survival(10.0) + 0.5 * equal.treatment.survival(10.0));
  EXPECT_EQ(pooled_survival(spec, 0.0), 1.0);
}

TEST(WeightedLogRank, SwappingTheArmsNegatesTheScoreOnly) {
  const SurvivalSpec spec = weibull_dropout_spec();
  SurvivalSpec swapped = spec;
  swapped.control = spec.treatment;
  swapped.treatment = spec.control;
  swapped.allocation_ratio = 1.0 / spec.allocation_ratio;
  swapped.dropout_control = spec.dropout_treatment;
  swapped.dropout_treatment = spec.dropout_control;
  for (const LogRankWeight& w : {LogRankWeight::fleming_harrington(0.5, 2.0), LogRankWeight::magirr_burman(8.0)}) {
    const WeightedLogRankMoments a = weighted_logrank_moments(spec, w, 33.0);
    const WeightedLogRankMoments b = weighted_logrank_moments(swapped, w, 33.0);
    EXPECT_NEAR_REL(b.score_mean, -a.score_mean, 1e-9);
    EXPECT_NEAR_REL(b.variance_null, a.variance_null, 1e-9);
    EXPECT_NEAR_REL(b.variance_alternative, a.variance_alternative, 1e-9);
  }
}

TEST(WeightedLogRank, EqualArmsHaveZeroMeanAndTheNullVariance) {
  SurvivalSpec spec = testing::seed_plan();
  spec.treatment = spec.control;
  for (const LogRankWeight& w : {LogRankWeight::fleming_harrington(0.0, 1.0), LogRankWeight::magirr_burman(12.0)}) {
    const WeightedLogRankMoments m = weighted_logrank_moments(spec, w, 45.0);
    EXPECT_EQ(m.score_mean, 0.0);
    EXPECT_NEAR_REL(m.variance_alternative, m.variance_null, 1e-12);
    EXPECT_NEAR_REL(m.variance_ratio(), 1.0, 1e-12);
  }
}

TEST(WeightedLogRank, MagirrBurmanWithSmallTStarIsTheLogRankTest) {
  // w = 1 / max(S(s), S(t*)) lies in [1, 1 / S(t*)]: with S(t*) = 1 - O(t*)
  // the weights are within O(t*) of 1.
  const SurvivalSpec spec = testing::seed_plan();
  const LogRankMoments plain = logrank_moments(spec, 40.0);
  const WeightedLogRankMoments m = weighted_logrank_moments(spec, LogRankWeight::magirr_burman(1e-7), 40.0);
  EXPECT_NEAR_REL(m.mean_z(202.0), plain.mean_z(202.0), 1e-7);
  // FH(0, 1) weights late times, where the seed plan's hazard ratio rises
  // towards and above 1 (cure model): its mean is below the log-rank test's.
  const WeightedLogRankMoments late = weighted_logrank_moments(spec, LogRankWeight::fleming_harrington(0.0, 1.0), 40.0);
  EXPECT_LT(late.mean_z(202.0), plain.mean_z(202.0));
}

TEST(WeightedLogRank, RefusesBadWeights) {
  EXPECT_THROW((void)LogRankWeight::fleming_harrington(-0.5, 0.0), numerics::InvalidInput);
  EXPECT_THROW((void)LogRankWeight::fleming_harrington(0.0, -1.0), numerics::InvalidInput);
  EXPECT_THROW((void)LogRankWeight::fleming_harrington(std::numeric_limits<double>::infinity(), 0.0),
               numerics::InvalidInput);
  EXPECT_THROW((void)LogRankWeight::magirr_burman(0.0), numerics::InvalidInput);
  EXPECT_THROW((void)LogRankWeight::magirr_burman(std::nan("")), numerics::InvalidInput);
  try {
    (void)LogRankWeight::fleming_harrington(-0.5, 0.0);
  } catch (const numerics::InvalidInput& e) {
    EXPECT_EQ(numerics::to_string(e.path()), "rho");
  }
}

}  // namespace
}  // namespace gsd::survival::weighted_logrank_test
