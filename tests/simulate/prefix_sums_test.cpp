// The entry times' prefix sums in segments (prefix_sums_in_place,
// prefix_sums.hpp): exact where every sum is exact, within rounding of a
// long double running sum otherwise, and nondecreasing even where the
// segments' rounding differs from one running sum. The bucket counts'
// prefix sums (prefix_counts_in_place) are the running sums exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "prefix_sums.hpp"

namespace gsd::simulate::detail::prefix_sums_test {
namespace {

TEST(PrefixSums, ExactForSmallIntegersAtEveryLength) {
  // Sums of integers below 2^53 are exact in any order, so each must equal
  // the running sum exactly: a wrong shift or a skipped element fails.
  for (std::size_t n = 0; n <= 41; ++n) {
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<double>((7 * i + 3) % 11);
    std::vector<double> expected(n);
    double running = 0.0;
    for (std::size_t i = 0; i < n; ++i) expected[i] = running += x[i];
    const double total = prefix_sums_in_place(x.data(), n);
    EXPECT_EQ(x, expected) << "n = " << n;
    EXPECT_EQ(total, n > 0 ? expected[n - 1] : 0.0) << "n = " << n;
  }
}

TEST(PrefixSums, CountsAreTheRunningSumsAtEveryLength) {
  // Every length around the eight-lane steps, counts up to large ones whose
  // total still fits 32 bits, and nothing beyond n written.
  std::mt19937_64 engine(17);
  std::uniform_int_distribution<std::uint32_t> count(0, 1u << 20);
  for (std::size_t n = 0; n <= 41; ++n) {
    std::vector<std::uint32_t> a(n + 8, 0xDEADBEEFu);
    for (std::size_t i = 0; i < n; ++i) a[i] = i % 5 == 0 ? count(engine) : static_cast<std::uint32_t>(i % 3);
    std::vector<std::uint32_t> expected = a;
    std::uint32_t running = 0;
    for (std::size_t i = 0; i < n; ++i) expected[i] = running += a[i];
    prefix_counts_in_place(a.data(), n);
    EXPECT_EQ(a, expected) << "n = " << n;
  }
}

TEST(PrefixSums, WithinRoundingOfALongDoubleSumAndNondecreasing) {
  // Exponential spacings, as the entry times use them, at the seed trial's
  // size and beyond. Each sum of n terms is within n units of rounding of
  // the exact one (Higham 2002, "Accuracy and Stability of Numerical
  // Algorithms", section 4.2), here relative to the sum since all terms are
  // >= 0.
  std::mt19937_64 engine(20121215);
  std::exponential_distribution<double> spacing(1.0);
  for (const std::size_t n : {203u, 1000u, 4097u}) {
    std::vector<double> x(n);
    for (double& v : x) v = spacing(engine);
    std::vector<long double> exact(n);
    long double running = 0.0L;
    for (std::size_t i = 0; i < n; ++i) exact[i] = running += x[i];
    prefix_sums_in_place(x.data(), n);
    for (std::size_t i = 0; i < n; ++i) {
      const double bound = static_cast<double>(n) * 0x1p-53 * static_cast<double>(exact[i]);
      EXPECT_NEAR(x[i], static_cast<double>(exact[i]), bound) << "n = " << n << ", i = " << i;
      if (i > 0) {
        EXPECT_LE(x[i - 1], x[i]) << "n = " << n << ", i = " << i;
      }
    }
  }
}

TEST(PrefixSums, NondecreasingWhereTheSegmentsRoundDifferently) {
  // Large and tiny terms mixed: a segment's own sum rounds otherwise than
  // the running sum would, and a tiny first term of the next segment must
  // still not fall below the previous sum. Zeros too (a term may be 0).
  std::mt19937_64 engine(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 5 + static_cast<std::size_t>(trial % 37);
    std::vector<double> x(n);
    for (double& v : x) {
      const double r = u(engine);
      v = r < 0.3 ? 1e16 * r : r < 0.6 ? 1e-3 * r : r < 0.9 ? r : 0.0;
    }
    prefix_sums_in_place(x.data(), n);
    for (std::size_t i = 1; i < n; ++i) {
      EXPECT_LE(x[i - 1], x[i]) << "trial " << trial << ", i " << i;
    }
  }
}

}  // namespace
}  // namespace gsd::simulate::detail::prefix_sums_test
