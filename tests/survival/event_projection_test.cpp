// Expected events by calendar time against closed forms (exponential
// latency, uniform accrual), consistency between equivalent model
// parameterisations, and the look times of docs/validation.md.
#include "gsd/survival/event_projection.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "expect_near_rel.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::event_projection_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

// Closed form: fraction of patients (uniform entry over A) with an event of
// density lambda e^{-mu s} by calendar tau:
//   (lambda / mu) (1 / A) [m - (e^{-mu (tau - m)} - e^{-mu tau}) / mu],  m = min(tau, A).
double closed_form(double lambda, double mu, double accrual, double tau) {
  const double m = std::fmin(tau, accrual);
  return lambda / mu / accrual * (m - (std::exp(-mu * (tau - m)) - std::exp(-mu * tau)) / mu);
}

SurvivalSpec exponential_spec(double cure, double rate0, double rate1, double accrual) {
  SurvivalSpec spec;
  spec.control = CureModel(cure, Latency::exponential(rate0));
  spec.treatment = CureModel(cure, Latency::exponential(rate1));
  spec.accrual = Accrual::uniform(accrual);
  return spec;
}

TEST(EventProjection, ExponentialNoCureUniformAccrualMatchesClosedForm) {
  const SurvivalSpec spec = exponential_spec(0.0, 0.1, 0.06, 24.0);
  for (double tau : {3.0, 12.0, 24.0, 30.0, 80.0}) {
    const double expected = 0.5 * closed_form(0.1, 0.1, 24.0, tau) + 0.5 * closed_form(0.06, 0.06, 24.0, tau);
    EXPECT_NEAR_REL(event_fraction(spec, tau), expected, 1e-10) << "tau = " << tau;
  }
}

TEST(EventProjection, CureFractionScalesTheEvents) {
  const SurvivalSpec spec = exponential_spec(0.3, 0.1, 0.1, 24.0);
  EXPECT_NEAR_REL(event_fraction(spec, 30.0), 0.7 * closed_form(0.1, 0.1, 24.0, 30.0), 1e-10);
  EXPECT_NEAR_REL(event_fraction_limit(spec), 0.7, 1e-14);
}

TEST(EventProjection, DropoutMatchesClosedForm) {
  SurvivalSpec spec = exponential_spec(0.2, 0.1, 0.05, 12.0);
  spec.dropout_control = 0.02;
  spec.dropout_treatment = 0.01;
  // Observed-event density (1 - pi) lambda e^{-(lambda + eta) s}.
  for (double tau : {6.0, 12.0, 40.0}) {
    const double expected = 0.5 * 0.8 * closed_form(0.1, 0.12, 12.0, tau) +
                            0.5 * 0.8 * closed_form(0.05, 0.06, 12.0, tau);
    EXPECT_NEAR_REL(event_fraction(spec, tau), expected, 1e-10);
  }
  // All-time limit (1 - pi) lambda / (lambda + eta) per arm.
  EXPECT_NEAR_REL(event_fraction_limit(spec), 0.5 * 0.8 * (0.1 / 0.12 + 0.05 / 0.06), 1e-9);
  EXPECT_NEAR_REL(arm_event_fraction(spec, 0, 40.0), 0.5 * 0.8 * closed_form(0.1, 0.12, 12.0, 40.0), 1e-10);
}

TEST(EventProjection, AllocationRatioWeightsTheArms) {
  SurvivalSpec spec = exponential_spec(0.0, 0.1, 0.05, 12.0);
  spec.allocation_ratio = 2.0;
  const double expected = closed_form(0.1, 0.1, 12.0, 20.0) / 3.0 + 2.0 * closed_form(0.05, 0.05, 12.0, 20.0) / 3.0;
  EXPECT_NEAR_REL(event_fraction(spec, 20.0), expected, 1e-10);
}

TEST(EventProjection, EquivalentParameterisationsAgree) {
  // Exponential = piecewise with equal rates = Weibull shape 1; uniform =
  // piecewise accrual with equal rates.
  const SurvivalSpec base = exponential_spec(0.4, 0.1, 0.07, 36.0);
  SurvivalSpec piecewise = base;
  piecewise.control = CureModel(0.4, Latency::piecewise_exponential({0.0, 5.0, 17.0}, {0.1, 0.1, 0.1}));
  piecewise.treatment = CureModel(0.4, Latency::weibull(1.0, 1.0 / 0.07));
  piecewise.accrual = Accrual::piecewise({10.0, 26.0}, {2.0, 2.0});
  for (double tau : {4.0, 20.0, 36.0, 50.0}) {
    EXPECT_NEAR_REL(event_fraction(piecewise, tau), event_fraction(base, tau), 1e-10);
  }
}

TEST(EventProjection, RampUpAccrualMatchesItsConvolution) {
  // Ramp-up: rate 1 for 6 months then 3 for 30 (mass 96). A patient of rate
  // density c entering on [a, b] contributes c int_a^b F(tau - u) du, with
  // F = 1 - e^{-lambda t}: integral (b - a) - (e^{-l(tau-b)} - e^{-l(tau-a)}) / l.
  SurvivalSpec spec = exponential_spec(0.0, 0.08, 0.08, 36.0);
  spec.accrual = Accrual::piecewise({6.0, 30.0}, {1.0, 3.0});
  const double l = 0.08;
  const auto piece = [&](double a, double b, double tau) {
    b = std::fmin(b, tau);
    if (b <= a) return 0.0;
    return (b - a) - (std::exp(-l * (tau - b)) - std::exp(-l * (tau - a))) / l;
  };
  for (double tau : {4.0, 20.0, 45.0}) {
    const double expected = (1.0 * piece(0.0, 6.0, tau) + 3.0 * piece(6.0, 36.0, tau)) / 96.0;
    EXPECT_NEAR_REL(event_fraction(spec, tau), expected, 1e-10);
  }
}

TEST(EventProjection, PiecewiseHazardsRampUpAndDropoutMatchIndependentSimpson) {
  // tests/reference/survival_events_reference.py: per-arm event fractions by
  // composite Simpson on the time scale (error < 1e-13). Columns: tau,
  // control, treatment (fractions of that arm's patients).
  // rpact 3.3.4 getEventProbabilities gives the treatment column to 1e-15 but
  // the control column up to 2e-4 off near the end of accrual, against both
  // this Simpson rule and a 2e6-cell midpoint rule; rpact is not used here.
  constexpr double kReference[][3] = {
      {5.0, 1.356875830429006e-02, 9.949186248258678e-03},
      {10.0, 6.229467902486681e-02, 4.659838131669129e-02},
      {20.0, 2.739191016585065e-01, 2.125883450556970e-01},
      {29.0, 5.195721111904269e-01, 4.144133664879230e-01},
      {30.0, 5.490270145929008e-01, 4.391305866707647e-01},
      {31.0, 5.769754444372724e-01, 4.629298116698882e-01},
      {40.0, 7.270653148901123e-01, 6.050372995408981e-01},
  };
  SurvivalSpec spec;
  spec.control = CureModel(0.0, Latency::piecewise_exponential({0.0, 6.0}, {0.1, 0.05}));
  spec.treatment = spec.control.with_hazard_ratio_noncured(0.7);
  spec.accrual = Accrual::piecewise({6.0, 24.0}, {10.0, 30.0});
  spec.dropout_control = -std::log(0.95) / 12.0;
  spec.dropout_treatment = spec.dropout_control;
  spec.allocation_ratio = 2.0;
  for (const auto& row : kReference) {
    EXPECT_NEAR_REL(arm_event_fraction(spec, 0, row[0]) / spec.control_share(), row[1], 1e-10)
        << "tau = " << row[0];
    EXPECT_NEAR_REL(arm_event_fraction(spec, 1, row[0]) / spec.treatment_share(), row[2], 1e-10)
        << "tau = " << row[0];
  }
}

TEST(EventProjection, SeedPlanLookTimesMatchReference) {
  // docs/validation.md: expected calendar time of the looks at 47 / 71 / 94 events
  // with 202 patients: 27.09, 36.11, 50.77 months (two decimals: +-0.005).
  const SurvivalSpec spec = testing::seed_plan();
  const std::vector<double> events{47.0, 71.0, 94.0};
  const std::vector<double> times = look_times(spec, 202.0, events);
  ASSERT_EQ(times.size(), 3U);
  EXPECT_NEAR(times[0], 27.09, 0.005);
  EXPECT_NEAR(times[1], 36.11, 0.005);
  EXPECT_NEAR(times[2], 50.77, 0.005);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR_REL(202.0 * event_fraction(spec, times[k]), events[k], 1e-10);
  }
}

TEST(EventProjection, SeedPlanEventLimitIs104Point8) {
  // "202 patients can ever produce 104.8 events": 202 (0.6 + 0.438) / 2.
  EXPECT_NEAR_REL(202.0 * event_fraction_limit(testing::seed_plan()), 202.0 * 1.038 / 2.0, 1e-14);
  try {
    (void)calendar_time_for_events(testing::seed_plan(), 202.0, 110.0);
    FAIL() << "no throw";
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(),
                 "events = 110 exceeds the 104.8 events that 202 patients can ever produce "
                 "(cure 40% / 56.2%)");
  }
}

TEST(EventProjection, ProjectionIsIncreasingAndStartsAtZero) {
  const SurvivalSpec spec = testing::seed_plan();
  EXPECT_EQ(std::fpclassify(event_fraction(spec, 0.0)), FP_ZERO);
  double previous = 0.0;
  for (double tau = 1.0; tau < 200.0; tau += 7.0) {
    const double now = event_fraction(spec, tau);
    EXPECT_GT(now, previous);
    EXPECT_LT(now, event_fraction_limit(spec));
    previous = now;
  }
}

TEST(EventProjection, WeibullWithInfiniteHazardAtZeroIntegrates) {
  // Shape 0.5: h(0) = infinity, f integrable. Closed form with instant entry
  // (accrual far shorter than tau has little effect), compare to a brute
  // midpoint rule with 2e5 cells as an independent check.
  SurvivalSpec spec;
  spec.control = CureModel(0.0, Latency::weibull(0.5, 10.0));
  spec.treatment = spec.control;
  spec.accrual = Accrual::uniform(12.0);
  const double tau = 30.0;
  const int cells = 200000;
  double brute = 0.0;
  for (int i = 0; i < cells; ++i) {
    const double u = (i + 0.5) * 12.0 / cells;  // entry time
    brute += 1.0 - spec.control.latency().survival(tau - u);
  }
  brute /= cells;
  EXPECT_NEAR_REL(event_fraction(spec, tau), brute, 1e-8);
}

TEST(EventProjection, LimitWithDropoutIsTheLongRunProjection) {
  // The all-time limit (an integral to infinity) equals the projection at a
  // calendar time where every latency has run out: two independent paths,
  // for a smooth, a piecewise and a singular (Weibull 0.5) latency.
  const Latency latencies[] = {Latency::weibull(1.5, 8.0),
                               Latency::piecewise_exponential({0.0, 3.0, 9.0}, {0.2, 0.05, 0.1}),
                               Latency::weibull(0.5, 6.0)};
  for (const Latency& l : latencies) {
    SurvivalSpec spec;
    spec.control = CureModel(0.25, l);
    spec.treatment = CureModel(0.4, l.with_hazard_ratio(0.7));
    spec.accrual = Accrual::uniform(10.0);
    spec.dropout_control = 0.02;
    spec.dropout_treatment = 0.03;
    // By calendar time 5000 the latencies (and drop-out) have run out to
    // far below 1e-12 for every latency here.
    EXPECT_NEAR_REL(event_fraction_limit(spec), event_fraction(spec, 5000.0), 1e-8);
  }
}

TEST(EventProjection, RejectsBadTargets) {
  const SurvivalSpec spec = testing::seed_plan();
  EXPECT_THROW((void)calendar_time_for_events(spec, 202.0, -1.0), std::invalid_argument);
  EXPECT_THROW((void)calendar_time_for_events(spec, 0.0, 10.0), std::invalid_argument);
  EXPECT_THROW((void)calendar_time_for_events(spec, 202.0, 104.9), InvalidInput);
  EXPECT_THROW((void)arm_event_fraction(spec, 2, 10.0), std::invalid_argument);
}

}  // namespace
}  // namespace gsd::survival::event_projection_test
