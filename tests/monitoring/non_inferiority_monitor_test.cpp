// Monitoring a survival non-inferiority trial (MonitoringPlan::
// null_hazard_ratio, H0: HR >= 1.3) against rpact 3.3.4's getAnalysisResults
// with thetaH0 = 1.3 (generator: tests/reference/rpact_non_inferiority_monitoring.R).
// The plan: LD-OBF at one-sided alpha 0.025, looks at 229 and 458 of 458
// events, 1:1. The committee's looks are log-rank z of equal hazards, 0.3 at
// 229 and 0.4 at 458 events; against the margin they are z + log(1.3) sqrt(d / 4).
// Tolerances as in inference_test.cpp: rpact's probabilities and hazard
// ratios to 1e-6 relative; repeated p-values against rpact's own designs
// solved with uniroot to 1e-14 (getAnalysisResults stops its search at about
// 1e-6 absolute: 0.000669524 at the second look).
#include <gtest/gtest.h>

#include <cmath>

#include "expect_near_rel.hpp"
#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/monitoring/look_schedule.hpp"
#include "gsd/monitoring/monitor.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "plan_fixture.hpp"

namespace gsd::monitoring::non_inferiority_monitor_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

constexpr double kRel = 1e-6;
constexpr double kMargin = 1.3;

MonitoringPlan margin_plan() {
  MonitoringPlan plan;
  plan.design.alpha = 0.025;
  plan.design.beta = 0.2;
  plan.design.information_fractions = {0.5, 1.0};
  plan.design.efficacy = SpendingFunction::lan_demets_obrien_fleming();
  plan.planned_events = 458.0;
  plan.null_hazard_ratio = kMargin;
  return plan;
}

// A look of `events` with the log-rank z of equal hazards `z`.
ObservedLook look(double events, double z) {
  return {events, z_against_margin(z, log_rank_information(events, 1.0), kMargin), false};
}

TEST(NonInferiorityMonitor, ShiftsTheLogRankZByTheMargin) {
  // z + log(1.3) sqrt(229 / 4) and sqrt(458 / 4), as the generator prints them.
  EXPECT_NEAR(look(229.0, 0.3).z, 2.285145880328, 1e-11);
  EXPECT_NEAR(look(458.0, 0.4).z, 3.207420227249, 1e-11);
  EXPECT_EQ(z_against_margin(1.7, 50.0, 1.0), 1.7);
  // The estimate is unchanged by the margin: m exp(-z_m / sqrt(I)) = exp(-z / sqrt(I)).
  const double info = log_rank_information(229.0, 1.0);
  EXPECT_NEAR_REL(hazard_ratio_from_z(look(229.0, 0.3).z, info, kMargin), std::exp(-0.3 / std::sqrt(info)),
                  1e-14);
}

TEST(NonInferiorityMonitor, FirstLookMatchesRpact) {
  MonitoringPlan plan = margin_plan();
  plan.assumed_hazard_ratio = 1.0;  // rpact's thetaH1 = 1
  const MonitoringResult r = monitor(plan, std::vector<ObservedLook>{look(229.0, 0.3)});
  const LookResult& l = r.looks[0];
  EXPECT_NEAR(l.efficacy_z, 2.96258804, 1e-6);
  EXPECT_EQ(l.decision, Decision::kContinue);
  ASSERT_TRUE(l.repeated_ci_hazard_ratio);
  EXPECT_NEAR_REL(l.repeated_ci_hazard_ratio->lower, 0.649731698, kRel);
  EXPECT_NEAR_REL(l.repeated_ci_hazard_ratio->upper, 1.42176285, kRel);
  EXPECT_NEAR_REL(l.repeated_p_value, 0.0727233683999, 1e-9);  // getAnalysisResults 0.0727232896
  ASSERT_TRUE(l.conditional_power);
  EXPECT_NEAR_REL(l.conditional_power->assumed.back(), 0.931397079, kRel);
  // At the margin: the conditional rejection probability.
  EXPECT_NEAR_REL(l.conditional_power->null.back(), 0.308935914, kRel);
}

TEST(NonInferiorityMonitor, StopAtTheFinalLookMatchesRpact) {
  const MonitoringResult r = monitor(margin_plan(), std::vector<ObservedLook>{look(229.0, 0.3), look(458.0, 0.4)});
  const LookResult& l = r.looks[1];
  EXPECT_EQ(l.decision, Decision::kStopEfficacy);
  EXPECT_NEAR_REL(l.repeated_ci_hazard_ratio->lower, 0.801432586, kRel);
  EXPECT_NEAR_REL(l.repeated_ci_hazard_ratio->upper, 1.15788067, kRel);
  EXPECT_NEAR_REL(l.repeated_p_value, 0.000670217453561, 1e-8);
  ASSERT_TRUE(r.final_inference);
  EXPECT_NEAR_REL(r.final_inference->p_value, 0.00203176879, kRel);
  EXPECT_NEAR_REL(r.final_inference->ci_hazard_ratio.lower, 0.805389473, kRel);
  EXPECT_NEAR_REL(r.final_inference->ci_hazard_ratio.upper, 1.1773465, kRel);
  EXPECT_NEAR_REL(r.final_inference->median_unbiased_hazard_ratio, 0.970212813, kRel);
}

TEST(NonInferiorityMonitor, StopAtTheFirstLookIsNaiveAgainstTheMargin) {
  // z = 1.2 at 229 events crosses 2.9626 against the margin. Stopped at the
  // first look, the stage-wise p-value is 1 - Phi(z_m) and the estimate and
  // 95% limits are m exp(-(z_m -/+ 1.959964) / sqrt(I)). rpact 3.3.4 agrees
  // on the p-value (0.000723405274) but reports the estimate and limits
  // divided by the margin once more (0.656415879, 0.506618583 to 0.850505333),
  // which at its second look it does not; the closed form is the reference.
  const ObservedLook stop = look(229.0, 1.2);
  const MonitoringResult r = monitor(margin_plan(), std::vector<ObservedLook>{stop});
  ASSERT_EQ(r.looks[0].decision, Decision::kStopEfficacy);
  ASSERT_TRUE(r.final_inference);
  const double root_info = std::sqrt(log_rank_information(229.0, 1.0));
  const double q = normal_upper_quantile(0.025);
  EXPECT_NEAR_REL(r.final_inference->p_value, normal_upper_tail(stop.z), 1e-9);
  EXPECT_NEAR_REL(r.final_inference->p_value, 0.000723405274, kRel);
  EXPECT_NEAR_REL(r.final_inference->median_unbiased_hazard_ratio, kMargin * std::exp(-stop.z / root_info), 1e-8);
  EXPECT_NEAR_REL(r.final_inference->ci_hazard_ratio.lower, kMargin * std::exp(-(stop.z + q) / root_info), 1e-8);
  EXPECT_NEAR_REL(r.final_inference->ci_hazard_ratio.upper, kMargin * std::exp(-(stop.z - q) / root_info), 1e-8);
}

TEST(NonInferiorityMonitor, IsTheSuperiorityMonitorOnTheShiftedScale) {
  // With the same z, the bounds, decisions and probabilities do not depend on
  // the margin, and every hazard ratio is the margin times the one of equal
  // hazards, including the design alternative assumed for conditional power.
  MonitoringPlan equal = margin_plan();
  equal.null_hazard_ratio = 1.0;
  const std::vector<ObservedLook> looks{{229.0, 1.1, false}, {300.0, 1.6, false}};
  const MonitoringResult a = monitor(equal, looks);
  const MonitoringResult b = monitor(margin_plan(), looks);
  ASSERT_TRUE(a.assumed_hazard_ratio && b.assumed_hazard_ratio);
  EXPECT_NEAR_REL(*b.assumed_hazard_ratio, kMargin * *a.assumed_hazard_ratio, 1e-14);
  for (std::size_t k = 0; k < looks.size(); ++k) {
    EXPECT_EQ(a.looks[k].efficacy_z, b.looks[k].efficacy_z);
    EXPECT_EQ(a.looks[k].decision, b.looks[k].decision);
    EXPECT_EQ(a.looks[k].repeated_p_value, b.looks[k].repeated_p_value);
    EXPECT_NEAR_REL(b.looks[k].hazard_ratio, kMargin * a.looks[k].hazard_ratio, 1e-14);
    EXPECT_NEAR_REL(b.looks[k].repeated_ci_hazard_ratio->upper, kMargin * a.looks[k].repeated_ci_hazard_ratio->upper,
                    1e-14);
  }
  ASSERT_TRUE(a.looks[1].conditional_power && b.looks[1].conditional_power);
  EXPECT_NEAR_REL(b.looks[1].conditional_power->assumed.back(), a.looks[1].conditional_power->assumed.back(), 1e-12);
}

TEST(NonInferiorityMonitor, HazardRatioFutilityIsAgainstTheMargin) {
  // A futility bound given as HR 1.2 stops when the estimate is at or above
  // 1.2: z_m <= -ln(1.2 / 1.3) sqrt(d / 4) at the events observed.
  MonitoringPlan plan = margin_plan();
  FutilitySpec f;
  f.rule = FutilityRule::kFixedZ;
  f.hazard_ratios = {1.2};
  f.values = {-std::log(1.2 / kMargin) * std::sqrt(229.0 / 4.0)};
  plan.design.futility = f;
  const MonitoringResult r = monitor(plan, std::vector<ObservedLook>{look(240.0, 0.0)});
  ASSERT_TRUE(r.looks[0].futility_z.has_value());
  EXPECT_NEAR(*r.looks[0].futility_z, -std::log(1.2 / kMargin) * std::sqrt(240.0 / 4.0), 1e-12);
}

TEST(NonInferiorityMonitor, RefusesAnInvalidMargin) {
  MonitoringPlan plan = margin_plan();
  for (const double bad : {0.0, -1.3, std::nan("")}) {
    plan.null_hazard_ratio = bad;
    try {
      (void)monitor(plan, std::vector<ObservedLook>{look(229.0, 0.3)});
      ADD_FAILURE() << "accepted " << bad;
    } catch (const InvalidInput& e) {
      EXPECT_EQ(e.path(), FieldPath("null_hazard_ratio")) << e.what();
    }
  }
}

}  // namespace
}  // namespace gsd::monitoring::non_inferiority_monitor_test
