// Survival model value types against their closed forms (Klein & Moeschberger
// 2003, section 2.5): survival, density, hazard, quantile round trips, the
// cure-model identities and the accrual shapes.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "expect_near_rel.hpp"
#include "gsd/survival/accrual.hpp"
#include "gsd/survival/cure_model.hpp"
#include "gsd/survival/latency.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival::survival_models_test {
namespace {

constexpr double kTight = 1e-13;

TEST(Latency, ExponentialByMedianMatchesClosedForm) {
  const Latency l = Latency::exponential_median(7.0);
  const double rate = std::numbers::ln2 / 7.0;
  EXPECT_NEAR_REL(l.rate(), rate, kTight);
  EXPECT_NEAR_REL(l.survival(7.0), 0.5, kTight);
  EXPECT_NEAR_REL(l.survival(3.0), std::exp(-rate * 3.0), kTight);
  EXPECT_NEAR_REL(l.density(3.0), rate * std::exp(-rate * 3.0), kTight);
  EXPECT_NEAR_REL(l.hazard(12.0), rate, kTight);
  EXPECT_NEAR_REL(l.median(), 7.0, kTight);
}

TEST(Latency, WeibullMatchesClosedForm) {
  const Latency l = Latency::weibull(1.7, 10.0);
  const double t = 4.0;
  const double h = std::pow(t / 10.0, 1.7);
  EXPECT_NEAR_REL(l.cumulative_hazard(t), h, kTight);
  EXPECT_NEAR_REL(l.survival(t), std::exp(-h), kTight);
  EXPECT_NEAR_REL(l.hazard(t), 1.7 / 10.0 * std::pow(t / 10.0, 0.7), kTight);
  EXPECT_NEAR_REL(l.density(t), l.hazard(t) * std::exp(-h), kTight);
  // Median s (ln 2)^(1/k).
  EXPECT_NEAR_REL(l.median(), 10.0 * std::pow(std::numbers::ln2, 1.0 / 1.7), kTight);
}

TEST(Latency, PiecewiseMatchesHandComputation) {
  const Latency l = Latency::piecewise_exponential({0.0, 2.0, 5.0}, {0.1, 0.3, 0.05});
  EXPECT_NEAR_REL(l.cumulative_hazard(1.0), 0.1, kTight);
  EXPECT_NEAR_REL(l.cumulative_hazard(4.0), 0.2 + 0.6, kTight);
  EXPECT_NEAR_REL(l.cumulative_hazard(9.0), 0.2 + 0.9 + 0.2, kTight);
  EXPECT_NEAR_REL(l.hazard(2.0), 0.3, kTight);  // right-continuous
  EXPECT_NEAR_REL(l.hazard(1.999), 0.1, kTight);
  EXPECT_NEAR_REL(l.density(6.0), 0.05 * std::exp(-(0.2 + 0.9 + 0.05)), kTight);
  ASSERT_EQ(l.kinks().size(), 2U);
}

TEST(Latency, QuantileRoundTripsForEveryFamily) {
  const Latency families[] = {Latency::exponential(0.2), Latency::weibull(0.6, 3.0),
                              Latency::weibull(2.5, 8.0),
                              Latency::piecewise_exponential({0.0, 2.0, 5.0}, {0.1, 0.3, 0.05})};
  for (const Latency& l : families) {
    for (double p : {0.0, 1e-9, 0.01, 0.1, 0.18127, 0.5, 0.9, 0.999999}) {
      const double t = l.quantile(p);
      EXPECT_NEAR_REL_ABS(1.0 - l.survival(t), p, 1e-12, 1e-15) << "p = " << p;
    }
    // Only where S(t) is not tiny: 1 - S(t) itself loses the digits otherwise.
    for (double t : {0.5, 2.0, 5.0, 30.0}) {
      if (l.survival(t) < 1e-3) continue;
      EXPECT_NEAR_REL(l.quantile(1.0 - l.survival(t)), t, 1e-10) << "t = " << t;
    }
  }
}

TEST(Latency, InverseCumulativeHazardRoundTrips) {
  const Latency families[] = {Latency::exponential(0.2), Latency::weibull(0.6, 3.0),
                              Latency::weibull(2.5, 8.0),
                              Latency::piecewise_exponential({0.0, 2.0, 5.0}, {0.1, 0.3, 0.05})};
  for (const Latency& l : families) {
    // Far into the tail (H = 700, S = 1e-304) where 1 - p would round to 1.
    for (double h : {0.0, 1e-12, 0.2, 0.8, 1.1, 5.0, 700.0}) {
      EXPECT_NEAR_REL_ABS(l.cumulative_hazard(l.inverse_cumulative_hazard(h)), h, 1e-12, 1e-300);
    }
    EXPECT_TRUE(std::isinf(l.inverse_cumulative_hazard(std::numeric_limits<double>::infinity())));
  }
  EXPECT_THROW((void)Latency::exponential(1.0).inverse_cumulative_hazard(-1.0), std::invalid_argument);
}

TEST(Latency, HazardRatioScalesEveryHazard) {
  const Latency families[] = {Latency::exponential(0.2), Latency::weibull(1.4, 3.0),
                              Latency::piecewise_exponential({0.0, 2.0}, {0.1, 0.3})};
  for (const Latency& l : families) {
    const Latency scaled = l.with_hazard_ratio(0.63);
    EXPECT_EQ(scaled.family(), l.family());
    for (double t : {0.5, 2.5, 9.0}) {
      EXPECT_NEAR_REL(scaled.hazard(t), 0.63 * l.hazard(t), 1e-13);
      EXPECT_NEAR_REL(scaled.survival(t), std::pow(l.survival(t), 0.63), 1e-13);
    }
  }
  // Seed plan: control median 7 with HR 0.63 gives median 7 / 0.63 = 11.1.
  EXPECT_NEAR_REL(Latency::exponential_median(7.0).with_hazard_ratio(0.63).median(), 7.0 / 0.63,
                  kTight);
}

TEST(Latency, RejectsInvalidParameters) {
  EXPECT_THROW(Latency::exponential(0.0), std::invalid_argument);
  EXPECT_THROW(Latency::exponential(-1.0), std::invalid_argument);
  EXPECT_THROW(Latency::exponential_median(-7.0), std::invalid_argument);
  EXPECT_THROW(Latency::weibull(0.0, 1.0), std::invalid_argument);
  EXPECT_THROW(Latency::weibull(1.0, -1.0), std::invalid_argument);
  EXPECT_THROW(Latency::piecewise_exponential({1.0}, {0.1}), std::invalid_argument);
  EXPECT_THROW(Latency::piecewise_exponential({0.0, 2.0, 2.0}, {0.1, 0.2, 0.3}), std::invalid_argument);
  EXPECT_THROW(Latency::piecewise_exponential({0.0, 2.0}, {0.1}), std::invalid_argument);
  EXPECT_THROW(Latency::piecewise_exponential({0.0}, {0.0}), std::invalid_argument);
  EXPECT_THROW(Latency::exponential(1.0).with_hazard_ratio(0.0), std::invalid_argument);
  EXPECT_THROW((void)Latency::exponential(1.0).quantile(1.0), std::invalid_argument);
}

TEST(Latency, ErrorMessageNamesTheArgument) {
  try {
    Latency::exponential_median(-7.0);
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "median = -7 must be positive and finite");
  }
}

TEST(CureModel, MixtureIdentities) {
  const CureModel m(0.4, Latency::exponential_median(7.0));
  const double lambda = std::numbers::ln2 / 7.0;
  for (double t : {0.0, 1.0, 7.0, 30.0, 200.0}) {
    const double su = std::exp(-lambda * t);
    EXPECT_NEAR_REL(m.survival(t), 0.4 + 0.6 * su, kTight);
    EXPECT_NEAR_REL_ABS(m.density(t), 0.6 * lambda * su, kTight, 1e-300);
    EXPECT_NEAR_REL_ABS(m.hazard(t), 0.6 * lambda * su / (0.4 + 0.6 * su), 1e-12, 1e-300);
  }
  EXPECT_NEAR_REL(m.survival(7.0), 0.7, kTight);
  EXPECT_NEAR_REL(m.events_limit(), 0.6, kTight);
  EXPECT_NEAR_REL(m.hazard(0.0), lambda * 0.6, kTight);
  // Far tail: S_u underflows to 0; the hazard is 0, not NaN.
  EXPECT_EQ(std::fpclassify(m.hazard(1e6)), FP_ZERO);
}

TEST(CureModel, SeedPlanHazardRatioRunsFrom046ToAboveOne) {
  // docs/validation.md: the hazard ratio runs from 0.46 at month 0 to above 1 after
  // month 30. By the closed form it crosses 1 between months 31 and 32 (31.6).
  const CureModel control(0.40, Latency::exponential_median(7.0));
  const CureModel treatment = CureModel(0.562, control.latency()).with_hazard_ratio_noncured(0.63);
  EXPECT_NEAR(treatment.hazard(0.0) / control.hazard(0.0), 0.63 * 0.438 / 0.6, 1e-12);
  EXPECT_NEAR(treatment.hazard(0.0) / control.hazard(0.0), 0.46, 0.005);
  EXPECT_LT(treatment.hazard(31.0) / control.hazard(31.0), 1.0);
  EXPECT_GT(treatment.hazard(32.0) / control.hazard(32.0), 1.0);
}

TEST(CureModel, NoCureIsTheLatency) {
  const Latency l = Latency::weibull(1.3, 5.0);
  const CureModel m(0.0, l);
  for (double t : {0.3, 4.0, 11.0}) {
    EXPECT_NEAR_REL(m.survival(t), l.survival(t), kTight);
    EXPECT_NEAR_REL(m.hazard(t), l.hazard(t), 1e-12);
  }
}

TEST(CureModel, RejectsCureOutsideUnitInterval) {
  EXPECT_THROW(CureModel(1.0, Latency::exponential(1.0)), std::invalid_argument);
  EXPECT_THROW(CureModel(-0.1, Latency::exponential(1.0)), std::invalid_argument);
  try {
    CureModel(1.2, Latency::exponential(1.0));
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "cure_fraction = 1.2 must lie in [0, 1)");
  }
}

TEST(Accrual, UniformCdfAndQuantile) {
  const Accrual a = Accrual::uniform(36.0);
  EXPECT_NEAR_REL(a.duration(), 36.0, kTight);
  EXPECT_EQ(std::fpclassify(a.cdf(-1.0)), FP_ZERO);
  EXPECT_NEAR_REL(a.cdf(9.0), 0.25, kTight);
  EXPECT_NEAR_REL(a.cdf(40.0), 1.0, kTight);
  EXPECT_NEAR_REL(a.quantile(0.25), 9.0, kTight);
  EXPECT_NEAR_REL(a.density(3.0), 1.0 / 36.0, kTight);
}

TEST(Accrual, PiecewiseRampUp) {
  // 6 months at a third of the rate, then 30 at full rate: mass 2 + 30 = 32.
  const Accrual a = Accrual::piecewise({6.0, 30.0}, {1.0, 3.0});
  EXPECT_NEAR_REL(a.duration(), 36.0, kTight);
  EXPECT_NEAR_REL(a.cdf(6.0), 6.0 / 96.0, kTight);
  EXPECT_NEAR_REL(a.cdf(16.0), (6.0 + 30.0) / 96.0, kTight);
  for (double p : {0.0, 0.01, 6.0 / 96.0, 0.5, 0.99, 1.0}) {
    EXPECT_NEAR_REL_ABS(a.cdf(a.quantile(p)), p, 1e-13, 1e-15);
  }
  // A pause (rate 0) in the middle: the quantile at the plateau is its start.
  const Accrual paused = Accrual::piecewise({10.0, 5.0, 10.0}, {1.0, 0.0, 1.0});
  EXPECT_NEAR_REL(paused.quantile(0.5), 10.0, kTight);
  EXPECT_NEAR_REL(paused.cdf(12.0), 0.5, kTight);
}

TEST(Accrual, RejectsInvalidShapes) {
  EXPECT_THROW(Accrual::uniform(0.0), std::invalid_argument);
  EXPECT_THROW(Accrual::uniform(-3.0), std::invalid_argument);
  EXPECT_THROW(Accrual::piecewise({6.0}, {1.0, 2.0}), std::invalid_argument);
  EXPECT_THROW(Accrual::piecewise({6.0, 0.0}, {1.0, 2.0}), std::invalid_argument);
  EXPECT_THROW(Accrual::piecewise({6.0, 3.0}, {0.0, 0.0}), std::invalid_argument);
  EXPECT_THROW(Accrual::piecewise({6.0, 3.0}, {1.0, -1.0}), std::invalid_argument);
}

TEST(SurvivalSpec, ValidateNamesTheField) {
  SurvivalSpec spec;
  EXPECT_NO_THROW(spec.validate());
  spec.allocation_ratio = -1.0;
  EXPECT_THROW(spec.validate(), std::invalid_argument);
  spec.allocation_ratio = 2.0;
  EXPECT_NEAR_REL(spec.treatment_share(), 2.0 / 3.0, kTight);
  spec.power = 1.0;
  EXPECT_THROW(spec.validate(), std::invalid_argument);
  spec.power = 0.84;
  spec.dropout_control = -0.01;
  try {
    spec.validate();
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "dropout.control = -0.01 must be non-negative and finite");
  }
  spec.dropout_control.reset();
  spec.patients = 10;
  spec.events = 11;
  EXPECT_THROW(spec.validate(), std::invalid_argument);
  spec.events = 0;
  EXPECT_THROW(spec.validate(), std::invalid_argument);
  spec.events = 5;
  spec.follow_up = -1.0;
  EXPECT_THROW(spec.validate(), std::invalid_argument);
}

// Each arm's noncured median within a factor of 1e9 of the accrual duration,
// either way, and at most 1e9 drop-outs per patient over the accrual: beyond,
// the event-driven power drifts or fails (survival_spec.cpp).
TEST(SurvivalSpec, TimeScalesWithinAFactorOfABillion) {
  SurvivalSpec spec;
  spec.accrual = Accrual::uniform(36.0);
  spec.control = CureModel(0.4, Latency::exponential_median(36.0e9 * 0.999));
  spec.treatment = CureModel(0.4, Latency::exponential_median(36.0e-9 * 1.001));
  EXPECT_NO_THROW(spec.validate());  // both just inside the limits
  spec.control = CureModel(0.4, Latency::exponential_median(36.0e9 * 1.001));
  try {
    spec.validate();
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "control has a noncured median latency of 3.6036e+10 months, 1.001e+09 times the "
                 "accrual duration (36 months): gsd computes with the two within a factor of 1e9 "
                 "of each other; check the time unit of each (survival.time_unit)");
  }
  spec.control = CureModel(0.4, Latency::exponential_median(7.0));
  spec.treatment = CureModel(0.4, Latency::exponential_median(36.0e-9 * 0.999));
  EXPECT_THROW(spec.validate(), std::invalid_argument);
  // A latency short enough (a median of 3e-4 months) that drop-out at the
  // accrual's limit is within the latency's own (1e4 per median, below).
  spec.treatment = CureModel(0.4, Latency::exponential_median(3e-4));
  spec.dropout_treatment = 0.999e9 / 36.0;
  EXPECT_NO_THROW(spec.validate());
  spec.dropout_treatment = 27805556.0;  // 1.001e9 over the 36 months
  try {
    spec.validate();
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "dropout.treatment = 27805556 is a drop-out hazard of 1.001e+09 per accrual "
                           "duration (36 months): gsd computes up to 1e9; check the time unit "
                           "(survival.time_unit)");
  }
}

// At most 1e4 drop-outs per patient over the arm's noncured median latency:
// at 1.2e6 (1e5 a month against a median of 12 months) the quadrature of the
// events ever expected failed (survival_spec.cpp).
TEST(SurvivalSpec, DropOutWithinTenThousandPerMedianLatency) {
  SurvivalSpec spec;
  spec.accrual = Accrual::uniform(24.0);
  spec.control = CureModel(0.0, Latency::exponential_median(12.0));
  spec.treatment = CureModel(0.0, Latency::exponential_median(12.0));
  spec.dropout_control = 833.0;  // 9,996 per 12 months
  EXPECT_NO_THROW(spec.validate());
  spec.dropout_control = 834.0;  // 10,008
  try {
    spec.validate();
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "dropout.control = 834 is 10008 drop-outs per patient over the arm's noncured "
                           "median latency (12 months): gsd computes up to 1e4, where about one patient in "
                           "15,000 still has the event; check the rate and its time unit (survival.time_unit)");
  }
}

}  // namespace
}  // namespace gsd::survival::survival_models_test
