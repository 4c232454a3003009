// Classical constants against Jennison & Turnbull (2000), "Group Sequential
// Methods with Applications to Clinical Trials": Table 2.1, C_P(K, alpha)
// (Pocock), and Table 2.3, C_B(K, alpha) (O'Brien-Fleming), two-sided tests
// with equally spaced looks. The tables print 3 decimals, so the tolerance is
// half a unit in the last place. (rpact 3.3.4, typeOfDesign "P"/"OF" with
// sided = 2, reproduces every entry used here to those 3 decimals.)
#include <gtest/gtest.h>

#include <cmath>

#include "gsd/spending/design.hpp"

namespace gsd::spending {
using namespace gsd::numerics;  // NOLINT: the layers below
namespace {

constexpr double kTableTol = 0.0005;

struct Entry {
  int k;
  double alpha;
  double value;
};

DesignSpec two_sided(int k, double alpha, ClassicalBoundary family) {
  DesignSpec s;
  s.alpha = alpha;
  s.sided = Sidedness::kTwoSidedSymmetric;
  s.information_fractions.clear();
  for (int i = 1; i <= k; ++i) s.information_fractions.push_back(static_cast<double>(i) / k);
  s.efficacy = family;
  return s;
}

TEST(ClassicalConstants, PocockTable2_1) {
  const Entry table[] = {{2, 0.05, 2.178},  {3, 0.05, 2.289},  {4, 0.05, 2.361},
                         {5, 0.05, 2.413},  {10, 0.05, 2.555}, {20, 0.05, 2.672},
                         {2, 0.01, 2.772},  {3, 0.01, 2.873},  {5, 0.01, 2.986},
                         {10, 0.01, 3.117}, {2, 0.10, 1.875},  {4, 0.10, 2.067},
                         {10, 0.10, 2.270}};
  for (const Entry& e : table) {
    const Design d = compute_design(two_sided(e.k, e.alpha, ClassicalBoundary::pocock()));
    for (double c : d.efficacy) EXPECT_NEAR(c, e.value, kTableTol) << "K=" << e.k << " alpha=" << e.alpha;
  }
}

TEST(ClassicalConstants, ObrienFlemingTable2_3) {
  // c_k = C_B sqrt(K / k): the final bound is C_B itself.
  const Entry table[] = {{2, 0.05, 1.977},  {3, 0.05, 2.004},  {4, 0.05, 2.024},
                         {5, 0.05, 2.040},  {10, 0.05, 2.087}, {20, 0.05, 2.126},
                         {2, 0.01, 2.580},  {3, 0.01, 2.595},  {5, 0.01, 2.621},
                         {10, 0.01, 2.660}, {2, 0.10, 1.678},  {4, 0.10, 1.733},
                         {10, 0.10, 1.801}};
  for (const Entry& e : table) {
    const Design d = compute_design(two_sided(e.k, e.alpha, ClassicalBoundary::obrien_fleming()));
    EXPECT_NEAR(d.efficacy.back(), e.value, kTableTol) << "K=" << e.k << " alpha=" << e.alpha;
    // The first look is C_B sqrt(K), so the table's rounding scales by sqrt(K).
    const double root_k = std::sqrt(static_cast<double>(e.k));
    EXPECT_NEAR(d.efficacy.front(), e.value * root_k, kTableTol * root_k) << "K=" << e.k;
  }
}

}  // namespace
}  // namespace gsd::spending
