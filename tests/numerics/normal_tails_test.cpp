// The normal tails taken many at a time (normal_upper_tails, vectorised with
// glibc's libmvec where the build has it) against the scalar tail, and the
// same bits for a value wherever it sits in the array.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gsd/numerics/normal.hpp"
#include "position_independence.hpp"

namespace gsd::numerics::normal_tails_test {
namespace {

// Units in the last place of the reference between the two values.
double ulps(double value, double reference) {
  return std::fabs(value - reference) / (std::nextafter(reference, 2.0 * reference) - reference);
}

TEST(NormalUpperTails, WithinFiveUlpsOfTheScalarTailWhereTheIntegrationUsesThem) {
  // The recursive integration asks for tails of arguments within 12 of 0
  // (beyond, it takes them as 0 or 1). glibc documents libmvec's double
  // functions within 4 ulps of the correctly rounded result and its scalar
  // erfc within 1, so the two may differ by 5; 0.5 * and x / sqrt 2 round
  // the same in both. (glibc 2.36 with AVX2: 4 at x = 1.73.)
  constexpr int kPoints = 1'000'000;
  std::vector<double> x(kPoints + 1);
  for (int i = 0; i <= kPoints; ++i) x[static_cast<std::size_t>(i)] = -12.0 + 24.0 * i / kPoints;
  std::vector<double> tail(x.size());
  normal_upper_tails(x.data(), tail.data(), x.size());
  double worst = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    worst = std::fmax(worst, ulps(tail[i], normal_upper_tail(x[i])));
  }
  EXPECT_LE(worst, 5.0);
}

TEST(NormalUpperTails, ClosedFormsAndPublishedQuantiles) {
  // P(Z >= 0) = 1/2 exactly; P(Z >= 1.959963984540054) = 0.025 and
  // P(Z >= 3.090232306167814) = 0.001 (Abramowitz & Stegun 1964, table 26.5,
  // to the digits of R's qnorm).
  const std::vector<double> x{0.0, 1.959963984540054, 3.090232306167814, -1.959963984540054};
  std::vector<double> tail(x.size());
  normal_upper_tails(x.data(), tail.data(), x.size());
  EXPECT_EQ(tail[0], 0.5);
  EXPECT_NEAR(tail[1], 0.025, 1e-16);
  EXPECT_NEAR(tail[2], 0.001, 1e-17);
  EXPECT_NEAR(tail[3], 0.975, 1e-15);
}

TEST(NormalUpperTails, AValueGetsTheSameBitsAtAnyPositionAndLength) {
  std::vector<double> x(67);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = -7.3 + 0.231 * static_cast<double>(i);
  testing::expect_same_bits_at_any_position(normal_upper_tails, x);
}

TEST(NormalUpperTails, InPlaceAndEmpty) {
  std::vector<double> x{-1.0, 0.5, 2.0};
  std::vector<double> expected(x.size());
  normal_upper_tails(x.data(), expected.data(), x.size());
  normal_upper_tails(x.data(), x.data(), x.size());
  EXPECT_EQ(x, expected);
  normal_upper_tails(nullptr, nullptr, 0);
}

}  // namespace
}  // namespace gsd::numerics::normal_tails_test
