// Spending functions against their closed forms (formulas cited in
// spending_function.hpp) and the validation rules of each family.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "expect_near_rel.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/spending/spending_function.hpp"

namespace gsd::spending::spending_function_test {
using namespace gsd::numerics;  // NOLINT: the layers below
namespace {

TEST(SpendingFunction, AllFamiliesSpendZeroAtZeroAndTotalAtOne) {
  const SpendingFunction fs[] = {
      SpendingFunction::lan_demets_obrien_fleming(), SpendingFunction::lan_demets_pocock(),
      SpendingFunction::hwang_shih_decani(-4.0),     SpendingFunction::hwang_shih_decani(0.0),
      SpendingFunction::kim_demets_power(3.0),       SpendingFunction::exponential(0.75),
      SpendingFunction::user({0.5, 1.0}, {0.2, 1.0})};
  for (const auto& f : fs) {
    EXPECT_EQ(spent(f, 0.025, 0.0), 0.0) << static_cast<int>(f.family());
    EXPECT_NEAR(spent(f, 0.025, 1.0), 0.025, 1e-15) << static_cast<int>(f.family());
    double previous = 0.0;
    for (double t = 0.05; t < 1.0; t += 0.05) {
      const double a = spent(f, 0.025, t);
      EXPECT_GE(a, previous) << static_cast<int>(f.family()) << " t=" << t;
      previous = a;
    }
  }
}

TEST(SpendingFunction, LanDeMetsObfClosedForm) {
  // 2 - 2 Phi(z_{0.9875} / sqrt(0.5)) = 0.00152532 (docs/validation.md, rpact 3.3.4).
  EXPECT_NEAR(spent(SpendingFunction::lan_demets_obrien_fleming(), 0.025, 0.5), 0.00152532,
              1e-8);
}

TEST(SpendingFunction, LanDeMetsPocockClosedForm) {
  const double expected = 0.025 * std::log(1.0 + (std::numbers::e - 1.0) * 0.3);
  EXPECT_NEAR_REL(spent(SpendingFunction::lan_demets_pocock(), 0.025, 0.3), expected, 1e-14);
}

TEST(SpendingFunction, HsdClosedFormAndLinearLimit) {
  const double g = -2.0;
  const double expected = 0.1 * (1.0 - std::exp(-g * 0.4)) / (1.0 - std::exp(-g));
  EXPECT_NEAR_REL(spent(SpendingFunction::hwang_shih_decani(g), 0.1, 0.4), expected, 1e-14);
  EXPECT_NEAR_REL(spent(SpendingFunction::hwang_shih_decani(0.0), 0.1, 0.4), 0.04, 1e-14);
  EXPECT_NEAR_REL(spent(SpendingFunction::hwang_shih_decani(1e-9), 0.1, 0.4), 0.04, 1e-8);
}

TEST(SpendingFunction, PowerClosedForm) {
  EXPECT_NEAR_REL(spent(SpendingFunction::kim_demets_power(2.0), 0.05, 0.5), 0.0125, 1e-14);
}

TEST(SpendingFunction, ExponentialClosedForm) {
  // Anderson & Clark (2010), gsDesign sfExponential: alpha^(t^-nu).
  EXPECT_NEAR_REL(spent(SpendingFunction::exponential(0.75), 0.025, 0.5),
                  std::pow(0.025, std::pow(0.5, -0.75)), 1e-14);
  EXPECT_NEAR_REL(spent(SpendingFunction::exponential(1.0), 0.1, 0.25), 1e-4, 1e-13);
}

TEST(SpendingFunction, UserInterpolatesLinearly) {
  const auto f = SpendingFunction::user({0.5, 1.0}, {0.2, 1.0});
  EXPECT_NEAR_REL(spent(f, 0.025, 0.25), 0.025 * 0.1, 1e-14);
  EXPECT_NEAR_REL(spent(f, 0.025, 0.75), 0.025 * 0.6, 1e-14);
}

TEST(SpendingFunction, RejectsBadParameters) {
  EXPECT_THROW(SpendingFunction::hwang_shih_decani(std::nan("")), std::invalid_argument);
  EXPECT_THROW(SpendingFunction::hwang_shih_decani(41.0), std::invalid_argument);
  EXPECT_THROW(SpendingFunction::kim_demets_power(0.0), std::invalid_argument);
  EXPECT_THROW(SpendingFunction::kim_demets_power(-1.0), std::invalid_argument);
  EXPECT_THROW(SpendingFunction::exponential(0.0), std::invalid_argument);
  EXPECT_THROW(SpendingFunction::exponential(10.5), std::invalid_argument);
  EXPECT_THROW(SpendingFunction::user({0.5, 1.0}, {0.6, 0.5}), std::invalid_argument);
  EXPECT_THROW(SpendingFunction::user({0.5, 1.0}, {0.2, 0.9}), std::invalid_argument);
  EXPECT_THROW(SpendingFunction::user({0.5, 1.0}, {0.2}), std::invalid_argument);
  EXPECT_THROW(SpendingFunction::user({0.5, 1.0}, {-0.1, 1.0}), std::invalid_argument);
}

}  // namespace
}  // namespace gsd::spending::spending_function_test
