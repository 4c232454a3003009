// The calendar profile: its tabulated convolutions against the adaptive
// quadrature of event_projection / logrank_drift, over every latency family,
// drop-out and ramp-up accrual, and its influence-function moments against a
// Monte Carlo of the log-rank statistic.
#include "gsd/survival/calendar_profile.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "expect_near_rel.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/logrank_drift.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::calendar_profile_test {
namespace {

SurvivalSpec weibull_rampup_dropout() {
  SurvivalSpec spec;
  spec.control = CureModel(0.2, Latency::weibull(0.7, 10.0));
  spec.treatment = spec.control.with_hazard_ratio_noncured(0.7);
  spec.accrual = Accrual::piecewise({6.0, 18.0}, {1.0, 3.0});
  spec.dropout_control = 0.01;
  spec.dropout_treatment = 0.02;
  spec.allocation_ratio = 2.0;
  return spec;
}

SurvivalSpec piecewise_no_cure() {
  SurvivalSpec spec;
  spec.control = CureModel(0.0, Latency::piecewise_exponential({0.0, 4.0, 12.0}, {0.08, 0.05, 0.03}));
  spec.treatment = CureModel(0.0, Latency::piecewise_exponential({0.0, 3.0, 12.0}, {0.08, 0.03, 0.02}));
  spec.accrual = Accrual::uniform(20.0);
  return spec;
}

// The seed trial with a control latency whose hazard jumps from 0.1 to
// `steep` per month at 5 months: nearly every noncured event comes within
// 5 / steep months of month 5 (the treatment's hazards are 0.63 of these).
SurvivalSpec hazard_jump(double steep) {
  SurvivalSpec spec = testing::seed_plan();
  spec.control = CureModel(0.4, Latency::piecewise_exponential({0.0, 5.0}, {0.1, steep}));
  spec.treatment = CureModel(0.562, spec.control.latency().with_hazard_ratio(0.63));
  return spec;
}

void expect_matches_quadrature(const SurvivalSpec& spec, double horizon, double tolerance = 1e-8) {
  const CalendarProfile profile(spec, horizon);
  for (double f : {0.02, 0.1, 0.3, 0.55, 0.8, 1.0}) {
    const double tau = f * horizon;
    const LogRankMoments exact = logrank_moments(spec, tau);
    // 1e-8 relative: the quadrature is good to 1e-10, the profile's
    // order-6 panels and quintic interpolation to about 1e-9.
    EXPECT_NEAR_REL(profile.events(tau), event_fraction(spec, tau), tolerance);
    EXPECT_NEAR_REL(profile.arm_events(1, tau), arm_event_fraction(spec, 1, tau), tolerance);
    EXPECT_NEAR_REL_ABS(profile.score_mean(tau), exact.score_mean, tolerance, 1e-15);
    EXPECT_NEAR_REL(profile.null_variance(tau), exact.variance, tolerance);
  }
}

TEST(CalendarProfile, SeedPlanMatchesAdaptiveQuadrature) {
  expect_matches_quadrature(testing::seed_plan(), 109.82);
}

TEST(CalendarProfile, WeibullRampUpDropOutMatchesAdaptiveQuadrature) {
  expect_matches_quadrature(weibull_rampup_dropout(), 80.0);
}

TEST(CalendarProfile, PiecewiseHazardsMatchAdaptiveQuadrature) {
  expect_matches_quadrature(piecewise_no_cure(), 60.0);
}

// A hazard far steeper than a panel is wide (horizon / 256 = 0.16 months
// here): panels graded after the kink resolve it. Uniform panels gave the
// event-driven power 0.5632 at a jump to 100 per month and 0.2116 at 300,
// where 20,000 simulated trials give 0.7257 and 0.7255.
TEST(CalendarProfile, SteepHazardAfterAKinkMatchesAdaptiveQuadrature) {
  for (double steep : {100.0, 1e4, 1e8}) {
    SCOPED_TRACE(steep);
    expect_matches_quadrature(hazard_jump(steep), 41.0);
  }
}

// Drop-out of 10 a month leaves e^{-10 s} of a patient at risk, 1e-322 by
// 74 months: the influence rates divide by its cube, which underflowed, and
// the null variance, the moments at the cap and the event-driven power came
// out NaN (15117 patients, 60 events: "power -nan"). Against the adaptive
// quadrature of logrank_drift, and the conditional variance at the cap
// finite and within the null variance (Var(L | D) <= Var(L)). The
// profile's panels (horizon / 256 = 0.43 months) are wider than the
// drop-out's decay time (0.1 month), which leaves 2e-7 of relative error.
TEST(CalendarProfile, HeavyDropOutMatchesAdaptiveQuadrature) {
  SurvivalSpec spec = testing::seed_plan();
  spec.dropout_control = 10.0;
  spec.dropout_treatment = 10.0;
  expect_matches_quadrature(spec, 109.82, 1e-6);
  const LogRankJointMoments at_cap = CalendarProfile(spec, 109.82).moments(109.82);
  EXPECT_TRUE(std::isfinite(at_cap.conditional_variance));
  EXPECT_GT(at_cap.conditional_variance, 0.0);
  EXPECT_LE(at_cap.conditional_variance, at_cap.null_variance * (1.0 + 1e-6));
}

TEST(CalendarProfile, TimeForEventsInvertsTheEventCurve) {
  const SurvivalSpec spec = testing::seed_plan();
  const CalendarProfile profile(spec, 109.82);
  const double tau = profile.time_for_events(94.0 / 202.0);
  EXPECT_NEAR_REL(tau, calendar_time_for_events(spec, 202.0, 94.0), 1e-8);
  EXPECT_DOUBLE_EQ(profile.time_for_events(0.9), 109.82);  // beyond the horizon
}

TEST(CalendarProfile, InfluenceMomentsMatchMonteCarlo) {
  // Seed plan, 202 patients (101 per arm), analysis at the expected time of
  // 94 events (50.767 months). A Monte Carlo of 40,000 trials (numpy, seed
  // 5; tests/reference/logrank_influence_check.py) gives per patient:
  // Cov(U, D) / Var(D) = 0.1016, Var(U | D) = 0.10869, and for 47 events at
  // 27.09 months Var(Z) = 0.963 (Z = U / sqrt(V), the hypergeometric
  // variance). The Monte Carlo standard errors are about 1% (variances) and
  // 3% (slope); the bounds are 4 of them.
  const CalendarProfile profile(testing::seed_plan(), 109.82);
  const LogRankJointMoments late = profile.moments(50.767);
  EXPECT_NEAR(late.score_slope, 0.1016, 4 * 0.003);
  const LogRankJointMoments early = profile.moments(27.094);
  // Var(Z) at 47 events: the conditional variance of L relative to E V,
  // plus the spread of the conditional mean over the look time (0.3%).
  EXPECT_NEAR(early.conditional_variance / early.null_variance, 0.963, 4 * 0.006);
  // The score mean and variance are those of logrank_drift.
  EXPECT_NEAR_REL(late.score_mean, logrank_moments(testing::seed_plan(), 50.767).score_mean, 1e-8);
}

TEST(CalendarProfile, NullModelHasUnitVarianceRatioAndNoScore) {
  // Equal arms: U has mean 0, and its variance given D is the null
  // variance (the influence function of a score under H0 is its martingale).
  SurvivalSpec spec = testing::seed_plan();
  spec.treatment = spec.control;
  const CalendarProfile profile(spec, 100.0);
  const LogRankJointMoments m = profile.moments(45.0);
  EXPECT_NEAR(m.score_mean, 0.0, 1e-14);
  EXPECT_NEAR(m.score_slope, 0.0, 1e-12);
  EXPECT_NEAR_REL(m.conditional_variance, m.null_variance, 1e-6);
}

}  // namespace
}  // namespace gsd::survival::calendar_profile_test
