// The fewest expected responders or non-responders of a binary endpoint's
// arms: n_arm min(p, 1 - p), with the patients split by the allocation ratio.
#include "gsd/endpoints/expected_outcomes.hpp"

#include <gtest/gtest.h>

namespace gsd::endpoints::expected_outcomes_test {
namespace {

EndpointSpec two_arms(double control, double treatment, double ratio) {
  EndpointSpec s;
  s.type = EndpointType::kBinary;
  s.groups = 2;
  s.control_rate = control;
  s.treatment_rate = treatment;
  s.allocation_ratio = ratio;
  return s;
}

TEST(ExpectedOutcomes, TheSmallerOutcomeOfTheSmallerArm) {
  // 668 patients 1:1 at 0.95: 334 per arm, 16.7 non-responders each (the
  // treatment arm is reported on a tie).
  ExpectedOutcomes e = fewest_expected_outcomes(two_arms(0.95, 0.95, 1.0), 668.0);
  EXPECT_NEAR(e.count, 16.7, 1e-12);
  EXPECT_TRUE(e.treatment);
  EXPECT_FALSE(e.responders);
  // 2:1 with rare responses: control 100 x 0.02 = 2 responders, treatment
  // 200 x 0.06 = 12.
  e = fewest_expected_outcomes(two_arms(0.02, 0.06, 2.0), 300.0);
  EXPECT_NEAR(e.count, 2.0, 1e-12);
  EXPECT_FALSE(e.treatment);
  EXPECT_TRUE(e.responders);
}

TEST(ExpectedOutcomes, OneSampleUsesItsRate) {
  EndpointSpec s;
  s.type = EndpointType::kBinary;
  s.groups = 1;
  s.rate = 0.03;
  const ExpectedOutcomes e = fewest_expected_outcomes(s, 400.0);
  EXPECT_NEAR(e.count, 12.0, 1e-12);
  EXPECT_TRUE(e.responders);
}

}  // namespace
}  // namespace gsd::endpoints::expected_outcomes_test
