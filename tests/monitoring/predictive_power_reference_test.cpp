// Flat-prior predictive power with two looks still to come, against an
// independent reference (generator: tests/reference/predictive_power.R).
// There the later statistics are jointly normal under the posterior
// N(z / sqrt(I_k), 1 / I_k): E[Z_j] = z sqrt(I_j / I_k) and Cov(S_i, S_j) =
// (I_i - I_k)(I_j - I_k) / I_k + min(I_i, I_j) - I_k for S = Z sqrt(I), and
// the predictive power is the chance of crossing a remaining efficacy bound
// before a stop, by mvtnorm 1.1-3's pmvnorm (Miwa, 4096 steps, errors about
// 1e-10) at rpact 3.3.4's bounds. A second route, rpact's
// getGroupSequentialProbabilities for the conditional power integrated over
// the posterior by R's integrate(), agrees with it within 2e-9.
//
// Tolerance 2e-8 absolute: rpact's bounds (about 9 digits) differ from
// gsd's by up to 8e-9, and a bound moved by d moves the predictive power by
// at most its predictive density there (below 0.6) times d; gsd's own
// Gauss-Kronrod runs at 1e-10 relative. The largest difference seen is 4e-9.
// Every case's efficacy bounds are compared with rpact's too (1e-7).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gsd/monitoring/conditional_power.hpp"
#include "gsd/monitoring/monitor.hpp"
#include "plan_fixture.hpp"

namespace gsd::monitoring::predictive_power_reference_test {
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

using testing::seed_plan;
constexpr double kPowerTolerance = 2e-8;
constexpr double kBoundTolerance = 1e-7;

// The predictive power at the last of `looks`, with that look's schedule of
// efficacy bounds checked against rpact's.
double predictive_at_last(const MonitoringPlan& plan, const std::vector<ObservedLook>& looks,
                          const std::vector<double>& rpact_bounds) {
  const MonitoringResult r = monitor(plan, looks);
  const LookResult& look = r.looks.back();
  EXPECT_EQ(look.decision, Decision::kContinue);
  EXPECT_EQ(look.schedule.efficacy.size(), rpact_bounds.size());
  for (std::size_t j = 0; j < rpact_bounds.size() && j < look.schedule.efficacy.size(); ++j) {
    EXPECT_NEAR(look.schedule.efficacy[j], rpact_bounds[j], kBoundTolerance) << "look " << j;
  }
  if (!look.conditional_power) {
    ADD_FAILURE() << "no conditional power at a look that continues";
    return 0.0;
  }
  // The monitor reports the library's predictive power.
  EXPECT_DOUBLE_EQ(look.conditional_power->predictive,
                   predictive_power(look.schedule, plan.design, look.look.z));
  return look.conditional_power->predictive;
}

// Case A of the generator: examples/endpoint-monitoring/normal-two-sample.json,
// a t test at 92 and 138 of 184 patients (LD-OBF at one-sided 0.025; its
// non-binding futility bound plays no part in predictive power). The t
// statistics enter as the z of equal p-value, qnorm(pt(t, df)); the
// information is proportional to the patients, and predictive power depends
// only on its ratios, so the log-rank schedule on 184 "events" is the same.
TEST(PredictivePowerReference, NormalTwoSampleExample) {
  MonitoringPlan plan = seed_plan();
  plan.planned_events = 184.0;
  const std::vector<double> bounds{2.9625880427, 2.3590177074, 2.0140836760};
  const double z1 = 1.9083500691;  // R: 1.90835006906031; gsd's endpoint layer the same
  const double z2 = 2.0931910229;
  // Two looks to come (138 and 184 patients): the CLI's 0.76698680.
  EXPECT_NEAR(predictive_at_last(plan, {{92.0, z1, false}}, bounds), 0.7669867991, kPowerTolerance);
  // One look to come (184 patients).
  EXPECT_NEAR(predictive_at_last(plan, {{92.0, z1, false}, {138.0, z2, false}}, bounds), 0.7573760013,
              kPowerTolerance);
}

// Case B1: the seed plan (LD-OBF, one-sided 0.025, 94 events), z = 2.0 at 49
// events, looks to come at 71 and 94 (docs/monitoring.md quotes 0.7995).
TEST(PredictivePowerReference, SeedLookTwoLooksToCome) {
  const std::vector<double> bounds{2.8932678339, 2.3532314822, 2.0159316882};
  EXPECT_NEAR(predictive_at_last(seed_plan(), {{49.0, 2.0, false}}, bounds), 0.7994548649, kPowerTolerance);
}

// Case B2: the same plan two-sided at 0.05 (examples/seed-trial-monitoring),
// z = 0.5 at 49 events: a remaining look also stops below -b_j.
TEST(PredictivePowerReference, TwoSidedStopsBelowTheLowerBound) {
  MonitoringPlan plan = seed_plan();
  plan.design.alpha = 0.05;
  plan.design.sided = Sidedness::kTwoSidedSymmetric;
  const std::vector<double> bounds{2.8932678339, 2.3532314822, 2.0159316733};
  EXPECT_NEAR(predictive_at_last(plan, {{49.0, 0.5, false}}, bounds), 0.0839178894, kPowerTolerance);
}

// Cases C1 and C2: fixed z futility 0 and 0.5 at fractions 0.4 and 0.7 of 200
// events, z = 1.5 at 80 events. Binding, the bound 0.5 at 140 events stops
// trials (the efficacy bounds are rpact's binding design's); non-binding, it
// plays no part and the bounds are the plain LD-OBF ones
// (testing::fixed_z_futility_plan).
TEST(PredictivePowerReference, BindingFutilityStopsTrials) {
  const std::vector<double> bounds{3.3568693561, 2.4441644028, 1.9841536358};
  EXPECT_NEAR(predictive_at_last(testing::fixed_z_futility_plan(true), {{80.0, 1.5, false}}, bounds), 0.6302276735,
              kPowerTolerance);
}

TEST(PredictivePowerReference, NonBindingFutilityPlaysNoPart) {
  const std::vector<double> bounds{3.3568693561, 2.4445422813, 2.0005390719};
  EXPECT_NEAR(predictive_at_last(testing::fixed_z_futility_plan(false), {{80.0, 1.5, false}}, bounds), 0.6257355731,
              kPowerTolerance);
}

}  // namespace
}  // namespace gsd::monitoring::predictive_power_reference_test
