// Conversions of a look's statistic to z, and the log-rank information.
#include "gsd/monitoring/look_statistic.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "expect_near_rel.hpp"

namespace gsd::monitoring::look_statistic_test {
namespace {

TEST(LookStatistic, InformationIsSchoenfeld) {
  // d r / (1 + r)^2: 49 / 4 at 1:1, 60 * 2 / 9 at 2:1 (Schoenfeld 1981).
  EXPECT_NEAR_REL(log_rank_information(49.0, 1.0), 12.25, 1e-15);
  EXPECT_NEAR_REL(log_rank_information(60.0, 2.0), 120.0 / 9.0, 1e-15);
}

TEST(LookStatistic, TwoSidedPValueFavouringTreatment) {
  // p = 0.0005 two-sided gives z = 3.4808; the closed form
  // Phi^{-1}(1 - 0.00025) = 3.480756404 (R: qnorm(0.00025, lower = FALSE)).
  EXPECT_NEAR(z_from_p_two_sided(0.0005, Direction::kFavoursTreatment), 3.480756404, 1e-9);
  EXPECT_NEAR(z_from_p_two_sided(0.0005, Direction::kFavoursControl), -3.480756404, 1e-9);
  // 1.959963985 = qnorm(0.975).
  EXPECT_NEAR(z_from_p_two_sided(0.05, Direction::kFavoursTreatment), 1.959963985, 1e-9);
  EXPECT_NEAR(z_from_p_two_sided(1.0, Direction::kFavoursControl), 0.0, 1e-15);
}

TEST(LookStatistic, HazardRatioRoundTrip) {
  // rpact 3.3.4: z = 2 at 49 events gives HR 0.5647181 (docs/validation.md).
  EXPECT_NEAR(hazard_ratio_from_z(2.0, log_rank_information(49.0, 1.0)), 0.5647181, 5e-8);
  EXPECT_NEAR(z_from_hazard_ratio(0.5647181, 49.0, 1.0), 2.0, 1e-6);
  EXPECT_NEAR(z_from_hazard_ratio(1.0, 49.0, 1.0), 0.0, 1e-15);
  EXPECT_LT(z_from_hazard_ratio(1.3, 49.0, 1.0), 0.0);  // HR above 1 favours control
}

TEST(LookStatistic, RejectsBadInput) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(z_from_p_two_sided(0.0, Direction::kFavoursTreatment), std::invalid_argument);
  EXPECT_THROW(z_from_p_two_sided(1.2, Direction::kFavoursTreatment), std::invalid_argument);
  EXPECT_THROW(z_from_p_two_sided(nan, Direction::kFavoursTreatment), std::invalid_argument);
  EXPECT_THROW(z_from_hazard_ratio(0.0, 49.0, 1.0), std::invalid_argument);
  EXPECT_THROW(z_from_hazard_ratio(0.7, -1.0, 1.0), std::invalid_argument);
  EXPECT_THROW(log_rank_information(49.0, 0.0), std::invalid_argument);
  try {
    z_from_p_two_sided(-0.1, Direction::kFavoursTreatment);
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("p_two_sided = -0.1", 0), 0u) << e.what();
  }
}

// The least subnormal double halves to 0, which no quantile has: the
// quantile's own error ("normal_upper_quantile: p = 0.000000") named no
// field. Twice it is the least p that halves, and gives a finite z.
TEST(LookStatistic, APValueTooSmallToHalveIsNamed) {
  const double least = std::numeric_limits<double>::denorm_min();
  try {
    z_from_p_two_sided(least, Direction::kFavoursTreatment);
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("p_two_sided = ", 0), 0u) << e.what();
    EXPECT_NE(std::string(e.what()).find("too small to halve"), std::string::npos) << e.what();
  }
  const double z = z_from_p_two_sided(2.0 * least, Direction::kFavoursTreatment);
  EXPECT_TRUE(std::isfinite(z));
  EXPECT_GT(z, 38.0);  // the upper tail beyond 38.4 is below 1e-323
}

}  // namespace
}  // namespace gsd::monitoring::look_statistic_test
