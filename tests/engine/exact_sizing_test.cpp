// A one-sample binary design through the engine: the exact operating
// characteristics beside the plan, the warnings they raise, and
// endpoint.sizing "exact", the fewest patients whose exact power reaches the
// target with the exact alpha within the design's.
#include <gtest/gtest.h>

#include <string>

#include "gsd/design.hpp"
#include "gsd/load.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/presentation.hpp"
#include "gsd/simulate/exact_binomial.hpp"

namespace gsd::exact_sizing_test {
namespace {

nlohmann::json example(const std::string& name) {
  return read_json_file(std::string(GSD_SOURCE_DIR) + "/examples/single-arm/" + name);
}

simulate::ExactBinomial exact_at(const EndpointSize& size, const spending::Design& design, int n) {
  simulate::EndpointModel m;
  m.spec = size.spec;
  m.look_patients = simulate::endpoint_look_patients(design, n);
  return simulate::exact_one_sample_binary(m, design);
}

// The normal approximation's 73 patients: exact power 0.8232 and alpha
// 0.0352 (tests/simulate/exact_binomial_test.cpp has the reference values),
// both warned of.
TEST(ExactSizing, TheNormalPlanCarriesItsExactValuesAndWarnings) {
  const DesignResult r = design_trial(load_trial(example("response-rate.json")));
  ASSERT_TRUE(r.endpoint && r.endpoint->exact);
  EXPECT_EQ(r.endpoint->plan.patients, 73.0);
  EXPECT_EQ(r.endpoint->exact->looks.back().patients, 73);
  EXPECT_NEAR(r.endpoint->exact->power, 0.823243710555436, 1e-12);
  EXPECT_FALSE(r.endpoint->exact_sizing);
  const std::vector<std::string> warnings = endpoint_warnings(*r.endpoint);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("exact binomial power at 73 patients is 0.8232"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("exact type I error at 73 patients is 0.0352"), std::string::npos) << warnings[1];
}

// Sized exactly: 79 patients, and every size scanned before it fails the
// power or the alpha.
TEST(ExactSizing, FindsTheFewestPatientsWithExactPowerAndAlpha) {
  const DesignResult r = design_trial(load_trial(example("response-rate-exact.json")));
  ASSERT_TRUE(r.endpoint && r.endpoint->exact && r.endpoint->exact_sizing);
  const EndpointSize& size = *r.endpoint;
  EXPECT_EQ(size.plan.patients, 79.0);
  EXPECT_EQ(size.plan.solved_for, endpoints::EndpointSolve::kPatients);
  EXPECT_EQ(size.exact_sizing->normal_patients, 73.0);
  EXPECT_GE(size.exact->power, 0.8);
  EXPECT_LE(size.exact->alpha, 0.025);
  EXPECT_EQ(size.exact->looks.back().patients, 79);
  const int first = size.exact_sizing->first_scanned;
  EXPECT_EQ(size.exact_sizing->sizes_scanned, 79 - first + 1);
  EXPECT_LT(first, 73);
  for (int n = first; n < 79; ++n) {
    const simulate::ExactBinomial e = exact_at(size, r.boundaries, n);
    EXPECT_FALSE(e.power >= 0.8 && e.alpha <= 0.025) << n << " patients: power " << e.power << ", alpha " << e.alpha;
  }
  // The plan at 79 is the normal approximation's there, without warnings:
  // the size was chosen on the exact values. rpact 3.3.4's getPowerRates
  // (groups = 1, pi1 = 0.49, thetaH0 = 0.33, maxNumberOfSubjects = 79, on
  // this design) gives overallReject 0.8284948132; to 1e-6, as the other
  // endpoint plans are checked against rpact.
  EXPECT_NEAR(size.plan.power, 0.8284948132, 1e-6);
  EXPECT_TRUE(endpoint_warnings(size).empty());
}

// A rare response: the rate's z bounds reject more often than alpha at
// every size with the power, and the error says so, naming the key.
TEST(ExactSizing, SaysWhenNoSizeKeepsAlpha) {
  nlohmann::json c = example("response-rate-exact.json");
  c["endpoint"]["rate"] = 0.03;
  c["endpoint"]["margin"] = 0.02;
  c["design"]["information_fractions"] = {0.25, 0.5, 0.75, 1.0};
  try {
    (void)design_trial(load_trial(c));
    FAIL() << "expected InvalidInput";
  } catch (const numerics::InvalidInput& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("sizing"), std::string::npos) << what;
    EXPECT_NE(what.find("the least exact alpha among those with the power"), std::string::npos) << what;
  }
}

TEST(ExactSizing, RefusesWhatItDoesNotSize) {
  nlohmann::json two = example("response-rate-exact.json");
  two["endpoint"]["groups"] = 2;
  two["endpoint"].erase("rate");
  two["endpoint"]["treatment_rate"] = 0.49;
  two["endpoint"]["control_rate"] = 0.33;
  two["endpoint"].erase("margin");
  EXPECT_THROW((void)load_trial(two), numerics::InvalidInput);
  nlohmann::json given = example("response-rate-exact.json");
  given["endpoint"].erase("power");
  given["endpoint"]["patients"] = 70;
  EXPECT_THROW((void)load_trial(given), numerics::InvalidInput);
}

}  // namespace
}  // namespace gsd::exact_sizing_test
