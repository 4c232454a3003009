// The weight curves drawn over the hazard ratio: each test's weight of the
// pooled survival limit, scaled to its largest value on the plotted range.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "gsd/curves.hpp"
#include "gsd/design.hpp"
#include "gsd/load.hpp"
#include "gsd/survival/weighted_logrank.hpp"

namespace gsd::weight_curves_test {
namespace {

SampleSize seed_plan() {
  const DesignResult r = design_trial(load_trial(nlohmann::json::parse(R"({
    "design": {"alpha": 0.05, "sided": 2, "beta": 0.16, "information_fractions": [0.5, 0.75, 1.0]},
    "survival": {"control": {"cure_fraction": 0.40, "median_noncured": 7.0},
                 "treatment": {"cure_fraction": 0.562}, "hazard_ratio_noncured": 0.63,
                 "accrual": {"duration": 36.0}, "patients": 202, "events": 94}})")));
  return *r.sample_size;
}

TEST(WeightCurves, AreTheWeightsOfThePooledSurvivalScaledToOne) {
  const SampleSize plan = seed_plan();
  using survival::LogRankWeight;
  const std::vector<LogRankWeight> w{LogRankWeight::log_rank(), LogRankWeight::fleming_harrington(1.0, 0.0),
                                     LogRankWeight::fleming_harrington(1.0, 1.0), LogRankWeight::magirr_burman(12.0)};
  const std::vector<Curve> c = weight_curves(plan, w, 60.0, 60);
  ASSERT_EQ(c.size(), 4U);
  for (const Curve& curve : c) {
    ASSERT_EQ(curve.x.size(), 61U);
    EXPECT_NEAR(*std::max_element(curve.y.begin(), curve.y.end()), 1.0, 1e-15);
  }
  for (std::size_t i = 0; i <= 60; ++i) {
    const double s = survival::pooled_survival(plan.spec, c[0].x[i]);
    EXPECT_NEAR(c[0].y[i], 1.0, 1e-15);  // the log-rank test weights every time alike
    EXPECT_NEAR(c[1].y[i], s, 1e-12);    // S(t-) is largest (1) at time 0
    if (i > 0) {
      EXPECT_LT(c[1].y[i], c[1].y[i - 1]);
    }
  }
  // FH(1, 1): S (1 - S) scaled by its largest value on the grid (at most 1/4).
  double largest = 0.0;
  for (double x : c[2].x) {
    const double s = survival::pooled_survival(plan.spec, x);
    largest = std::max(largest, s * (1.0 - s));
  }
  const double s30 = survival::pooled_survival(plan.spec, 30.0);
  EXPECT_NEAR(c[2].y[30], s30 * (1.0 - s30) / largest, 1e-12);
  // Magirr-Burman: 1 / S grows until t* = 12 and stays there.
  for (std::size_t i = 12; i <= 60; ++i) EXPECT_NEAR(c[3].y[i], 1.0, 1e-12);
  EXPECT_LT(c[3].y[6], 1.0);
}

}  // namespace
}  // namespace gsd::weight_curves_test
