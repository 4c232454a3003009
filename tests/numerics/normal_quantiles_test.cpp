// The standard normal quantile many at a time (normal_lower_quantiles,
// Wichura's AS 241) against R's qnorm (the same algorithm), against
// Boost.Math's quantile (an independent one), its clamps, and the same bits
// for a value wherever it sits in the array.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "gsd/numerics/normal.hpp"
#include "position_independence.hpp"

namespace gsd::numerics::normal_quantiles_test {
namespace {

double quantile(double p) {
  double z = 0.0;
  normal_lower_quantiles(&p, &z, 1);
  return z;
}

TEST(NormalLowerQuantiles, MatchRsQnormInEachRangeAndAtTheSplits) {
  // R 4.2's qnorm, printed to 17 digits by tests/reference/normal_quantiles.R.
  // Both evaluate the paper's rational functions; they differ in the
  // logarithm of the tails (libmvec's, within 4 ulps, against R's libm) and
  // in the order of a few operations, so they agree to a few units in the
  // 16th digit: 1e-15 relative (3e-15 absolute at z = 0).
  const std::vector<std::pair<double, double>> reference = {
      {1e-300, -37.047096299361201},
      {1e-100, -21.273453560965319},
      {9.9999999999999995e-21, -9.2623400897984052},
      {9.9999999999999998e-13, -7.0344838253011321},
      {1.3887943864964021e-11, -6.6579046435011024},
      {1e-08, -5.61200124417479},
      {0.0001, -3.71901648545568},
      {0.001, -3.0902323061678132},
      {0.025000000000000001, -1.9599639845400538},
      {0.074999999999999997, -1.4395314709384557},
      {0.074999899999999994, -1.4395321773759004},
      {0.075000999999999998, -1.4395244066035215},
      {0.20000000000000001, -0.84162123357291418},
      {0.5, 0.0},
      {0.59999999999999998, 0.25334710313579978},
      {0.92500000000000004, 1.4395314709384559},
      {0.97499999999999998, 1.9599639845400536},
      {0.999, 3.0902323061678132},
      {0.99999999989999999, 6.3613408896974208},
      {0.99999999999999978, 8.125890664701906},
      {0.99999999999999989, 8.2095361516013856},
  };
  for (const auto& [p, z] : reference) {
    EXPECT_NEAR(quantile(p), z, 1e-15 * std::fabs(z) + 3e-15) << "p = " << p;
  }
}

TEST(NormalLowerQuantiles, AgreeWithBoostsQuantileFromTheFarTailToTheCentre) {
  // Boost.Math inverts erfc by its own rational approximations: an
  // independent check at 2,000 probabilities spaced evenly in log10 p from
  // -300 to log10(0.5), and at their complements 1 - p where that is exact
  // enough to matter (p >= 1e-15). Wichura gives AS 241 a relative error of
  // about 1e-16 and Boost's is of the same order; with the logarithm's 4 ulps
  // the largest difference over 200,000 such probabilities was 8.3e-16.
  double worst = 0.0;
  for (int i = 0; i <= 2000; ++i) {
    const double p = std::pow(10.0, -300.0 + (300.0 + std::log10(0.5)) * i / 2000.0);
    const double z = quantile(p);
    worst = std::fmax(worst, std::fabs(z + normal_upper_quantile(p)) / std::fabs(z));
    if (p >= 1e-15) {
      const double q = 1.0 - p;
      const double zq = quantile(q);
      worst = std::fmax(worst, std::fabs(zq - normal_upper_quantile(1.0 - q)) / std::fabs(zq));
    }
  }
  EXPECT_LE(worst, 2e-15);
}

TEST(NormalLowerQuantiles, ArgumentsOutsideTheOpenIntervalAreClampedToFiniteQuantiles) {
  // 0 and below, NaN: the quantile of 1e-300; 1 and above: that of 1 - 2^-53.
  const double low = quantile(1e-300);
  const double high = quantile(1.0 - 0x1p-53);
  EXPECT_TRUE(std::isfinite(low));
  EXPECT_TRUE(std::isfinite(high));
  EXPECT_EQ(quantile(0.0), low);
  EXPECT_EQ(quantile(-1.0), low);
  EXPECT_EQ(quantile(std::numeric_limits<double>::quiet_NaN()), low);
  EXPECT_EQ(quantile(1.0), high);
  EXPECT_EQ(quantile(2.0), high);
  EXPECT_NEAR(high, 8.2095361516013856, 1e-14);  // qnorm(1 - 2^-53) in R
}

TEST(NormalLowerQuantiles, AValueGetsTheSameBitsAtAnyPositionAndLength) {
  // Values in all three ranges.
  std::vector<double> x(67);
  for (std::size_t i = 0; i < x.size(); ++i) {
    x[i] = i % 3 == 0 ? std::pow(10.0, -4.0 * static_cast<double>(i)) : 0.0137 + 0.0146 * static_cast<double>(i);
  }
  testing::expect_same_bits_at_any_position(normal_lower_quantiles, x);
}

TEST(NormalLowerQuantiles, InPlaceAndEmpty) {
  std::vector<double> x{0.25, 0.5, 0.75, 1e-9, 0.1};
  std::vector<double> expected(x.size());
  normal_lower_quantiles(x.data(), expected.data(), x.size());
  normal_lower_quantiles(x.data(), x.data(), x.size());
  EXPECT_EQ(x, expected);
  normal_lower_quantiles(nullptr, nullptr, 0);
}

}  // namespace
}  // namespace gsd::numerics::normal_quantiles_test
