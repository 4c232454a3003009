// Whole numbers on the seed plan: patients a multiple of the block, whole
// events at each look, bounds recomputed at them (design_at_drift at the
// drift of the whole events), the power at the whole numbers, and the
// continuous plan beside them.
#include "gsd/survival/integer_plan.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/look_trigger.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::integer_plan_test {
namespace {

using testing::seed_design;
using testing::seed_plan;

SurvivalSpec solve_patients_spec(std::optional<int> block) {
  SurvivalSpec spec = seed_plan();
  spec.follow_up = 14.8;
  spec.power = 0.84;
  spec.integer = true;
  spec.block = block;
  return spec;
}

TEST(IntegerPlan, AllocationSumIsTheSmallestWholeBlock) {
  SurvivalSpec spec = seed_plan();
  EXPECT_EQ(spec.allocation_sum(), 2);
  spec.allocation_ratio = 2.0;
  EXPECT_EQ(spec.allocation_sum(), 3);
  spec.allocation_ratio = 1.5;
  EXPECT_EQ(spec.allocation_sum(), 5);
  spec.allocation_ratio = 0.5;
  EXPECT_EQ(spec.allocation_sum(), 3);
  spec.allocation_ratio = 1.37;
  EXPECT_THROW((void)spec.allocation_sum(), numerics::InvalidInput);
}

TEST(IntegerPlan, ValidatesTheBlock) {
  SurvivalSpec spec = solve_patients_spec(6);
  spec.allocation_ratio = 2.0;
  EXPECT_NO_THROW(spec.validate());
  spec.block = 4;  // not a multiple of 3 (2:1)
  EXPECT_THROW(spec.validate(), numerics::InvalidInput);
  spec.block = 0;
  EXPECT_THROW(spec.validate(), numerics::InvalidInput);
  spec.allocation_ratio = 1.0;
  spec.block = 4;
  spec.integer = false;  // a block without whole numbers does nothing
  EXPECT_THROW(spec.validate(), numerics::InvalidInput);
  spec.block.reset();
  spec.integer = true;
  spec.allocation_ratio = 1.37;
  EXPECT_THROW(spec.validate(), numerics::InvalidInput);
}

TEST(IntegerPlan, SolvedPatientsRoundUpToTheBlockAndBoundsFollowTheEvents) {
  const spending::Design design = seed_design();
  for (int block : {2, 4, 8}) {
    const SurvivalSpec spec = solve_patients_spec(block);
    const SurvivalPlan continuous = solve_survival(spec, design);
    const IntegerPlan whole = integer_plan(spec, design, continuous);
    const SurvivalPlan& plan = whole.plan;
    EXPECT_EQ(whole.block, block);
    EXPECT_EQ(plan.patients % block, 0) << block;
    EXPECT_GE(static_cast<double>(plan.patients), continuous.patients_unrounded);
    EXPECT_LT(static_cast<double>(plan.patients), continuous.patients_unrounded + 4.0 * block);
    EXPECT_GE(plan.power, 0.84);
    EXPECT_DOUBLE_EQ(whole.continuous.patients, continuous.patients_unrounded);
    EXPECT_DOUBLE_EQ(whole.continuous.events, continuous.events_unrounded);
    EXPECT_DOUBLE_EQ(whole.continuous.power, 0.84);
    ASSERT_EQ(plan.looks.size(), 3u);
    EXPECT_EQ(plan.looks.back().events, plan.events);
    for (std::size_t k = 0; k < 3; ++k) {
      const double fraction = static_cast<double>(plan.looks[k].events) / static_cast<double>(plan.events);
      EXPECT_NEAR(whole.design.spec.information_fractions[k], fraction, 1e-15) << k;
      EXPECT_DOUBLE_EQ(plan.looks[k].information_fraction, fraction);
      EXPECT_DOUBLE_EQ(plan.looks[k].efficacy_z, whole.design.efficacy[k]);
      EXPECT_NEAR(whole.continuous.looks[k].events,
                  design.spec.information_fractions[k] * continuous.events_unrounded, 1e-12);
    }
    // The drift of the whole events: theta sqrt(I) with I in proportion to the events.
    EXPECT_NEAR(whole.design.drift,
                design.drift * std::sqrt(static_cast<double>(plan.events) / continuous.events_unrounded),
                1e-12);
    // The bounds are the design recomputed at those fractions and that drift.
    std::vector<long long> counts;
    for (const SurvivalLook& look : plan.looks) counts.push_back(look.events);
    const spending::Design again = integer_design(design, counts, whole.design.drift);
    for (std::size_t k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(again.efficacy[k], whole.design.efficacy[k]);
    // And the power is the plan's at those numbers with those bounds.
    EXPECT_DOUBLE_EQ(evaluate_plan(spec, whole.design, plan.patients, plan.events).power, plan.power);
  }
}

// Whole plans' power moves in a sawtooth with the patients: two looks at 0.3
// and 1 with 30 months of follow-up reach 0.84 at 220 patients, while the
// search once stopped after three more at 212 patients and power 0.828.
TEST(IntegerPlan, SolvedPatientsReachTheTargetPastTheSawtooth) {
  const spending::Design design = spending::compute_design(testing::one_sided_spec({0.3, 1.0}));
  SurvivalSpec spec = solve_patients_spec(std::nullopt);
  spec.follow_up = 30.0;
  const SurvivalPlan continuous = solve_survival(spec, design);
  const IntegerPlan whole = integer_plan(spec, design, continuous);
  EXPECT_GE(whole.plan.power, 0.84);
  EXPECT_GT(whole.plan.patients, 212);
}

TEST(IntegerPlan, GivenPatientsAndEvents) {
  SurvivalSpec spec = seed_plan();
  spec.patients = 202;
  spec.events = 94;
  spec.integer = true;
  spec.block = 4;
  const spending::Design design = seed_design();
  const SurvivalPlan continuous = solve_survival(spec, design);
  const IntegerPlan whole = integer_plan(spec, design, continuous);
  EXPECT_EQ(whole.plan.patients, 204);  // 202 rounded up to a multiple of 4
  EXPECT_EQ(whole.plan.events, 94);
  EXPECT_DOUBLE_EQ(whole.design.drift, design.drift);  // the events did not change
  // Looks at ceil(0.5 x 94) = 47 and ceil(0.75 x 94) = 71: the second look's
  // fraction moves from 0.75 to 71 / 94, and its bound with it.
  EXPECT_DOUBLE_EQ(whole.design.spec.information_fractions[1], 71.0 / 94.0);
  EXPECT_DOUBLE_EQ(whole.design.efficacy[0], design.efficacy[0]);
  EXPECT_GT(std::fabs(whole.design.efficacy[1] - design.efficacy[1]), 1e-3);
  EXPECT_DOUBLE_EQ(whole.continuous.power, continuous.power);
}

TEST(IntegerPlan, NonInferiorityMarginAtWholeNumbers) {
  // tests/reference/rpact_non_inferiority_integer.R (rpact 3.3.4): HR 1
  // planned against the margin 1.3 (thetaH0), Schoenfeld, exponential control
  // (median 12), uniform accrual over 24 months, 12 months' follow-up, power
  // 0.8, LD-OBF at half the events. Continuous: 457.797 events, 627.554
  // patients; whole: 628 patients, whose expected events by month 36
  // (458.12) round up to 459, the first look at 230; the design recomputed at
  // 230 / 459 and its power at 459 events (getPowerSurvival).
  SurvivalSpec spec;
  const double rate = std::log(2.0) / 12.0;
  spec.control = CureModel(0.0, Latency::exponential(rate));
  spec.treatment = CureModel(0.0, Latency::exponential(rate));
  spec.accrual = Accrual::uniform(24.0);
  spec.method = SizingMethod::kSchoenfeld;
  spec.hazard_ratio_h0 = 1.3;
  spec.follow_up = 12.0;
  spec.power = 0.8;
  spec.integer = true;
  const spending::Design design = spending::compute_design(testing::one_sided_spec({0.5, 1.0}, 0.2));
  const SurvivalPlan continuous = solve_survival(spec, design);
  // To 1e-8 relative: the two solvers' drifts agree to about 4e-9.
  EXPECT_NEAR(continuous.events_unrounded, 457.7971214986, 1e-8 * 457.8);
  EXPECT_NEAR(continuous.patients_unrounded, 627.5537494025, 1e-8 * 627.6);
  const IntegerPlan whole = integer_plan(spec, design, continuous);
  EXPECT_EQ(whole.plan.patients, 628);
  EXPECT_EQ(whole.plan.events, 459);
  ASSERT_EQ(whole.plan.looks.size(), 2u);
  EXPECT_EQ(whole.plan.looks[0].events, 230);
  EXPECT_NEAR(whole.design.efficacy[0], 2.9589356600, 1e-6);
  EXPECT_NEAR(whole.design.efficacy[1], 1.9686957970, 1e-6);
  // The drift of the margin: log(1.3) sqrt(459 / 4).
  EXPECT_NEAR(whole.design.drift, std::log(1.3) * std::sqrt(459.0 / 4.0), 1e-9);
  EXPECT_NEAR(whole.plan.power, 0.8010132062, 1e-7);
  EXPECT_NEAR(whole.plan.looks[0].crossing, 0.1661578339, 1e-7);
  EXPECT_NEAR(whole.plan.looks[1].crossing, 0.6348553723, 1e-7);
  EXPECT_NEAR(whole.plan.looks[0].calendar_time, 20.9361386242, 1e-6);
  EXPECT_NEAR(whole.plan.looks[1].calendar_time, 36.0896422562, 1e-6);
  // On the hazard-ratio scale the bound is the margin times exp(-z / sqrt(I)).
  EXPECT_NEAR(whole.plan.looks[0].hazard_ratio_at_bound,
              1.3 * std::exp(-whole.design.efficacy[0] / std::sqrt(230.0 / 4.0)), 1e-12);
}

TEST(IntegerPlan, SolvedEventsRoundUp) {
  SurvivalSpec spec = seed_plan();
  spec.patients = 202;
  spec.power = 0.8;
  spec.integer = true;
  const spending::Design design = seed_design();
  const SurvivalPlan continuous = solve_survival(spec, design);
  const IntegerPlan whole = integer_plan(spec, design, continuous);
  EXPECT_EQ(whole.plan.patients, 202);  // already a multiple of 2
  EXPECT_GE(static_cast<double>(whole.plan.events), continuous.events_unrounded);
  EXPECT_LT(static_cast<double>(whole.plan.events), continuous.events_unrounded + 4.0);
  EXPECT_GE(whole.plan.power, 0.8);
}

TEST(IntegerPlan, FollowUpPastEveryEventHoldsWholeEventsBelowTheLimit) {
  // A latency far below the follow-up: by its end every event that can
  // happen has happened, so no number of extra blocks makes room for the
  // rounded-up events below what the patients can ever produce. The whole
  // events are then the last whole number below that limit (as the rounded
  // plan does), and the patients stay a multiple of the block.
  const spending::Design design = seed_design();
  for (const double median : {0.1, 1e-5}) {
    SurvivalSpec spec = solve_patients_spec(4);
    spec.follow_up = 24.0;
    spec.control = CureModel(0.40, Latency::exponential_median(median));
    spec.treatment = CureModel(0.562, spec.control.latency()).with_hazard_ratio_noncured(0.63);
    const SurvivalPlan continuous = solve_survival(spec, design);
    const IntegerPlan whole = integer_plan(spec, design, continuous);
    const SurvivalPlan& plan = whole.plan;
    EXPECT_EQ(plan.patients % 4, 0) << median;
    EXPECT_LT(static_cast<double>(plan.events), plan.event_limit) << median;
    EXPECT_GT(static_cast<double>(plan.events), plan.event_limit - 1.0) << median;
    EXPECT_EQ(plan.looks.back().events, plan.events) << median;
    EXPECT_GE(plan.power, 0.84) << median;
  }
}

TEST(IntegerPlan, LooksByCalendarTimeKeepTheirExpectedEvents) {
  // The seed trial with its first look at month 24, the second at 75% of the
  // events or month 36 whichever comes first, a 60-month cap, and 202
  // patients rounded up to a block of 4.
  SurvivalSpec spec = seed_plan();
  spec.patients = 202;
  spec.events = 94;
  spec.integer = true;
  spec.block = 4;
  spec.analysis_cap = 60.0;
  spec.looks = {{LookTriggerKind::kTime, 24.0}, {LookTriggerKind::kFirst, 36.0}, {}};
  // The continuous design spends at the looks' expected fractions, as
  // gsd::solve_boundaries does.
  const std::vector<double> planned = {0.5, 0.75, 1.0};
  spending::DesignSpec d = seed_design().spec;
  d.information_fractions.clear();
  for (const ExpectedLook& look : expected_looks(spec, 202.0, std::vector<double>{47.0, 70.5, 94.0})) {
    d.information_fractions.push_back(look.events / 94.0);
  }
  d.information_fractions.back() = 1.0;
  const spending::Design design = spending::compute_design(d);
  const SurvivalPlan continuous = solve_survival(spec, design);
  const IntegerPlan whole = integer_plan(spec, design, continuous, {}, planned);
  const SurvivalPlan& plan = whole.plan;
  EXPECT_EQ(plan.patients, 204);
  EXPECT_EQ(plan.events, 94);
  // Look 1 by time: the events 204 patients are expected to have by month 24.
  const double at_24 = 204.0 * event_fraction(spec, 24.0);
  EXPECT_NEAR(whole.design.spec.information_fractions[0], at_24 / 94.0, 1e-12);
  EXPECT_NEAR(plan.looks[0].expected_events, at_24, 1e-9);
  EXPECT_DOUBLE_EQ(plan.looks[0].calendar_time, 24.0);
  EXPECT_GT(std::fabs(at_24 - std::round(at_24)), 0.1);  // not whole: its events are random
  // Look 2: 75% of 94 = 70.5 events come before month 36, so the events set
  // it, rounded up to 71.
  EXPECT_LT(calendar_time_for_events(spec, 204.0, 71.0), 36.0);
  EXPECT_DOUBLE_EQ(whole.design.spec.information_fractions[1], 71.0 / 94.0);
  EXPECT_EQ(plan.looks[1].events, 71);
  // The bounds are the design recomputed at those fractions, and they moved.
  d.information_fractions = whole.design.spec.information_fractions;
  const spending::Design again = spending::design_at_drift(d, whole.design.drift);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_DOUBLE_EQ(again.efficacy[k], whole.design.efficacy[k]) << k;
    EXPECT_GT(std::fabs(whole.design.efficacy[k] - design.efficacy[k]), 1e-4) << k;
  }
  // The power is the event-driven plan's at those numbers, with the cap.
  const SurvivalPlan direct = evaluate_plan(spec, whole.design, 204, 94);
  EXPECT_DOUBLE_EQ(direct.power, plan.power);
  EXPECT_DOUBLE_EQ(direct.capped_probability, plan.capped_probability);
  EXPECT_GT(plan.capped_probability, 0.0);
  EXPECT_DOUBLE_EQ(plan.calendar_cap, 60.0);
  // The continuous plan is the one solved at the expected fractions.
  EXPECT_DOUBLE_EQ(whole.continuous.power, continuous.power);
  EXPECT_DOUBLE_EQ(whole.continuous.looks[0].information_fraction, design.spec.information_fractions[0]);
}

}  // namespace
}  // namespace gsd::survival::integer_plan_test
