// Inference after a Simon two-stage trial against an enumeration of every
// outcome in R (tests/reference/simon_inference.R), Clopper-Pearson's closed
// form after a stop, and the design's own rules.
#include "gsd/endpoints/simon_inference.hpp"

#include <gtest/gtest.h>

#include <boost/math/special_functions/beta.hpp>
#include <string>
#include <vector>

#include "gsd/numerics/invalid_input.hpp"

namespace gsd::endpoints::simon_inference_test {
namespace {

// The optimal design of Simon's Table 1 for p0 0.10, p1 0.30, alpha 0.05,
// beta 0.2: 1/10, then 5/29.
SimonDesign optimal_10_29() { return simon_characteristics(10, 1, 29, 5, 0.10, 0.30); }

SimonObserved stop(int n1, int x1) { return {n1, x1, std::nullopt, std::nullopt}; }
SimonObserved both(int n1, int x1, int n2, int x2) { return {n1, x1, n2, x2}; }

struct Case {
  std::string name;
  SimonDesign design;
  double p0;
  SimonObserved observed;
  double confidence;
  double p_value, umvue, median_unbiased, ci_lower, ci_upper;
};

// The p-values sum the same binomial terms (R by dbinom, gsd by Boost) and
// agree to a few ulps; 1e-12 relative leaves room for that alone. The
// limits and estimates are roots: R's uniroot to 1e-15 and gsd's TOMS 748 to
// 50 bits of G(p) = target, whose slope lies between 0.3 and 12 in these
// cases, so they agree to about 1e-14; 1e-12 leaves room for the slope.
constexpr double kProbability = 1e-12;
constexpr double kRoot = 1e-12;

std::vector<Case> cases() {
  const SimonDesign opt = optimal_10_29();
  return {
      {"stop at 1 of 10", opt, 0.1, stop(10, 1), 0.90, 0.6513215599, 0.1, 0.0669670084631926,
       0.0051161968918237, 0.394163302436505},
      {"stop at 0 of 10", opt, 0.1, stop(10, 0), 0.90, 1.0, 0.0, 0.0, 0.0, 0.258865550893052},
      {"6 of 29", opt, 0.1, both(10, 2, 19, 4), 0.90, 0.0470863066438913, 0.261308532966635,
       0.214680883717267, 0.101504793653952, 0.412679409341487},
      {"5 of 29", opt, 0.1, both(10, 3, 19, 2), 0.90, 0.101620230782257, 0.242792575365308,
       0.191947188168322, 0.0806707988919715, 0.400735770233279},
      {"12 of 29 at 95%", opt, 0.1, both(10, 5, 19, 7), 0.95, 9.94672053784367e-06, 0.418843459468867,
       0.398598090697926, 0.235620588324333, 0.611672980446413},
      {"2 of 29", opt, 0.1, both(10, 2, 19, 0), 0.90, 0.2639010709, 0.2, 0.162262728195246,
       0.0367714378874651, 0.394177729837841},
      {"29 of 29", opt, 0.1, both(10, 10, 19, 19), 0.90, 1e-29, 1.0, 0.976381754718222, 0.901855372322704,
       1.0},
      {"6 of 27 attained", opt, 0.1, both(10, 2, 17, 4), 0.90, 0.0368503221507422, 0.268730214562082,
       0.224910692023906, 0.107700297265642, 0.424346635394346},
      {"13 of 43, p0 0.2", simon_characteristics(13, 3, 43, 12, 0.2, 0.4), 0.2, both(13, 6, 30, 7), 0.90,
       0.0495814497480525, 0.370709206956267, 0.319486251564342, 0.200249986572145, 0.500001244327075},
      {"stop at 7 of 22, p0 0.4", simon_characteristics(22, 7, 46, 24, 0.4, 0.6), 0.4, stop(22, 7), 0.80,
       0.841556338684259, 0.318181818181818, 0.298591857123336, 0.186739011864805, 0.476841271852608},
  };
}

TEST(SimonInference, MatchesAnEnumerationOfEveryOutcome) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    const SimonInferenceResult r =
        simon_inference(c.design, c.p0, c.p0 + 0.2, 0.05, c.observed, c.confidence);
    ASSERT_TRUE(r.ended);
    EXPECT_NEAR(r.p_value, c.p_value, kProbability * c.p_value);
    EXPECT_NEAR(r.umvue, c.umvue, kRoot);
    EXPECT_NEAR(r.median_unbiased, c.median_unbiased, kRoot);
    EXPECT_NEAR(r.ci_lower, c.ci_lower, kRoot);
    EXPECT_NEAR(r.ci_upper, c.ci_upper, kRoot);
    EXPECT_DOUBLE_EQ(r.confidence, c.confidence);
    EXPECT_DOUBLE_EQ(r.observed_rate, static_cast<double>(r.responders) / r.patients);
  }
}

// After a stop only stage 1 was seen: the interval is Clopper-Pearson's,
// whose limits are beta quantiles (Clopper & Pearson 1934).
TEST(SimonInference, AStopGivesStageOnesClopperPearsonInterval) {
  const SimonDesign opt = optimal_10_29();
  for (int x1 = 0; x1 <= 1; ++x1) {
    const SimonInferenceResult r = simon_inference(opt, 0.1, 0.3, 0.05, stop(10, x1), 0.9);
    EXPECT_NEAR(r.ci_lower, x1 == 0 ? 0.0 : boost::math::ibeta_inv(x1, 10 - x1 + 1, 0.05), 1e-13);
    EXPECT_NEAR(r.ci_upper, boost::math::ibeta_inv(x1 + 1, 10 - x1, 0.95), 1e-13);
    EXPECT_EQ(r.decision, SimonDecision::kStop);
  }
  const SimonDesign wide = simon_characteristics(22, 7, 46, 24, 0.4, 0.6);
  for (int x1 = 0; x1 <= 7; ++x1) {
    SCOPED_TRACE(x1);
    const SimonInferenceResult r = simon_inference(wide, 0.4, 0.6, 0.05, stop(22, x1), 0.95);
    const double lower = x1 == 0 ? 0.0 : boost::math::ibeta_inv(x1, 22 - x1 + 1, 0.025);
    EXPECT_NEAR(r.ci_lower, lower, 1e-13);
    EXPECT_NEAR(r.ci_upper, boost::math::ibeta_inv(x1 + 1, 22 - x1, 0.975), 1e-13);
    EXPECT_DOUBLE_EQ(r.umvue, x1 / 22.0);
  }
}

// At the planned sizes the p-value is at most alpha exactly where the design
// declares the treatment promising (more than r of n), and then the
// interval at level 1 - 2 alpha lies above p0.
TEST(SimonInference, ThePValueAgreesWithTheDesignsRule) {
  const SimonDesign opt = optimal_10_29();
  for (int x1 = 2; x1 <= 10; ++x1) {
    for (int x2 = 0; x2 <= 19; ++x2) {
      const SimonInferenceResult r = simon_inference(opt, 0.1, 0.3, 0.05, both(10, x1, 19, x2), 0.9);
      const bool promising = x1 + x2 > 5;
      EXPECT_EQ(r.decision, promising ? SimonDecision::kPromising : SimonDecision::kNotPromising);
      EXPECT_EQ(r.p_value <= 0.05, promising) << x1 << " " << x2;
      EXPECT_EQ(r.ci_lower > 0.1, promising) << x1 << " " << x2;
      EXPECT_LE(r.ci_lower, r.median_unbiased);
      EXPECT_LE(r.median_unbiased, r.ci_upper);
    }
  }
  // The p-value at the boundary is the design's attained alpha.
  EXPECT_NEAR(simon_inference(opt, 0.1, 0.3, 0.05, both(10, 2, 19, 4), 0.9).p_value, opt.alpha, 1e-15);
}

// G(p) rises with p, which is what makes each limit a single root.
TEST(SimonInference, TheUpperProbabilityRisesWithTheRate) {
  const SimonDesign opt = optimal_10_29();
  for (const SimonObserved& o : {stop(10, 1), both(10, 2, 19, 4), both(10, 7, 19, 1)}) {
    double previous = 0.0;
    for (int k = 1; k < 100; ++k) {
      const double g = simon_upper_probability(opt, o, k / 100.0);
      EXPECT_GE(g, previous);
      previous = g;
    }
  }
}

// With attained sizes other than the plan's, the test is the p-value
// against alpha: 6 of 27 (two patients not evaluable) is promising, as its
// p-value 0.037 is below 0.05, where the planned rule would ask for 6 of 29.
TEST(SimonInference, AttainedSizesAreJudgedByThePValue) {
  const SimonDesign opt = optimal_10_29();
  const SimonInferenceResult fewer = simon_inference(opt, 0.1, 0.3, 0.05, both(10, 2, 17, 4), 0.9);
  EXPECT_FALSE(fewer.planned_sizes);
  EXPECT_EQ(fewer.decision, SimonDecision::kPromising);
  const SimonInferenceResult five = simon_inference(opt, 0.1, 0.3, 0.05, both(10, 2, 17, 3), 0.9);
  EXPECT_EQ(five.decision, SimonDecision::kNotPromising);
  EXPECT_GT(five.p_value, 0.05);
}

// Going on to stage 2: the chance of more than r responders in all, given
// stage 1, at p0, p1 and stage 1's rate, written out as binomial tails.
TEST(SimonInference, GoingOnGivesTheConditionalProbabilityOfPromising) {
  const SimonDesign opt = optimal_10_29();
  const SimonInferenceResult r = simon_inference(opt, 0.1, 0.3, 0.05, stop(10, 3), 0.9);
  EXPECT_EQ(r.decision, SimonDecision::kContinue);
  EXPECT_FALSE(r.ended);
  ASSERT_TRUE(r.conditional.has_value());
  // 3 more responders of 19 are needed: P(Bin(19, p) >= 3) = 1 - I_{1-p}(17, 3).
  const auto at_least_3 = [](double p) { return boost::math::ibeta(3, 17, p); };
  EXPECT_NEAR(r.conditional->at_null, at_least_3(0.1), 1e-14);
  EXPECT_NEAR(r.conditional->at_alternative, at_least_3(0.3), 1e-14);
  EXPECT_NEAR(r.conditional->at_observed, at_least_3(0.3), 1e-14);
}

TEST(SimonInference, RefusesCountsThatCannotBe) {
  const SimonDesign opt = optimal_10_29();
  const auto path_of = [&](const SimonObserved& o, double confidence = 0.9) {
    try {
      simon_inference(opt, 0.1, 0.3, 0.05, o, confidence);
    } catch (const numerics::InvalidInput& e) {
      return numerics::to_string(e.path());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(path_of(stop(0, 0)), "stage1_patients");
  EXPECT_EQ(path_of(stop(10, 11)), "stage1_responders");
  EXPECT_EQ(path_of(stop(10, -1)), "stage1_responders");
  EXPECT_EQ(path_of(both(10, 1, 19, 3)), "stage2_patients");  // after a stop
  EXPECT_EQ(path_of(both(10, 3, 19, 20)), "stage2_responders");
  EXPECT_EQ(path_of({10, 3, 19, std::nullopt}), "stage2_responders");
  EXPECT_EQ(path_of(both(10, 3, 10001, 3)), "stage2_patients");
  EXPECT_EQ(path_of(both(10, 3, 19, 3), 1.0), "confidence");
}

}  // namespace
}  // namespace gsd::endpoints::simon_inference_test
