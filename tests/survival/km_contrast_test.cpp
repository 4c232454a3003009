// The Kaplan-Meier milestone and RMST moments against closed forms.
// Without censoring before the horizon (entry long before the look, no
// drop-out) Greenwood's variance of an arm's estimate is the variance of
// one patient's outcome over n_j: S(t)(1 - S(t)) for the milestone and
// Var min(T, tau) = 2 int_0^tau u S(u) du - (int_0^tau S)^2 for the RMST,
// for any survival model; for an exponential these have closed forms, and
// with exponential drop-out the milestone's is S^2 lambda (e^{(lambda + eta) t} - 1) / (lambda + eta).
#include "gsd/survival/km_contrast.hpp"

#include <gtest/gtest.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <limits>

#include "gsd/numerics/invalid_input.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::km_contrast_test {
namespace {

constexpr double kTight = 1e-8;  // relative

// Every patient enters within the first 1e-6 and the look is late: every
// patient is followed past the horizon.
SurvivalSpec uncensored(CureModel control, CureModel treatment, double ratio = 1.0) {
  SurvivalSpec spec;
  spec.control = std::move(control);
  spec.treatment = std::move(treatment);
  spec.allocation_ratio = ratio;
  spec.accrual = Accrual::uniform(1e-6);
  return spec;
}

KmContrast rmst(double tau) { return {KmContrast::Kind::kRmst, tau}; }
KmContrast milestone(double t) { return {KmContrast::Kind::kMilestone, t}; }

double exponential_rmst(double rate, double tau) { return -std::expm1(-rate * tau) / rate; }

// Var min(T, tau) of an exponential: (1 - 2 lambda tau e^{-lambda tau} - e^{-2 lambda tau}) / lambda^2.
double exponential_rmst_variance(double rate, double tau) {
  const double x = rate * tau;
  return (1.0 - 2.0 * x * std::exp(-x) - std::exp(-2.0 * x)) / (rate * rate);
}

// Var min(T, tau) by adaptive Gauss-Kronrod, independent of the code's rules.
double outcome_variance(const CureModel& m, double tau) {
  using GK = boost::math::quadrature::gauss_kronrod<double, 61>;
  const double mean = GK::integrate([&](double u) { return m.survival(u); }, 0.0, tau, 15, 1e-14);
  const double second = GK::integrate([&](double u) { return 2.0 * u * m.survival(u); }, 0.0, tau, 15, 1e-14);
  return second - mean * mean;
}

TEST(KmContrast, ExponentialWithoutCensoringMatchesClosedForms) {
  const double l0 = std::log(2.0) / 9.0, l1 = std::log(2.0) / 14.0;
  const SurvivalSpec spec = uncensored(CureModel(0.0, Latency::exponential(l0)),
                                       CureModel(0.0, Latency::exponential(l1)));
  for (double tau : {6.0, 24.0, 60.0}) {
    SCOPED_TRACE(tau);
    const KmContrastMoments m = km_contrast_moments(spec, milestone(tau), tau + 1.0);
    const double s0 = std::exp(-l0 * tau), s1 = std::exp(-l1 * tau);
    EXPECT_NEAR(m.estimate, s1 - s0, kTight * (s1 - s0));
    // Per patient of the trial: n_j = N / 2.
    const double v = 2.0 * (s0 * (1.0 - s0) + s1 * (1.0 - s1));
    EXPECT_NEAR(m.variance, v, kTight * v);
    const KmContrastMoments r = km_contrast_moments(spec, rmst(tau), tau + 1.0);
    const double d = exponential_rmst(l1, tau) - exponential_rmst(l0, tau);
    EXPECT_NEAR(r.estimate, d, kTight * d);
    const double vr = 2.0 * (exponential_rmst_variance(l0, tau) + exponential_rmst_variance(l1, tau));
    EXPECT_NEAR(r.variance, vr, kTight * vr);
    EXPECT_NEAR(r.variance_control, 2.0 * exponential_rmst_variance(l0, tau), kTight * vr);
  }
}

TEST(KmContrast, ExponentialDropOutMatchesClosedForm) {
  const double l0 = 0.08, l1 = 0.05, eta0 = 0.02, eta1 = 0.035;
  SurvivalSpec spec = uncensored(CureModel(0.0, Latency::exponential(l0)), CureModel(0.0, Latency::exponential(l1)),
                                 2.0);
  spec.dropout_control = eta0;
  spec.dropout_treatment = eta1;
  const double t = 18.0;
  const KmContrastMoments m = km_contrast_moments(spec, milestone(t), 40.0);
  const auto arm = [&](double l, double eta, double share) {
    const double s = std::exp(-l * t);
    return s * s * l * std::expm1((l + eta) * t) / ((l + eta) * share);
  };
  EXPECT_NEAR(m.variance_control, arm(l0, eta0, 1.0 / 3.0), kTight * m.variance_control);
  EXPECT_NEAR(m.variance_treatment, arm(l1, eta1, 2.0 / 3.0), kTight * m.variance_treatment);
}

TEST(KmContrast, AnyModelWithoutCensoringHasTheOutcomeVariance) {
  const CureModel weibull(0.3, Latency::weibull(0.7, 10.0));
  const CureModel piecewise(0.2, Latency::piecewise_exponential({0.0, 6.0, 15.0}, {0.1, 0.04, 0.02}));
  const SurvivalSpec spec = uncensored(weibull, piecewise, 1.5);
  const double p0 = 1.0 / 2.5, p1 = 1.5 / 2.5;
  for (double tau : {4.0, 20.0}) {
    SCOPED_TRACE(tau);
    const KmContrastMoments m = km_contrast_moments(spec, milestone(tau), 50.0);
    const double s0 = weibull.survival(tau), s1 = piecewise.survival(tau);
    EXPECT_NEAR(m.variance_control, s0 * (1.0 - s0) / p0, kTight * m.variance_control);
    EXPECT_NEAR(m.variance_treatment, s1 * (1.0 - s1) / p1, kTight * m.variance_treatment);
    const KmContrastMoments r = km_contrast_moments(spec, rmst(tau), 50.0);
    EXPECT_NEAR(r.control_value, restricted_mean(weibull, tau), 1e-12 * tau);
    EXPECT_NEAR(r.variance_control, outcome_variance(weibull, tau) / p0, kTight * r.variance_control);
    EXPECT_NEAR(r.variance_treatment, outcome_variance(piecewise, tau) / p1, kTight * r.variance_treatment);
  }
}

TEST(KmContrast, LaterLooksHaveSmallerVarianceUntilEveryoneIsFollowedPastTheHorizon) {
  const SurvivalSpec spec = testing::seed_plan();  // accrual over 36 months
  double previous = std::numeric_limits<double>::infinity();
  for (double look : {30.0, 40.0, 50.0, 60.0}) {
    const double v = km_contrast_moments(spec, rmst(24.0), look).variance;
    EXPECT_LT(v, previous);
    previous = v;
  }
  // From month 36 + 24 every patient has been followed past 24 months.
  EXPECT_EQ(km_contrast_moments(spec, rmst(24.0), 60.0).variance,
            km_contrast_moments(spec, rmst(24.0), 70.0).variance);
}

TEST(KmContrast, EqualArmsGiveNoDifference) {
  SurvivalSpec spec = testing::seed_plan();
  spec.treatment = spec.control;
  EXPECT_EQ(km_contrast_moments(spec, rmst(24.0), 40.0).estimate, 0.0);
  EXPECT_EQ(km_contrast_moments(spec, milestone(24.0), 40.0).estimate, 0.0);
}

TEST(KmContrast, RefusesAHorizonNoPatientIsFollowedFor) {
  SurvivalSpec spec = testing::seed_plan();
  spec.accrual = Accrual::piecewise({6.0, 30.0}, {0.0, 1.0});  // first entry at month 6
  EXPECT_DOUBLE_EQ(maximum_follow_up(spec, 30.0), 24.0);
  EXPECT_GT(km_contrast_moments(spec, rmst(23.9), 30.0).variance, 0.0);
  try {
    km_contrast_moments(spec, rmst(24.0), 30.0);
    FAIL() << "tau = 24 at the longest follow-up 24";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_EQ(e.path(), (numerics::FieldPath{"test", "tau"}));
  }
  EXPECT_THROW(km_contrast_moments(spec, milestone(0.0), 30.0), numerics::InvalidInput);
  EXPECT_THROW(km_contrast_moments(spec, milestone(-1.0), 30.0), numerics::InvalidInput);
}

}  // namespace
}  // namespace gsd::survival::km_contrast_test
