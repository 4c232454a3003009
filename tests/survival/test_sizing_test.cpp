// Sizing a weighted log-rank or MaxCombo test for its power: FH(0, 0) at one
// look is the log-rank drift's closed form, the continuous solution evaluated
// afresh gives the target, the whole plan reaches it, a higher target needs
// more, MaxCombo of one test is that weighted test's sizing, and refusals.
#include "gsd/survival/test_sizing.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "expect_near_rel.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/logrank_drift.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::test_sizing_test {
namespace {

using testing::one_sided_spec;

// The seed trial sized with 15 months of follow-up after accrual.
SurvivalSpec by_follow_up(double power) {
  SurvivalSpec spec = testing::seed_plan();
  spec.follow_up = 15.0;
  spec.power = power;
  return spec;
}

SurvivalSpec by_events(long long patients, double power) {
  SurvivalSpec spec = testing::seed_plan();
  spec.patients = patients;
  spec.power = power;
  return spec;
}

// Expected times of fractions of `events` among `patients`, computed here.
std::vector<double> times_of(const SurvivalSpec& spec, const spending::DesignSpec& d, double patients,
                             double events) {
  std::vector<double> t;
  for (double f : d.information_fractions) t.push_back(calendar_time_for_events(spec, patients, f * events));
  return t;
}

TEST(TestSizing, LogRankAtOneLookIsTheClosedForm) {
  // n = ((z_alpha + z_beta) / mu)^2 with mu the log-rank drift per patient
  // at the end of follow-up (logrank_drift.hpp).
  const SurvivalSpec spec = by_follow_up(0.84);
  const spending::DesignSpec d = one_sided_spec({1.0});
  const double end = spec.accrual.duration() + *spec.follow_up;
  const double mu = logrank_moments(spec, end).mean_z(1.0);
  const double z = numerics::normal_upper_quantile(0.025) + numerics::normal_upper_quantile(0.16);
  const double n = z * z / (mu * mu);
  const WeightedLogRankSizing s = size_weighted_logrank(spec, d, LogRankWeight::log_rank());
  EXPECT_EQ(s.sizing.mode, SolveMode::kPatients);
  EXPECT_TRUE(gsd::testing::near_rel(s.sizing.patients_unrounded, n, 1e-6));
  EXPECT_TRUE(gsd::testing::near_rel(s.sizing.events_unrounded, n * event_fraction(spec, end), 1e-6));
  EXPECT_EQ(s.sizing.patients, static_cast<long long>(std::ceil(s.sizing.patients_unrounded)));
  EXPECT_EQ(s.sizing.power_error, 0.0);
}

TEST(TestSizing, WeightedSolutionEvaluatesToTheTarget) {
  const spending::Design seed = testing::seed_design();
  for (const LogRankWeight& w : {LogRankWeight::fleming_harrington(0.0, 1.0),
                                 LogRankWeight::fleming_harrington(1.0, 0.0), LogRankWeight::magirr_burman(12.0)}) {
    SCOPED_TRACE(w.rho + 10 * w.gamma + 100 * w.t_star);
    const SurvivalSpec spec = by_follow_up(0.84);
    const WeightedLogRankSizing s = size_weighted_logrank(spec, seed.spec, w);
    const double n = s.sizing.patients_unrounded;
    // Afresh: the looks at the expected times of the unrounded events.
    const WeightedLogRankPower at =
        weighted_logrank_power_at_times(spec, seed.spec, w, n, times_of(spec, seed.spec, n, s.sizing.events_unrounded));
    EXPECT_NEAR(at.power, 0.84, 1e-6);
    EXPECT_NEAR(s.sizing.power_unrounded, 0.84, 1e-6);
    // The whole plan is the test's power at its sizes, at or above the target.
    EXPECT_EQ(s.plan.patients, static_cast<double>(s.sizing.patients));
    EXPECT_EQ(s.plan.events, s.sizing.events);
    EXPECT_GE(s.plan.power, 0.84);
    EXPECT_LT(s.plan.power, 0.84 + 0.01);
    EXPECT_GE(static_cast<double>(s.sizing.patients), n);
    EXPECT_LT(s.sizing.evaluations, 40);
  }
}

// The test's power at whole sizes moves in a sawtooth with the patients
// (each look waits for its whole ceil(t D)-th event): FH(0, 1) with looks at
// 0.3 and 1 and 30 months of follow-up has 453.4 patients unrounded, yet the
// whole plans of 454 to 457 patients fall short (0.8371 at 454, 0.8348 at
// 457). The sizing once stopped after three and returned 457 below the
// target; it now searches on to the first whole plan that reaches it.
TEST(TestSizing, WholePlanReachesTheTargetPastTheSawtooth) {
  SurvivalSpec spec = testing::seed_plan();
  spec.follow_up = 30.0;
  spec.power = 0.84;
  const spending::DesignSpec d = one_sided_spec({0.3, 1.0});
  const LogRankWeight w = LogRankWeight::fleming_harrington(0.0, 1.0);
  const WeightedLogRankSizing s = size_weighted_logrank(spec, d, w);
  EXPECT_GE(s.plan.power, 0.84);
  EXPECT_GT(s.sizing.patients, 457);
  const double per_patient = event_fraction(spec, spec.accrual.duration() + 30.0);
  for (long long n = static_cast<long long>(std::ceil(s.sizing.patients_unrounded)); n < s.sizing.patients; ++n) {
    const auto events = static_cast<long long>(std::ceil(per_patient * static_cast<double>(n) - 1e-9));
    EXPECT_LT(weighted_logrank_power(spec, d, w, static_cast<double>(n), events).power, 0.84) << n;
  }
}

TEST(TestSizing, WeightedByEventsEvaluatesToTheTarget) {
  const spending::Design seed = testing::seed_design();
  const LogRankWeight w = LogRankWeight::fleming_harrington(1.0, 0.0);
  const SurvivalSpec spec = by_events(300, 0.84);
  const WeightedLogRankSizing s = size_weighted_logrank(spec, seed.spec, w);
  EXPECT_EQ(s.sizing.mode, SolveMode::kEvents);
  EXPECT_EQ(s.sizing.patients, 300);
  const double d = s.sizing.events_unrounded;
  EXPECT_NEAR(weighted_logrank_power_at_times(spec, seed.spec, w, 300.0, times_of(spec, seed.spec, 300.0, d)).power,
              0.84, 1e-6);
  EXPECT_EQ(s.sizing.events, static_cast<long long>(std::ceil(d)));
  EXPECT_GE(s.plan.power, 0.84);
  // One event fewer (continuous) falls short: the first crossing.
  EXPECT_LT(
      weighted_logrank_power_at_times(spec, seed.spec, w, 300.0, times_of(spec, seed.spec, 300.0, d - 1.0)).power,
      0.84);
}

TEST(TestSizing, MoreIsNeededForMorePower) {
  const spending::Design seed = testing::seed_design();
  const LogRankWeight w = LogRankWeight::fleming_harrington(0.0, 1.0);
  double previous = 0.0;
  for (double power : {0.6, 0.7, 0.8, 0.84, 0.9}) {
    const double n = size_weighted_logrank(by_follow_up(power), seed.spec, w).sizing.patients_unrounded;
    EXPECT_GT(n, previous) << power;
    previous = n;
  }
  double previous_events = 0.0;
  for (double power : {0.6, 0.7, 0.8}) {
    const double d = size_weighted_logrank(by_events(400, power), seed.spec, w).sizing.events_unrounded;
    EXPECT_GT(d, previous_events) << power;
    previous_events = d;
  }
}

// Two tests at two looks keep the lattice rule's work to seconds.
TEST(TestSizing, MaxComboOfOneTestIsThatTestsSizing) {
  // A MaxCombo test of FH(0, 1) alone spends at the event fractions: the
  // weighted FH(0, 1) design on the events scale.
  const SurvivalSpec spec = by_follow_up(0.84);
  const spending::DesignSpec d = one_sided_spec({0.6, 1.0});
  const LogRankWeight w = LogRankWeight::fleming_harrington(0.0, 1.0);
  const MaxComboSizing m = size_maxcombo(spec, d, {w});
  const WeightedLogRankSizing s = size_weighted_logrank(spec, d, w, SpendingScale::kEvents);
  EXPECT_GT(m.sizing.power_error, 0.0);
  EXPECT_NEAR(m.sizing.patients_unrounded, s.sizing.patients_unrounded,
              5.0 / 3.0 * m.sizing.size_error + 2e-3 * s.sizing.patients_unrounded);
  EXPECT_GE(m.plan.power, 0.84);
}

TEST(TestSizing, MaxComboSolutionEvaluatesToTheTarget) {
  const SurvivalSpec spec = by_follow_up(0.84);
  const spending::DesignSpec d = one_sided_spec({0.6, 1.0});
  const std::vector<LogRankWeight> tests = {LogRankWeight::fleming_harrington(0.0, 0.0),
                                            LogRankWeight::fleming_harrington(1.0, 0.0)};
  const MaxComboSizing m = size_maxcombo(spec, d, tests);
  const double n = m.sizing.patients_unrounded;
  const MaxComboPower at = maxcombo_power_at_times(spec, d, tests, n, times_of(spec, d, n, m.sizing.events_unrounded));
  // Solved afresh at the unrounded size (bounds and an adaptive lattice of
  // their own): the target within both estimates' errors (5 standard errors).
  EXPECT_NEAR(at.power, 0.84, 5.0 / 3.0 * (at.power_error + m.sizing.power_error));
  EXPECT_EQ(m.plan.patients, static_cast<double>(m.sizing.patients));
  EXPECT_GE(m.plan.power, 0.84);
  EXPECT_GT(m.sizing.size_error, 0.0);
  EXPECT_LT(m.sizing.size_error, 1.0);  // patients
}

TEST(TestSizing, MaxComboByEventsEvaluatesToTheTarget) {
  // Patients given: bounds solved again at every size tried.
  const SurvivalSpec spec = by_events(300, 0.8);
  const spending::DesignSpec d = one_sided_spec({0.6, 1.0});
  const std::vector<LogRankWeight> tests = {LogRankWeight::fleming_harrington(0.0, 0.0),
                                            LogRankWeight::fleming_harrington(1.0, 0.0)};
  const MaxComboSizing m = size_maxcombo(spec, d, tests);
  EXPECT_EQ(m.sizing.mode, SolveMode::kEvents);
  const double e = m.sizing.events_unrounded;
  const MaxComboPower at = maxcombo_power_at_times(spec, d, tests, 300.0, times_of(spec, d, 300.0, e));
  EXPECT_NEAR(at.power, 0.8, 1e-3);  // the root's bracket: 2^-12 of the events
  EXPECT_EQ(m.plan.events, m.sizing.events);
  EXPECT_GE(m.plan.power, 0.8);
  EXPECT_GT(m.sizing.size_error, 0.0);
  EXPECT_LT(m.sizing.size_error, 1.0);  // events
}

void expect_refused(const std::function<void()>& f, const std::string& path) {
  try {
    f();
    ADD_FAILURE() << "no error, expected one at " << path;
  } catch (const numerics::InvalidInput& e) {
    EXPECT_EQ(numerics::to_string(e.path()), path) << e.what();
  }
}

TEST(TestSizing, Refusals) {
  const spending::DesignSpec d = one_sided_spec({0.5, 1.0});
  const LogRankWeight w = LogRankWeight::fleming_harrington(0.0, 1.0);
  SurvivalSpec given = testing::seed_plan();
  given.patients = 200;
  given.events = 90;
  expect_refused([&] { (void)size_weighted_logrank(given, d, w); }, "patients");
  expect_refused([&] { (void)size_weighted_logrank(by_follow_up(0.02), d, w); }, "power");
  // Equal arms: no size reaches the target.
  SurvivalSpec null = by_follow_up(0.84);
  null.treatment = null.control;
  expect_refused([&] { (void)size_weighted_logrank(null, d, w); }, "power");
  // 60 patients cannot produce the events FH(0, 1) needs for 0.84.
  expect_refused([&] { (void)size_weighted_logrank(by_events(60, 0.84), d, w); }, "power");
  expect_refused([&] { (void)size_weighted_logrank(by_follow_up(0.84), d, LogRankWeight::magirr_burman(-1.0)); },
                 "t_star");
  SurvivalSpec none = testing::seed_plan();
  none.power = 0.84;
  EXPECT_THROW((void)size_weighted_logrank(none, d, w), std::invalid_argument);
}

}  // namespace
}  // namespace gsd::survival::test_sizing_test
