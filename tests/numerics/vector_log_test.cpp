// Logarithms many at a time (negative_logs, vectorised with glibc's libmvec
// where the build has it) against the scalar std::log, closed forms, and the
// same bits for a value wherever it sits in the array.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "gsd/numerics/vector_log.hpp"
#include "position_independence.hpp"

namespace gsd::numerics::vector_log_test {
namespace {

double ulps(double value, double reference) {
  return std::fabs(value - reference) /
         std::fabs(std::nextafter(reference, 2.0 * reference) - reference);
}

TEST(NegativeLogs, WithinFiveUlpsOfTheScalarLogOverTheSimulatorsUniforms) {
  // The simulator takes logs of uniforms (w + 1/2) 2^-32 and of their
  // rescalings, so every such value from the smallest to the largest is
  // sampled, and a decade above 1. glibc documents its vector log within 4
  // ulps of the correctly rounded result and its scalar log within 1, so the
  // two may differ by 5.
  std::vector<double> x;
  for (std::uint64_t w = 0; w < (std::uint64_t{1} << 32); w += 4099) {
    x.push_back((static_cast<double>(w) + 0.5) / 4294967296.0);
  }
  for (int i = 1; i <= 100000; ++i) x.push_back(1.0 + 9.0 * i / 100000.0);
  std::vector<double> out(x.size());
  negative_logs(x.data(), out.data(), x.size());
  double worst = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    worst = std::fmax(worst, ulps(out[i], -std::log(x[i])));
  }
  EXPECT_LE(worst, 5.0);
}

TEST(NegativeLogs, ClosedForms) {
  // -log(1/2) = log 2, -log(e^-3) = 3, -log(2^-32) = 32 log 2 (log 2 from
  // <numbers>); powers of two are exact in binary.
  const std::vector<double> x{1.0, 0.5, std::exp(-3.0), 1.0 / 4294967296.0};
  std::vector<double> out(x.size());
  negative_logs(x.data(), out.data(), x.size());
  EXPECT_EQ(out[0], 0.0);
  EXPECT_NEAR(out[1], std::numbers::ln2, 2e-16);
  EXPECT_NEAR(out[2], 3.0, 4e-15);
  EXPECT_NEAR(out[3], 32.0 * std::numbers::ln2, 1e-14);
}

TEST(NegativeLogs, AValueGetsTheSameBitsAtAnyPositionAndLength) {
  std::vector<double> x(67);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = 0.0137 + 0.0146 * static_cast<double>(i);
  testing::expect_same_bits_at_any_position(negative_logs, x);
}

TEST(NegativeLogs, InPlaceAndEmpty) {
  std::vector<double> x{0.25, 0.5, 0.75, 0.9, 0.1};
  std::vector<double> expected(x.size());
  negative_logs(x.data(), expected.data(), x.size());
  negative_logs(x.data(), x.data(), x.size());
  EXPECT_EQ(x, expected);
  negative_logs(nullptr, nullptr, 0);
}

}  // namespace
}  // namespace gsd::numerics::vector_log_test
