// Power and patients of RMST and milestone tests: a single look against the
// fixed-design formula, the bounds against the design at the test's own
// information fractions, the patients for power 1 - beta, and the refusals.
#include "gsd/survival/km_contrast_power.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/survival/event_projection.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::km_contrast_power_test {
namespace {

constexpr double kZ975 = 1.959963984540054;  // Phi^{-1}(0.975)
constexpr double kZ80 = 0.8416212335729143;  // Phi^{-1}(0.8)

spending::DesignSpec one_look() { return testing::one_sided_spec({1.0}, 0.2); }

TEST(KmContrastPower, OneLookIsTheFixedDesignFormula) {
  const SurvivalSpec spec = testing::seed_plan();
  for (KmContrast c : {KmContrast{KmContrast::Kind::kRmst, 24.0}, KmContrast{KmContrast::Kind::kMilestone, 24.0}}) {
    const KmContrastPower p = km_contrast_power(spec, one_look(), c, 202.0, 94);
    ASSERT_EQ(p.looks.size(), 1u);
    const double time = calendar_time_for_events(spec, 202.0, 94.0);
    EXPECT_DOUBLE_EQ(p.looks[0].calendar_time, time);
    const KmContrastMoments m = km_contrast_moments(spec, c, time);
    const double mean = std::sqrt(202.0) * m.estimate / std::sqrt(m.variance);
    EXPECT_NEAR(p.looks[0].efficacy_z, kZ975, 1e-9);
    EXPECT_NEAR(p.power, numerics::normal_lower_tail(mean - kZ975), 1e-9);
    // Patients for 80%: ((z_alpha + z_beta) / (delta / sqrt(v)))^2.
    const double per_patient = m.estimate / std::sqrt(m.variance);
    EXPECT_NEAR(km_contrast_patients(p), std::pow((kZ975 + kZ80) / per_patient, 2), 1e-6);
  }
}

TEST(KmContrastPower, BoundsAreTheDesignsAtTheTestsInformationFractions) {
  const SurvivalSpec spec = testing::seed_plan();
  spending::DesignSpec d = one_look();
  d.information_fractions = {0.6, 0.8, 1.0};
  const KmContrast c{KmContrast::Kind::kRmst, 18.0};
  const KmContrastPower p = km_contrast_power(spec, d, c, 400.0, 190);
  const double v_last = p.looks.back().moments.variance;
  spending::DesignSpec expected = d;
  expected.information_fractions.clear();
  for (const KmContrastLook& l : p.looks) {
    EXPECT_LT(c.horizon, l.maximum_follow_up);
    expected.information_fractions.push_back(v_last / l.moments.variance);
  }
  expected.information_fractions.back() = 1.0;
  const spending::Design design = spending::compute_design(expected);
  std::vector<double> means;
  for (std::size_t k = 0; k < p.looks.size(); ++k) {
    EXPECT_DOUBLE_EQ(p.looks[k].information_fraction, expected.information_fractions[k]);
    EXPECT_DOUBLE_EQ(p.looks[k].efficacy_z, design.efficacy[k]);
    means.push_back(p.looks[k].mean_z);
  }
  EXPECT_DOUBLE_EQ(p.power, spending::evaluate(design, means).total_upper());
  // Spending at the planned event fractions instead.
  const KmContrastPower e = km_contrast_power(spec, d, c, 400.0, 190, SpendingScale::kEvents);
  EXPECT_DOUBLE_EQ(e.looks[0].spending_fraction, 0.6);
  EXPECT_NE(e.looks[0].efficacy_z, p.looks[0].efficacy_z);
}

TEST(KmContrastPower, PatientsGivePowerOneMinusBetaAtTheSameLookTimes) {
  const SurvivalSpec spec = testing::weibull_dropout_spec();
  spending::DesignSpec d = one_look();
  d.information_fractions = {0.5, 1.0};
  const KmContrastPlan plan = km_contrast_plan(spec, d, {KmContrast::Kind::kMilestone, 12.0}, 300.0, 100);
  ASSERT_TRUE(plan.sized.has_value());
  // The looks' means scale with sqrt(N) at fixed calendar times.
  std::vector<double> means;
  for (const KmContrastLook& l : plan.at_plan.looks) {
    means.push_back(l.mean_z * std::sqrt(plan.patients_unrounded / 300.0));
  }
  EXPECT_NEAR(spending::evaluate(plan.at_plan.design, means).total_upper(), 0.8, 1e-6);
  // Rounded up (a multiple of 3 at 2:1) with the events scaled alike.
  EXPECT_EQ(std::fmod(plan.sized->patients, 3.0), 0.0);
  EXPECT_GE(plan.sized->patients, plan.patients_unrounded);
  EXPECT_LT(plan.sized->patients, plan.patients_unrounded + 3.0);
  EXPECT_EQ(plan.sized->events, static_cast<long long>(std::ceil(100.0 * plan.sized->patients / 300.0 - 1e-9)));
  EXPECT_NEAR(plan.sized->power, 0.8, 0.01);
}

TEST(KmContrastPower, NoBenefitGivesNoSize) {
  SurvivalSpec spec = testing::seed_plan();
  spec.treatment = spec.control;
  const KmContrastPlan plan = km_contrast_plan(spec, one_look(), {KmContrast::Kind::kRmst, 24.0}, 202.0, 94);
  EXPECT_FALSE(plan.sized.has_value());
  EXPECT_NEAR(plan.at_plan.power, 0.025, 1e-12);
  EXPECT_THROW(km_contrast_patients(plan.at_plan), numerics::InvalidInput);
}

std::string refusal(const SurvivalSpec& spec, const spending::DesignSpec& d, const KmContrast& c, double patients,
                    long long events) {
  try {
    km_contrast_power(spec, d, c, patients, events);
  } catch (const numerics::InvalidInput& e) {
    EXPECT_EQ(e.path(), c.path());
    return e.rule();
  }
  ADD_FAILURE() << "not refused";
  return "";
}

TEST(KmContrastPower, RefusesAHorizonAnEarlyLookDoesNotFollow) {
  const SurvivalSpec spec = testing::seed_plan();
  spending::DesignSpec d = one_look();
  d.information_fractions = {0.5, 0.75, 1.0};
  const KmContrastPower p = km_contrast_power(spec, one_look(), {KmContrast::Kind::kRmst, 36.0}, 202.0, 94);
  const double first = calendar_time_for_events(spec, 202.0, 47.0);
  ASSERT_LT(first, 36.0);
  ASSERT_GT(p.looks[0].maximum_follow_up, 36.0);
  const std::string rule = refusal(spec, d, {KmContrast::Kind::kRmst, 36.0}, 202.0, 94);
  EXPECT_NE(rule.find("single final look"), std::string::npos) << rule;
  // Beyond the final look too: beyond the study.
  const std::string beyond = refusal(spec, d, {KmContrast::Kind::kMilestone, 80.0}, 202.0, 94);
  EXPECT_NE(beyond.find("beyond the study"), std::string::npos) << beyond;
}

TEST(KmContrastPower, RefusesLooksThatAddNoInformation) {
  // Accrual over 36 months: from month 36 + 6 every patient is followed past
  // 6 months, and a later look has the same variance.
  const SurvivalSpec spec = testing::seed_plan();
  spending::DesignSpec d = one_look();
  d.information_fractions = {0.9, 1.0};
  ASSERT_GT(calendar_time_for_events(spec, 202.0, 86.0), 42.0);
  const std::string rule = refusal(spec, d, {KmContrast::Kind::kMilestone, 6.0}, 202.0, 95);
  EXPECT_NE(rule.find("no more information at look 2"), std::string::npos) << rule;
}

}  // namespace
}  // namespace gsd::survival::km_contrast_power_test
