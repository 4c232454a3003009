// Log-rank moments under non-proportional hazards: the seed plan drifts of
// docs/validation.md, an independent brute-force quadrature, equal arms, and the
// Schoenfeld (1981) limit under proportional hazards.
#include "gsd/survival/logrank_drift.hpp"

#include <gtest/gtest.h>

#include "gsd/numerics/normal.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include "expect_near_rel.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/schoenfeld.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::logrank_drift_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

TEST(LogRankDrift, SeedPlanDriftsMatchReference) {
  // docs/validation.md: drift 2.350, 2.788, 2.974 at 47 / 71 / 94 events, 202
  // patients (three decimals: +-0.0005).
  const SurvivalSpec spec = testing::seed_plan();
  const std::vector<double> events{47.0, 71.0, 94.0};
  const std::vector<double> means = logrank_means(spec, 202.0, look_times(spec, 202.0, events));
  EXPECT_NEAR(means[0], 2.350, 0.0005);
  EXPECT_NEAR(means[1], 2.788, 0.0005);
  EXPECT_NEAR(means[2], 2.974, 0.0005);
}

TEST(LogRankDrift, MeansAtEventsComposeLookTimesAndMoments) {
  // The monitoring hook gives the seed plan's drifts at 47 / 71 / 94 events
  // (docs/validation.md: 2.350, 2.788, 2.974) and at the observed 49.
  const std::vector<double> events{47.0, 49.0, 71.0, 94.0};
  const std::vector<double> means = logrank_means_at_events(testing::seed_plan(), 202.0, events);
  ASSERT_EQ(means.size(), 4U);
  EXPECT_NEAR(means[0], 2.350, 0.0005);
  EXPECT_GT(means[1], means[0]);
  EXPECT_LT(means[1], means[2]);
  EXPECT_NEAR(means[2], 2.788, 0.0005);
  EXPECT_NEAR(means[3], 2.974, 0.0005);
  EXPECT_THROW((void)logrank_means_at_events(testing::seed_plan(), 202.0, std::vector<double>{110.0}),
               InvalidInput);
}

TEST(LogRankDrift, MomentsMatchBruteForceMidpointRule) {
  // Independent numerics: 4e5-cell midpoint rule of the same integrals, with
  // the hazards written out from the closed forms.
  const SurvivalSpec spec = testing::seed_plan();
  const double tau = 40.0;
  const double l0 = std::log(2.0) / 7.0;
  const double l1 = 0.63 * l0;
  const int cells = 400000;
  double score = 0.0;
  double variance = 0.0;
  for (int i = 0; i < cells; ++i) {
    const double s = (i + 0.5) * tau / cells;
    const double r = std::fmin((tau - s) / 36.0, 1.0);
    const double s0 = 0.4 + 0.6 * std::exp(-l0 * s);
    const double s1 = 0.562 + 0.438 * std::exp(-l1 * s);
    const double h0 = 0.6 * l0 * std::exp(-l0 * s) / s0;
    const double h1 = 0.438 * l1 * std::exp(-l1 * s) / s1;
    const double a0 = 0.5 * s0;
    const double a1 = 0.5 * s1;
    score += r * a0 * a1 / (a0 + a1) * (h0 - h1);
    variance += r * a0 * a1 * (a0 * h0 + a1 * h1) / ((a0 + a1) * (a0 + a1));
  }
  score *= tau / cells;
  variance *= tau / cells;
  const LogRankMoments m = logrank_moments(spec, tau);
  EXPECT_NEAR_REL(m.score_mean, score, 1e-7);
  EXPECT_NEAR_REL(m.variance, variance, 1e-7);
}

TEST(LogRankDrift, WeibullShapeBelowOneMatchesSubstitutedBruteForce) {
  // Shape 0.7: both hazards are infinite at s = 0. Independent check: the
  // midpoint rule in x = (s / scale)^k, where h(s) ds = dx and the integrand
  // is bounded; cure 0.2 vs 0.35, HR 0.6, 1:1, uniform accrual over 20.
  const double k = 0.7;
  const double scale = 15.0;
  const double hr = 0.6;
  SurvivalSpec spec;
  spec.control = CureModel(0.2, Latency::weibull(k, scale));
  spec.treatment = CureModel(0.35, spec.control.latency()).with_hazard_ratio_noncured(hr);
  spec.accrual = Accrual::uniform(20.0);
  const double tau = 30.0;
  const int cells = 400000;
  const double x_max = std::pow(tau / scale, k);
  double score = 0.0;
  double variance = 0.0;
  for (int i = 0; i < cells; ++i) {
    const double x = (i + 0.5) * x_max / cells;  // cumulative latency hazard of control
    const double s = scale * std::pow(x, 1.0 / k);
    const double r = std::fmin((tau - s) / 20.0, 1.0);
    const double su0 = std::exp(-x);
    const double su1 = std::exp(-hr * x);
    const double s0 = 0.2 + 0.8 * su0;
    const double s1 = 0.35 + 0.65 * su1;
    // h_j ds = (noncured share) dH_u: dH_u0 = dx, dH_u1 = hr dx.
    const double g0 = 0.8 * su0 / s0;
    const double g1 = 0.65 * su1 / s1 * hr;
    const double a0 = 0.5 * s0;
    const double a1 = 0.5 * s1;
    score += r * a0 * a1 / (a0 + a1) * (g0 - g1);
    variance += r * a0 * a1 * (a0 * g0 + a1 * g1) / ((a0 + a1) * (a0 + a1));
  }
  score *= x_max / cells;
  variance *= x_max / cells;
  const LogRankMoments m = logrank_moments(spec, tau);
  EXPECT_NEAR_REL(m.score_mean, score, 1e-7);
  EXPECT_NEAR_REL(m.variance, variance, 1e-7);
}

TEST(LogRankDrift, WeibullCureRampUpDropoutMatchesR) {
  // tests/reference/survival_logrank_reference.R (base R integrate/uniroot on
  // the time scale, rel.tol 1e-12): events, look time, E[Z] for 400 patients.
  constexpr double kReference[][3] = {
      {60.0, 21.691982066702, 2.301845815025},
      {90.0, 26.466805128616, 2.781633216830},
      {120.0, 30.887426444894, 3.167520705964},
  };
  const SurvivalSpec spec = testing::weibull_dropout_spec();
  for (const auto& row : kReference) {
    const double tau = calendar_time_for_events(spec, 400.0, row[0]);
    EXPECT_NEAR_REL(tau, row[1], 1e-9) << "events = " << row[0];
    EXPECT_NEAR_REL(logrank_moments(spec, tau).mean_z(400.0), row[2], 1e-9) << "events = " << row[0];
  }
}

TEST(LogRankDrift, EqualArmsHaveZeroMean) {
  SurvivalSpec spec = testing::seed_plan();
  spec.treatment = spec.control;
  const LogRankMoments m = logrank_moments(spec, 30.0);
  EXPECT_EQ(std::fpclassify(m.score_mean), FP_ZERO);
  EXPECT_GT(m.variance, 0.0);
  // Under H0 the variance is the expected p (1 - p) dN: a quarter of the events at 1:1.
  EXPECT_NEAR_REL(m.variance, 0.25 * m.events, 1e-9);
}

TEST(LogRankDrift, ProportionalHazardsApproachSchoenfeld) {
  // Exponential, no cure: E[Z] / (sqrt(d p (1 - p)) (-log HR)) -> 1 as HR -> 1
  // (Schoenfeld 1981); the gap shrinks at least linearly in |log HR|.
  double previous_gap = 1.0;
  for (double hr : {0.7, 0.9, 0.97, 0.99}) {
    SurvivalSpec spec;
    spec.control = CureModel(0.0, Latency::exponential(0.1));
    spec.treatment = spec.control.with_hazard_ratio_noncured(hr);
    spec.accrual = Accrual::uniform(24.0);
    spec.allocation_ratio = 2.0;
    const double patients = 500.0;
    const LogRankMoments m = logrank_moments(spec, 36.0);
    const double p = 2.0 / 3.0;
    const double schoenfeld = std::sqrt(patients * m.events * p * (1 - p)) * -std::log(hr);
    const double gap = std::fabs(m.mean_z(patients) / schoenfeld - 1.0);
    EXPECT_LT(gap, 0.5 * std::fabs(std::log(hr))) << "hr = " << hr;
    EXPECT_LT(gap, previous_gap);
    previous_gap = gap;
  }
  EXPECT_LT(previous_gap, 2e-3);
}

TEST(LogRankDrift, MeanScalesWithSquareRootOfPatients) {
  const LogRankMoments m = logrank_moments(testing::seed_plan(), 45.0);
  EXPECT_NEAR_REL(m.mean_z(400.0), 2.0 * m.mean_z(100.0), 1e-14);
  EXPECT_THROW((void)logrank_means(testing::seed_plan(), 0.0, std::vector<double>{1.0}),
               std::invalid_argument);
}

TEST(Schoenfeld, ClosedFormsInvertEachOther) {
  // with HR 0.63 the naive formula asks for about 164 events for
  // 84% power at two-sided 0.05: (1.959964 + 0.994458)^2 / (0.25 log(0.63)^2)
  // = 163.5514 (Python statistics.NormalDist quantiles).
  const double d = schoenfeld_events(0.025, 0.84, 0.63, 0.5);
  EXPECT_NEAR(d, 163.5514, 1e-4);
  EXPECT_NEAR_REL(schoenfeld_power(0.025, d, 0.63, 0.5), 0.84, 1e-12);
}

TEST(Schoenfeld, HarmfulHazardRatioHasPowerBelowAlpha) {
  // HR 1/0.63 is harm: rejecting in favour of treatment is rarer than alpha,
  // Phi(-sqrt(d/4) log(1/0.63) - z_0.975), not the 0.84 of HR 0.63.
  const double d = schoenfeld_events(0.025, 0.84, 0.63, 0.5);
  const double p = schoenfeld_power(0.025, d, 1.0 / 0.63, 0.5);
  EXPECT_LT(p, 0.025);
  EXPECT_NEAR(p, normal_lower_tail(-std::sqrt(d / 4.0) * std::log(1.0 / 0.63) -
                                   normal_upper_quantile(0.025)), 1e-12);
}

}  // namespace
}  // namespace gsd::survival::logrank_drift_test
