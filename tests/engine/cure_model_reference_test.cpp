// The seed trial's plan and its simulation against an independent simulation
// of the same cure model, written in plain R without gsd's code: the log-rank
// by survival::survdiff, the bounds by rpact, the calendar cap and its final
// analysis by the rules the plan states (tests/reference/cure_model_simulation.R,
// 200,000 replicates per plan; the values below are its output). Two plans:
// the seed plan of 94 events, where 1.8% of trials reach the calendar cap
// first, and the same trial with 80 events, where almost none do.
//
// gsd's simulator is checked statistically: each quantity within 4 standard
// errors of the difference of the two simulations (a false alarm with
// probability 6e-5 per quantity if both simulate the same trial). The
// event-driven plan is an approximation whose accuracy is stated: 0.003 in
// each probability (docs/plan-accuracy.md) and 0.002 in the capped fraction
// (event_driven_power_test.cpp); its expected events and duration inherit
// that accuracy through the looks (below), plus 4 standard errors of the R
// simulation.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>

#include "hazard_ratio_quartiles.hpp"
#include "monte_carlo_bounds.hpp"
#include "gsd/design.hpp"
#include "gsd/load.hpp"
#include "gsd/simulation.hpp"

namespace gsd::cure_model_reference_test {
namespace {

using testing::Estimate;

struct Reference {
  const char* plan;
  double replicates;
  Estimate power;
  Estimate upper[3];  // first upper crossing at each look (a capped final counts at its look)
  Estimate capped;    // ending at the calendar cap, with or without an analysis
  Estimate events;    // at stopping
  Estimate patients;  // enrolled at stopping
  Estimate duration;  // calendar months at stopping
  // The hazard ratio at stopping: lower quartile, median, upper quartile.
  Estimate hazard_ratio[3];
};

const Reference kReferences[] = {
    // clang-format off
    {"seed_202_94", 200000, {0.83854, 0.00082}, {{0.26644, 0.00099}, {0.40607, 0.00110}, {0.16603, 0.00083}},
     {0.01700, 0.00029}, {72.07721, 0.04019}, {186.67451, 0.04973}, {39.74749, 0.03226},
     {{0.39548, 0.00032}, {0.50312, 0.00044}, {0.59730, 0.00091}}},
    {"seed_202_80", 200000, {0.82454, 0.00085}, {{0.21638, 0.00092}, {0.38670, 0.00109}, {0.22148, 0.00093}},
     {0.00005, 0.00002}, {63.61102, 0.03408}, {178.99111, 0.05810}, {33.55647, 0.01525},
     {{0.38175, 0.00048}, {0.49395, 0.00033}, {0.59137, 0.00076}}},
    // clang-format on
};

constexpr double kStandardErrors = 4.0;
// The plan's stated accuracy: each crossing probability (event_driven_power_test.cpp
// holds the power to it on thirteen plans) and the capped fraction.
constexpr double kPlanProbability = 0.003;
constexpr double kPlanCapped = 0.002;

#if defined(__SANITIZE_ADDRESS__)
constexpr std::int64_t kReplicates = 40000;
#else
constexpr std::int64_t kReplicates = 200000;
#endif

Trial plan_trial(const Reference& ref) {
  return load_trial_file(std::string(GSD_REFERENCE_DIR) + "/event_driven/" + ref.plan + ".json");
}

// The standard error of the difference between the R estimate and gsd's.
double difference_se(const Estimate& r, double r_replicates) {
  return testing::difference_se(r.se, r_replicates, static_cast<double>(kReplicates));
}

TEST(CureModelReference, SimulatorAgreesWithAnIndependentSimulation) {
  for (const Reference& ref : kReferences) {
    SCOPED_TRACE(ref.plan);
    SimulationRequest request;
    request.replicates = kReplicates;
    request.seed = 20261207;
    request.threads = 2;
    const simulate::SimulationResult r = simulate_trial(plan_trial(ref), request).result;
    const auto near = [&](double value, const Estimate& e, const char* what) {
      EXPECT_NEAR(value, e.value, kStandardErrors * difference_se(e, ref.replicates)) << what;
    };
    near(r.power, ref.power, "power");
    for (std::size_t k = 0; k < 3; ++k) near(r.reject_per_look[k], ref.upper[k], "upper crossing");
    near(r.capped_fraction, ref.capped, "capped fraction");
    near(r.expected_events, ref.events, "expected events");
    near(r.expected_patients, ref.patients, "expected patients");
    near(r.expected_duration, ref.duration, "expected duration");
    testing::expect_hazard_ratio_quartiles(r, ref.hazard_ratio, kStandardErrors,
                                           [&](const Estimate& e) { return difference_se(e, ref.replicates); });
  }
}

TEST(CureModelReference, PlanAgreesWithAnIndependentSimulation) {
  for (const Reference& ref : kReferences) {
    SCOPED_TRACE(ref.plan);
    const DesignResult result = design_trial(plan_trial(ref));
    ASSERT_TRUE(result.sample_size.has_value());
    const survival::SurvivalPlan& plan = result.sample_size->plan;
    ASSERT_EQ(plan.looks.size(), 3u);
    EXPECT_NEAR(plan.power, ref.power.value, kPlanProbability + kStandardErrors * ref.power.se);
    for (std::size_t k = 0; k < 3; ++k) {
      EXPECT_NEAR(plan.looks[k].crossing, ref.upper[k].value,
                  kPlanProbability + kStandardErrors * ref.upper[k].se)
          << "look " << k + 1;
    }
    EXPECT_NEAR(plan.capped_probability, ref.capped.value, kPlanCapped + kStandardErrors * ref.capped.se);
    // Expected events: a trial stopping at look k has d_k events instead of
    // the final d_K, so an error of at most kPlanProbability in each look's
    // stopping probability moves the mean by at most kPlanProbability
    // (d_K - d_k) summed over the looks before the last.
    double events_tolerance = kStandardErrors * ref.events.se;
    // Expected duration likewise with the looks' expected times, and the
    // capped trials' error kPlanCapped times the span from the final look's
    // expected time to the cap.
    double duration_tolerance = kStandardErrors * ref.duration.se +
                                kPlanCapped * (plan.calendar_cap - plan.looks[2].calendar_time);
    for (std::size_t k = 0; k < 2; ++k) {
      events_tolerance += kPlanProbability * static_cast<double>(plan.looks[2].events - plan.looks[k].events);
      duration_tolerance += kPlanProbability * (plan.looks[2].calendar_time - plan.looks[k].calendar_time);
    }
    EXPECT_NEAR(plan.expected_events, ref.events.value, events_tolerance);
    EXPECT_NEAR(plan.expected_duration, ref.duration.value, duration_tolerance);
  }
}

}  // namespace
}  // namespace gsd::cure_model_reference_test
