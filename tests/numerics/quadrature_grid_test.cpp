// The recursive integration's grid (quadrature_grid) against closed forms:
// its weights integrate a normal density over the trimmed range as the
// normal distribution function does, its intervals keep to the width limit,
// and a region with no room gives no nodes.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "gsd/numerics/normal.hpp"
#include "gsd/numerics/sequential_integrator.hpp"

namespace gsd::numerics::quadrature_grid_test {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kGaussNodes = 5;  // nodes per interval

// The sum of w_i phi((z_i - centre) / sd) / sd.
double normal_mass(const QuadratureGrid& g, double centre, double sd) {
  double sum = 0.0;
  for (std::size_t i = 0; i < g.z.size(); ++i) {
    sum += g.w[i] * normal_density((g.z[i] - centre) / sd) / sd;
  }
  return sum;
}

// P(lower < X < upper) for X ~ N(centre, sd^2), from the two tails.
double exact_mass(double centre, double sd, double lower, double upper) {
  return 1.0 - normal_lower_tail((lower - centre) / sd) - normal_upper_tail((upper - centre) / sd);
}

TEST(QuadratureGrid, IntegratesANormalDensityOverTheTrimmedRange) {
  // The default r = 6 and the widest interval it allows (0.875). 5-point
  // Gauss-Legendre on intervals of h integrates phi with an error of order
  // h^11 / 2.5e12 times its tenth derivative per interval (Abramowitz &
  // Stegun 25.4.30), at most 4e-11 at h = 0.875 and unit sd, less where
  // the intervals are cut by a bound; the bound 1e-10 allows for the sum
  // over the few intervals near the peak (measured: 1.6e-11). The mass
  // beyond the grid's reach (10.17 sd) is 1e-24.
  const double h = grid_interval(6, 1.0);
  ASSERT_DOUBLE_EQ(h, 0.875);
  struct Case {
    double mean, lower, upper;
  };
  for (const Case& c : std::vector<Case>{{0.0, -kInf, kInf},
                                         {0.0, -kInf, 1.96},
                                         {1.5, -0.3, 4.2},
                                         {-2.0, -2.5, 8.0},
                                         {3.0, 0.1, 0.2}}) {
    const QuadratureGrid g = quadrature_grid(6, c.mean, c.lower, c.upper, h);
    EXPECT_NEAR(normal_mass(g, c.mean, 1.0), exact_mass(c.mean, 1.0, c.lower, c.upper), 1e-10)
        << "mean " << c.mean << " on (" << c.lower << ", " << c.upper << ")";
  }
  // A density narrower than the grid's scale, with intervals of 1.25 of its
  // sd (grid_interval), as the grid gets for a kernel of that sd.
  const QuadratureGrid g = quadrature_grid(6, 0.0, -1.0, 3.0, grid_interval(6, 0.35));
  EXPECT_NEAR(normal_mass(g, 0.4, 0.35), exact_mass(0.4, 0.35, -1.0, 3.0), 1e-10);
}

TEST(QuadratureGrid, IntervalsKeepToTheWidthLimitAndEndAtTheBounds) {
  const double h = 0.4;
  const double lower = -1.234;
  const double upper = 2.5;
  const QuadratureGrid g = quadrature_grid(6, 0.3, lower, upper, h);
  ASSERT_EQ(g.z.size() % kGaussNodes, 0u);
  ASSERT_EQ(g.z.size(), g.w.size());
  // Each interval's weights add up to its width; the widths add up to the range.
  double total = 0.0;
  for (std::size_t i = 0; i < g.z.size(); i += kGaussNodes) {
    double width = 0.0;
    for (int k = 0; k < kGaussNodes; ++k) width += g.w[i + static_cast<std::size_t>(k)];
    EXPECT_LE(width, h * (1.0 + 1e-12)) << "interval from node " << i;
    total += width;
  }
  EXPECT_NEAR(total, upper - lower, 1e-13);
  EXPECT_GT(g.z.front(), lower);
  EXPECT_LT(g.z.back(), upper);
  for (std::size_t i = 1; i < g.z.size(); ++i) EXPECT_LT(g.z[i - 1], g.z[i]) << "node " << i;
}

TEST(QuadratureGrid, ReachesJennisonAndTurnbullsExtent) {
  // Without bounds the grid spans mean +- (3 + 4 log r) (J&T 2000, eq. 19.3).
  for (int r : {4, 6, 16, 60}) {
    const QuadratureGrid g = quadrature_grid(r, 0.7, -kInf, kInf, grid_interval(r, 1.0));
    double total = 0.0;
    for (double w : g.w) total += w;
    EXPECT_NEAR(total, 2.0 * (3.0 + 4.0 * std::log(r)), 1e-12) << "r = " << r;
  }
}

TEST(QuadratureGrid, NoRoomGivesNoNodes) {
  EXPECT_TRUE(quadrature_grid(6, 0.0, 1.0, 1.0, 0.875).z.empty());
  EXPECT_TRUE(quadrature_grid(6, 0.0, 2.0, 1.0, 0.875).z.empty());
  EXPECT_TRUE(quadrature_grid(6, 0.0, -kInf, -20.0, 0.875).z.empty());
  EXPECT_TRUE(quadrature_grid(6, 0.0, 20.0, kInf, 0.875).z.empty());
}

TEST(QuadratureGrid, WidthLimitFollowsRAndTheKernel) {
  EXPECT_DOUBLE_EQ(grid_interval(6, 1.0), 0.875);   // 5.25 / 6
  EXPECT_DOUBLE_EQ(grid_interval(60, 1.0), 0.0875);
  EXPECT_DOUBLE_EQ(grid_interval(6, 0.2), 0.25);    // 1.25 kernel sd
}

}  // namespace
}  // namespace gsd::numerics::quadrature_grid_test
