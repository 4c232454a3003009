// The generic size-for-power search: the fixed-sample closed form, bracketing
// from either side, a power that peaks (first crossing), an unreachable
// target, a smooth noisy power, and the refusals.
#include "gsd/survival/size_for_power.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "gsd/numerics/normal.hpp"
#include "gsd/numerics/numerical_error.hpp"

namespace gsd::survival::size_for_power_test {
namespace {

// One-sided z test of a standardised effect `delta` per patient at 0.025:
// power Phi(sqrt(n) delta - z), so n = ((z_alpha + z_beta) / delta)^2.
double z_power(double n, double delta) {
  return numerics::normal_upper_tail(numerics::normal_upper_quantile(0.025) - std::sqrt(n) * delta);
}

double closed_form(double power, double delta) {
  const double z = numerics::normal_upper_quantile(0.025) + numerics::normal_upper_quantile(1.0 - power);
  return z * z / (delta * delta);
}

TEST(SizeForPower, MatchesTheClosedFormFromBelowAndAbove) {
  const double delta = 0.2;
  const double exact = closed_form(0.84, delta);  // 224.4...
  for (double start : {10.0, 200.0, 5000.0}) {
    SizeSearch search;
    search.start = start;
    const SizeForPower r = size_for_power([&](double n) { return z_power(n, delta); }, 0.84, search);
    ASSERT_TRUE(r.reached);
    EXPECT_NEAR(r.size, exact, exact * 1e-6) << "start " << start;
    EXPECT_NEAR(r.power, 0.84, 1e-6);
    // The secant of one bracket step is the derivative's order.
    const double h = 1e-3;
    const double derivative = (z_power(exact + h, delta) - z_power(exact - h, delta)) / (2.0 * h);
    EXPECT_GT(r.slope, 0.5 * derivative);
    EXPECT_LT(r.slope, 2.0 * derivative);
    EXPECT_LT(r.evaluations, 40);
  }
}

TEST(SizeForPower, AtTheLowerEndAlready) {
  SizeSearch search;
  search.start = 50.0;
  search.lower = 10.0;
  const SizeForPower r = size_for_power([](double) { return 0.9; }, 0.8, search);
  EXPECT_TRUE(r.reached);
  EXPECT_EQ(r.size, 10.0);
  EXPECT_EQ(r.power, 0.9);
}

TEST(SizeForPower, UnreachableGivesTheBestPowerSeen) {
  // Power that peaks at 0.7 at n = 100 and falls again.
  const auto peaked = [](double n) { return 0.7 * std::exp(-std::pow(std::log(n / 100.0), 2)); };
  SizeSearch search;
  search.start = 1.0;
  search.upper = 1e4;
  const SizeForPower r = size_for_power(peaked, 0.8, search);
  EXPECT_FALSE(r.reached);
  EXPECT_NEAR(r.power, 0.7, 0.01);
  EXPECT_NEAR(r.size, 100.0, 15.0);
}

TEST(SizeForPower, APeakedPowerGivesItsFirstCrossing) {
  // Rises through 0.5 at n = 100 / e^0.5 and falls back through it at 100 e^0.5.
  const auto peaked = [](double n) { return 0.8 * std::exp(-std::pow(std::log(n / 100.0), 2) * std::log(1.6) / 0.25); };
  SizeSearch search;
  search.start = 5.0;
  const SizeForPower r = size_for_power(peaked, 0.5, search);
  ASSERT_TRUE(r.reached);
  EXPECT_NEAR(r.size, 100.0 * std::exp(-0.5), 1e-4);
}

TEST(SizeForPower, ASmoothPerturbedPowerMovesTheRootByErrorOverSlope) {
  // A deterministic ripple of amplitude 1e-4 (a Monte Carlo power on fixed
  // random numbers): the root moves by at most about 1e-4 / slope.
  const double delta = 0.2;
  const double exact = closed_form(0.84, delta);
  const auto rippled = [&](double n) { return z_power(n, delta) + 1e-4 * std::sin(n); };
  SizeSearch search;
  search.start = 100.0;
  const SizeForPower r = size_for_power(rippled, 0.84, search);
  ASSERT_TRUE(r.reached);
  EXPECT_NEAR(rippled(r.size), 0.84, 1e-6);
  EXPECT_LE(std::fabs(r.size - exact), 1.5e-4 / r.slope);
}

TEST(SizeForPower, Refusals) {
  const auto p = [](double n) { return z_power(n, 0.2); };
  SizeSearch search;
  search.start = 100.0;
  EXPECT_THROW((void)size_for_power(p, 1.0, search), std::invalid_argument);
  EXPECT_THROW((void)size_for_power(p, 0.0, search), std::invalid_argument);
  SizeSearch bad = search;
  bad.lower = 0.0;
  EXPECT_THROW((void)size_for_power(p, 0.8, bad), std::invalid_argument);
  bad = search;
  bad.step = 1.0;
  EXPECT_THROW((void)size_for_power(p, 0.8, bad), std::invalid_argument);
  bad = search;
  bad.upper = bad.lower;
  EXPECT_THROW((void)size_for_power(p, 0.8, bad), std::invalid_argument);
  bad = search;
  bad.bits = 0;
  EXPECT_THROW((void)size_for_power(p, 0.8, bad), std::invalid_argument);
  const auto nan = [](double) { return std::numeric_limits<double>::quiet_NaN(); };
  EXPECT_THROW((void)size_for_power(nan, 0.8, search), numerics::NumericalError);
}

}  // namespace
}  // namespace gsd::survival::size_for_power_test
