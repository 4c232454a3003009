// The recursive integration against closed forms: one look is a normal tail,
// and two looks are a bivariate normal probability (Boost's owens_t gives the
// exact bivariate orthant via Owen 1956).
#include <gtest/gtest.h>

#include <boost/math/special_functions/owens_t.hpp>
#include <cmath>
#include <limits>

#include "expect_near_rel.hpp"
#include "gsd/numerics/exit_probabilities.hpp"
#include "gsd/numerics/information_step.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/solver_options.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/numerics/numerical_error.hpp"
#include "gsd/numerics/sequential_integrator.hpp"

namespace gsd::numerics::sequential_integrator_test {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// P(X >= h, Y >= k) for a standard bivariate normal with correlation rho,
// from Owen's T function (Owen 1956, Ann. Math. Statist. 27:1075, eq. 2.1),
// for h, k > 0 (the only case used here, where Owen's correction term is 0).
double bivariate_upper(double h, double k, double rho) {
  EXPECT_GT(h, 0.0);
  EXPECT_GT(k, 0.0);
  const double s = std::sqrt(1.0 - rho * rho);
  const double a_h = (k - rho * h) / (h * s);
  const double a_k = (h - rho * k) / (k * s);
  const double lower = 0.5 * normal_lower_tail(h) + 0.5 * normal_lower_tail(k) -
                       boost::math::owens_t(h, a_h) - boost::math::owens_t(k, a_k);
  // lower = P(X <= h, Y <= k); inclusion-exclusion for the upper orthant.
  return 1.0 - normal_lower_tail(h) - normal_lower_tail(k) + lower;
}

TEST(SequentialIntegrator, OneLookIsANormalTail) {
  const std::vector<double> t{1.0};
  const StoppingRegions r{{-kInf}, {1.959963984540054}, {}};
  const ExitProbabilities e = exit_probabilities(t, r, 0.0);
  EXPECT_NEAR_REL(e.upper[0], 0.025, 1e-12);
  EXPECT_DOUBLE_EQ(e.lower[0], 0.0);
}

// gsd's accuracy target is 1e-6 in z, which near z = 2 is about 5e-8 in
// probability; the integration must be an order of magnitude better than that.
constexpr double kProbabilityTol = 5e-9;

TEST(SequentialIntegrator, TwoLooksMatchTheBivariateNormal) {
  // Z1, Z2 with correlation sqrt(t1 / t2) = sqrt(0.5). P(cross at look 2) =
  // P(Z1 < b1, Z2 >= b2) = P(Z2 >= b2) - P(Z1 >= b1, Z2 >= b2).
  const std::vector<double> t{0.5, 1.0};
  const double b1 = 2.5;
  const double b2 = 2.0;
  const StoppingRegions r{{-kInf, -kInf}, {b1, b2}, {}};
  const ExitProbabilities e = exit_probabilities(t, r, 0.0);
  const double exact = normal_upper_tail(b2) - bivariate_upper(b1, b2, std::sqrt(0.5));
  EXPECT_NEAR(e.upper[1], exact, kProbabilityTol);
}

TEST(SequentialIntegrator, TwoLooksWithDriftMatchTheBivariateNormal) {
  // Means mu_k = drift sqrt(t_k) shift both bounds.
  const std::vector<double> t{0.3, 1.0};
  const double drift = 1.5;
  const double b1 = 2.9;
  const double b2 = 1.97;
  const StoppingRegions r{{-kInf, -kInf}, {b1, b2}, {}};
  const ExitProbabilities e = exit_probabilities(t, r, drift);
  const double m1 = drift * std::sqrt(0.3);
  const double m2 = drift;
  const double exact =
      normal_upper_tail(b2 - m2) - bivariate_upper(b1 - m1, b2 - m2, std::sqrt(0.3));
  EXPECT_NEAR(e.upper[1], exact, kProbabilityTol);
}

TEST(SequentialIntegrator, ProbabilitiesAddToOne) {
  const std::vector<double> t{0.25, 0.5, 0.75, 1.0};
  const StoppingRegions r{{-1.0, -0.5, 0.3, 1.9}, {3.0, 2.6, 2.3, 1.9}, {}};
  const ExitProbabilities e = exit_probabilities(t, r, 1.7);
  EXPECT_NEAR(e.total_upper() + e.total_lower(), 1.0, kProbabilityTol);
}

TEST(SequentialIntegrator, ExitProbabilitiesAreMonotoneInDrift) {
  const std::vector<double> t{0.5, 0.75, 1.0};
  const StoppingRegions r{{-kInf, -kInf, -kInf}, {2.962588, 2.359018, 2.014084}, {}};
  double previous = 0.0;
  for (double drift = 0.0; drift <= 5.0; drift += 0.25) {
    const ExitProbabilities e = exit_probabilities(t, r, drift);
    for (double p : e.upper) {
      EXPECT_GE(p, 0.0);
      EXPECT_LE(p, 1.0);
    }
    EXPECT_GT(e.total_upper(), previous);
    previous = e.total_upper();
  }
}

TEST(SequentialIntegrator, PerLookMeansGeneraliseTheDrift) {
  const std::vector<double> t{0.5, 1.0};
  const StoppingRegions r{{-kInf, -kInf}, {2.8, 1.98}, {}};
  const ExitProbabilities a = exit_probabilities(t, r, 2.0);
  const std::vector<double> means = means_for_drift(t, 2.0);
  const ExitProbabilities b = exit_probabilities(t, r, means);
  EXPECT_DOUBLE_EQ(a.upper[1], b.upper[1]);
}

// The tails with derivatives: the same probability to rounding (the same
// sums over a few hundred nodes, whose multiply-adds a compiler may fuse
// differently in the two functions: a few hundred eps, kSameSums), and the
// derivative against a central difference of the plain tails (step 1e-5:
// truncation ~1e-10 relative; the rounding of probabilities near 1, ~1e-15,
// divided by the step gives up to 1e-10 absolute).
TEST(SequentialIntegrator, DerivativesMatchCentralDifferences) {
  constexpr double h = 1e-5;
  constexpr double tol = 1e-7;
  constexpr double kRounding = 1e-10;
  constexpr double kSameSums = 1e-13;
  SequentialIntegrator first;
  SequentialIntegrator h0;
  h0.advance(0.3, 0.0, -kInf, 3.2, 0.6);
  h0.advance(0.6, 0.0, -1.0, 2.5, 1.0);
  SequentialIntegrator h1;
  h1.advance(0.5, 1.9, 0.1, 2.8, 1.0);
  for (const SequentialIntegrator* s : {&first, &h0, &h1}) {
    const double t = s->looks_done() == 0 ? 0.4 : 1.0;
    const double mean = s == &h1 ? 2.7 : 0.0;
    for (const double b : {-1.5, 0.3, 2.0, 4.5}) {
      const auto up = s->next_upper_tail_and_derivative(t, mean, b);
      EXPECT_NEAR_REL(up.p, s->next_upper_tail(t, mean, b), kSameSums);
      const double d_up =
          (s->next_upper_tail(t, mean, b + h) - s->next_upper_tail(t, mean, b - h)) / (2.0 * h);
      EXPECT_NEAR_REL_ABS(up.derivative, d_up, tol, kRounding);
      const auto low = s->next_lower_tail_and_derivative(t, mean, b);
      EXPECT_NEAR_REL(low.p, s->next_lower_tail(t, mean, b), kSameSums);
      const double d_low =
          (s->next_lower_tail(t, mean, b + h) - s->next_lower_tail(t, mean, b - h)) / (2.0 * h);
      EXPECT_NEAR_REL_ABS(low.derivative, d_low, tol, kRounding);
      if (s == &h1) continue;  // tilting needs an H0 path
      for (const double drift : {0.0, 1.3, 3.4}) {
        const auto tilted = s->next_upper_tail_tilted_and_derivative(t, drift, b);
        EXPECT_NEAR_REL(tilted.p, s->next_upper_tail_tilted(t, drift, b), kSameSums);
        const double d_drift = (s->next_upper_tail_tilted(t, drift + h, b) -
                                s->next_upper_tail_tilted(t, drift - h, b)) /
                               (2.0 * h);
        EXPECT_NEAR_REL_ABS(tilted.derivative, d_drift, tol, kRounding);
      }
    }
  }
}

TEST(SequentialIntegrator, RejectsFractionsThatDoNotIncrease) {
  const std::vector<double> t{0.5, 0.5};
  const StoppingRegions r{{-kInf, -kInf}, {3.0, 2.0}, {}};
  EXPECT_THROW(exit_probabilities(t, r, 0.0), std::invalid_argument);
}

// Looks a least step apart (information_step.hpp): Z1 and Z2 are correlated
// 1 - 5e-7, and the grid still resolves the narrow kernel between them.
TEST(SequentialIntegrator, LooksTheLeastStepApartMatchTheBivariateNormal) {
  const double t1 = 0.5;
  const double t2 = t1 * (1.0 + kMinInformationStep);
  const std::vector<double> t{t1, t2};
  const double b1 = 2.5;
  const double b2 = 2.0;
  const StoppingRegions r{{-kInf, -kInf}, {b1, b2}, {}};
  const ExitProbabilities e = exit_probabilities(t, r, 0.0);
  const double exact = normal_upper_tail(b2) - bivariate_upper(b1, b2, std::sqrt(t1 / t2));
  EXPECT_NEAR(e.upper[1], exact, kProbabilityTol);
}

// Closer looks would need a grid that grows without bound (1e-13 apart took
// 3.7 GB): refused at once, with the least step in the message.
TEST(SequentialIntegrator, RejectsLooksCloserThanTheLeastStep) {
  const std::vector<double> t{0.5, 0.5 * (1.0 + 0.8 * kMinInformationStep), 1.0};
  const StoppingRegions r{{-kInf, -kInf, -kInf}, {3.0, 2.5, 2.0}, {}};
  try {
    exit_probabilities(t, r, 0.0);
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "next information fraction 0.5000004 must exceed the previous look's 0.5 by at least 5e-07");
  }
}

// A tail just past a look builds no grid of its own, so it needs no least
// step: a capped final analysis's bound is sought there.
TEST(SequentialIntegrator, TailsJustPastALookNeedNoLeastStep) {
  SequentialIntegrator h0;
  h0.advance(0.5, 0.0, -kInf, 2.5);
  double tail = -1.0;
  EXPECT_NO_THROW(tail = h0.next_upper_tail(0.5 + 1e-12, 0.0, 2.0));
  EXPECT_GT(tail, 0.0);
  EXPECT_LT(tail, h0.continuation_mass());
}

TEST(SequentialIntegrator, RejectsLowerAboveUpper) {
  const std::vector<double> t{0.5, 1.0};
  const StoppingRegions r{{3.5, -kInf}, {3.0, 2.0}, {}};
  EXPECT_THROW(exit_probabilities(t, r, 0.0), std::invalid_argument);
}

TEST(SequentialIntegrator, RejectsBadGridSize) {
  SolverOptions g;
  g.grid_r = 2;
  EXPECT_THROW(g.validate(), InvalidInput);
}

}  // namespace
}  // namespace gsd::numerics::sequential_integrator_test
