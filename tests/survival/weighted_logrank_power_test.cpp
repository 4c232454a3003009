// Power of the weighted log-rank test: the fixed design in closed form, the
// log-rank plan's one-look power, the size under equal arms, spending on
// either scale against the Lan-DeMets O'Brien-Fleming function in closed
// form, and refusals.
#include "gsd/survival/weighted_logrank_power.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "expect_near_rel.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/survival/sample_size.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::weighted_logrank_power_test {
namespace {

using testing::one_sided_spec;

// Lan-DeMets O'Brien-Fleming: alpha(t) = 2 (1 - Phi(z_{alpha/2} / sqrt t)).
double obf_spent(double alpha, double t) {
  return 2.0 * numerics::normal_upper_tail(numerics::normal_upper_quantile(alpha / 2.0) / std::sqrt(t));
}

TEST(WeightedLogRankPower, FixedDesignIsTheNormalTail) {
  const SurvivalSpec spec = testing::seed_plan();
  for (const LogRankWeight& w : {LogRankWeight::fleming_harrington(0.0, 1.0), LogRankWeight::magirr_burman(12.0)}) {
    const WeightedLogRankPower p = weighted_logrank_power(spec, one_sided_spec({1.0}), w, 202.0, 94);
    ASSERT_EQ(p.looks.size(), 1U);
    const double z = numerics::normal_upper_quantile(0.025);
    EXPECT_NEAR(p.looks[0].efficacy_z, z, 1e-9);
    EXPECT_NEAR(p.power, numerics::normal_upper_tail(z - p.looks[0].mean_z), 1e-9);
  }
}

TEST(WeightedLogRankPower, LogRankOneLookIsThePlanPower) {
  // FH(0, 0) at one look: the log-rank plan's power at the expected time.
  const SurvivalSpec spec = testing::seed_plan();
  const spending::Design design = spending::compute_design(one_sided_spec({1.0}));
  const SurvivalPlan plan = evaluate_plan(spec, design, 202, 94);
  const WeightedLogRankPower p = weighted_logrank_power(spec, design.spec, LogRankWeight::log_rank(), 202.0, 94);
  EXPECT_NEAR_REL(p.looks[0].calendar_time, plan.looks[0].calendar_time, 1e-14);
  EXPECT_NEAR_REL(p.looks[0].mean_z, plan.looks[0].mean_z, 1e-14);
  EXPECT_NEAR_REL(p.power, plan.power_fixed_times, 1e-10);
}

TEST(WeightedLogRankPower, EqualArmsGiveAlpha) {
  SurvivalSpec spec = testing::seed_plan();
  spec.treatment = spec.control;
  for (SpendingScale scale : {SpendingScale::kVariance, SpendingScale::kEvents}) {
    const WeightedLogRankPower p = weighted_logrank_power(spec, one_sided_spec({0.4, 0.7, 1.0}),
                                                          LogRankWeight::fleming_harrington(0.0, 1.0), 300.0, 120,
                                                          scale);
    EXPECT_NEAR(p.power, 0.025, 1e-8);
  }
}

TEST(WeightedLogRankPower, SpendsOnTheChosenScale) {
  const SurvivalSpec spec = testing::seed_plan();
  const LogRankWeight w = LogRankWeight::fleming_harrington(0.0, 1.0);
  const WeightedLogRankPower v = weighted_logrank_power(spec, one_sided_spec({0.5, 0.75, 1.0}), w, 202.0, 94,
                                                        SpendingScale::kVariance);
  const WeightedLogRankPower e = weighted_logrank_power(spec, one_sided_spec({0.5, 0.75, 1.0}), w, 202.0, 94,
                                                        SpendingScale::kEvents);
  const std::vector<double> spent_v = v.design.cumulative_alpha();
  const std::vector<double> spent_e = e.design.cumulative_alpha();
  for (std::size_t k = 0; k < 3; ++k) {
    SCOPED_TRACE(k);
    // Same looks, same test: the information fractions agree; FH(0, 1)
    // gathers its information late, below the event fractions.
    EXPECT_EQ(v.looks[k].information_fraction, e.looks[k].information_fraction);
    EXPECT_EQ(v.looks[k].spending_fraction, v.looks[k].information_fraction);
    EXPECT_EQ(e.looks[k].spending_fraction, e.design.spec.spending_time[k]);
    EXPECT_NEAR(spent_v[k], obf_spent(0.025, v.looks[k].information_fraction), 1e-9);
    EXPECT_NEAR(spent_e[k], obf_spent(0.025, std::vector<double>{0.5, 0.75, 1.0}[k]), 1e-9);
  }
  EXPECT_LT(v.looks[0].information_fraction, v.looks[0].event_fraction);
  // Spending at the smaller variance fraction spends less alpha early.
  EXPECT_LT(spent_v[0], spent_e[0]);
  EXPECT_GT(v.power, 0.0);
  EXPECT_GT(e.power, 0.0);
}

TEST(WeightedLogRankPower, RefusesBadInput) {
  const SurvivalSpec spec = testing::seed_plan();
  const spending::DesignSpec d = one_sided_spec({0.5, 1.0});
  LogRankWeight bad;
  bad.rho = -1.0;
  EXPECT_THROW((void)weighted_logrank_power(spec, d, bad, 202.0, 94), numerics::InvalidInput);
  EXPECT_THROW((void)weighted_logrank_power(spec, d, LogRankWeight::log_rank(), 202.0, 0), numerics::InvalidInput);
  EXPECT_THROW((void)weighted_logrank_power(spec, d, LogRankWeight::log_rank(), 202.0, 150), numerics::InvalidInput);
  SurvivalSpec by_time = spec;
  by_time.looks = {LookTrigger{LookTriggerKind::kTime, 30.0}, LookTrigger{}};
  EXPECT_THROW((void)weighted_logrank_power(by_time, d, LogRankWeight::log_rank(), 202.0, 94), numerics::InvalidInput);
}

}  // namespace
}  // namespace gsd::survival::weighted_logrank_power_test
