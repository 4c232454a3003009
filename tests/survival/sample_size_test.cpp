// The three solve modes against docs/validation.md, and the properties
// equal arms -> alpha and no cure + exponential -> Schoenfeld.
#include "gsd/survival/sample_size.hpp"

#include <gtest/gtest.h>

#include <vector>

#include <cmath>
#include <stdexcept>
#include <string>

#include "expect_near_rel.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/logrank_drift.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::sample_size_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

SurvivalSpec with_sizes(SurvivalSpec spec, std::optional<long long> patients,
                        std::optional<long long> events, std::optional<double> follow_up,
                        std::optional<double> power) {
  spec.patients = patients;
  spec.events = events;
  spec.follow_up = follow_up;
  spec.power = power;
  return spec;
}

TEST(SampleSize, ModeIsChosenByTheGivenQuantities) {
  const SurvivalSpec s = testing::seed_plan();
  EXPECT_EQ(solve_mode(with_sizes(s, 202, 94, {}, {})), SolveMode::kPower);
  EXPECT_EQ(solve_mode(with_sizes(s, {}, {}, 14.8, 0.84)), SolveMode::kPatients);
  EXPECT_EQ(solve_mode(with_sizes(s, 202, {}, {}, 0.84)), SolveMode::kEvents);
  EXPECT_THROW((void)solve_mode(with_sizes(s, 202, 94, {}, 0.84)), std::invalid_argument);
  EXPECT_THROW((void)solve_mode(with_sizes(s, {}, 94, {}, {})), std::invalid_argument);
  EXPECT_THROW((void)solve_mode(s), std::invalid_argument);
}

// 1000 patients for the seed's 94 events: the final look's expected time
// comes before accrual ends, and enrolment stops there. Closed form for
// events before the end of uniform accrual, solved by bisection
// (tests/reference/final_look_before_accrual.py); 1e-9 months is far above
// both root solves' tolerances and far below any displayed digit.
TEST(SampleSize, FinalLookBeforeAccrualEnds) {
  const SurvivalPlan plan =
      solve_survival(with_sizes(testing::seed_plan(), 1000, 94, {}, {}), testing::seed_design());
  EXPECT_NEAR(plan.study_duration, 15.207543006537403, 1e-9);
  EXPECT_NEAR(plan.follow_up, -20.792456993462597, 1e-9);
  EXPECT_NEAR(plan.patients_at_study_end, 422.4317501815945, 1e-9 * 1000.0 / 36.0);
  // Accrual done before the final look: every patient is enrolled.
  const SurvivalPlan seed =
      solve_survival(with_sizes(testing::seed_plan(), 202, 94, {}, {}), testing::seed_design());
  EXPECT_GT(seed.follow_up, 0.0);
  EXPECT_DOUBLE_EQ(seed.patients_at_study_end, 202.0);
}

TEST(SampleSize, LookEventsAreRoundedUp) {
  const std::vector<double> f{0.5, 0.75, 1.0};
  EXPECT_EQ(look_events(f, 94), (std::vector<long long>{47, 71, 94}));
  const std::vector<double> g{49.0 / 94.0, 1.0};
  EXPECT_EQ(look_events(g, 94), (std::vector<long long>{49, 94}));
  EXPECT_THROW((void)look_events(std::vector<double>{0.5, 0.6, 1.0}, 3), std::invalid_argument);
}

TEST(SampleSize, SeedPlanPowerAndLooksMatchReference) {
  // docs/validation.md: 202 patients, 94 events, 36-month accrual: looks at 47 / 71
  // / 94 events, 27.09 / 36.11 / 50.77 months, asymptotic GS power 0.845.
  const SurvivalPlan plan =
      solve_survival(with_sizes(testing::seed_plan(), 202, 94, {}, {}), testing::seed_design());
  EXPECT_EQ(plan.mode, SolveMode::kPower);
  ASSERT_EQ(plan.looks.size(), 3U);
  EXPECT_EQ(plan.looks[0].events, 47);
  EXPECT_EQ(plan.looks[1].events, 71);
  EXPECT_EQ(plan.looks[2].events, 94);
  EXPECT_NEAR(plan.looks[0].calendar_time, 27.09, 0.005);
  EXPECT_NEAR(plan.looks[1].calendar_time, 36.11, 0.005);
  EXPECT_NEAR(plan.looks[2].calendar_time, 50.77, 0.005);
  EXPECT_NEAR(plan.study_duration, 50.77, 0.005);
  // Two independent computations in docs/validation.md give 0.845 (R) and
  // 0.844 (lrstat lrpower) at the expected look times; their spread, 0.001,
  // is the tolerance. The event-driven power is tested against the simulator
  // (tests/engine/event_driven_power_test.cpp).
  EXPECT_NEAR(plan.power_fixed_times, 0.845, 0.001);
  EXPECT_NEAR(plan.looks.back().cumulative_crossing, plan.power, 1e-15);
  EXPECT_NEAR(plan.event_limit, 104.838, 1e-3);
  // The efficacy bound at look 1 (rpact 3.3.4, docs/validation.md) and the HR
  // crossing it: exp(-2.962588 / sqrt(47 / 4)).
  EXPECT_NEAR(plan.looks[0].efficacy_z, 2.962588, 1e-6);
  EXPECT_NEAR_REL(plan.looks[0].hazard_ratio_at_bound, std::exp(-2.962588 / std::sqrt(11.75)), 1e-6);
  // Crossing probabilities are increasing, in [0, power].
  EXPECT_GT(plan.looks[0].crossing, 0.0);
  EXPECT_LT(plan.looks[0].cumulative_crossing, plan.looks[1].cumulative_crossing);
  // Expected events and duration lie between the first and the last look.
  EXPECT_GT(plan.expected_events, 47.0);
  EXPECT_LT(plan.expected_events, 94.0);
  EXPECT_GT(plan.expected_duration, 27.09);
  EXPECT_LT(plan.expected_duration, 50.77);
}

TEST(SampleSize, SeedPlanSchoenfeldComparison) {
  // the naive PH formula with HR 0.63 asks for about 164 events for
  // 84% power (design beta 0.16), single look.
  const SurvivalPlan plan =
      solve_survival(with_sizes(testing::seed_plan(), 202, 94, {}, {}), testing::seed_design());
  ASSERT_TRUE(plan.schoenfeld.has_value());
  EXPECT_NEAR_REL(plan.schoenfeld->hazard_ratio, 0.63, 1e-12);
  EXPECT_NEAR(plan.schoenfeld->fixed_events, 163.5514, 1e-3);
  // With looks the events grow by the inflation factor of the design.
  EXPECT_NEAR_REL(plan.schoenfeld->group_sequential_events,
                  plan.schoenfeld->fixed_events * testing::seed_design().inflation_factor, 1e-6);
  EXPECT_LT(plan.schoenfeld->power_at_plan_events, 0.65);
}

TEST(SampleSize, SolvingPatientsForPowerGivesTheSeedPlan) {
  // power 0.84, 36-month accrual, about 14.8 months of follow-up
  // gives 202 +- 4 patients and 94 +- 3 events.
  const SurvivalPlan plan =
      solve_survival(with_sizes(testing::seed_plan(), {}, {}, 14.8, 0.84), testing::seed_design());
  EXPECT_EQ(plan.mode, SolveMode::kPatients);
  EXPECT_NEAR(static_cast<double>(plan.patients), 202.0, 4.0);
  EXPECT_NEAR(static_cast<double>(plan.events), 94.0, 3.0);
  EXPECT_GE(static_cast<double>(plan.patients), plan.patients_unrounded);
  EXPECT_LT(static_cast<double>(plan.patients) - 3.0, plan.patients_unrounded);
  // Rounding up both keeps the power at or above the target.
  EXPECT_GE(plan.power, 0.84);
  EXPECT_NEAR(plan.power, 0.84, 0.01);
}

// The whole plan is the least whole number of patients whose whole plan
// (ceil of the events they produce by the end of follow-up, or the last
// whole event below the limit) reaches the target, searched up from the
// rounded continuous solution one patient at a time. The continuous power
// jumps where a look's events pass a whole number, so whole plans can need
// several patients more than the rounded solution: one look at one-sided
// 0.025 on the seed model needs 206 patients and 96 events (205 fall short);
// it was once refused as a follow-up at the events limit.
TEST(SampleSize, SolvingPatientsFindsTheLeastWholePlan) {
  const Design one_look = compute_design(testing::one_sided_spec({1.0}));
  const SurvivalSpec spec = with_sizes(testing::seed_plan(), {}, {}, 14.8, 0.84);
  const SurvivalPlan plan = solve_survival(spec, one_look);
  EXPECT_EQ(plan.patients, 206);
  EXPECT_EQ(plan.events, 96);
  EXPECT_GE(plan.power, 0.84);
  EXPECT_GT(static_cast<double>(plan.patients) - 3.0, plan.patients_unrounded);
  EXPECT_LT(evaluate_plan(spec, one_look, 205, 96).power, 0.84);
  // A hazard ratio of 0.8 with 60 months of follow-up: the events are held
  // at the last whole number below what the patients can produce. 283
  // patients with 146 of their 146.9 possible events reach the target; the
  // search no longer skips them for 291 patients with room for 151 events.
  const Design three_looks = compute_design(testing::one_sided_spec({0.5, 0.75, 1.0}));
  SurvivalSpec weaker = with_sizes(testing::seed_plan(), {}, {}, 60.0, 0.84);
  weaker.treatment = CureModel(0.562, weaker.control.latency()).with_hazard_ratio_noncured(0.8);
  const SurvivalPlan held = solve_survival(weaker, three_looks);
  EXPECT_EQ(held.patients, 283);
  EXPECT_EQ(held.events, 146);
  EXPECT_LT(static_cast<double>(held.events), held.event_limit);
  EXPECT_GT(static_cast<double>(held.events), held.event_limit - 1.0);
  EXPECT_GE(held.power, 0.84);
  const SurvivalPlan one_fewer = evaluate_plan(weaker, three_looks, 282, 146);
  EXPECT_LT(one_fewer.power, 0.84);
}

TEST(SampleSize, SolvingEventsForPowerInvertsThePowerMode) {
  // 202 patients reach event-driven power 0.83 with fewer than 94 events (the
  // power is flat near 0.84 from about 88 events on: the cure plateau and
  // the calendar cap take back what more events give).
  const Design design = testing::seed_design();
  const SurvivalPlan plan =
      solve_survival(with_sizes(testing::seed_plan(), 202, {}, {}, 0.83), design);
  EXPECT_EQ(plan.mode, SolveMode::kEvents);
  EXPECT_GE(plan.events, static_cast<long long>(std::ceil(plan.events_unrounded)));
  EXPECT_DOUBLE_EQ(plan.patients_unrounded, 202.0);
  EXPECT_LE(plan.events, 94);
  EXPECT_GE(plan.power, 0.83);
  // One event fewer falls short.
  const SurvivalPlan fewer = evaluate_plan(testing::seed_plan(), design, 202, plan.events - 1);
  EXPECT_LT(fewer.power, 0.83);
}

TEST(SampleSize, SharedCappedBoundsGiveTheSamePlan) {
  // The capped finals' bounds depend on the design alone: built once and
  // handed to plans of other effect sizes, the same plan to the bit.
  const Design design = testing::seed_design();
  const CappedFinalBound capped(design);
  for (double hr : {0.5, 0.63, 0.9}) {
    SurvivalSpec spec = testing::seed_plan();
    spec.treatment =
        CureModel(spec.treatment.cure_fraction(), spec.control.latency()).with_hazard_ratio_noncured(hr);
    const SurvivalPlan own = evaluate_plan(spec, design, 202, 94);
    const SurvivalPlan shared = evaluate_plan(spec, design, 202, 94, {}, capped);
    EXPECT_EQ(shared.power, own.power) << hr;
    EXPECT_EQ(shared.capped_probability, own.capped_probability) << hr;
    EXPECT_EQ(shared.expected_duration, own.expected_duration) << hr;
  }
  // Bounds built for other looks are refused, not used.
  DesignSpec two_looks = design.spec;
  two_looks.information_fractions = {0.5, 1.0};
  EXPECT_THROW((void)evaluate_plan(testing::seed_plan(), design, 202, 94, {},
                                   CappedFinalBound(compute_design(two_looks))),
               std::invalid_argument);
  // And so are those of the same looks at another alpha.
  DesignSpec other_alpha = design.spec;
  other_alpha.alpha = 0.04;
  EXPECT_THROW((void)evaluate_plan(testing::seed_plan(), design, 202, 94, {},
                                   CappedFinalBound(compute_design(other_alpha))),
               std::invalid_argument);
}

TEST(SampleSize, EqualArmsGiveAlphaPerSide) {
  // Property: no difference -> the upper crossing probability at the
  // expected look times is the alpha spent on the upper side: alpha / 2 =
  // 0.025 for this two-sided design. The event-driven power is the type I
  // error of the trial the simulator runs: looks at 47, 71 and 94 events
  // (fractions 0.5, 0.7553, 1) against bounds spent at 0.5, 0.75, 1, which
  // the recursive integration gives independently (the capped trials, 2e-5
  // of them, add less than 1e-6).
  SurvivalSpec spec = with_sizes(testing::seed_plan(), 202, 94, {}, {});
  spec.treatment = spec.control;
  const Design design = testing::seed_design();
  const SurvivalPlan two_sided = solve_survival(spec, design);
  EXPECT_NEAR(two_sided.power_fixed_times, 0.025, 1e-6);
  const std::vector<double> actual{47.0 / 94.0, 71.0 / 94.0, 1.0};
  const ExitProbabilities at_events =
      exit_probabilities(actual, design.regions(), std::vector<double>(3, 0.0));
  EXPECT_NEAR(two_sided.power, at_events.total_upper(), 1e-6);
  double lower = 0.0;
  for (const SurvivalLook& l : two_sided.looks) lower += l.crossing_lower;
  EXPECT_NEAR(lower, at_events.total_lower(), 1e-6);
  DesignSpec one;
  one.alpha = 0.025;
  one.information_fractions = {0.5, 0.75, 1.0};
  const Design one_sided = compute_design(one);
  EXPECT_NEAR(solve_survival(spec, one_sided).power,
              exit_probabilities(actual, one_sided.regions(), std::vector<double>(3, 0.0)).total_upper(),
              1e-6);
}

TEST(SampleSize, NoCureExponentialSingleLookMatchesSchoenfeld) {
  // Property: cure 0, exponential latency, one look: power matches
  // Phi(sqrt(d p (1 - p)) |log HR| - z_{1-alpha}) to the accuracy of the
  // Schoenfeld approximation, a local (HR -> 1) result: the exact log-rank
  // moments differ from it at second order in log HR. Measured gaps: 1.3e-3
  // at HR 0.8 (600 events), 3e-4 at HR 0.9 (2000 events); 0.005 bounds both
  // with room, and the gap must shrink towards HR 1.
  DesignSpec d;
  d.alpha = 0.025;
  const Design design = compute_design(d);
  std::vector<double> gaps;
  for (double hr : {0.8, 0.9}) {
    SurvivalSpec spec;
    spec.control = CureModel(0.0, Latency::exponential_median(12.0));
    spec.treatment = spec.control.with_hazard_ratio_noncured(hr);
    spec.accrual = Accrual::uniform(24.0);
    const long long events = hr < 0.85 ? 600 : 2000;
    const SurvivalPlan plan = evaluate_plan(spec, design, 4 * events, events);
    const double expected = schoenfeld_power(0.025, static_cast<double>(events), hr, 0.5);
    EXPECT_NEAR(plan.power_fixed_times, expected, 0.005) << "hr = " << hr;
    gaps.push_back(std::fabs(plan.power_fixed_times - expected));
  }
  EXPECT_LT(gaps[1], gaps[0]);
}

TEST(SampleSize, ChangingTheTimeUnitScalesTimesAndKeepsPower) {
  // Property: expressing every time in a unit 1000 times smaller (accrual,
  // medians, drop-out rates) multiplies the look times by 1000 and leaves
  // the power unchanged. Also checks the quadrature at extreme time scales.
  const Design design = testing::seed_design();
  SurvivalSpec base = with_sizes(testing::seed_plan(), 202, 94, {}, {});
  base.dropout_control = 0.01;
  for (double c : {1e-3, 1e3, 1e6}) {
    SurvivalSpec scaled = base;
    scaled.control = CureModel(0.40, Latency::exponential_median(7.0 * c));
    scaled.treatment = CureModel(0.562, scaled.control.latency()).with_hazard_ratio_noncured(0.63);
    scaled.accrual = Accrual::uniform(36.0 * c);
    scaled.dropout_control = 0.01 / c;
    const SurvivalPlan a = solve_survival(base, design);
    const SurvivalPlan b = solve_survival(scaled, design);
    EXPECT_NEAR(b.power, a.power, 1e-8) << "c = " << c;
    for (std::size_t k = 0; k < a.looks.size(); ++k) {
      EXPECT_NEAR_REL(b.looks[k].calendar_time, c * a.looks[k].calendar_time, 1e-8);
    }
  }
}

TEST(SampleSize, InstantEntryAndInstantEventsAreLimits) {
  // Accrual far shorter than the latency is the "everyone enters at once"
  // limit; a latency far shorter than accrual makes the events follow entry.
  // Either limit is reached from both directions (accrual 1e-6 or median
  // 1e6 times longer) with the same power.
  const Design design = testing::seed_design();
  const auto plan_for = [&](double median, double accrual) {
    SurvivalSpec s = with_sizes(testing::seed_plan(), 202, 94, {}, {});
    s.control = CureModel(0.40, Latency::exponential_median(median));
    s.treatment = CureModel(0.562, s.control.latency()).with_hazard_ratio_noncured(0.63);
    s.accrual = Accrual::uniform(accrual);
    return solve_survival(s, design).power;
  };
  EXPECT_NEAR(plan_for(7.0, 36e-6), plan_for(7e6, 36.0), 1e-6);
  EXPECT_NEAR(plan_for(7e-6, 36.0), plan_for(7.0, 36e6), 1e-6);
}

TEST(SampleSize, ImpossibleTargetsSayWhy) {
  const Design design = testing::seed_design();
  try {
    (void)solve_survival(with_sizes(testing::seed_plan(), 202, 110, {}, {}), design);
    FAIL() << "no throw";
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(),
                 "events = 110 exceeds the 104.8 events that 202 patients can ever produce "
                 "(cure 40% / 56.2%)");
  }
  // 20 patients cannot give 99% power, whatever the events.
  EXPECT_THROW((void)solve_survival(with_sizes(testing::seed_plan(), 20, {}, {}, 0.99), design),
               InvalidInput);
  // Power must exceed alpha per side.
  EXPECT_THROW((void)solve_survival(with_sizes(testing::seed_plan(), 202, {}, {}, 0.02), design),
               std::invalid_argument);
  EXPECT_THROW((void)solve_survival(with_sizes(testing::seed_plan(), 202, {}, {}, 1.0), design),
               std::invalid_argument);
}

// A very small trial: control cure 0, treatment cure 0.9 and noncured HR 0.3,
// where a dozen patients suffice and whole events press on the limit.
SurvivalSpec tiny_trial() {
  SurvivalSpec spec = testing::seed_plan();
  spec.control = CureModel(0.0, Latency::exponential_median(7.0));
  spec.treatment = CureModel(0.9, spec.control.latency()).with_hazard_ratio_noncured(0.3);
  return spec;
}

TEST(SampleSize, RoundedEventsStayBelowTheLimit) {
  // Patients mode: ceil(patients x events per patient) must stay below what
  // the patients can ever produce; patients are added one at a time if not.
  const SurvivalPlan plan =
      solve_survival(with_sizes(tiny_trial(), {}, {}, 14.8, 0.84), testing::seed_design());
  EXPECT_LT(static_cast<double>(plan.events), plan.event_limit);
  EXPECT_GE(plan.power, 0.84);
  // Events mode: whole events never pass the limit; where the solution
  // would need them to, the rule says to add patients.
  try {
    const SurvivalPlan events =
        solve_survival(with_sizes(tiny_trial(), 12, {}, {}, 0.92), testing::seed_design());
    EXPECT_LT(static_cast<double>(events.events), events.event_limit);
  } catch (const InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("add patients"), std::string::npos) << e.what();
  }
}

TEST(SampleSize, FollowUpPastEveryEventStillSolvesWholeSizes) {
  // A follow-up far beyond the latency (or a latency far below the
  // follow-up): by its end every event that can happen has happened, so the
  // expected events per patient equal the per-patient limit and no whole
  // number of patients makes room for ceil(events) below the limit. The
  // events are then the last whole number below the limit; the solve ends
  // (it once looped for ever here) and the whole plan still reaches the
  // target power. Beyond 300 months the seed model's follow-up changes
  // nothing, so the plans agree.
  const Design design = testing::seed_design();
  const auto solve = [&](double median, double follow_up) {
    SurvivalSpec s = with_sizes(testing::seed_plan(), {}, {}, follow_up, 0.84);
    s.control = CureModel(0.40, Latency::exponential_median(median));
    s.treatment = CureModel(0.562, s.control.latency()).with_hazard_ratio_noncured(0.63);
    return solve_survival(s, design);
  };
  const SurvivalPlan at_300 = solve(7.0, 300.0);
  for (const auto& [median, follow_up] : std::vector<std::pair<double, double>>{
           {7.0, 300.0}, {7.0, 1e4}, {7.0, 1e9}, {1.0, 24.0}, {0.1, 24.0}, {1e-5, 24.0}}) {
    const SurvivalPlan plan = solve(median, follow_up);
    EXPECT_GE(plan.power, 0.84) << median << ", " << follow_up;
    EXPECT_LT(static_cast<double>(plan.events), plan.event_limit) << median << ", " << follow_up;
    EXPECT_GT(static_cast<double>(plan.events), plan.event_limit - 1.0) << median << ", " << follow_up;
    if (median > 1.0) {  // the seed latency
      EXPECT_EQ(plan.patients, at_300.patients) << follow_up;
      EXPECT_EQ(plan.events, at_300.events) << follow_up;
    }
  }
}

TEST(SampleSize, TreatmentWorseCannotReachPower) {
  SurvivalSpec spec = with_sizes(testing::seed_plan(), {}, {}, 12.0, 0.8);
  std::swap(spec.control, spec.treatment);
  EXPECT_THROW((void)solve_survival(spec, testing::seed_design()), InvalidInput);
}

}  // namespace
}  // namespace gsd::survival::sample_size_test
