// The words of the presentation module: decision names and reasons with the
// numbers they quote, advice for a non-binding futility bound.
#include "gsd/presentation.hpp"

#include <gtest/gtest.h>

#include <string>

#include "gsd/monitoring/look_statistic.hpp"
#include "monitoring/plan_fixture.hpp"

namespace gsd::presentation_test {
namespace {

using monitoring::Direction;
using monitoring::MonitoringPlan;
using monitoring::MonitoringResult;
using monitoring::ObservedLook;

// The seed plan (one-sided 0.025 LD-OBF at 0.5 / 0.75 / 1 of 94 events) at HR 0.63.
MonitoringPlan seed_plan() {
  MonitoringPlan plan = monitoring::testing::seed_plan();
  plan.assumed_hazard_ratio = 0.63;
  return plan;
}

TEST(Presentation, DecisionNamesAreTheOutputContract) {
  EXPECT_STREQ(decision_name(spending::Decision::kContinue), "continue");
  EXPECT_STREQ(decision_name(spending::Decision::kStopEfficacy), "stop-efficacy");
  EXPECT_STREQ(decision_name(spending::Decision::kStopHarm), "stop-harm");
  EXPECT_STREQ(decision_name(spending::Decision::kStopFutility), "stop-futility");
  EXPECT_STREQ(decision_name(spending::Decision::kFinalNoRejection), "final-no-rejection");
}

TEST(Presentation, EfficacyStopQuotesTheBound) {
  const double z = monitoring::z_from_p_two_sided(0.0005, Direction::kFavoursTreatment);
  const MonitoringPlan plan = seed_plan();
  const MonitoringResult r = monitoring::monitor(plan, std::vector<ObservedLook>{{49.0, z, false}});
  const std::string reason = decision_reason(r.looks[0], plan);
  EXPECT_NE(reason.find("crossed the efficacy bound 2.8933"), std::string::npos) << reason;
  EXPECT_NE(reason.find("at 49 of 94 planned events: stop for benefit"), std::string::npos) << reason;
}

TEST(Presentation, ContinueNamesTheNextLook) {
  const MonitoringPlan plan = seed_plan();
  const MonitoringResult r = monitoring::monitor(plan, std::vector<ObservedLook>{{49.0, 2.0, false}});
  const std::string reason = decision_reason(r.looks[0], plan);
  EXPECT_NE(reason.find("continue to the next look at 71 events"), std::string::npos) << reason;
}

TEST(Presentation, FinalWithoutCrossingIsNotRejected) {
  const MonitoringPlan plan = seed_plan();
  const MonitoringResult r = monitoring::monitor(
      plan, std::vector<ObservedLook>{{49.0, 1.0, false}, {71.0, 1.2, false}, {94.0, 1.5, false}});
  EXPECT_NE(decision_reason(r.looks[2], plan).find("the null hypothesis is not rejected"),
            std::string::npos);
}

// A weighted, MaxCombo, RMST or milestone test's look: the information
// fraction in place of the events, and the bound that decided.
TEST(Presentation, TestDecisionReasonsQuoteTheBoundThatDecided) {
  using spending::Decision;
  const auto reason = [](LookOutcome o, bool maxcombo, bool two_sided, bool binding) {
    return test_decision_reason(o, 71.0, maxcombo, two_sided, binding);
  };
  EXPECT_EQ(reason({3.04, 2.2383, std::nullopt, std::nullopt, 0.8214, Decision::kStopEfficacy}, false, true, false),
            "z = 3.0400 crossed the efficacy bound 2.2383 at information fraction 0.8214 (71 events): "
            "stop for benefit");
  EXPECT_EQ(reason({1.95, 2.5706, std::nullopt, std::nullopt, 0.7553, Decision::kContinue}, true, false, false),
            "max z = 1.9500 is below the efficacy bound 2.5706 at information fraction 0.7553 (71 events): "
            "continue");
  EXPECT_EQ(reason({-2.5, 2.3, std::nullopt, -2.1, 0.6, Decision::kStopHarm}, false, false, false),
            "z = -2.5000 crossed the harm bound -2.1000 at information fraction 0.6000 (71 events): "
            "stop, the experimental arm is significantly worse");
  EXPECT_EQ(reason({-2.5, 2.3, std::nullopt, std::nullopt, 0.6, Decision::kStopHarm}, false, true, false),
            "z = -2.5000 crossed the lower bound -2.3000 of the two-sided design at information fraction "
            "0.6000 (71 events): stop, the experimental arm is significantly worse");
  EXPECT_EQ(reason({0.1, 2.3, 0.4, std::nullopt, 0.6, Decision::kStopFutility}, false, false, true),
            "z = 0.1000 is at or below the binding futility bound 0.4000 at information fraction 0.6000 "
            "(71 events): stop for futility");
  EXPECT_EQ(reason({1.5, 1.99, std::nullopt, std::nullopt, 1.0, Decision::kFinalNoRejection}, false, false, false),
            "final analysis at information fraction 1.0000 (71 events): z = 1.5000 did not reach the final "
            "bound 1.9900; the null hypothesis is not rejected");
}

TEST(Presentation, HarmAndFutilityAdvice) {
  MonitoringPlan plan = seed_plan();
  plan.design.alpha = 0.05;
  plan.design.sided = spending::Sidedness::kTwoSidedSymmetric;
  const MonitoringResult harm = monitoring::monitor(plan, std::vector<ObservedLook>{{49.0, -3.0, false}});
  EXPECT_NE(decision_reason(harm.looks[0], plan).find("significantly worse"), std::string::npos);
  MonitoringPlan futile = seed_plan();
  futile.design.futility =
      spending::FutilitySpec{spending::SpendingFunction::hwang_shih_decani(-2.0), false};
  const MonitoringResult r = monitoring::monitor(futile, std::vector<ObservedLook>{{49.0, -1.0, false}});
  const auto advice = futility_advice(r.looks[0]);
  ASSERT_TRUE(advice);
  EXPECT_NE(advice->find("non-binding futility bound"), std::string::npos);
  const MonitoringResult no_advice = monitoring::monitor(futile, std::vector<ObservedLook>{{49.0, 1.0, false}});
  EXPECT_FALSE(futility_advice(no_advice.looks[0]));
}

// A p-value below the smallest double underflows to 0, and one in the
// subnormal range has lost digits: both are reported as the floor 1e-300
// (an upper bound), never as 0; above it the value is kept as computed.
TEST(Presentation, PValuesBelowTheFloorAreReportedAsTheFloor) {
  EXPECT_EQ(reported_p_value(0.0), 1e-300);
  EXPECT_EQ(reported_p_value(5.7708567e-316), 1e-300);
  EXPECT_EQ(reported_p_value(1e-300), 1e-300);
  EXPECT_EQ(reported_p_value(1.1451142445048148e-299), 1.1451142445048148e-299);
  EXPECT_EQ(reported_p_value(0.0381), 0.0381);
  EXPECT_EQ(p_value_text(0.0), "< 1e-300");
  EXPECT_EQ(p_value_text(5.7708567e-316), "< 1e-300");
  EXPECT_EQ(p_value_text(1.1451142445048148e-299), "1.14511e-299");
  EXPECT_EQ(p_value_text(0.0381256), "0.0381256");
}

TEST(Presentation, FamilyNames) {
  EXPECT_EQ(spending_name(spending::SpendingFunction::hwang_shih_decani(-2.0)),
            "Hwang-Shih-DeCani (gamma = -2)");
  EXPECT_EQ(boundary_name(spending::ClassicalBoundary::wang_tsiatis(0.25)),
            "Wang-Tsiatis (Delta = 0.25)");
  spending::DesignSpec spec;
  EXPECT_EQ(efficacy_description(spec), "Lan-DeMets O'Brien-Fleming alpha-spending");
}

// A classical boundary says "(classical)" once, with or without its kind.
TEST(Presentation, ClassicalNamesSayClassicalOnce) {
  spending::DesignSpec spec;
  spec.efficacy = spending::ClassicalBoundary::obrien_fleming();
  EXPECT_EQ(efficacy_name(spec), "O'Brien-Fleming (classical)");
  EXPECT_EQ(efficacy_description(spec), "O'Brien-Fleming (classical)");
  spec.efficacy = spending::ClassicalBoundary::pocock();
  EXPECT_EQ(efficacy_name(spec), "Pocock (classical)");
  EXPECT_EQ(efficacy_description(spec), "Pocock (classical)");
  spec.efficacy = spending::ClassicalBoundary::wang_tsiatis(0.25);
  EXPECT_EQ(efficacy_description(spec), "Wang-Tsiatis (Delta = 0.25) (classical)");
}

// A survival test's label, every kind, as the simulation's text, JSON and
// the R and Python frames name it.
TEST(Presentation, TestLabels) {
  using survival::LogRankWeight;
  using survival::SurvivalTest;
  using survival::TestKind;
  SurvivalTest t;
  EXPECT_EQ(test_label(t), "log-rank");
  t.weight = LogRankWeight::fleming_harrington(0.0, 1.0);
  EXPECT_EQ(test_label(t), "FH(0, 1)");
  t.weight = LogRankWeight::fleming_harrington(0.5, 0.25);
  EXPECT_EQ(test_label(t), "FH(0.5, 0.25)");
  t.weight = LogRankWeight::magirr_burman(12.0);
  EXPECT_EQ(test_label(t), "MB(t* = 12)");
  SurvivalTest combo;
  combo.kind = TestKind::kMaxCombo;
  combo.combo = {LogRankWeight::log_rank(), LogRankWeight::fleming_harrington(0.0, 1.0)};
  EXPECT_EQ(test_label(combo), "MaxCombo(2 FH)");
  SurvivalTest rmst;
  rmst.kind = TestKind::kRmst;
  rmst.horizon = 18.5;
  EXPECT_EQ(test_label(rmst), "RMST(tau = 18.5)");
  rmst.kind = TestKind::kMilestone;
  rmst.horizon = 12.0;
  EXPECT_EQ(test_label(rmst), "milestone(t = 12)");
}

}  // namespace
}  // namespace gsd::presentation_test
