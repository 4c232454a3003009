// The naive Schoenfeld comparison beside a survival plan is an aside: a
// design whose bounds keep its power below the target at any drift (a
// futility bound of z 0 at a ten-thousandth of the information stops about
// half the trials whatever the effect) has no Schoenfeld count of events, and
// the plan is given without the comparison. It used to fail the whole plan
// ("no bracket for Schoenfeld group-sequential drift", exit 1).
#include <gtest/gtest.h>

#include "gsd/design.hpp"
#include "gsd/json.hpp"
#include "gsd/load.hpp"

namespace gsd::schoenfeld_aside_test {
namespace {

TEST(SchoenfeldAside, ADesignThatCannotReachItsPowerHasNoComparison) {
  const Trial trial = load_trial(nlohmann::json::parse(R"({
    "design": {"alpha": 0.025, "information_fractions": [1e-4, 0.75, 1.0], "futility": {"z": [0.0, 0.5]}},
    "survival": {"control": {"cure_fraction": 0.4, "median_noncured": 7.0}, "treatment": {"cure_fraction": 0.562},
                 "hazard_ratio_noncured": 0.63, "accrual": {"duration": 36}, "patients": 202, "events": 94}})"));
  const DesignResult result = design_trial(trial);
  ASSERT_TRUE(result.sample_size.has_value());
  const survival::SurvivalPlan& plan = result.sample_size->plan;
  EXPECT_FALSE(plan.schoenfeld.has_value());
  // The first look's futility bound, z 0, stops about half the trials: its
  // mean at 1e-4 of the information is about 0.03, so the power stays near 1/2.
  EXPECT_GT(plan.power, 0.45);
  EXPECT_LT(plan.power, 0.6);
}

}  // namespace
}  // namespace gsd::schoenfeld_aside_test
