// Looks by calendar time and the protocol's analysis cap, simulated, against
// an independent simulation of the same trials written in plain R without
// gsd's code: the log-rank by survival::survdiff, the bounds by rpact, the
// triggers, the cap and the bounds at the events observed by the rules the
// plan states (tests/reference/calendar_looks_simulation.R; the values below
// are its output). Two trials of the seed model, both with the final analysis
// at 94 events or month 60, whichever comes first:
// examples/calendar/seed-cap-60.json (looks at 47, 71 and 94 events against
// the designed bounds; 6% of trials end at month 60, with a final analysis
// spending the alpha left) and examples/calendar/integer-calendar-looks.json
// (a look at month 24, a second at 71 events or month 36 whichever comes
// first; each analysis against the bounds recomputed at the events observed
// so far, the final one spending all the alpha left).
//
// gsd's simulator is checked statistically: each quantity within 4 standard
// errors of the difference of the two simulations (a false alarm with
// probability 6e-5 per quantity if both simulate the same trial). The plan of
// the trial with looks by events states its accuracy, 0.003 in each
// probability (docs/plan-accuracy.md) and 0.002 in the capped fraction, and
// is checked to it as cure_model_reference_test.cpp checks the seed plan; the
// plan with a look by time states none (its look enters at the events the
// model expects there), so only its simulation is checked.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "monte_carlo_bounds.hpp"
#include "gsd/design.hpp"
#include "gsd/load.hpp"
#include "gsd/simulation.hpp"

namespace gsd::calendar_looks_reference_test {
namespace {

using testing::Estimate;

struct Reference {
  const char* config;  // in examples/calendar
  double replicates;
  Estimate power;
  Estimate upper[3];   // first upper crossing at each look (a capped final counts at its look)
  Estimate capped[3];  // ending at the calendar cap, by look
  Estimate lower;      // crossing the lower (harm) bound at any look
  Estimate capped_fraction;
  Estimate events;    // at stopping
  Estimate patients;  // enrolled at stopping
  Estimate duration;  // calendar months at stopping
};

const Reference kReferences[] = {
    // clang-format off
    {"seed-cap-60", 50000, {0.84434, 0.00162}, {{0.26642, 0.00198}, {0.40752, 0.00220}, {0.17040, 0.00168}},
     {{0.00000, 0.00000}, {0.00002, 0.00002}, {0.06094, 0.00107}},
     {0.00000, 0.00000}, {0.06096, 0.00107}, {71.83702, 0.07934}, {186.67588, 0.09932}, {38.43826, 0.04544}},
    {"integer-calendar-looks", 50000, {0.84624, 0.00161}, {{0.14412, 0.00157}, {0.50184, 0.00224}, {0.20028, 0.00179}},
     {{0.00000, 0.00000}, {0.00000, 0.00000}, {0.06566, 0.00111}},
     {0.00000, 0.00000}, {0.06566, 0.00111}, {73.54156, 0.07737}, {191.67722, 0.10355}, {38.87994, 0.04544}},
    // clang-format on
};

constexpr double kStandardErrors = 4.0;
// The plan's stated accuracy: each crossing probability and the capped fraction.
constexpr double kPlanProbability = 0.003;
constexpr double kPlanCapped = 0.002;

#if defined(__SANITIZE_ADDRESS__)
constexpr std::int64_t kReplicates = 24000;
#else
constexpr std::int64_t kReplicates = 120000;
#endif

Trial load(const Reference& ref) {
  return load_trial_file(std::string(GSD_SOURCE_DIR) + "/examples/calendar/" + ref.config + ".json");
}

// The standard error of the difference between the R estimate and gsd's.
double difference_se(const Estimate& r, double r_replicates) {
  return testing::difference_se(r.se, r_replicates, static_cast<double>(kReplicates));
}

// A proportion's: where it is so rare that the R simulation saw few or none
// of it (its standard error then understates the spread), the binomial one
// at the larger of the two estimates.
double proportion_se(const Estimate& r, double r_replicates, double value) {
  const double p = std::max(r.value, value);
  const double binomial =
      std::sqrt(p * (1.0 - p) * (1.0 / r_replicates + 1.0 / static_cast<double>(kReplicates)));
  return std::max(difference_se(r, r_replicates), binomial);
}

TEST(CalendarLooksReference, SimulatorAgreesWithAnIndependentSimulation) {
  for (const Reference& ref : kReferences) {
    SCOPED_TRACE(ref.config);
    SimulationRequest request;
    request.replicates = kReplicates;
    request.seed = 20261207;
    request.threads = 2;
    const SimulationReport report = simulate_trial(load(ref), request);
    EXPECT_DOUBLE_EQ(report.setup.max_duration, 60.0);
    const simulate::SimulationResult& r = report.result;
    ASSERT_EQ(r.reject_per_look.size(), 3u);
    ASSERT_EQ(r.capped_per_look.size(), 3u);
    const auto near = [&](double value, const Estimate& e, const char* what) {
      EXPECT_NEAR(value, e.value, kStandardErrors * difference_se(e, ref.replicates)) << what;
    };
    const auto near_proportion = [&](double value, const Estimate& e, const char* what) {
      EXPECT_NEAR(value, e.value, kStandardErrors * proportion_se(e, ref.replicates, value)) << what;
    };
    near_proportion(r.power, ref.power, "power");
    for (std::size_t k = 0; k < 3; ++k) {
      SCOPED_TRACE("look " + std::to_string(k + 1));
      near_proportion(r.reject_per_look[k], ref.upper[k], "upper crossing");
      near_proportion(r.capped_per_look[k], ref.capped[k], "capped");
    }
    near_proportion(r.capped_fraction, ref.capped_fraction, "capped fraction");
    near_proportion(r.reject_lower, ref.lower, "lower crossing");
    near(r.expected_events, ref.events, "expected events");
    near(r.expected_patients, ref.patients, "expected patients");
    near(r.expected_duration, ref.duration, "expected duration");
  }
}

TEST(CalendarLooksReference, PlanWithLooksByEventsAgreesWithAnIndependentSimulation) {
  const Reference& ref = kReferences[0];
  ASSERT_EQ(std::string(ref.config), "seed-cap-60");
  const DesignResult result = design_trial(load(ref));
  ASSERT_TRUE(result.sample_size.has_value());
  const survival::SurvivalPlan& plan = result.sample_size->plan;
  ASSERT_TRUE(plan.event_driven);
  ASSERT_EQ(plan.looks.size(), 3u);
  EXPECT_DOUBLE_EQ(plan.calendar_cap, 60.0);
  EXPECT_NEAR(plan.power, ref.power.value, kPlanProbability + kStandardErrors * ref.power.se);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR(plan.looks[k].crossing, ref.upper[k].value, kPlanProbability + kStandardErrors * ref.upper[k].se)
        << "look " << k + 1;
    EXPECT_NEAR(plan.looks[k].capped, ref.capped[k].value, kPlanCapped + kStandardErrors * ref.capped[k].se)
        << "look " << k + 1;
  }
  EXPECT_NEAR(plan.capped_probability, ref.capped_fraction.value,
              kPlanCapped + kStandardErrors * ref.capped_fraction.se);
  // Expected events and duration: an error of at most kPlanProbability in
  // each look's stopping probability moves them by at most kPlanProbability
  // times the span to the final look, and the capped trials' error
  // kPlanCapped times the span from the final look's expected time to the cap
  // (cure_model_reference_test.cpp).
  double events_tolerance = kStandardErrors * ref.events.se;
  double duration_tolerance =
      kStandardErrors * ref.duration.se + kPlanCapped * (plan.calendar_cap - plan.looks[2].calendar_time);
  for (std::size_t k = 0; k < 2; ++k) {
    events_tolerance += kPlanProbability * static_cast<double>(plan.looks[2].events - plan.looks[k].events);
    duration_tolerance += kPlanProbability * (plan.looks[2].calendar_time - plan.looks[k].calendar_time);
  }
  EXPECT_NEAR(plan.expected_events, ref.events.value, events_tolerance);
  EXPECT_NEAR(plan.expected_duration, ref.duration.value, duration_tolerance);
}

}  // namespace
}  // namespace gsd::calendar_looks_reference_test
