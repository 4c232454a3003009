// Looks by calendar time in a trial sized by a classical method with its
// accrual and follow-up fixed (sized_look_fractions, look_trigger.hpp):
// the information fractions, the patients, the events and the bounds against
// gsDesign's gsSurvCalendar (tests/reference/gssurv_calendar.R), and the
// solves that cannot take such looks.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "expect_near_rel.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/spending/design.hpp"
#include "gsd/survival/look_trigger.hpp"
#include "gsd/survival/sample_size.hpp"

namespace gsd::survival::calendar_sizing_test {
using namespace gsd::spending;  // NOLINT: the layer below
namespace {

// One gsSurvCalendar call: calendarTime (the last is the end of follow-up,
// where the final look's events are expected), minfup, uniform accrual over
// the rest, control median, hazard ratio (and hr0), allocation, drop-out
// hazard eta in both arms, and the design.
struct CalendarCase {
  const char* id;
  std::vector<double> times;  // interim looks' calendar times
  double accrual;
  double follow_up;
  double median;
  double hr;
  double margin;
  double ratio;
  double dropout;
  SizingMethod method;
  DesignSpec design;  // information_fractions: one placeholder per look
  bool calendar_spending;
  // gsSurvCalendar's timing, patients (max rowSums(eNC + eNE)), events
  // (max n.I) and efficacy bounds.
  std::vector<double> timing;
  double patients;
  double events;
  std::vector<double> efficacy;
};

DesignSpec one_sided(double beta, std::size_t looks, EfficacyBoundary efficacy,
                     std::optional<FutilitySpec> futility) {
  DesignSpec d;
  d.alpha = 0.025;
  d.beta = beta;
  d.information_fractions.assign(looks, 1.0);
  d.efficacy = std::move(efficacy);
  d.futility = std::move(futility);
  return d;
}

SurvivalSpec spec_for(const CalendarCase& c) {
  SurvivalSpec spec;
  spec.time_unit = "months";
  spec.control = CureModel(0.0, Latency::exponential_median(c.median));
  spec.treatment = spec.control.with_hazard_ratio_noncured(c.hr);
  spec.allocation_ratio = c.ratio;
  spec.accrual = Accrual::uniform(c.accrual);
  spec.dropout_control = c.dropout;
  spec.dropout_treatment = c.dropout;
  spec.method = c.method;
  spec.hazard_ratio_h0 = c.margin;
  spec.power = 1.0 - c.design.beta;
  spec.follow_up = c.follow_up;
  for (double t : c.times) spec.looks.push_back({LookTriggerKind::kTime, t});
  spec.looks.push_back({});
  return spec;
}

std::vector<CalendarCase> gsdesign_cases() {
  const auto hsd = [](double g) { return SpendingFunction::hwang_shih_decani(g); };
  const auto ldof = SpendingFunction::lan_demets_obrien_fleming();
  return {
      // gsSurvCalendar's defaults: looks at 12, 24 and 36 months, accrual
      // over 18, control median 6, HR 0.6, HSD(-4) efficacy and HSD(-2)
      // non-binding beta-spending futility, power 0.9, Lachin-Foulkes.
      {"j_defaults", {12, 24}, 18, 18, 6, 0.6, 1.0, 1, 0.0, SizingMethod::kLachinFoulkes,
       one_sided(0.1, 3, hsd(-4), FutilitySpec{hsd(-2), false}), false,
       {0.291608386129, 0.792153194163, 1.0}, 193.9098451790, 172.9027165162,
       {3.0811358676, 2.3277609084, 2.0154486613}},
      // Schoenfeld, 2:1, drop-out 0.01 per month, LD-OBF efficacy only, power 0.8.
      {"k_schoenfeld_ratio2_dropout", {18, 30}, 30, 12, 12, 0.7, 1.0, 2, 0.01,
       SizingMethod::kSchoenfeld, one_sided(0.2, 3, ldof, std::nullopt), false,
       {0.296119786113, 0.686396025036, 1.0}, 458.2497108726, 281.5336795455,
       {3.9562935935, 2.4672124593, 1.9970370732}},
      // Non-inferiority: HR 1 against a margin of 1.3, Lachin-Foulkes.
      {"l_ni1.3_lachin_foulkes", {24}, 24, 12, 12, 1.0, 1.3, 1, 0.0, SizingMethod::kLachinFoulkes,
       one_sided(0.2, 2, ldof, std::nullopt), false, {0.629188083690, 1.0}, 635.6047970443,
       463.6703179204, {2.5958838497, 1.9858211474}},
      // The defaults with spending on calendar time (usTime = lsTime =
      // calendarTime / 36): design.spending_time.
      {"m_calendar_spending", {12, 24}, 18, 18, 6, 0.6, 1.0, 1, 0.0, SizingMethod::kLachinFoulkes,
       one_sided(0.1, 3, hsd(-4), FutilitySpec{hsd(-2), false}), true,
       {0.291608386129, 0.792153194163, 1.0}, 187.9547715091, 167.5927828528,
       {3.0107394854, 2.5581277324, 1.9853559451}},
  };
}

// gsDesign solves the design to tol = 1e-12 (1e-8 for the designs with a
// futility bound, whose beta-spending search does not converge tighter), and
// integrates on its own grid: sizes agree to 1e-6 relative, as the
// Lachin-Foulkes cases of classical_sizing_test.cpp, and bounds to 1e-6 in z,
// as against rpact. The timing is a ratio of closed-form event integrals on
// both sides.
TEST(CalendarSizing, ReproducesGsSurvCalendar) {
  for (const CalendarCase& c : gsdesign_cases()) {
    SCOPED_TRACE(c.id);
    const SurvivalSpec spec = spec_for(c);
    DesignSpec design = c.design;
    design.information_fractions = sized_look_fractions(spec, design.information_fractions);
    ASSERT_EQ(design.information_fractions.size(), c.timing.size());
    for (std::size_t k = 0; k < c.timing.size(); ++k) {
      EXPECT_NEAR(design.information_fractions[k], c.timing[k], 1e-11) << "look " << k + 1;
    }
    if (c.calendar_spending) {
      const double end = c.accrual + c.follow_up;
      for (double t : c.times) design.spending_time.push_back(t / end);
      design.spending_time.push_back(1.0);
    }
    const Design solved = compute_design(design);
    for (std::size_t k = 0; k < c.efficacy.size(); ++k) {
      EXPECT_NEAR(solved.efficacy[k], c.efficacy[k], 1e-6) << "look " << k + 1;
    }
    const SurvivalPlan plan = solve_survival(spec, solved);
    EXPECT_NEAR_REL(plan.patients_unrounded, c.patients, 1e-6);
    EXPECT_NEAR_REL(plan.events_unrounded, c.events, 1e-6);
    // The interim looks at their times, with the events the whole patients
    // are expected to have there.
    for (std::size_t k = 0; k < c.times.size(); ++k) {
      EXPECT_EQ(plan.looks[k].trigger, LookTriggerKind::kTime);
      EXPECT_DOUBLE_EQ(plan.looks[k].calendar_time, c.times[k]);
      EXPECT_NEAR_REL(plan.looks[k].expected_events,
                      c.timing[k] * c.events * static_cast<double>(plan.patients) / c.patients, 1e-6);
    }
  }
}

// A look by events keeps its fraction; first and last take the smaller and
// the larger of it and the calendar time's.
TEST(CalendarSizing, FirstAndLastTakeTheSmallerAndLargerFraction) {
  const CalendarCase c = gsdesign_cases()[0];
  SurvivalSpec spec = spec_for(c);
  spec.looks = {{LookTriggerKind::kTime, 12.0}, {}, {}};
  const double at_12 = sized_look_fractions(spec, std::vector<double>{0.5, 0.8, 1.0})[0];
  spec.looks = {{LookTriggerKind::kFirst, 12.0}, {}, {}};
  EXPECT_DOUBLE_EQ(sized_look_fractions(spec, std::vector<double>{0.5, 0.8, 1.0})[0], at_12);
  EXPECT_DOUBLE_EQ(sized_look_fractions(spec, std::vector<double>{0.2, 0.8, 1.0})[0], 0.2);
  spec.looks = {{LookTriggerKind::kLast, 12.0}, {}, {}};
  EXPECT_DOUBLE_EQ(sized_look_fractions(spec, std::vector<double>{0.5, 0.8, 1.0})[0], 0.5);
  EXPECT_DOUBLE_EQ(sized_look_fractions(spec, std::vector<double>{0.2, 0.8, 1.0})[0], at_12);
  const std::vector<double> events_looks = sized_look_fractions(spec, std::vector<double>{0.5, 0.8, 1.0});
  EXPECT_DOUBLE_EQ(events_looks[1], 0.8);
  EXPECT_DOUBLE_EQ(events_looks[2], 1.0);
}

void expect_refused(const SurvivalSpec& spec, const std::vector<double>& fractions, const std::string& path) {
  try {
    (void)sized_look_fractions(spec, fractions);
    ADD_FAILURE() << "accepted; expected an error at " << path;
  } catch (const numerics::InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

TEST(CalendarSizing, LooksThatDoNotFitTheFollowUpAreRefused) {
  SurvivalSpec spec = spec_for(gsdesign_cases()[0]);  // follow-up ends at month 36
  spec.looks = {{LookTriggerKind::kTime, 12.0}, {LookTriggerKind::kTime, 36.0}, {}};
  expect_refused(spec, {0.3, 0.8, 1.0}, "looks[1].time");
  // A look by events before a look by time that expects fewer events.
  spec.looks = {{}, {LookTriggerKind::kTime, 12.0}, {}};
  expect_refused(spec, {0.5, 0.8, 1.0}, "looks[1]");
  // One trigger per look.
  spec.looks = {{LookTriggerKind::kTime, 12.0}, {}};
  expect_refused(spec, {0.3, 0.8, 1.0}, "looks");
}

// A solve for the follow-up would move a time look's information with the
// follow-up it finds.
TEST(CalendarSizing, ASolveForTheFollowUpIsRefused) {
  const CalendarCase c = gsdesign_cases()[0];
  DesignSpec design = c.design;
  SurvivalSpec spec = spec_for(c);
  design.information_fractions = sized_look_fractions(spec, design.information_fractions);
  const Design solved = compute_design(design);
  SurvivalSpec patients_given = spec;
  patients_given.follow_up.reset();
  patients_given.patients = 200;
  try {
    (void)solve_survival(patients_given, solved);
    ADD_FAILURE() << "accepted a solve for the follow-up";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("a solve for the follow-up would move"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace gsd::survival::calendar_sizing_test
