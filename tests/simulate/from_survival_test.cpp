// The simulator's private inline samplers against the survival models they
// are compiled from (two implementations of the same closed forms): S^-1 of
// the sampler equals the model's quantile at 1 - v, and both survival
// functions agree.
#include <gtest/gtest.h>

#include "expect_near_rel.hpp"
#include "gsd/simulate/trial_model.hpp"
#include "samplers.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulate/simulation_options.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::simulate::from_survival_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

using survival::Accrual;
using survival::Latency;

void expect_same_latency(const Latency& model) {
  const LatencySampler s = detail::latency_sampler(model);
  for (double v : {0.999, 0.9, 0.7, 0.5, 0.3, 0.1, 0.01, 1e-6}) {
    const double t = s.time_at_survival(v);
    EXPECT_NEAR_REL_ABS(t, model.quantile(1.0 - v), 1e-9, 1e-12) << "v = " << v;
    EXPECT_NEAR_REL(s.survival(t), model.survival(t), 1e-9);
  }
}

TEST(FromSurvival, ExponentialWeibullAndPiecewiseAgree) {
  expect_same_latency(Latency::exponential_median(7.0));
  expect_same_latency(Latency::weibull(0.7, 10.0));
  expect_same_latency(Latency::weibull(2.5, 3.0));
  expect_same_latency(Latency::piecewise_exponential({0.0, 3.0, 12.0}, {0.2, 0.05, 0.1}));
}

TEST(FromSurvival, AccrualAgrees) {
  for (const Accrual& a : {Accrual::uniform(36.0), Accrual::piecewise({6.0, 30.0}, {1.0, 3.0}),
                           Accrual::piecewise({2.0, 4.0, 10.0}, {1.0, 0.0, 2.0})}) {
    const AccrualSampler s = detail::accrual_sampler(a);
    EXPECT_DOUBLE_EQ(s.duration(), a.duration());
    for (double p : {0.0, 0.05, 0.2, 0.5, 0.8, 0.99, 1.0}) {
      EXPECT_NEAR(s.time_at_fraction(p), a.quantile(p), 1e-9) << "p = " << p;
    }
    for (double u : {0.5, 3.0, 5.0, 20.0}) EXPECT_NEAR(s.fraction_by(u), a.cdf(u), 1e-12);
  }
}

TEST(FromSurvival, TrialModelCarriesArmsAndDropout) {
  survival::SurvivalSpec spec;
  spec.control = survival::CureModel(0.4, Latency::exponential_median(7.0));
  spec.treatment = survival::CureModel(0.56, Latency::exponential_median(11.0));
  spec.dropout_treatment = 0.02;
  spec.allocation_ratio = 2.0;
  const TrialModel m = trial_model(spec, 202);
  ASSERT_EQ(m.strata.size(), 1u);
  EXPECT_DOUBLE_EQ(m.strata[0].control.outcome.cure_fraction(), 0.4);
  EXPECT_DOUBLE_EQ(m.strata[0].treatment.outcome.cure_fraction(), 0.56);
  EXPECT_FALSE(m.strata[0].control.dropout_rate.has_value());
  EXPECT_DOUBLE_EQ(*m.strata[0].treatment.dropout_rate, 0.02);
  EXPECT_DOUBLE_EQ(m.allocation_ratio, 2.0);
  EXPECT_EQ(m.effective_block_size(), 6);
  EXPECT_NO_THROW(m.validate());
}

TEST(TrialModelValidation, NamesTheField) {
  TrialModel m = trial_model(survival::SurvivalSpec{}, 100);
  m.strata.push_back(m.strata[0]);
  m.strata[0].proportion = 0.5;
  m.strata[1].proportion = 0.4;
  try {
    m.validate();
    FAIL();
  } catch (const numerics::InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()), "strata has proportions that add up to 0.9; they must add up to 1");
  }
  m.strata[1].proportion = 0.5;
  m.block_size = 3;
  EXPECT_THROW(m.validate(), std::invalid_argument);
  m.block_size = 0;
  m.allocation_ratio = 0.3141592;
  EXPECT_THROW(m.validate(), std::invalid_argument);  // not p/q for permuted blocks
  m.randomisation = Randomisation::kSimple;
  EXPECT_NO_THROW(m.validate());
  SimulationOptions o;
  o.replicates = 0;
  EXPECT_THROW(o.validate(), std::invalid_argument);
  o.replicates = 1;
  o.threads = 0;
  EXPECT_THROW(o.validate(), std::invalid_argument);
}

}  // namespace
}  // namespace gsd::simulate::from_survival_test
