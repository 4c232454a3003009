// The Gaussian kernel's exp against std::exp over its whole range, and the
// vectorised loop against the scalar function (the same bits wherever a node
// falls in a SIMD lane).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gsd/numerics/kernel_exp.hpp"

namespace gsd::numerics::kernel_exp_test {
namespace {

// Units in the last place of std::exp(x) between the two values.
double ulps(double value, double reference) {
  return std::fabs(value - reference) / (std::nextafter(reference, 2.0 * reference) - reference);
}

TEST(KernelExp, WithinTwoUlpsOfStdExpOverItsRange) {
  double worst = 0.0;
  for (int i = 0; i <= 2'000'000; ++i) {
    const double x = kKernelExpMin * i / 2'000'000.0;
    worst = std::fmax(worst, ulps(kernel_exp(x), std::exp(x)));
  }
  EXPECT_LE(worst, 2.0);
}

TEST(KernelExp, ExactAtZeroAndAtPowersOfTwo) {
  EXPECT_EQ(kernel_exp(0.0), 1.0);
  EXPECT_EQ(kernel_exp(-0.0), 1.0);
  // Around the reduction's switch points n ln 2 +- ln 2 / 2 the result stays
  // continuous to rounding.
  for (int n = 1; n < 1000; ++n) {
    const double x = -(n + 0.5) * std::log(2.0);
    EXPECT_LE(ulps(kernel_exp(std::nextafter(x, 0.0)), std::exp(std::nextafter(x, 0.0))), 2.0);
    EXPECT_LE(ulps(kernel_exp(std::nextafter(x, -1e9)), std::exp(std::nextafter(x, -1e9))), 2.0);
  }
}

TEST(KernelExp, LoopGivesTheScalarValuesInEveryLane) {
  // Offsets 0..7 put each argument in each SIMD lane and in the scalar tail.
  std::vector<double> x(257);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = -36.125 * static_cast<double>(i) / 256.0;
  for (std::size_t offset = 0; offset < 8; ++offset) {
    std::vector<double> out(x.size() - offset);
    const double* in = x.data() + offset;
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = kernel_exp(in[i]);
    for (std::size_t i = 0; i < out.size(); ++i) {
      volatile double scalar_in = in[i];
      EXPECT_EQ(out[i], kernel_exp(scalar_in)) << "offset " << offset << ", x " << in[i];
    }
  }
}

}  // namespace
}  // namespace gsd::numerics::kernel_exp_test
