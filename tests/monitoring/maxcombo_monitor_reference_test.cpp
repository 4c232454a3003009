// The MaxCombo monitor at the observed covariances of
// examples/weighted-monitoring/maxcombo.json (FH(0,0), FH(0,1), FH(1,0),
// FH(1,1) at 47 and 71 of 94 events; two-sided 0.05 LD-OBF, benefit side
// at one-sided 0.025) against mvtnorm 1.1-3's pmvnorm with uniroot
// (generator: tests/reference/mvtnorm_maxcombo_monitoring.R): the same
// correlations C_ab(min(k, l)) / sqrt(V_a(k) V_b(l)), the same spending, the
// earlier bound held.
//
// Tolerances (docs/validation.md, "MaxCombo" and "Multivariate normal
// probabilities"): gsd's lattice rule is asked for an absolute error of 1e-4
// (MvnOptions::abs_tolerance) and reports its error at the bound
// (alpha_error) and what that is in z (efficacy_z_error: alpha_error over
// P0's slope in c). The test holds gsd to its own efficacy_z_error, plus the
// bound's root search (within 2^-16 |c|) and the reference's
// own error (look 1 by Miwa's algorithm, exact to 1e-10; look 2 by the
// lattice rule on a nearly singular 8 x 8 correlation, about 5e-4 in z).
// The cumulative alpha is a closed form and matches to 1e-12.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gsd/monitoring/maxcombo_monitor.hpp"
#include "gsd/numerics/normal.hpp"

namespace gsd::monitoring::maxcombo_monitor_reference_test {
namespace {

// kBoundBits in numerics/src/block_bound.cpp: TOMS 748's bracket within 2^-15 |c|
// of the root in relative terms, its midpoint within 2^-16 |c|.
double root_resolution(double c) { return std::ldexp(std::fabs(c), -16); }

spending::DesignSpec example_design() {
  spending::DesignSpec d;
  d.alpha = 0.05;
  d.sided = spending::Sidedness::kTwoSidedSymmetric;
  d.beta = 0.16;
  d.information_fractions = {0.5, 0.75, 1.0};
  d.efficacy = spending::SpendingFunction::lan_demets_obrien_fleming();
  return d;
}

std::vector<MaxComboObservedLook> example_looks() {
  return {
      {47.0,
       {1.05, 0.62, 1.21, 0.95},
       {{11.6551, 2.0924, 9.5627, 1.5587},
        {2.0924, 0.5337, 1.5587, 0.375},
        {9.5627, 1.5587, 8.0041, 1.1836},
        {1.5587, 0.375, 1.1836, 0.2678}},
       false},
      {71.0,
       {1.74, 1.32, 1.95, 1.66},
       {{17.5766, 3.4885, 14.0881, 2.5146},
        {3.4885, 0.9739, 2.5146, 0.6588},
        {14.0881, 2.5146, 11.5735, 1.8558},
        {2.5146, 0.6588, 1.8558, 0.4546}},
       false},
  };
}

struct Reference {
  double cumulative_alpha;
  double efficacy_z;
  double z_error;  // the reference's own error in z
  double nominal_p;
};

// mvtnorm: look 1 by Miwa; look 2 by GenzBretz, whose error 1.1e-5 in
// probability over the slope of P0 in c_2 (0.025) is 4.3e-4 in z.
const std::vector<Reference> kReference = {
    {0.001525322758, 3.16547043, 1e-6, 0.001525322753},
    {0.009908115478, 2.572677103, 5e-4, 0.009327002225},
};

TEST(MaxComboMonitorReference, ExampleBoundsAtTheObservedCovariances) {
  const MaxComboMonitoringPlan plan{example_design(), 94.0, {}};
  const std::vector<MaxComboLookResult> r = monitor_maxcombo(plan, example_looks());
  ASSERT_EQ(r.size(), kReference.size());
  for (std::size_t k = 0; k < r.size(); ++k) {
    const Reference& ref = kReference[k];
    EXPECT_NEAR(r[k].cumulative_alpha, ref.cumulative_alpha, 1e-12) << "look " << k;
    // The error in z is the error in probability over P0's slope in c,
    // which with four tests at the look exceeds one test's density there.
    EXPECT_GT(r[k].efficacy_z_error, 0.0) << "look " << k;
    EXPECT_LE(r[k].efficacy_z_error, r[k].alpha_error / numerics::normal_density(r[k].efficacy_z)) << "look " << k;
    const double bound_tolerance = r[k].efficacy_z_error + root_resolution(r[k].efficacy_z) + ref.z_error;
    EXPECT_NEAR(r[k].efficacy_z, ref.efficacy_z, bound_tolerance) << "look " << k;
    // nominal_p_one_sided is a lattice estimate with its own error at gsd's
    // bound; across the bounds' difference it moves by at most the sum of the
    // J = 4 tests' densities times that difference, 4 phi(c) |dc|.
    const double p_tolerance = r[k].nominal_p_error +
                               4.0 * numerics::normal_density(r[k].efficacy_z) * bound_tolerance;
    EXPECT_NEAR(r[k].nominal_p_one_sided, ref.nominal_p, p_tolerance) << "look " << k;
    EXPECT_EQ(r[k].decision, spending::Decision::kContinue);
    // The largest z (1.21, 1.95) is far from the bounds: no refinement.
    EXPECT_EQ(r[k].refinements, 0) << "look " << k;
    EXPECT_FALSE(r[k].within_error) << "look " << k;
  }
  // gsd monitor prints 3.1643 +/- 0.0062 and 2.5706 +/- 0.0025 (alpha_error
  // 3.0e-5 and 6.4e-5): 1.2e-3 and 2.0e-3 from the references.
}

// A largest z within the first bound's error of it (3.1643 +/- 0.0062):
// the bound is solved again on finer lattices, its error shrinks, the
// reference stays within it, and a decision the error no longer covers is
// the one the exact bound gives. FH(1, 0)'s z is set 5e-4 either side of
// Miwa's bound 3.16547, so the refined bound must be good to better than
// that for the decision to be resolved; each case checks whichever way the
// refinement ends.
TEST(MaxComboMonitorReference, RefinesTheBoundWhenTheLargestZIsWithinItsError) {
  const MaxComboMonitoringPlan plan{example_design(), 94.0, {}};
  std::vector<MaxComboObservedLook> first = {example_looks()[0]};
  const MaxComboLookResult coarse = monitor_maxcombo(plan, first)[0];
  const Reference& ref = kReference[0];
  for (const double z : {ref.efficacy_z - 5e-4, ref.efficacy_z + 5e-4}) {
    ASSERT_LE(std::fabs(z - coarse.efficacy_z), coarse.efficacy_z_error) << "z " << z;
    first[0].z[2] = z;  // FH(1, 0), the largest
    const MaxComboLookResult r = monitor_maxcombo(plan, first)[0];
    EXPECT_GE(r.refinements, 1) << "z " << z;
    EXPECT_LT(r.efficacy_z_error, 0.5 * coarse.efficacy_z_error) << "z " << z;
    EXPECT_NEAR(r.efficacy_z, ref.efficacy_z, r.efficacy_z_error + root_resolution(r.efficacy_z) + ref.z_error)
        << "z " << z;
    EXPECT_EQ(r.within_error, std::fabs(z - r.efficacy_z) <= r.efficacy_z_error) << "z " << z;
    EXPECT_EQ(r.decision, z >= r.efficacy_z ? spending::Decision::kStopEfficacy : spending::Decision::kContinue);
    if (!r.within_error) {
      EXPECT_EQ(r.decision, z >= ref.efficacy_z ? spending::Decision::kStopEfficacy : spending::Decision::kContinue)
          << "z " << z;
    }
  }
}

}  // namespace
}  // namespace gsd::monitoring::maxcombo_monitor_reference_test
