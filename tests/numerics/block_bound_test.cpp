// The bound on the largest of correlated normal statistics
// (numerics/block_bound.hpp) against closed forms: one variable (the normal
// quantile), independent variables (the product of their probabilities),
// and the bivariate orthant probability 1/4 + arcsin(rho) / (2 pi)
// (Sheppard 1899), whose bound the lattice rule finds within the error in z
// it reports.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "gsd/numerics/block_bound.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::numerics::block_bound_test {
namespace {

// TOMS 748 stops within 2^-15 |c| of the root in relative terms, the
// midpoint within 2^-16 |c| (kBoundBits in block_bound.cpp); near c = 0 the
// root is found to its bracket's absolute width instead, and 1e-12 covers it.
double root_resolution(double c) { return std::ldexp(std::fabs(c), -16) + 1e-12; }

TEST(BlockBound, OneVariableIsTheNormalQuantile) {
  const BlockBound b = solve_block_bound({{1.0}}, 1, {0.0}, 0.975, 1.5, MvnOptions{}, 0, "test bound");
  EXPECT_NEAR(b.c, 1.959963984540054, root_resolution(1.96));
  EXPECT_EQ(b.points, 0);  // exact
  EXPECT_EQ(b.probability_error, 0.0);
  EXPECT_EQ(b.z_error, 0.0);
}

TEST(BlockBound, IndependentTestsMultiply) {
  // Two independent tests at one look: P(max < c) = Phi(c)^2.
  const BlockBound b =
      solve_block_bound({{1.0, 0.0}, {0.0, 1.0}}, 2, {0.0}, 0.95, 1.5, MvnOptions{}, 0, "test bound");
  const double c = normal_upper_quantile(1.0 - std::sqrt(0.95));
  EXPECT_NEAR(b.c, c, b.z_error + root_resolution(c));
  EXPECT_LT(b.z_error, 1e-3);
}

TEST(BlockBound, BivariateOrthantWithinItsReportedError) {
  // Correlation 0.5: P(Z1 < 0, Z2 < 0) = 1/4 + arcsin(0.5) / (2 pi) = 1/3,
  // so the bound for target 1/3 is 0, one look of two tests (J = 2) or two
  // looks of one test (J = 1, the first bound given as 0).
  const double rho = 0.5;
  const double target = 0.25 + std::asin(rho) / (2.0 * std::numbers::pi);
  const std::vector<std::vector<double>> corr = {{1.0, rho}, {rho, 1.0}};
  const BlockBound tests = solve_block_bound(corr, 2, {0.0}, target, 1.0, MvnOptions{}, 0, "test bound");
  EXPECT_GT(tests.z_error, 0.0);
  EXPECT_LT(tests.z_error, 2e-3);
  EXPECT_NEAR(tests.c, 0.0, tests.z_error + root_resolution(0.0));
  const BlockBound looks = solve_block_bound(corr, 1, {0.0, 0.0}, target, 1.0, MvnOptions{}, 0, "test bound");
  EXPECT_GT(looks.z_error, 0.0);
  EXPECT_NEAR(looks.c, 0.0, looks.z_error + root_resolution(0.0));
  // The slope in c_2 at 0 is phi(0) P(Z1 < 0 | Z2 = 0) = phi(0) / 2, so the
  // error in z is the probability's error over that.
  EXPECT_NEAR(looks.z_error, looks.probability_error / (0.5 * normal_density(0.0)), 1e-3 * looks.z_error);
  // A larger lattice, as the monitor's refinement takes, reports a smaller
  // error and still holds the root.
  const BlockBound finer =
      solve_block_bound(corr, 1, {0.0, 0.0}, target, 1.0, MvnOptions{}, 16 * looks.points, "test bound");
  EXPECT_LT(finer.z_error, looks.z_error);
  EXPECT_NEAR(finer.c, 0.0, finer.z_error + root_resolution(0.0));
}

}  // namespace
}  // namespace gsd::numerics::block_bound_test
