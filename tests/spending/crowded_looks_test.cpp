// One-sided designs with two or three looks close together (0.85 and 0.86,
// 0.91, 0.93 and 0.95), against bounds solved without any group-sequential
// package: mvtnorm's multivariate normal probabilities (Miwa's algorithm) and
// the spending functions' closed forms, from the committed generator
// tests/reference/mvtnorm_crowded_looks.R. rpact 3.3.4 is not the reference
// here: on these designs its bounds after the crowded looks are off by 6e-3
// to 9e-2 in z, or it cannot solve the design (its values are in the
// comments; docs/validation.md).
//
// Tolerance 1e-8 in z and the drift, the bound the grid convergence test
// holds gsd's integration grid to (tests/spending/grid_convergence_test.cpp).
// The reference's own error is far below it: its probabilities are accurate
// to about 1e-11 and its roots to 1e-13. The largest difference measured
// here is 2.4e-9.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "gsd/spending/design.hpp"
#include "spending/design_spec_of.hpp"

namespace gsd::spending::crowded_looks_test {
namespace {

constexpr double kTol = 1e-8;

using specs::spec;

void expect_bounds(const Design& d, const std::vector<double>& efficacy) {
  ASSERT_EQ(d.efficacy.size(), efficacy.size());
  for (std::size_t k = 0; k < efficacy.size(); ++k)
    EXPECT_NEAR(d.efficacy[k], efficacy[k], kTol) << "efficacy look " << k + 1;
}

void expect_futility(const Design& d, const std::vector<double>& futility, double drift) {
  for (std::size_t k = 0; k < futility.size(); ++k) {
    ASSERT_TRUE(d.futility[k].has_value()) << "futility look " << k + 1;
    EXPECT_NEAR(*d.futility[k], futility[k], kTol) << "futility look " << k + 1;
  }
  EXPECT_NEAR(d.drift, drift, kTol);
}

DesignSpec non_binding(DesignSpec s, SpendingFunction beta) {
  s.futility = FutilitySpec(std::move(beta), false);
  return s;
}

// Three looks in a row close together. rpact's last three bounds:
// 2.1511717811, 2.1522336677, 2.0875348672.
TEST(CrowdedLooks, ObfWithNonBindingObfBetaSpendingLooksAt91To95Percent) {
  const Design d = compute_design(non_binding(spec(0.025, 0.131, {0.26, 0.45, 0.91, 0.93, 0.95, 1.0},
                                                   SpendingFunction::lan_demets_obrien_fleming()),
                                              SpendingFunction::lan_demets_obrien_fleming()));
  expect_bounds(d, {4.2427682307, 3.1451708226, 2.0854706113, 2.1510893824, 2.1552096827, 2.0939193889});
  expect_futility(d, {-1.0854760359, 0.1902317346, 1.8508743899, 1.7976685415, 1.8304904212}, 3.2473902172);
}

// The futility bounds and the drift follow the efficacy bounds, so rpact's
// are off with them: its last efficacy bound is 2.0143475011, its first
// futility bound 0.5877239314, and its cumulative alpha misses 0.05 by 6.7e-4.
TEST(CrowdedLooks, KimDeMetsWithNonBindingHsdBetaSpending) {
  const Design d = compute_design(non_binding(spec(0.05, 0.111, {0.39, 0.4, 0.79, 0.8, 1.0},
                                                   SpendingFunction::kim_demets_power(0.78)),
                                              SpendingFunction::hwang_shih_decani(1.29)));
  expect_bounds(d, {1.9775747303, 2.1569899352, 1.9514389242, 2.0623472286, 1.9929398605});
  expect_futility(d, {0.5804756199, 0.4366993670, 1.5335438407, 1.4394075372}, 3.4117475393);
}

// rpact's last two bounds: 2.4478829131, 1.7425241843.
TEST(CrowdedLooks, ObfLooksAt61And62Percent) {
  const Design d = compute_design(spec(0.0434, 0.2, {0.08, 0.29, 0.57, 0.61, 0.62, 1.0},
                                       SpendingFunction::lan_demets_obrien_fleming()));
  expect_bounds(d, {7.0453299002, 3.5732224411, 2.4370238772, 2.4244328968, 2.4475762910, 1.7502450245});
}

// rpact's last bound: 1.7700931504; its futility bounds -0.5226466254,
// 1.3803374092, 1.2727035643.
TEST(CrowdedLooks, HsdWithNonBindingPocockBetaSpending) {
  const Design d = compute_design(non_binding(spec(0.0776, 0.164, {0.18, 0.83, 0.84, 1.0},
                                                   SpendingFunction::hwang_shih_decani(0.68)),
                                              SpendingFunction::lan_demets_pocock()));
  expect_bounds(d, {2.0942309009, 1.5956616890, 1.7242830140, 1.7502750613});
  expect_futility(d, {-0.5255258243, 1.3739952816, 1.2662656451}, 2.7775618760);
}

// rpact 3.3.4 refuses this design: "critical values cannot be calculated"
// (its alpha spent at the last look overshoots 0.025).
TEST(CrowdedLooks, HsdLooksAt85And86PercentThatRpactCannotSolve) {
  const Design d = compute_design(spec(0.025, 0.2, {0.07, 0.16, 0.25, 0.85, 0.86, 1.0},
                                       SpendingFunction::hwang_shih_decani(1.56)));
  expect_bounds(d, {2.7189713828, 2.6191664890, 2.5820173436, 2.1804425911, 2.3258735699, 2.4228237392});
}

// The largest difference in the survey: rpact's last bound is 2.6800000891,
// 0.093 below the one that spends the function's alpha.
TEST(CrowdedLooks, PocockWithNonBindingHsdBetaSpendingLooksAt86And87Percent) {
  const Design d = compute_design(non_binding(spec(0.01, 0.161, {0.33, 0.72, 0.86, 0.87, 1.0},
                                                   SpendingFunction::lan_demets_pocock()),
                                              SpendingFunction::hwang_shih_decani(-1.99)));
  expect_bounds(d, {2.6126745485, 2.6145402166, 2.7451625455, 2.8258904972, 2.7729222547});
  expect_futility(d, {0.1400628870, 1.6741083714, 2.1263103617, 2.1072927064}, 3.6962717481);
}

}  // namespace
}  // namespace gsd::spending::crowded_looks_test
