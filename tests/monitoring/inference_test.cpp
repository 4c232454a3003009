// Monitoring inference against rpact 3.3.4 getAnalysisResults (generator:
// tests/reference/rpact_monitoring.R; docs/validation.md for case A).
// rpact's values rest on its own grid integration and root searches (about
// 7 significant digits), so probabilities and hazard ratios are compared to
// 1e-6 relative and z bounds to 1e-6 absolute. Repeated p-values: rpact's
// getAnalysisResults stops its alpha search early (its 0.100089873 at the
// seed look differs from the closed form 0.100089680 by 1.9e-6 relative), so
// the references are its own designs solved with uniroot to 1e-14 (case K of
// the generator), and the getAnalysisResults values are in the comments.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "expect_near_rel.hpp"
#include "gsd/monitoring/conditional_power.hpp"
#include "gsd/monitoring/monitor.hpp"
#include "gsd/monitoring/repeated_inference.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "plan_fixture.hpp"

namespace gsd::monitoring::inference_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

using testing::seed_plan;
constexpr double kRel = 1e-6;

std::vector<ObservedLook> looks(std::initializer_list<std::pair<double, double>> events_z) {
  std::vector<ObservedLook> out;
  for (const auto& [d, z] : events_z) out.push_back({d, z, false});
  return out;
}

TEST(MonitoringInference, SeedLookReference) {
  // Case A: z = 2.0 at 49 of 94 events, HR 0.63 assumed.
  MonitoringPlan plan = seed_plan();
  plan.assumed_hazard_ratio = 0.63;
  const MonitoringResult r = monitor(plan, looks({{49.0, 2.0}}));
  const LookResult& look = r.looks[0];
  EXPECT_EQ(look.decision, Decision::kContinue);
  EXPECT_NEAR_REL(look.hazard_ratio, 0.5647181, 1e-7);
  ASSERT_TRUE(look.repeated_ci_hazard_ratio);
  EXPECT_NEAR_REL(look.repeated_ci_hazard_ratio->lower, 0.24707177, kRel);
  EXPECT_NEAR_REL(look.repeated_ci_hazard_ratio->upper, 1.29074476, kRel);
  // getAnalysisResults 0.100089873; closed form 2 (1 - Phi(sqrt(49/94) z_{Phi(-2)/2})).
  EXPECT_NEAR_REL(look.repeated_p_value, 0.10008968, kRel);
  EXPECT_NEAR_REL(look.repeated_p_value, 0.100089680026, 1e-10);
  ASSERT_TRUE(look.conditional_power);
  const ConditionalPower& cp = *look.conditional_power;
  EXPECT_EQ(cp.events, (std::vector<double>{71.0, 94.0}));
  EXPECT_NEAR_REL(cp.null.back(), 0.237887807, kRel);
  EXPECT_NEAR_REL(cp.assumed[0], 0.436791205, kRel);
  EXPECT_NEAR_REL(cp.assumed[1], 0.785067803, kRel);
  EXPECT_NEAR_REL(cp.trend[0], 0.538811447, kRel);
  EXPECT_NEAR_REL(cp.trend[1], 0.874905483, kRel);
  EXPECT_FALSE(r.final_inference);
}

TEST(MonitoringInference, StopAtSecondLookStagewise) {
  // Case B: z = 2.0 at 49, 2.6 at 71 events: crosses 2.353231, stops.
  MonitoringPlan plan = seed_plan();
  plan.assumed_hazard_ratio = 0.63;
  const MonitoringResult r = monitor(plan, looks({{49.0, 2.0}, {71.0, 2.6}}));
  const LookResult& look = r.looks[1];
  EXPECT_NEAR(look.efficacy_z, 2.353231, 1e-6);
  EXPECT_EQ(look.decision, Decision::kStopEfficacy);
  EXPECT_FALSE(look.conditional_power);
  EXPECT_NEAR_REL(look.repeated_ci_hazard_ratio->lower, 0.308608775, kRel);
  EXPECT_NEAR_REL(look.repeated_ci_hazard_ratio->upper, 0.943110435, kRel);
  EXPECT_NEAR_REL(look.repeated_p_value, 0.0144519831, kRel);  // getAnalysisResults 0.014451998
  ASSERT_TRUE(r.final_inference);
  EXPECT_EQ(r.final_inference->stop_look, 1u);
  EXPECT_NEAR_REL(r.final_inference->p_value, 0.00556706399, kRel);
  EXPECT_NEAR_REL(r.final_inference->ci_hazard_ratio.lower, 0.340305896, kRel);
  EXPECT_NEAR_REL(r.final_inference->ci_hazard_ratio.upper, 0.869195975, kRel);
  EXPECT_NEAR_REL(r.final_inference->median_unbiased_hazard_ratio, 0.543066296, kRel);
}

TEST(MonitoringInference, TwoSidedDesignDoublesPValues) {
  // Case C: sided = 2 at alpha 0.05; rpact reports two-sided repeated and
  // final p-values; intervals and estimates equal the one-sided 0.025 ones.
  MonitoringPlan plan = seed_plan();
  plan.design.alpha = 0.05;
  plan.design.sided = Sidedness::kTwoSidedSymmetric;
  const MonitoringResult r = monitor(plan, looks({{49.0, 2.0}, {71.0, 2.6}}));
  EXPECT_NEAR_REL(r.looks[0].repeated_p_value, 0.20017936, kRel);  // g.A.R. 0.2001797
  EXPECT_NEAR_REL(r.looks[1].repeated_p_value, 0.0289039665, kRel);  // g.A.R. 0.0289039497
  EXPECT_NEAR_REL(r.final_inference->p_value, 0.011134128, kRel);
  EXPECT_NEAR_REL(r.final_inference->ci_hazard_ratio.lower, 0.340305896, kRel);
  EXPECT_NEAR_REL(r.final_inference->median_unbiased_hazard_ratio, 0.543066296, kRel);
}

TEST(MonitoringInference, TwoSidedRepeatedPValueIsSymmetric) {
  // Case C mirrored: a symmetric two-sided design rejects for |z|, so z = -2.0
  // at 49 events and -2.6 at 71 have the repeated p-values of +2.0 and +2.6
  // (rpact 3.3.4 uses |z| for sided = 2: 0.2001797 and 0.0289039497). A
  // one-sided design gives z = -2.0 the largest value, 0.5.
  MonitoringPlan plan = seed_plan();
  plan.design.alpha = 0.05;
  plan.design.sided = Sidedness::kTwoSidedSymmetric;
  const MonitoringResult r = monitor(plan, looks({{49.0, -2.0}, {71.0, -2.6}}));
  EXPECT_NEAR_REL(r.looks[0].repeated_p_value, 0.20017936, kRel);
  EXPECT_NEAR_REL(r.looks[1].repeated_p_value, 0.0289039665, kRel);
  const MonitoringResult one_sided = monitor(seed_plan(), looks({{49.0, -2.0}}));
  EXPECT_EQ(one_sided.looks[0].repeated_p_value, kMaxRepeatedP);
}

TEST(MonitoringInference, StopAtFirstLookIsNaive) {
  // Case H: z = 3.4808 at 49 events. At the first look the stage-wise
  // inference is the fixed-sample one: p = 1 - Phi(z), CI exp(-(z -+ 1.96)/3.5).
  const MonitoringResult r = monitor(seed_plan(), looks({{49.0, 3.4808}}));
  EXPECT_EQ(r.looks[0].decision, Decision::kStopEfficacy);
  EXPECT_NEAR_REL(r.looks[0].repeated_ci_hazard_ratio->lower, 0.161837551, kRel);
  EXPECT_NEAR_REL(r.looks[0].repeated_ci_hazard_ratio->upper, 0.845466838, kRel);
  EXPECT_NEAR_REL(r.looks[0].repeated_p_value, 0.00818932127, kRel);  // g.A.R. 0.00819018498
  EXPECT_NEAR_REL(r.final_inference->p_value, 0.000249959315, kRel);
  EXPECT_NEAR_REL(r.final_inference->p_value, normal_upper_tail(3.4808), 1e-12);
  EXPECT_NEAR_REL(r.final_inference->ci_hazard_ratio.lower, 0.211294159, kRel);
  EXPECT_NEAR_REL(r.final_inference->ci_hazard_ratio.upper, 0.647572465, kRel);
  EXPECT_NEAR_REL(r.final_inference->median_unbiased_hazard_ratio, 0.369903068, kRel);
}

MonitoringPlan symmetric_two_sided() {
  MonitoringPlan plan = seed_plan();
  plan.design.alpha = 0.05;
  plan.design.sided = Sidedness::kTwoSidedSymmetric;
  return plan;
}

TEST(MonitoringInference, LowerStopAtFirstLookIsTheNormalTail) {
  // A symmetric two-sided design rejecting at z = -4.5 at the first look (30
  // events, information 7.5): the fixed-sample inference, closed form
  // p = 2 (1 - Phi(4.5)), HR exp(4.5 / sqrt(7.5)), limits exp((4.5 -+ 1.96) /
  // sqrt(7.5)) (z_0.025 = 1.959964).
  const MonitoringResult r = monitor(symmetric_two_sided(), looks({{30.0, -4.5}}));
  EXPECT_EQ(r.looks[0].decision, Decision::kStopHarm);
  ASSERT_TRUE(r.final_inference);
  const FinalInference& f = *r.final_inference;
  const double root_info = std::sqrt(7.5);
  const double z_alpha = normal_upper_quantile(0.025);
  EXPECT_NEAR_REL(f.p_value, 2.0 * normal_upper_tail(4.5), 1e-10);
  EXPECT_NEAR_REL(f.median_unbiased_hazard_ratio, std::exp(4.5 / root_info), 1e-10);
  EXPECT_NEAR_REL(f.ci_hazard_ratio.lower, std::exp((4.5 - z_alpha) / root_info), 1e-10);
  EXPECT_NEAR_REL(f.ci_hazard_ratio.upper, std::exp((4.5 + z_alpha) / root_info), 1e-10);
}

TEST(MonitoringInference, LowerStopMirrorsTheUpperStop) {
  // A symmetric two-sided design is symmetric in z -> -z, theta -> -theta:
  // the stop at z = -4 at the fourth look has the p-value of the stop at
  // z = +4 and the negated estimates. The stop below is computed as the
  // mirror image of the stop above, so the equality is exact (no solver
  // tolerance enters); the hazard ratios are reciprocal to rounding.
  const MonitoringPlan plan = symmetric_two_sided();
  const MonitoringResult up = monitor(plan, looks({{30.0, 0.5}, {50.0, 1.1}, {70.0, 1.5}, {80.0, 4.0}}));
  const MonitoringResult down = monitor(plan, looks({{30.0, 0.5}, {50.0, 1.1}, {70.0, 1.5}, {80.0, -4.0}}));
  EXPECT_EQ(up.looks[3].decision, Decision::kStopEfficacy);
  EXPECT_EQ(down.looks[3].decision, Decision::kStopHarm);
  ASSERT_TRUE(up.final_inference && down.final_inference);
  const FinalInference& u = *up.final_inference;
  const FinalInference& d = *down.final_inference;
  EXPECT_EQ(d.p_value, u.p_value);
  EXPECT_EQ(d.median_unbiased_theta, -u.median_unbiased_theta);
  EXPECT_EQ(d.ci_theta.lower, -u.ci_theta.upper);
  EXPECT_EQ(d.ci_theta.upper, -u.ci_theta.lower);
  EXPECT_NEAR_REL(d.median_unbiased_hazard_ratio, 1.0 / u.median_unbiased_hazard_ratio, 1e-14);
  EXPECT_NEAR_REL(d.ci_hazard_ratio.lower, 1.0 / u.ci_hazard_ratio.upper, 1e-14);
  EXPECT_NEAR_REL(d.ci_hazard_ratio.upper, 1.0 / u.ci_hazard_ratio.lower, 1e-14);
  // The stop above is unchanged by the lower bound's paths (they carry less
  // than 1e-6 of the probability at these estimates): 0.5685, 0.3554 to 0.9103.
  EXPECT_NEAR(u.median_unbiased_hazard_ratio, 0.5685, 5e-5);
  EXPECT_NEAR(d.median_unbiased_hazard_ratio, 1.7591, 5e-5);
}

TEST(MonitoringInference, LateStopFarAboveTheBoundIsSolved) {
  // z = 38 at the fourth look (80 events): every theta-hat +- 15 sds of the
  // first look's estimate gave p(theta) near 1, no bracket. A stop at the
  // fourth look is less extreme than any earlier upper exit, and P_0(Z_4 >=
  // 38) < 1e-300, so the two-sided p-value is the alpha spent through the
  // third look (70 of 94 events): LD-OBF per side 2 (1 - Phi(z_0.0125 /
  // sqrt(t))), doubled. The look's estimate is exp(-38 / sqrt(20)).
  const MonitoringResult r =
      monitor(symmetric_two_sided(), looks({{30.0, 0.5}, {50.0, 1.1}, {70.0, 1.5}, {80.0, 38.0}}));
  ASSERT_TRUE(r.final_inference);
  const FinalInference& f = *r.final_inference;
  const double spent = 4.0 * normal_upper_tail(normal_upper_quantile(0.0125) / std::sqrt(70.0 / 94.0));
  EXPECT_NEAR_REL(f.p_value, spent, kRel);
  EXPECT_NEAR_REL(r.looks[3].hazard_ratio, std::exp(-38.0 / std::sqrt(20.0)), 1e-12);
  EXPECT_LT(f.ci_hazard_ratio.lower, f.median_unbiased_hazard_ratio);
  EXPECT_LT(f.median_unbiased_hazard_ratio, f.ci_hazard_ratio.upper);
  EXPECT_LT(f.ci_hazard_ratio.upper, 1.0);
}

TEST(MonitoringInference, StopAtFirstLookFarOutIsTheClosedForm) {
  // At the first look the stage-wise estimates are the fixed-sample ones for
  // any z (Schoenfeld information d / 4 = 7.5 at 30 events): theta-hat =
  // z / sqrt(I), limits (z -+ z_0.025) / sqrt(I). z = 37 gives HR 1.4e-6,
  // near the least hazard ratio gsd reports.
  const MonitoringResult r = monitor(symmetric_two_sided(), looks({{30.0, 37.0}}));
  const FinalInference& f = *r.final_inference;
  const double root_info = std::sqrt(7.5);
  const double z_alpha = normal_upper_quantile(0.025);
  EXPECT_NEAR_REL(f.median_unbiased_theta, 37.0 / root_info, 1e-10);
  EXPECT_NEAR_REL(f.ci_theta.lower, (37.0 - z_alpha) / root_info, 1e-10);
  EXPECT_NEAR_REL(f.ci_theta.upper, (37.0 + z_alpha) / root_info, 1e-10);
  EXPECT_NEAR_REL(f.median_unbiased_hazard_ratio, std::exp(-37.0 / root_info), 1e-9);
}

TEST(MonitoringInference, LooksOutsideTheReportedRangeAreRefused) {
  // A look has at least one event, the schedule spans at most a factor of a
  // million from the first look, and a repeated CI with a limit beyond
  // [1e-6, 1e6] is not reported.
  const MonitoringPlan plan = symmetric_two_sided();
  EXPECT_THROW(monitor(plan, looks({{1e-300, 1.0}})), numerics::InvalidInput);
  EXPECT_THROW(monitor(plan, looks({{30.0, 1.0}, {1e300, 1.0}})), numerics::InvalidInput);
  MonitoringPlan huge = plan;
  huge.planned_events = 1e300;
  EXPECT_THROW(monitor(huge, looks({{30.0, 1.0}})), numerics::InvalidInput);
  // z = 61 at 80 events: HR exp(-61 / sqrt(20)) = 1.2e-6, its RCI reaches below 1e-6.
  const MonitoringResult r = monitor(plan, looks({{30.0, 0.5}, {50.0, 1.1}, {70.0, 1.5}, {80.0, 61.0}}));
  EXPECT_NEAR_REL(r.looks[3].hazard_ratio, std::exp(-61.0 / std::sqrt(20.0)), 1e-12);
  EXPECT_FALSE(r.looks[3].repeated_ci_hazard_ratio);
}

TEST(MonitoringInference, BindingHarmStopEqualsTheSymmetricDesign) {
  // A one-sided design with a binding harm bound of the same spending family
  // and half the alpha is the symmetric two-sided design (docs/config.md).
  // Its stage-wise ordering ends paths at the earlier harm bounds, so a stop
  // at the harm bound gives the two-sided estimates and the one-sided
  // p-value 1 - p_two-sided / 2 (the ordering is total, without an inner
  // region). Bounds are solved separately, so to 1e-7 relative.
  MonitoringPlan harm = seed_plan();
  harm.design.alpha = 0.05;
  harm.design.harm = HarmSpec{SpendingFunction::lan_demets_obrien_fleming(), 0.025, true};
  const auto observed = looks({{30.0, 0.5}, {50.0, 1.1}, {70.0, 1.5}, {80.0, -4.0}});
  const MonitoringResult one = monitor(harm, observed);
  const MonitoringResult two = monitor(symmetric_two_sided(), observed);
  EXPECT_EQ(one.looks[3].decision, Decision::kStopHarm);
  ASSERT_TRUE(one.final_inference && two.final_inference);
  const FinalInference& o = *one.final_inference;
  const FinalInference& t = *two.final_inference;
  EXPECT_NEAR_REL(o.median_unbiased_hazard_ratio, t.median_unbiased_hazard_ratio, 1e-7);
  EXPECT_NEAR_REL(o.ci_hazard_ratio.lower, t.ci_hazard_ratio.lower, 1e-7);
  EXPECT_NEAR_REL(o.ci_hazard_ratio.upper, t.ci_hazard_ratio.upper, 1e-7);
  EXPECT_NEAR_REL(o.p_value, 1.0 - t.p_value / 2.0, 1e-7);
}

// Case M: a binding futility bound ends trials under H0, so the design at
// every alpha counts on it: the repeated p-value is the smallest alpha at
// which the binding design's bound is crossed (rpact 3.3.4's uniroot over its
// binding design: 0.196011822, 0.0246565548; its getAnalysisResults 0.196012151,
// 0.0246562928 within its search's 1e-6). Without the bound held it was
// 0.2025944 and 0.0256556: above 0.025 at a look that stops for efficacy.
TEST(MonitoringInference, BindingFutilityCountsInTheRepeatedPValue) {
  const MonitoringPlan plan = testing::fixed_z_futility_plan(true);
  const MonitoringResult r = monitor(plan, looks({{80.0, 0.5}, {140.0, 1.2}, {200.0, 1.99}}));
  EXPECT_NEAR(r.looks[2].efficacy_z, 1.98415364, 1e-7);
  EXPECT_EQ(r.looks[2].decision, Decision::kStopEfficacy);
  EXPECT_NEAR_REL(r.looks[1].repeated_p_value, 0.196011822, kRel);
  EXPECT_NEAR_REL(r.looks[2].repeated_p_value, 0.0246565548, kRel);
  EXPECT_LT(r.looks[2].repeated_p_value, plan.design.alpha);  // agrees with the stop
}

// Haybittle-Peto has no bounds below the alpha its interims spend: the
// repeated p-value's search once failed there ("spends 0.002488 at the
// interims, not less than alpha = 1e-12") for every look after the first.
// Generator: tests/reference/rpact_haybittle_peto_repeated_p.R.
TEST(MonitoringInference, HaybittlePetoRepeatedPValue) {
  MonitoringPlan plan = seed_plan();
  plan.design.information_fractions = {0.3, 0.6, 1.0};
  plan.design.efficacy = ClassicalBoundary::haybittle_peto();
  plan.planned_events = 200.0;
  // z = 3.2 at an interim crosses at every alpha the design exists for: the
  // least such alpha, what the interims spend on 70, 150, 200 events.
  const MonitoringResult interim = monitor(plan, looks({{70.0, 0.5}, {150.0, 3.2}}));
  EXPECT_EQ(interim.looks[1].decision, Decision::kStopEfficacy);
  EXPECT_NEAR(interim.looks[1].repeated_p_value, 0.002488006, 1e-8);
  EXPECT_DOUBLE_EQ(interim.looks[0].repeated_p_value, kMaxRepeatedP);
  // The final look at 190 events: the alpha whose final bound is z = 2.5.
  std::vector<ObservedLook> three = looks({{70.0, 0.5}, {150.0, 1.0}, {190.0, 2.5}});
  three[2].final_analysis = true;
  const MonitoringResult final_look = monitor(plan, three);
  EXPECT_NEAR_REL(final_look.looks[2].repeated_p_value, 0.007448005, kRel);
}

// A Pampallona-Tsiatis design with its binding paired futility bound: its
// efficacy constant is solved with that bound's own rule, so the repeated
// p-value's search treats the bound as non-binding (holding it as fixed z
// once refused the design at every look after the first).
TEST(MonitoringInference, PampallonaTsiatisBindingIsMonitored) {
  MonitoringPlan plan = seed_plan();
  plan.design.information_fractions = {0.3, 0.6, 1.0};
  plan.design.beta = 0.1;
  plan.design.efficacy = ClassicalBoundary::pampallona_tsiatis(0.25);
  FutilitySpec futility;
  futility.rule = FutilityRule::kPampallonaTsiatis;
  futility.parameter = 0.25;
  futility.binding = true;
  plan.design.futility = futility;
  plan.planned_events = 200.0;
  std::vector<ObservedLook> three = looks({{70.0, 0.5}, {150.0, 1.8}, {190.0, 2.2}});
  three[2].final_analysis = true;
  const MonitoringResult r = monitor(plan, three);
  ASSERT_EQ(r.looks.size(), 3u);
  EXPECT_EQ(r.looks[1].decision, Decision::kContinue);
  EXPECT_EQ(r.looks[2].decision, Decision::kStopEfficacy);
  EXPECT_LT(r.looks[2].repeated_p_value, plan.design.alpha);
  EXPECT_GT(r.looks[1].repeated_p_value, plan.design.alpha);
}

TEST(MonitoringInference, AllocationTwoToOne) {
  // Case I: 2:1, z = 2.2 at 60 of 120 events, HR 0.7 assumed.
  MonitoringPlan plan = seed_plan();
  plan.planned_events = 120.0;
  plan.allocation_ratio = 2.0;
  plan.assumed_hazard_ratio = 0.7;
  const MonitoringResult r = monitor(plan, looks({{60.0, 2.2}}));
  const LookResult& look = r.looks[0];
  EXPECT_NEAR_REL(look.repeated_ci_hazard_ratio->lower, 0.243209302, kRel);
  EXPECT_NEAR_REL(look.repeated_ci_hazard_ratio->upper, 1.23225194, kRel);
  EXPECT_NEAR_REL(look.repeated_p_value, 0.0819811772, kRel);  // g.A.R. 0.0819815413
  EXPECT_NEAR_REL(look.conditional_power->null.back(), 0.307600076, kRel);
  EXPECT_NEAR_REL(look.conditional_power->assumed[0], 0.478571976, kRel);
  EXPECT_NEAR_REL(look.conditional_power->assumed[1], 0.772710049, kRel);
}

TEST(MonitoringInference, HwangShihDeCaniTwoLooks) {
  // Case J: HSD(-4), z = 1.2 and 2.3 at 30 and 61 of 90 events.
  MonitoringPlan plan = seed_plan();
  plan.design.information_fractions = {1.0 / 3.0, 2.0 / 3.0, 1.0};
  plan.design.efficacy = SpendingFunction::hwang_shih_decani(-4.0);
  plan.planned_events = 90.0;
  plan.assumed_hazard_ratio = 0.7;
  const MonitoringResult r = monitor(plan, looks({{30.0, 1.2}, {61.0, 2.3}}));
  EXPECT_NEAR(r.looks[0].efficacy_z, 3.01073949, 1e-6);
  EXPECT_NEAR(r.looks[1].efficacy_z, 2.527358, 1e-6);
  EXPECT_NEAR(r.looks[1].schedule.efficacy[2], 2.00049538, 1e-6);
  // rpact reports 0.499999046 at its search ceiling; gsd clamps at 0.5.
  EXPECT_NEAR(r.looks[0].repeated_p_value, kMaxRepeatedP, 1e-15);
  EXPECT_NEAR_REL(r.looks[1].repeated_p_value, 0.0460886979, kRel);  // g.A.R. 0.0460891265
  EXPECT_NEAR_REL(r.looks[1].repeated_ci_hazard_ratio->lower, 0.290497424, kRel);
  EXPECT_NEAR_REL(r.looks[1].repeated_ci_hazard_ratio->upper, 1.05994858, kRel);
  // (rpact's CRP at the first look, 0.057535179, assumes 61 events next; gsd
  // plans ceil(90 * 2/3) = 60 there, so only the second look is compared.)
  EXPECT_NEAR_REL(r.looks[1].conditional_power->null.back(), 0.425265083, kRel);
  EXPECT_NEAR_REL(r.looks[1].conditional_power->assumed.back(), 0.779923437, kRel);
}

TEST(MonitoringInference, OneRemainingLookClosedForms) {
  // With a single look left there is no continuation region: conditional
  // power is Phi((z sqrt(I_k) + theta tau - b sqrt(I_K)) / sqrt(tau)) and
  // flat-prior predictive power replaces theta by theta-hat and the variance
  // tau by tau + tau^2 / I_k (Spiegelhalter et al. 1986; J&T 2000 sec. 10.3).
  MonitoringPlan plan = seed_plan();
  plan.design.information_fractions = {0.5, 1.0};
  plan.planned_events = 100.0;
  const double z = 1.7;
  const LookSchedule s = schedule_at_look(plan, std::vector<double>{50.0}, false);
  const double ik = s.information[0];
  const double iK = s.information[1];
  const double tau = iK - ik;
  const double b = s.efficacy[1];
  const double theta = 0.3;
  const double cp = normal_lower_tail((z * std::sqrt(ik) + theta * tau - b * std::sqrt(iK)) /
                                     std::sqrt(tau));
  // R: pnorm((1.7 sqrt(12.5) + 0.3 * 12.5 - 1.968596 * 5) / sqrt(12.5)) = 0.4906838.
  EXPECT_NEAR(cp, 0.4906838, 1e-6);
  EXPECT_NEAR_REL(conditional_power(s, plan.design, z, theta).back(), cp, 1e-10);
  const double theta_hat = z / std::sqrt(ik);
  const double pp =
      normal_lower_tail((z * std::sqrt(ik) + theta_hat * tau - b * std::sqrt(iK)) /
                        std::sqrt(tau + tau * tau / ik));
  EXPECT_NEAR(pp, 0.6684247, 1e-6);  // the same in R
  EXPECT_NEAR_REL(predictive_power(s, plan.design, z), pp, 1e-8);
}

TEST(MonitoringInference, ConditionalPowerForNonProportionalMeans) {
  // One look left: CP = Phi((z sqrt(I_k) + E[S_K] - E[S_k] - b sqrt(I_K)) / sqrt(tau))
  // with E[S_j] = E[Z_j] sqrt(I_j), here for means that are not theta sqrt(I_j).
  MonitoringPlan plan = seed_plan();
  plan.design.information_fractions = {0.5, 1.0};
  plan.planned_events = 100.0;
  const LookSchedule s = schedule_at_look(plan, std::vector<double>{50.0}, false);
  const std::vector<double> means{2.35, 2.97};  // E[Z] at 50 and 100 events
  const double z = 1.4;
  const double ik = s.information[0];
  const double iK = s.information[1];
  const double expected =
      normal_lower_tail((z * std::sqrt(ik) + means[1] * std::sqrt(iK) - means[0] * std::sqrt(ik) -
                         s.efficacy[1] * std::sqrt(iK)) /
                        std::sqrt(iK - ik));
  EXPECT_NEAR_REL(conditional_power_for_means(s, plan.design, z, means).back(), expected, 1e-10);
  EXPECT_THROW(conditional_power_for_means(s, plan.design, z, {1.0}), std::invalid_argument);
}

TEST(MonitoringInference, ConditionalPowerUnderCureModelDrift) {
  // Case L of the generator: the cure model's log-rank means 2.350, 2.788,
  // 2.974 at 47, 71, 94 events (docs/validation.md), two-sided 0.05 LD-OBF, z = 2.0
  // at 47 events; reference by mvtnorm::pmvnorm (Miwa, error ~1e-10).
  MonitoringPlan plan = seed_plan();
  plan.design.alpha = 0.05;
  plan.design.sided = Sidedness::kTwoSidedSymmetric;
  const LookSchedule s = schedule_at_look(plan, std::vector<double>{47.0}, false);
  ASSERT_EQ(s.events, (std::vector<double>{47.0, 71.0, 94.0}));
  EXPECT_NEAR(s.efficacy[1], 2.34868389, 1e-6);
  const std::vector<double> cp = conditional_power_for_means(s, plan.design, 2.0, {2.350, 2.788, 2.974});
  EXPECT_NEAR_REL(cp[0], 0.604812459, kRel);
  EXPECT_NEAR_REL(cp[1], 0.864622445, kRel);
}

TEST(MonitoringInference, PredictivePowerLiesBetweenNullAndCertainty) {
  // Property: averaging conditional power over a posterior gives a value in
  // (CP at HR 1, 1), and it grows with z.
  const MonitoringPlan plan = seed_plan();
  const auto a = monitor(plan, looks({{49.0, 1.5}})).looks[0].conditional_power;
  const auto b = monitor(plan, looks({{49.0, 2.2}})).looks[0].conditional_power;
  EXPECT_GT(a->predictive, a->null.back());
  EXPECT_LT(a->predictive, 1.0);
  EXPECT_GT(b->predictive, a->predictive);
}

}  // namespace
}  // namespace gsd::monitoring::inference_test
