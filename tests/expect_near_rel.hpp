#pragma once
// Relative comparison with an absolute fallback near zero, after Stan's
// expect_near_rel and Ceres's ExpectClose: |a - b| <= tol * max(|a|, |b|, 1)
// would be too loose for tiny probabilities, so the fallback is explicit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace gsd::testing {

inline ::testing::AssertionResult near_rel(double actual, double expected, double rel_tol,
                                           double abs_tol = 0.0) {
  const double diff = std::fabs(actual - expected);
  const double scale = std::max(std::fabs(actual), std::fabs(expected));
  if (std::isfinite(diff) && (diff <= rel_tol * scale || diff <= abs_tol)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "actual " << actual << " vs expected " << expected << ": difference " << diff
         << " exceeds relative " << rel_tol << " (and absolute " << abs_tol << ")";
}

}  // namespace gsd::testing

#define EXPECT_NEAR_REL(actual, expected, rel) \
  EXPECT_TRUE(::gsd::testing::near_rel((actual), (expected), (rel)))
#define EXPECT_NEAR_REL_ABS(actual, expected, rel, abs) \
  EXPECT_TRUE(::gsd::testing::near_rel((actual), (expected), (rel), (abs)))
