// The proportional-hazards comparison printed beside a survival plan
// (sample_size.schoenfeld): the group-sequential power at the plan's events
// and the events for the target power, against rpact 3.3.4 and multivariate
// normal rectangles (mvtnorm) at rpact's bounds
// (tests/reference/schoenfeld_group_sequential_power.R).
//
// gsd's power is the power to show benefit: the probability of crossing the
// upper bound, the other stopping regions in force. For a two-sided design
// rpact's getPowerSurvival()$overallReject also counts rejections through
// the lower bound (the treatment found worse): on the seed plan 0.6009890
// against gsd's 0.6009701, a difference of exactly that lower crossing,
// 1.892e-5. rpact's sample size solves the upper crossing alone, as gsd does.
#include "gsd/survival/schoenfeld.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "expect_near_rel.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::schoenfeld_reference_test {
using namespace gsd::spending;  // NOLINT: the layer below
namespace {

// One case of the reference script, in its order.
struct Reference {
  const char* id;
  double rpact_overall_reject;  // getPowerSurvival()$overallReject, both sides
  double upper;                 // own: P(upper crossing), at rpact's bounds
  double lower;                 // own: P(lower crossing), two-sided designs only
  double rpact_events;          // getSampleSizeSurvival()$maxNumberOfEvents
  double own_events;            // own: events whose upper crossing is 1 - beta
};

const Reference kSeed{"seed_two_sided_obf", 0.600989001812438, 0.600970080095451,
                      1.89217050208456e-05, 166.681869066368, 166.681869069296};
const Reference kHsdFutility{"one_sided_obf_hsd_futility", 0.777443047391476, 0.77744304739313, 0,
                             354.276023837154, 354.276023834062};
const Reference kAllocation2{"one_sided_obf_allocation_2", 0.642176364785441, 0.642176364624128,
                             0, 435.151332431677, 435.151332499445};
const Reference kPocock{"two_sided_pocock_hr_0_8", 0.528743900892724, 0.528520033697,
                        0.000223867193245658, 736.823218108838, 736.823217911006};

// rpact's bounds meet their spending to about 1e-9 (the seed's final bound
// spends 6.5e-10 too much alpha) and gsd's grid leaves its bounds within
// 3e-9 of the exact ones (numerics/solver_options.hpp); either moves the
// crossing probabilities by a few 1e-9 (at most 2.4e-9 here). 1e-8 absolute
// is above that and a thousand times below the seed's lower crossing, the
// difference this file pins down.
constexpr double kPowerTolerance = 1e-8;
// The events go with the square of the drift, found through those bounds to
// about 1e-9 relative; rpact and the own root agree to 2.7e-10 relative.
constexpr double kEventsTolerance = 1e-7;

// Proportional hazards without a cure fraction: exponential control with the
// given median, treatment at hazard ratio hr, allocation r : 1.
SurvivalSpec proportional_hazards(double median, double hr, double r) {
  SurvivalSpec spec;
  spec.control = CureModel(0.0, Latency::exponential_median(median));
  spec.treatment = CureModel(0.0, spec.control.latency()).with_hazard_ratio_noncured(hr);
  spec.accrual = Accrual::uniform(24.0);
  spec.allocation_ratio = r;
  return spec;
}

void expect_matches(const std::optional<SchoenfeldComparison>& s, const Reference& ref,
                    double hazard_ratio) {
  ASSERT_TRUE(s.has_value()) << ref.id;
  EXPECT_NEAR_REL(s->hazard_ratio, hazard_ratio, 1e-12) << ref.id;
  EXPECT_NEAR(s->power_at_plan_events, ref.upper, kPowerTolerance) << ref.id;
  // rpact's overallReject less the lower crossing is the same quantity.
  EXPECT_NEAR(s->power_at_plan_events, ref.rpact_overall_reject - ref.lower, kPowerTolerance)
      << ref.id;
  EXPECT_NEAR_REL(s->group_sequential_events, ref.rpact_events, kEventsTolerance) << ref.id;
  EXPECT_NEAR_REL(s->group_sequential_events, ref.own_events, kEventsTolerance) << ref.id;
}

// configs/blinatumomab-20120215.json: two-sided 0.05, Lan-DeMets
// O'Brien-Fleming at 0.5 / 0.75 / 1, beta 0.16, noncured HR 0.63, 94 events.
TEST(SchoenfeldReference, SeedPlanTwoSided) {
  const auto s =
      schoenfeld_comparison(testing::seed_plan(), testing::seed_design(), 94);
  expect_matches(s, kSeed, 0.63);
  // rpact's overallReject is above gsd's power by the lower crossing, not by
  // any numerical error: 1.892e-5 of the 1.9e-5 difference.
  ASSERT_TRUE(s.has_value());
  EXPECT_NEAR(kSeed.rpact_overall_reject - s->power_at_plan_events, kSeed.lower, kPowerTolerance);
  EXPECT_GT(kSeed.rpact_overall_reject - s->power_at_plan_events, 1e-5);
  // Printed rounded up: 167 events against rpact's 166.68.
  EXPECT_DOUBLE_EQ(std::ceil(s->group_sequential_events), 167.0);
}

// One-sided 0.025, Lan-DeMets O'Brien-Fleming at 0.4 / 0.7 / 1 with
// non-binding HSD(-2) beta-spending futility, beta 0.1, HR 0.7, 250 events:
// the futility bound (set at the design's drift) stops trials at the plan's.
TEST(SchoenfeldReference, OneSidedWithBetaSpendingFutility) {
  DesignSpec d;
  d.alpha = 0.025;
  d.beta = 0.1;
  d.information_fractions = {0.4, 0.7, 1.0};
  d.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), false};
  expect_matches(schoenfeld_comparison(proportional_hazards(12.0, 0.7, 1.0), compute_design(d), 250),
                 kHsdFutility, 0.7);
}

// One-sided 0.025, Lan-DeMets O'Brien-Fleming at 0.25 / 0.5 / 0.75 / 1,
// beta 0.2, HR 0.75, 2:1 allocation (r / (1 + r)^2 = 2 / 9 per event), 300
// events.
TEST(SchoenfeldReference, TwoToOneAllocation) {
  DesignSpec d;
  d.alpha = 0.025;
  d.beta = 0.2;
  d.information_fractions = {0.25, 0.5, 0.75, 1.0};
  expect_matches(schoenfeld_comparison(proportional_hazards(12.0, 0.75, 2.0), compute_design(d), 300),
                 kAllocation2, 0.75);
}

// Two-sided 0.05, Lan-DeMets Pocock at 0.3 / 0.65 / 1, beta 0.2, HR 0.8,
// 400 events: the lower crossing, 2.2e-4, is larger with Pocock's low
// interim bounds, and again it is rpact's overallReject less gsd's power.
TEST(SchoenfeldReference, TwoSidedPocock) {
  DesignSpec d;
  d.alpha = 0.05;
  d.sided = Sidedness::kTwoSidedSymmetric;
  d.beta = 0.2;
  d.information_fractions = {0.3, 0.65, 1.0};
  d.efficacy = SpendingFunction::lan_demets_pocock();
  const auto s = schoenfeld_comparison(proportional_hazards(9.0, 0.8, 1.0), compute_design(d), 400);
  expect_matches(s, kPocock, 0.8);
}

}  // namespace
}  // namespace gsd::survival::schoenfeld_reference_test
