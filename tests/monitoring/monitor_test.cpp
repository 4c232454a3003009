// Decisions and the validation of a sequence of looks.
#include "gsd/monitoring/monitor.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/numerics/check.hpp"
#include "plan_fixture.hpp"

namespace gsd::monitoring::monitor_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

using testing::seed_plan;

// The message a call throws as bad input, or `none`.
template <class Call>
std::string thrown_message(Call call, const std::string& none) {
  try {
    call();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return none;
}

std::string error_of(const MonitoringPlan& plan, const std::vector<ObservedLook>& looks) {
  return thrown_message([&] { monitor(plan, looks); }, "no error");
}

TEST(Monitor, PValueLookStopsForBenefit) {
  // p = 0.0005 two-sided favouring treatment at 49 events.
  const double z = z_from_p_two_sided(0.0005, Direction::kFavoursTreatment);
  const MonitoringResult r = monitor(seed_plan(), std::vector<ObservedLook>{{49.0, z, false}});
  EXPECT_EQ(r.looks[0].decision, Decision::kStopEfficacy);
  EXPECT_TRUE(r.final_inference);
}

TEST(Monitor, ContinueNamesTheNextLook) {
  const MonitoringResult r = monitor(seed_plan(), std::vector<ObservedLook>{{49.0, 2.0, false}});
  EXPECT_EQ(r.looks[0].decision, Decision::kContinue);
  EXPECT_FALSE(r.looks[0].final_analysis);
  EXPECT_EQ(r.looks[0].schedule.events[1], 71.0);
}

TEST(Monitor, FinalWithoutCrossingStops) {
  const MonitoringResult r = monitor(
      seed_plan(), std::vector<ObservedLook>{{49.0, 1.0, false}, {71.0, 1.2, false}, {94.0, 1.5, false}});
  EXPECT_TRUE(r.looks[2].final_analysis);
  EXPECT_EQ(r.looks[2].decision, Decision::kStopFutility);
  // Stage-wise p-value exceeds alpha when the final bound was not reached.
  EXPECT_GT(r.final_inference->p_value, 0.025);
}

TEST(Monitor, NonBindingFutilityIsAdvice) {
  MonitoringPlan plan = seed_plan();
  plan.design.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), false};
  const MonitoringResult r = monitor(plan, std::vector<ObservedLook>{{49.0, -1.0, false}});
  ASSERT_TRUE(r.looks[0].futility_z);
  EXPECT_EQ(r.looks[0].decision, Decision::kContinue);
  EXPECT_LE(-1.0, *r.looks[0].futility_z);
  EXPECT_TRUE(r.looks[0].futility_advice);
}

TEST(Monitor, BindingFutilityStops) {
  MonitoringPlan plan = seed_plan();
  plan.design.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), true};
  const MonitoringResult r = monitor(plan, std::vector<ObservedLook>{{49.0, -1.0, false}});
  EXPECT_EQ(r.looks[0].decision, Decision::kStopFutility);
  EXPECT_FALSE(r.looks[0].futility_advice);
}

TEST(Monitor, TwoSidedHarmStops) {
  MonitoringPlan plan = seed_plan();
  plan.design.alpha = 0.05;
  plan.design.sided = Sidedness::kTwoSidedSymmetric;
  const MonitoringResult r = monitor(plan, std::vector<ObservedLook>{{49.0, -3.0, false}});
  EXPECT_EQ(r.looks[0].decision, Decision::kStopHarm);
}

TEST(Monitor, DesignAlternativeWhenNoHazardRatioAssumed) {
  // theta = drift / sqrt(I_max): HR = exp(-drift / sqrt(94 / 4)), with the
  // drift of the seed design (two-sided 0.05, beta 0.16, LD-OBF at 0.5 /
  // 0.75 / 1) from rpact 3.3.4: sqrt(getDesignCharacteristics()$shift) =
  // 2.98256208 (tests/reference/rpact_designs.R). 1e-8 covers its 8 decimals.
  constexpr double kRpactDrift = 2.98256208;
  const MonitoringResult r = monitor(seed_plan(), std::vector<ObservedLook>{{49.0, 2.0, false}});
  EXPECT_EQ(r.effect_source, EffectSource::kDesignAlternative);
  ASSERT_TRUE(r.assumed_hazard_ratio);
  EXPECT_NEAR(*r.assumed_hazard_ratio, std::exp(-kRpactDrift / std::sqrt(23.5)), 1e-8);
}

TEST(Monitor, ModelMeansDriveConditionalPower) {
  // A model whose means are theta sqrt(I) reproduces the hazard-ratio result;
  // the assumed hazard ratio, when given, takes precedence over the model.
  MonitoringPlan plan = seed_plan();
  const double theta = -std::log(0.63);
  plan.model_means = [theta](const std::vector<double>& events) {
    std::vector<double> means;
    for (double d : events) means.push_back(theta * std::sqrt(d / 4.0));
    return means;
  };
  const std::vector<ObservedLook> looks{{49.0, 2.0, false}};
  const MonitoringResult model = monitor(plan, looks);
  EXPECT_EQ(model.effect_source, EffectSource::kModelMeans);
  EXPECT_FALSE(model.assumed_hazard_ratio);
  // rpact 3.3.4 at HR 0.63 (docs/validation.md): 0.4367912 and 0.7850678.
  EXPECT_NEAR(model.looks[0].conditional_power->assumed[0], 0.4367912, 1e-6);
  EXPECT_NEAR(model.looks[0].conditional_power->assumed[1], 0.7850678, 1e-6);
  plan.assumed_hazard_ratio = 0.9;
  EXPECT_EQ(monitor(plan, looks).effect_source, EffectSource::kAssumedHazardRatio);
}

TEST(Monitor, RejectsEventsGoingBackwards) {
  EXPECT_EQ(error_of(seed_plan(), {{49.0, 2.0, false}, {40.0, 2.1, false}}),
            "looks[1].events = 40 must exceed the previous look's 49 events");
}

TEST(Monitor, RejectsLookAfterStop) {
  EXPECT_EQ(error_of(seed_plan(), {{49.0, 3.6, false}, {71.0, 2.1, false}}),
            "looks[1].events = 71 comes after the trial stopped at look 1 ("
            "49 events); a stopped trial takes no further looks");
}

TEST(Monitor, RejectsLookAfterFinal) {
  EXPECT_NE(error_of(seed_plan(), {{49.0, 1.0, false}, {60.0, 1.0, true}, {80.0, 1.0, false}})
                .find("looks[2].events = 80 comes after the trial stopped"),
            std::string::npos);
}

TEST(Monitor, RejectsNonFiniteZ) {
  EXPECT_EQ(error_of(seed_plan(), {{49.0, std::numeric_limits<double>::infinity(), false}}),
            "looks[0].z = inf must be finite");
}

// The assumed hazard ratio has a look's range, in the look's words.
TEST(Monitor, AssumedHazardRatioInTheLooksRange) {
  MonitoringPlan plan = seed_plan();
  for (const double hr : {1e-300, 1e300}) {
    plan.assumed_hazard_ratio = hr;
    EXPECT_EQ(error_of(plan, {{49.0, 2.0, false}}),
              "assumed_hazard_ratio = " + format_input(hr) +
                  " must lie in [1e-06, 1e+06], the hazard ratios gsd estimates; give the hazard ratio "
                  "conditional power assumes");
  }
  for (const double hr : {kMinReportedHazardRatio, kMaxReportedHazardRatio}) {
    plan.assumed_hazard_ratio = hr;
    EXPECT_EQ(error_of(plan, {{49.0, 2.0, false}}), "no error");
  }
}

// check_event_span, which a test's front end applies to its looks' events
// as monitor() does: the planned events and every look within a factor of
// kMaxEventSpan (a million) of the first look, no look past a million times
// the planned events.
std::string span_error(double planned, const std::vector<double>& events) {
  return thrown_message([&] { check_event_span(planned, events); }, "");
}

TEST(Monitor, EventSpanOfATestsLooks) {
  EXPECT_EQ(span_error(94.0, {49.0, 71.0}), "");
  EXPECT_EQ(span_error(49.0e6, {49.0}), "");
  EXPECT_EQ(span_error(1e300, {49.0}),
            "planned_events = 1e+300 exceeds a million times the first look's 49 events, the widest span gsd "
            "monitors; check the events");
  EXPECT_EQ(span_error(1e-5, {49.0}),
            "looks[0].events = 49 exceeds a million times the 1e-05 planned events, the widest span gsd "
            "monitors; check the events");
  EXPECT_EQ(span_error(1e9, {1.0, 2e6}),
            "looks[1].events = 2e+06 exceeds a million times the first look's 1 events, the widest span gsd "
            "monitors; check the events");
}

}  // namespace
}  // namespace gsd::monitoring::monitor_test
