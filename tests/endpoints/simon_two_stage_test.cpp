// Simon's two-stage designs against a plain enumeration in R
// (tests/reference/simon_two_stage.R), whose designs are those of clinfun
// 1.1.5's ph2simon and Table 1 of Simon (1989).
#include "gsd/endpoints/simon_two_stage.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gsd/numerics/invalid_input.hpp"

namespace gsd::endpoints::simon_two_stage_test {
namespace {

struct Expected {
  int r1, n1, r, n;
  double alpha, power, pet0, en0;
};

struct Case {
  SimonSpec spec;
  Expected minimax;
  Expected optimal;
  // Every admissible design, minimax first, with the lower end of its weights.
  std::vector<std::pair<Expected, double>> admissible;
};

// Both computations sum the same terms, R by dbinom and pbinom, gsd by Boost's
// binomial probabilities and its own upper tails: they agree to a few ulps.
// 1e-12 leaves room for that and nothing else.
constexpr double kTolerance = 1e-12;

const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      {{0.05, 0.25, 0.10, 0.10, 40},
       {0, 13, 2, 20, 0.0735550255239476, 0.902952504504355, 0.513342083279505, 16.4066054170435},
       {0, 9, 2, 24, 0.0931294093228691, 0.90284070561453, 0.630249409724609, 14.5462588541309},
       {{{0, 13, 2, 20, 0.0735550255239476, 0.902952504504355, 0.513342083279505, 16.4066054170435},
         0.522583322223862},
        {{0, 11, 2, 21, 0.0783742893530275, 0.905439866975485, 0.56880009227646, 15.3119990772354},
         0.331926971953963},
        {{0, 10, 2, 22, 0.0831068046240399, 0.905037339784769, 0.598736939238379, 14.8151567291395},
         0.118514754661478},
        {{0, 9, 2, 24, 0.0931294093228691, 0.90284070561453, 0.630249409724609, 14.5462588541309}, 0.0}}},
      {{0.10, 0.30, 0.05, 0.20, 45},
       {1, 15, 5, 25, 0.0328086668152239, 0.801700570418866, 0.549043018919064, 19.5095698108094},
       {1, 10, 5, 29, 0.0470863066438913, 0.805062913150325, 0.7360989291, 15.0141203471},
       {{{1, 15, 5, 25, 0.0328086668152239, 0.801700570418866, 0.549043018919064, 19.5095698108094},
         0.732305481743537},
        {{1, 12, 5, 26, 0.0359671496394091, 0.804780447494023, 0.659002251789, 16.773968474954},
         0.482315525127718},
        {{1, 11, 5, 27, 0.0395005174857129, 0.806195400697073, 0.6973568802, 15.8422899168},
         0.292828824188165},
        {{1, 10, 5, 29, 0.0470863066438913, 0.805062913150325, 0.7360989291, 15.0141203471}, 0.0}}},
      {{0.20, 0.40, 0.05, 0.20, 60},
       {4, 18, 10, 33, 0.0458301341673421, 0.801141682420838, 0.71635381572862, 22.2546927640707},
       {3, 13, 12, 43, 0.0495814497480525, 0.800214356188116, 0.747324309504, 20.58027071488},
       {{{4, 18, 10, 33, 0.0458301341673421, 0.801141682420838, 0.71635381572862, 22.2546927640707},
         0.168226238501491},
        {{3, 14, 11, 38, 0.0494770653198241, 0.815399536244033, 0.69818988363776, 21.2434427926938},
         0.117102582916706},
        {{3, 13, 12, 43, 0.0495814497480525, 0.800214356188116, 0.747324309504, 20.58027071488}, 0.0}}},
      {{0.40, 0.60, 0.05, 0.10, 90},
       {12, 29, 27, 54, 0.0490077720539764, 0.901129201805458, 0.637415820212385, 38.0646044946904},
       {11, 25, 32, 66, 0.0488212564648108, 0.901689880811619, 0.732282173361202, 35.9764308921907},
       {{{12, 29, 27, 54, 0.0490077720539764, 0.901129201805458, 0.637415820212385, 38.0646044946904},
         0.174932296335719},
        {{8, 20, 30, 61, 0.0487494802900709, 0.904413800031032, 0.595598725312224, 36.5804522621988},
         0.107783559363408},
        {{11, 25, 32, 66, 0.0488212564648108, 0.901689880811619, 0.732282173361202, 35.9764308921907},
         0.0}}},
  };
  return kCases;
}

void expect_design(const SimonDesign& got, const Expected& want) {
  EXPECT_EQ(got.r1, want.r1);
  EXPECT_EQ(got.n1, want.n1);
  EXPECT_EQ(got.r, want.r);
  EXPECT_EQ(got.n, want.n);
  EXPECT_NEAR(got.alpha, want.alpha, kTolerance);
  EXPECT_NEAR(got.power, want.power, kTolerance);
  EXPECT_NEAR(got.early_stop_null, want.pet0, kTolerance);
  EXPECT_NEAR(got.expected_patients_null, want.en0, kTolerance * want.n);
}

TEST(SimonTwoStage, OptimalMinimaxAndAdmissibleAgreeWithAnEnumeration) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(::testing::Message() << "p0 " << c.spec.null_rate << " p1 " << c.spec.alternative_rate);
    const SimonResult got = simon_two_stage(c.spec);
    expect_design(got.minimax, c.minimax);
    expect_design(got.optimal, c.optimal);
    ASSERT_EQ(got.admissible.size(), c.admissible.size());
    double high = 1.0;
    for (std::size_t k = 0; k < got.admissible.size(); ++k) {
      expect_design(got.admissible[k].design, c.admissible[k].first);
      EXPECT_NEAR(got.admissible[k].weight_low, c.admissible[k].second, kTolerance);
      // The weights tile [0, 1] from the minimax design down.
      EXPECT_EQ(got.admissible[k].weight_high, high);
      high = got.admissible[k].weight_low;
    }
    EXPECT_EQ(high, 0.0);
  }
}

// The probability under the alternative from its own entry point, the
// early stopping at p1, and the expected patients there, in closed form for
// a small design: 0/9, 2/24 at p1 = 0.25 (the first case's optimal design).
TEST(SimonTwoStage, CharacteristicsInClosedForm) {
  const SimonDesign d = simon_characteristics(9, 0, 24, 2, 0.05, 0.25);
  const double pet1 = std::pow(0.75, 9);
  EXPECT_NEAR(d.early_stop_alternative, pet1, 1e-15);
  EXPECT_NEAR(d.expected_patients_alternative, 9 + (1 - pet1) * 15, 1e-13);
  // P(promising) = P(X1 >= 1) - P(X1 >= 1, X1 + X2 <= 2): with X1 = 1, X2 <= 1;
  // with X1 = 2, X2 = 0.
  const auto binom = [](int n, int x, double p) {
    return std::tgamma(n + 1.0) / (std::tgamma(x + 1.0) * std::tgamma(n - x + 1.0)) * std::pow(p, x) *
           std::pow(1 - p, n - x);
  };
  const double p = 0.25;
  const double expected = (1 - std::pow(1 - p, 9)) -
                          binom(9, 1, p) * (binom(15, 0, p) + binom(15, 1, p)) -
                          binom(9, 2, p) * binom(15, 0, p);
  EXPECT_NEAR(d.power, expected, 1e-14);
  EXPECT_NEAR(simon_at_rate(d, p).promising, expected, 1e-14);
  EXPECT_NEAR(simon_at_rate(d, 0.05).promising, d.alpha, 1e-16);
}

// The single-stage comparison: the least n with a critical r meeting both
// error rates. For p0 0.1, p1 0.3, alpha 0.05, beta 0.2 it is 25 with r = 5
// (P(X > 5 | 0.1) = 0.0334, P(X > 5 | 0.3) = 0.8065 at n = 25; at n = 24
// the least r is 5 and its power 0.7800).
TEST(SimonTwoStage, SingleStageComparison) {
  const SimonResult got = simon_two_stage({0.10, 0.30, 0.05, 0.20, 45});
  EXPECT_EQ(got.single_stage_patients, 25);
  EXPECT_EQ(got.single_stage_critical, 5);
}

TEST(SimonTwoStage, NoDesignWithinTheBoundNamesIt) {
  try {
    simon_two_stage({0.10, 0.30, 0.05, 0.20, 20});
    FAIL() << "expected an error";
  } catch (const numerics::InvalidInput& e) {
    EXPECT_EQ(numerics::to_string(e.path()), "max_patients");
    EXPECT_NE(std::string(e.what()).find("a single-stage design needs 25 patients"), std::string::npos)
        << e.what();
  }
}

TEST(SimonTwoStage, RefusesBadInput) {
  const auto path_of = [](const SimonSpec& spec) {
    try {
      spec.validate();
    } catch (const numerics::InvalidInput& e) {
      return numerics::to_string(e.path());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(path_of({0.3, 0.1, 0.05, 0.2, 100}), "alternative_rate");
  EXPECT_EQ(path_of({0.0, 0.1, 0.05, 0.2, 100}), "null_rate");
  EXPECT_EQ(path_of({0.1, 1.0, 0.05, 0.2, 100}), "alternative_rate");
  EXPECT_EQ(path_of({0.1, 0.3, 0.5, 0.2, 100}), "alpha");
  EXPECT_EQ(path_of({0.1, 0.3, 0.05, 0.95, 100}), "beta");
  EXPECT_EQ(path_of({0.1, 0.3, 0.05, 0.2, 1}), "max_patients");
  EXPECT_EQ(path_of({0.1, 0.3, 0.05, 0.2, SimonSpec::kMaxMaxPatients + 1}), "max_patients");
  EXPECT_EQ(path_of({0.1, 0.3, 0.05, 0.2, 100}), "accepted");
  EXPECT_THROW(simon_characteristics(9, 9, 24, 10, 0.05, 0.25), numerics::InvalidInput);
  EXPECT_THROW(simon_characteristics(9, 0, 9, 2, 0.05, 0.25), numerics::InvalidInput);
  EXPECT_THROW(simon_characteristics(9, 3, 24, 2, 0.05, 0.25), numerics::InvalidInput);
}

}  // namespace
}  // namespace gsd::endpoints::simon_two_stage_test
