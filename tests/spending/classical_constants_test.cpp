// Classical constants against Jennison & Turnbull (2000), "Group Sequential
// Methods with Applications to Clinical Trials": Table 2.1, C_P(K, alpha)
// (Pocock), and Table 2.3, C_B(K, alpha) (O'Brien-Fleming), two-sided tests
// with equally spaced looks. The tables print 3 decimals, so the tolerance is
// half a unit in the last place. (rpact 3.3.4, typeOfDesign "P"/"OF" with
// sided = 2, reproduces every entry used here to those 3 decimals.)
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "gsd/numerics/check.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::spending::classical_constants_test {
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

// Holding the bounds a design itself gives leaves its constant where it was:
// the later bounds solve the same equation (Table 2.1's K = 4 Pocock, 2.361).
TEST(ClassicalConstants, HeldBoundsOfTheDesignItselfKeepItsConstant) {
  DesignSpec s = two_sided(4, 0.05, ClassicalBoundary::pocock());
  const Design plain = compute_design(s);
  s.held_efficacy = {plain.efficacy[0], plain.efficacy[1]};
  const std::vector<double> held = efficacy_bounds(s);
  EXPECT_EQ(held[0], plain.efficacy[0]);
  EXPECT_EQ(held[1], plain.efficacy[1]);
  EXPECT_NEAR(held[2], plain.efficacy[2], 1e-9);
  EXPECT_NEAR(held[3], 2.361, kTableTol);
  // A lower first bound spends more early, so the later ones rise.
  s.held_efficacy = {2.2};
  EXPECT_GT(efficacy_bounds(s)[1], plain.efficacy[1]);
}

TEST(ClassicalConstants, HeldBoundsRefusedWhereTheyCannotApply) {
  DesignSpec s = two_sided(3, 0.05, ClassicalBoundary::obrien_fleming());
  const auto refused = [&](const std::string& text) {
    try {
      efficacy_bounds(s);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const InvalidInput& e) {
      EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
    }
  };
  s.held_efficacy = {3.5, 2.5, 2.0};
  refused("at least the last look's bound must be left to solve");
  s.held_efficacy = {std::nan("")};
  refused("held_efficacy[0] = nan must be a z bound");
  // Two looks at z = 0.5 spend far more than 0.05 on their own.
  s.held_efficacy = {0.5, 0.5};
  refused("already spends alpha = 0.05");
  s.held_efficacy = {3.5};
  s.efficacy = SpendingFunction::lan_demets_obrien_fleming();
  refused("applies to classical families only");
}

}  // namespace
}  // namespace gsd::spending::classical_constants_test
