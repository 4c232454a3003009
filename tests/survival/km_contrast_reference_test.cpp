// The Kaplan-Meier milestone and RMST moments against npsurvSS 1.1.0
// (tests/reference/npsurvss_km_contrast.R): each arm's survival and RMST at
// the horizon and their asymptotic variances per patient of the arm, for a
// cure model with uniform accrual, a Weibull cure model with a ramp-up and
// unequal drop-out at 2:1, and a piecewise-exponential model with drop-out.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>

#include "gsd/survival/km_contrast.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::km_contrast_reference_test {
namespace {

struct Case {
  const char* model;
  double look;
  double horizon;
  // Control then treatment: S(t), Var S^ x n_j, RMST, Var RMST^ x n_j.
  std::array<double, 8> values;
};

// Printed by tests/reference/npsurvss_km_contrast.R.
constexpr Case kCases[] = {
    {"seed", 40.00, 24, {4.557247858426e-01, 3.226871314784e-01, 1.509656206641e+01, 9.298859408986e+01, 6.600052452666e-01, 2.954413551102e-01, 1.893809718425e+01, 6.961021216816e+01}},
    {"seed", 50.77, 36, {4.169823187049e-01, 2.760646928001e-01, 2.028781702288e+01, 2.166840737991e+02, 6.083593058518e-01, 2.816130093718e-01, 2.650997874731e+01, 1.769390329647e+02}},
    {"weibull", 25.00, 15, {4.839266588705e-01, 6.490820662939e-01, 1.083428664954e+01, 4.155896158228e+01, 6.657969681198e-01, 6.233817869495e-01, 1.245396372957e+01, 3.288214055282e+01}},
    {"weibull", 40.00, 12, {5.575156088200e-01, 2.670700323406e-01, 9.277074093293e+00, 1.455377124994e+01, 7.231219170853e-01, 2.316749214704e-01, 1.037300074469e+01, 1.062091950764e+01}},
    {"piecewise", 20.00, 16, {3.753110988514e-01, 3.357728859515e-01, 9.038941748218e+00, 4.206725571572e+01, 6.126263941844e-01, 3.253395637613e-01, 1.190107679232e+01, 3.579665388852e+01}},
    {"piecewise", 30.00, 8, {5.066169923656e-01, 2.650537771491e-01, 5.566749732271e+00, 8.376469219427e+00, 7.117703227626e-01, 2.168849697239e-01, 6.636030482321e+00, 6.002030608831e+00}},
};

SurvivalSpec model(const std::string& name) {
  if (name == "seed") return testing::seed_plan();
  if (name == "weibull") return testing::weibull_dropout_spec();
  SurvivalSpec spec;
  spec.control = CureModel(0.0, Latency::piecewise_exponential({0.0, 6.0, 15.0}, {0.1, 0.04, 0.02}));
  spec.treatment = CureModel(0.0, Latency::piecewise_exponential({0.0, 6.0, 15.0}, {0.05, 0.02, 0.01}));
  spec.accrual = Accrual::uniform(12.0);
  spec.dropout_control = 0.015;
  spec.dropout_treatment = 0.015;
  return spec;
}

constexpr double kRelative = 1e-8;

TEST(KmContrastReference, MatchesNpsurvSS) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(::testing::Message() << c.model << " look " << c.look << " horizon " << c.horizon);
    const SurvivalSpec spec = model(c.model);
    const double p0 = spec.control_share(), p1 = spec.treatment_share();
    const KmContrastMoments m = km_contrast_moments(spec, {KmContrast::Kind::kMilestone, c.horizon}, c.look);
    const KmContrastMoments r = km_contrast_moments(spec, {KmContrast::Kind::kRmst, c.horizon}, c.look);
    const auto& v = c.values;
    EXPECT_NEAR(m.control_value, v[0], kRelative * v[0]);
    EXPECT_NEAR(m.variance_control * p0, v[1], kRelative * v[1]);
    EXPECT_NEAR(r.control_value, v[2], kRelative * v[2]);
    EXPECT_NEAR(r.variance_control * p0, v[3], kRelative * v[3]);
    EXPECT_NEAR(m.treatment_value, v[4], kRelative * v[4]);
    EXPECT_NEAR(m.variance_treatment * p1, v[5], kRelative * v[5]);
    EXPECT_NEAR(r.treatment_value, v[6], kRelative * v[6]);
    EXPECT_NEAR(r.variance_treatment * p1, v[7], kRelative * v[7]);
  }
}

}  // namespace
}  // namespace gsd::survival::km_contrast_reference_test
