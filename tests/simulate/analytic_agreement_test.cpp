// Simulated power against the analytic power of the survival module
// (gsd::survival::evaluate_plan: asymptotic non-proportional-hazards log-rank
// drift at the expected look times, then recursive integration).
//
// The analytic value is an approximation: the looks happen at random calendar
// times and the log-rank z is only asymptotically normal. Measured with
// 100,000 replicates per scenario (seed 7), simulated minus analytic power:
//   seed trial (202 pts, 94 events)            -0.0050 (SE 0.0012)
//   seed x 2 (404 pts, 188 events)             -0.0004 (SE 0.0004)
//   no cure, PH 0.7, one-sided, 2 looks        -0.0033 (SE 0.0013)
//   Weibull + drop-out + HSD(-2) futility      +0.0019 (SE 0.0011)
//   ramp-up accrual, 240 pts, 110 events       -0.0038 (SE 0.0013, 50,000 replicates)
// so the approximation error here is below kApproximationError = 0.008. It is
// larger when the planned events come close to the number the patients can
// ever produce: 2:1 allocation, 240 patients, 110 of about 118 possible
// events gives -0.023 (docs/simulation.md).
#include <gtest/gtest.h>

#include <cmath>

#include "gsd/survival/sample_size.hpp"
#include "gsd/simulate/trial_model.hpp"
#include "seed_model.hpp"

namespace gsd::simulate::analytic_agreement_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

using survival::Accrual;
using survival::CureModel;
using survival::Latency;
using survival::SurvivalSpec;

// The analytic power is asymptotic: expected look times and
// log-rank moments. Its error against simulation, measured with 100,000
// replicates per scenario of this file, is at most 0.005 (seed trial -0.0050,
// doubled -0.0004, no cure -0.0033, Weibull with drop-out and futility
// +0.0019, ramp-up -0.0038; docs/simulation.md). 0.008 is the largest
// measured gap plus 2.5 of its own Monte Carlo standard errors (0.005 + 2.5 x
// 0.0012 at 100k), added to 4 SE of this test's simulation.
constexpr double kApproximationError = 0.008;
constexpr std::int64_t kReplicates = 40000 / testing::kReplicateScale;

SurvivalSpec seed_spec() {
  SurvivalSpec s;
  s.control = CureModel(0.40, Latency::exponential_median(7.0));
  s.treatment = CureModel(0.562, Latency::exponential_median(7.0).with_hazard_ratio(0.63));
  s.accrual = Accrual::uniform(36.0);
  return s;
}

void expect_agreement(const SurvivalSpec& spec, const DesignSpec& design_spec, int patients,
                      int events, std::uint64_t seed) {
  const Design design = compute_design(design_spec);
  const double analytic = survival::evaluate_plan(spec, design, patients, events).power;
  const TrialModel model = trial_model(spec, patients);
  const Simulator sim(model, design, make_look_plan(design, events), default_max_duration(model));
  SimulationOptions o;
  o.replicates = kReplicates;
  o.seed = seed;
  o.threads = 2;
  const SimulationResult r = run_simulation(sim, o);
  EXPECT_NEAR(r.power, analytic, kApproximationError + 4.0 * r.power_se)
      << patients << " patients, " << events << " events";
}

TEST(AnalyticAgreement, SeedTrial) {
  expect_agreement(seed_spec(), testing::seed_design_spec(), 202, 94, 101);
}

TEST(AnalyticAgreement, SeedTrialDoubled) {
  expect_agreement(seed_spec(), testing::seed_design_spec(), 404, 188, 102);
}

TEST(AnalyticAgreement, ProportionalHazardsWithoutCure) {
  SurvivalSpec s;
  s.control = CureModel(0.0, Latency::exponential_median(12.0));
  s.treatment = CureModel(0.0, Latency::exponential_median(12.0).with_hazard_ratio(0.7));
  s.accrual = Accrual::uniform(24.0);
  DesignSpec d;
  d.alpha = 0.025;
  d.information_fractions = {0.5, 1.0};
  expect_agreement(s, d, 500, 250, 103);
}

TEST(AnalyticAgreement, WeibullDropoutAndFutility) {
  SurvivalSpec s = seed_spec();
  s.control = CureModel(0.3, Latency::weibull(1.5, 10.0));
  s.treatment = CureModel(0.45, Latency::weibull(1.5, 10.0).with_hazard_ratio(0.7));
  s.dropout_control = 0.01;
  s.dropout_treatment = 0.01;
  DesignSpec d;
  d.alpha = 0.025;
  d.beta = 0.1;
  d.information_fractions = {1.0 / 3.0, 2.0 / 3.0, 1.0};
  FutilitySpec f;
  f.spending = SpendingFunction::hwang_shih_decani(-2.0);
  d.futility = f;
  expect_agreement(s, d, 300, 140, 104);
}

TEST(AnalyticAgreement, RampUpAccrual) {
  SurvivalSpec s = seed_spec();
  s.accrual = Accrual::piecewise({6.0, 30.0}, {1.0, 3.0});
  expect_agreement(s, testing::seed_design_spec(), 240, 110, 105);
}

}  // namespace
}  // namespace gsd::simulate::analytic_agreement_test
