// Grid convergence: the default grid (r = 6, 5-point Gauss-Legendre on
// intervals of at most 0.875 near the mean, numerics/sequential_integrator.cpp)
// against a much finer one (r = 60, a tenth of the widths), whose own error is
// below 1e-11 in z (measured while choosing the default: the r = 60 grids of
// the 3-point and the 5-point rule agree within 1.5e-12 on 120 designs). The
// largest difference measured on these cases is 2.8e-9; the bound 1e-8 keeps
// grid error a hundredth of the 1e-6 agreement target with rpact, and the
// earlier 3-point grid (1.5e-8 on the beta-spending case) would fail it.
#include <gtest/gtest.h>

#include <cmath>

#include "gsd/spending/design.hpp"

namespace gsd::spending::grid_convergence_test {
using namespace gsd::numerics;  // NOLINT: the layers below
namespace {

constexpr double kGridTol = 1e-8;

void expect_converged(DesignSpec s) {
  const Design coarse = compute_design(s);
  s.solver.grid_r = 60;
  const Design fine = compute_design(s);
  for (std::size_t k = 0; k < fine.efficacy.size(); ++k) {
    if (std::isfinite(fine.efficacy[k])) {
      EXPECT_NEAR(coarse.efficacy[k], fine.efficacy[k], kGridTol) << "look " << k + 1;
    }
    if (fine.futility[k]) {
      EXPECT_NEAR(*coarse.futility[k], *fine.futility[k], kGridTol) << "look " << k + 1;
    }
  }
  EXPECT_NEAR(coarse.drift, fine.drift, kGridTol);
}

DesignSpec equally_spaced(int k) {
  DesignSpec s;
  s.information_fractions.clear();
  for (int i = 1; i <= k; ++i) s.information_fractions.push_back(static_cast<double>(i) / k);
  return s;
}

TEST(GridConvergence, TenLooksWithBetaSpending) {
  DesignSpec s = equally_spaced(10);
  s.beta = 0.1;
  s.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), true};
  expect_converged(s);
}

TEST(GridConvergence, TwentyFiveLooksPocockSpending) {
  DesignSpec s = equally_spaced(25);
  s.efficacy = SpendingFunction::lan_demets_pocock();
  expect_converged(s);
}

TEST(GridConvergence, TwentyFiveLooksObrienFlemingTwoSided) {
  DesignSpec s = equally_spaced(25);
  s.alpha = 0.05;
  s.sided = Sidedness::kTwoSidedSymmetric;
  expect_converged(s);
}

TEST(GridConvergence, CloselySpacedFinalLooks) {
  DesignSpec s;
  s.information_fractions = {0.3, 0.9, 0.95, 0.98, 1.0};
  s.efficacy = SpendingFunction::hwang_shih_decani(1.0);
  expect_converged(s);
}

}  // namespace
}  // namespace gsd::spending::grid_convergence_test
