// Designs on the options protocols use that the other reference tests cover
// least, against rpact 3.3.4 (getDesignGroupSequential and
// getDesignCharacteristics), from the committed generator
// tests/reference/rpact_cross_checks.R: unequal look spacing, alpha 0.01 to
// 0.2, beta 0.01 to 0.45, Hwang-Shih-DeCani gamma -8 to 4 and Kim-DeMets
// spending on either side, binding and non-binding beta spending, two-sided
// futility, Haybittle-Peto, Wang-Tsiatis and Pampallona-Tsiatis, user
// spending, spending time and a look without a futility stop. Spending time
// and switched-off looks are rpact's asUser / bsUser spending through the
// same cumulative errors (docs/config.md). Tolerance: 1e-6 in z, the drift and
// the inflation factor (docs/validation.md); 1e-7 in the probabilities.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "gsd/spending/design.hpp"
#include "spending/design_spec_of.hpp"

namespace gsd::spending::rpact_cross_check_test {
namespace {

constexpr double kZTol = 1e-6;
constexpr double kProbabilityTol = 1e-7;
// rpact's marker of a look without a futility bound (two-sided designs whose
// one-sided counterpart has a negative bound there).
constexpr double kNone = NAN;

struct Expected {
  std::vector<double> efficacy;
  std::vector<double> futility;  // empty without futility; kNone at a look without a bound
  double drift;
  double inflation;
  std::vector<double> efficacy_h1;
  std::vector<double> futility_h1;  // empty without futility
};

void expect_rpact(const DesignSpec& spec, const Expected& e) {
  const Design d = compute_design(spec);
  const std::size_t k_max = e.efficacy.size();
  ASSERT_EQ(d.efficacy.size(), k_max);
  for (std::size_t k = 0; k < k_max; ++k) {
    EXPECT_NEAR(d.efficacy[k], e.efficacy[k], kZTol) << "efficacy look " << k + 1;
    EXPECT_NEAR(d.alternative.upper[k], e.efficacy_h1[k], kProbabilityTol) << "P(eff | H1) look " << k + 1;
  }
  for (std::size_t k = 0; k < e.futility.size(); ++k) {
    if (std::isnan(e.futility[k])) {
      EXPECT_FALSE(d.futility[k].has_value()) << "futility look " << k + 1;
    } else {
      ASSERT_TRUE(d.futility[k].has_value()) << "futility look " << k + 1;
      EXPECT_NEAR(*d.futility[k], e.futility[k], kZTol) << "futility look " << k + 1;
    }
  }
  if (!e.futility_h1.empty()) {
    const std::vector<double> stops = d.futility_crossings(d.alternative, {});
    for (std::size_t k = 0; k < e.futility_h1.size(); ++k)
      EXPECT_NEAR(stops[k], e.futility_h1[k], kProbabilityTol) << "P(fut | H1) look " << k + 1;
  }
  EXPECT_NEAR(d.drift, e.drift, kZTol);
  EXPECT_NEAR(d.inflation_factor, e.inflation, kZTol);
  EXPECT_NEAR(d.power, 1.0 - spec.beta, 1e-9);
}

using specs::spec;

DesignSpec two_sided(DesignSpec s) {
  s.sided = Sidedness::kTwoSidedSymmetric;
  return s;
}

DesignSpec with_beta_spending(DesignSpec s, SpendingFunction beta, bool binding) {
  s.futility = FutilitySpec(std::move(beta), binding);
  return s;
}

DesignSpec with_pampallona_tsiatis(DesignSpec s, double delta0, bool binding) {
  FutilitySpec f;
  f.rule = FutilityRule::kPampallonaTsiatis;
  f.parameter = delta0;
  f.binding = binding;
  s.futility = f;
  return s;
}

const std::vector<double> kT4{0.15, 0.4, 0.85, 1.0};
const std::vector<double> kT4b{0.3, 0.5, 0.8, 1.0};
const std::vector<double> kT5{0.1, 0.25, 0.5, 0.6, 1.0};
const std::vector<double> kT5b{0.35, 0.5, 0.7, 0.85, 1.0};
const std::vector<double> kT6{0.12, 0.3, 0.42, 0.66, 0.8, 1.0};

// Expected information over a fixed design's, under H1 and H0 (rpact's
// averageSampleNumber1 / 0, tests/reference/rpact_average_sample_number.R):
// a futility bound raises the maximum a little and lowers both, most of all
// under H0; Pocock's bounds lower it under H1 and raise it under H0.
TEST(RpactCrossCheck, AverageSampleNumberIsOverAFixedDesign) {
  const std::vector<double> t{0.25, 0.5, 0.75, 1.0};
  struct Case {
    DesignSpec spec;
    double inflation, h1, h0;
  };
  const std::vector<Case> cases{
      {with_beta_spending(spec(0.025, 0.1, t, SpendingFunction::lan_demets_obrien_fleming()),
                          SpendingFunction::lan_demets_obrien_fleming(), false),
       1.083028288, 0.7905767666, 0.6427933485},
      {with_beta_spending(spec(0.025, 0.1, t, SpendingFunction::lan_demets_obrien_fleming()),
                          SpendingFunction::lan_demets_obrien_fleming(), true),
       1.053382268, 0.775485082, 0.6311979207},
      {spec(0.025, 0.1, t, SpendingFunction::lan_demets_pocock()), 1.177586974, 0.6972652427, 1.164298806},
  };
  for (const Case& c : cases) {
    const Design d = compute_design(c.spec);
    EXPECT_NEAR(d.inflation_factor, c.inflation, kZTol);
    // rpact prints 10 digits; the expected information is an integral of
    // the exit probabilities, within their tolerance.
    EXPECT_NEAR(d.average_sample_number_alternative(), c.h1, kProbabilityTol);
    EXPECT_NEAR(d.average_sample_number_null(), c.h0, kProbabilityTol);
  }
}

TEST(RpactCrossCheck, HsdMinus8WithHsd4BetaSpendingBinding) {
  const DesignSpec s = with_beta_spending(spec(0.025, 0.01, kT4, SpendingFunction::hwang_shih_decani(-8)),
                                          SpendingFunction::hwang_shih_decani(4), true);
  expect_rpact(s, {{4.1137477295, 3.5671411976, 2.4180262908, 1.7596111819},
                   {-0.7026663852, 0.4717137306, 1.7072956418},
                   4.9113517223, 1.3129087485,
                   {0.0134975247, 0.3100799576, 0.6532380289, 0.0131844888},
                   {0.0045960635, 0.0035338764, 0.0017166744}});
}

TEST(RpactCrossCheck, HsdMinus8WithHsd4BetaSpendingNonBinding) {
  const DesignSpec s = with_beta_spending(spec(0.025, 0.01, kT4, SpendingFunction::hwang_shih_decani(-8)),
                                          SpendingFunction::hwang_shih_decani(4), false);
  expect_rpact(s, {{4.1137477295, 3.5671604648, 2.4354204312, 1.9747013971},
                   {-0.6239859809, 0.6001983662, 1.8946864917},
                   5.1145036494, 1.4237687424,
                   {0.0164660966, 0.3544535860, 0.6115041147, 0.0075762027},
                   {0.0045960635, 0.0035338764, 0.0017166744}});
}

TEST(RpactCrossCheck, Hsd4WithKimDeMetsBetaSpendingBinding) {
  const DesignSpec s = with_beta_spending(spec(0.05, 0.2, kT5, SpendingFunction::hwang_shih_decani(4)),
                                          SpendingFunction::kim_demets_power(0.5), true);
  expect_rpact(s, {{2.1250422076, 2.0515592620, 2.0519012436, 2.2546150908, 2.2452150509},
                   {-0.4918969722, 0.0703962841, 0.8984138281, 1.0612721811},
                   3.2767184440, 1.7366412244,
                   {0.1381093897, 0.2327677105, 0.2602940408, 0.0485246233, 0.1203042358},
                   {0.0632455531, 0.0367544468, 0.0414213564, 0.0134979773}});
}

TEST(RpactCrossCheck, KimDeMetsWithPocockBetaSpendingNonBinding) {
  const DesignSpec s = with_beta_spending(spec(0.025, 0.1, {0.2, 0.9, 1.0}, SpendingFunction::kim_demets_power(1.5)),
                                          SpendingFunction::lan_demets_pocock(), false);
  expect_rpact(s, {{2.8427840574, 2.0603222474, 2.1523852423},
                   {-0.2952392050, 1.9354936727},
                   3.5606397034, 1.2065903336,
                   {0.1055735242, 0.7835714923, 0.0108549836},
                   {0.0295394529, 0.0639307135}});
}

TEST(RpactCrossCheck, SixLooksObfBetaSpendingAlpha10Binding) {
  const DesignSpec s = with_beta_spending(spec(0.1, 0.3, kT6, SpendingFunction::lan_demets_obrien_fleming()),
                                          SpendingFunction::lan_demets_obrien_fleming(), true);
  expect_rpact(s, {{4.6060950865, 2.7855472043, 2.3147158846, 1.7543463483, 1.5961883143, 1.2463908717},
                   {-2.1010704777, -0.5122470143, -0.0644688508, 0.6171820448, 0.8343804018},
                   1.9413410370, 1.1555566097,
                   {0.0000418424, 0.0424771682, 0.1074889015, 0.2869781389, 0.1354266050, 0.1275873441},
                   {0.0027722392, 0.0556841321, 0.0513083724, 0.0922751638, 0.0445109557}});
}

TEST(RpactCrossCheck, TwoLooksPocockAlpha20Beta45Binding) {
  const DesignSpec s = with_beta_spending(spec(0.2, 0.45, {0.6, 1.0}, SpendingFunction::lan_demets_pocock()),
                                          SpendingFunction::lan_demets_pocock(), true);
  expect_rpact(s, {{1.0727011444, 0.9376196936}, {0.3561280949}, 1.0677797705, 1.2185872898,
                   {0.4029949805, 0.1470050195}, {0.3188308797}});
}

TEST(RpactCrossCheck, TwoSidedHsdBetaSpendingNonBinding) {
  const DesignSpec s = with_beta_spending(two_sided(spec(0.1, 0.2, kT4b, SpendingFunction::hwang_shih_decani(-2))),
                                          SpendingFunction::hwang_shih_decani(1), false);
  expect_rpact(s, {{2.4874125168, 2.3423364982, 1.9811957851, 1.7799830362},
                   {0.3594353244, 0.6186231200, 1.3714519449},
                   2.9263482764, 1.3851087686,
                   {0.1881901002, 0.2260408066, 0.3037155661, 0.0820535271},
                   {0.0819957974, 0.0424814913, 0.0497293673}});
}

// The first look has no futility bound (the one-sided design at alpha / 2
// has a negative one there), so rpact prints NA and spends beta from look 2.
TEST(RpactCrossCheck, TwoSidedKimDeMetsWithHsdBetaSpendingBinding) {
  const DesignSpec s = with_beta_spending(two_sided(spec(0.05, 0.1, kT5b, SpendingFunction::kim_demets_power(2))),
                                          SpendingFunction::hwang_shih_decani(-4), true);
  expect_rpact(s, {{2.7410134510, 2.6062908396, 2.3722447529, 2.2572290078, 2.1120127216},
                   {kNone, 0.1374504170, 0.7834935431, 1.4113109799},
                   3.3618752687, 1.0756400743,
                   {0.2259950952, 0.2035445231, 0.2581484437, 0.1309780886, 0.0813338494},
                   {0.0, 0.0065959899, 0.0179163169, 0.0267480259}});
}

TEST(RpactCrossCheck, HaybittlePetoInterimZ35) {
  expect_rpact(spec(0.025, 0.2, kT5, ClassicalBoundary::haybittle_peto(3.5)),
               {{3.5, 3.5, 3.5, 3.5, 1.9659478824}, {}, 2.8061264930, 1.0032445599,
                {0.0044924929, 0.0163053637, 0.0530177917, 0.0384440726, 0.6877402790}, {}});
}

TEST(RpactCrossCheck, TwoSidedHaybittlePeto) {
  expect_rpact(two_sided(spec(0.01, 0.05, {0.25, 0.5, 0.75, 1.0}, ClassicalBoundary::haybittle_peto(3.29))),
               {{3.29, 3.29, 3.29, 2.6310226970}, {}, 4.2657582779, 1.0214733218,
                {0.1236114924, 0.2834663460, 0.2707685789, 0.2721535827}, {}});
}

TEST(RpactCrossCheck, WangTsiatisSixUnequalLooks) {
  expect_rpact(spec(0.05, 0.15, kT6, ClassicalBoundary::wang_tsiatis(0.4)),
               {{2.4892915301, 2.2713379672, 2.1961851821, 2.0991307589, 2.0591353166, 2.0136959009},
                {}, 2.9090311360, 1.1770912431,
                {0.0692268960, 0.1972882050, 0.1521945214, 0.2263050553, 0.1064034565, 0.0985818658},
                {}});
}

TEST(RpactCrossCheck, TwoSidedWangTsiatisNegativeDelta) {
  expect_rpact(two_sided(spec(0.05, 0.2, kT4b, ClassicalBoundary::wang_tsiatis(-0.3))),
               {{5.2173222190, 3.4671182950, 2.3805245987, 1.9913365410}, {}, 2.8152747508, 1.0097965813,
                {0.0001187698, 0.0697980237, 0.4852107212, 0.2448724853}, {}});
}

TEST(RpactCrossCheck, PampallonaTsiatisBindingFourLooks) {
  const DesignSpec s =
      with_pampallona_tsiatis(spec(0.025, 0.1, kT4b, ClassicalBoundary::pampallona_tsiatis(0.25)), 0.0, true);
  expect_rpact(s, {{2.8083630383, 2.4716732712, 2.1976628433, 2.0784211934},
                   {-0.6062689305, 0.5043704870, 1.5537432747},
                   3.4435548007, 1.1285421360,
                   {0.1781989907, 0.3179269219, 0.3224020226, 0.0814720647},
                   {0.0063444819, 0.0226907191, 0.0441036864}});
}

TEST(RpactCrossCheck, PampallonaTsiatisNonBindingFiveLooks) {
  const DesignSpec s =
      with_pampallona_tsiatis(spec(0.05, 0.2, kT5b, ClassicalBoundary::pampallona_tsiatis(0.0)), 0.5, false);
  expect_rpact(s, {{2.9895382612, 2.5012271609, 2.1139227771, 1.9183536616, 1.7686346868},
                   {0.5238687906, 0.8759054692, 1.2707796415, 1.5307543190},
                   3.0479681958, 1.5026322886,
                   {0.1177448257, 0.2521871580, 0.2909682316, 0.1087287682, 0.0303710165},
                   {0.1003898182, 0.0397533247, 0.0316106173, 0.0192328724}});
}

TEST(RpactCrossCheck, UserAlphaAndBetaSpendingBinding) {
  const DesignSpec s =
      with_beta_spending(spec(0.025, 0.2, kT4b, SpendingFunction::user(kT4b, {0.1, 0.3, 0.6, 1.0})),
                         SpendingFunction::user(kT4b, {0.2, 0.4, 0.7, 1.0}), true);
  expect_rpact(s, {{2.8070337683, 2.5068665221, 2.3006994054, 2.0177566633},
                   {-0.1276742562, 0.5649301768, 1.4115615836},
                   2.9632006090, 1.1187020500,
                   {0.1182021865, 0.2343369707, 0.2966961173, 0.1507647255},
                   {0.0399999999, 0.0399999996, 0.0599999996}});
}

TEST(RpactCrossCheck, SpendingTimeWithBindingBetaSpending) {
  DesignSpec s = with_beta_spending(spec(0.025, 0.1, kT5b, SpendingFunction::lan_demets_obrien_fleming()),
                                    SpendingFunction::hwang_shih_decani(-2), true);
  s.spending_time = {0.4, 0.6, 0.75, 0.9, 1.0};
  expect_rpact(s, {{3.3568693561, 2.6784124151, 2.4083316550, 2.1624673977, 2.0112333074},
                   {-0.0451532120, 0.5132572898, 1.0663642851, 1.5788386255},
                   3.4242163654, 1.1159023148,
                   {0.0915820626, 0.3089219420, 0.2856607308, 0.1551419452, 0.0586933194},
                   {0.0191818777, 0.0171320457, 0.0181806534, 0.0245413147}});
}

TEST(RpactCrossCheck, TwoSidedSpendingTimeNonBinding) {
  DesignSpec s = with_beta_spending(two_sided(spec(0.05, 0.2, {0.3, 0.6, 1.0},
                                                   SpendingFunction::lan_demets_obrien_fleming())),
                                    SpendingFunction::lan_demets_obrien_fleming(), false);
  s.spending_time = {0.5, 0.7, 1.0};
  expect_rpact(s, {{2.9625880427, 2.4857587740, 2.0217431560}, {0.3470730135, 0.9798462595},
                   3.0676451555, 1.1989541334, {0.0998565128, 0.3603551104, 0.3397883767},
                   {0.0699257336, 0.0556577763}});
}

// rpact has no per-look switch; bsUser with the beta of look 2 carried to
// look 3 is the same design, where rpact prints -6 for the absent bound.
TEST(RpactCrossCheck, NoFutilityStopCarriesBetaForwardBinding) {
  DesignSpec s = with_beta_spending(spec(0.025, 0.2, kT5b, SpendingFunction::lan_demets_obrien_fleming()),
                                    SpendingFunction::hwang_shih_decani(-2), true);
  s.futility_stops = {true, false, true, true, true};
  expect_rpact(s, {{3.6127887364, 2.9729177877, 2.4621424749, 2.2275321856, 1.9862710908},
                   {-0.1447324094, kNone, 1.0353381890, 1.4608388445},
                   2.8923980470, 1.0658803225,
                   {0.0286102310, 0.1496432076, 0.3095246523, 0.1907733826, 0.1214485266},
                   {0.0317340369, 0.0, 0.0639045026, 0.0444118008}});
}

// HSD(-8) at crowded looks: rpact's bound at look 6 (2.7358136103) spends
// 0.0033761523 by then where the function spends 0.0033761281 (mvtnorm,
// Miwa): its root search stops early. The reference is mvtnorm, solving
// one look at a time for the cumulative alpha of the function; looks 7 and 8
// are rpact's (they agree with it).
TEST(RpactCrossCheck, HsdMinus8CrowdedLooksAgainstMvtnorm) {
  const Design d = compute_design(spec(0.025, 0.2, {0.1, 0.15, 0.3, 0.5, 0.55, 0.75, 0.9, 1.0},
                                       SpendingFunction::hwang_shih_decani(-8)));
  const std::vector<double> expected{4.2586876386, 4.2469593249, 3.8193660446, 3.3590420526,
                                     3.3032526501, 2.7358162460, 2.3062301502, 1.9846653864};
  for (std::size_t k = 0; k < expected.size(); ++k)
    EXPECT_NEAR(d.efficacy[k], expected[k], kZTol) << "look " << k + 1;
  EXPECT_NEAR(d.efficacy[5], 2.7358162460, 1e-8);
}

// No efficacy stop at looks 1 and 3 with non-binding HSD(-2) beta spending.
// rpact's asUser cannot leave a look without a bound: it prints 5.56 at look
// 3, spends alpha there down to its tolerance and moves the futility bounds
// by up to 2.6e-5. The reference is mvtnorm (Miwa) solving the same design
// (generator, last section); the beta stopped at each look is HSD(-2)'s
// closed form.
TEST(RpactCrossCheck, NoEfficacyStopWithBetaSpendingAgainstMvtnorm) {
  DesignSpec s = with_beta_spending(spec(0.025, 0.2, kT5b, SpendingFunction::lan_demets_obrien_fleming()),
                                    SpendingFunction::hwang_shih_decani(-2), false);
  s.efficacy_stops = {false, true, false, true, true};
  const Design d = compute_design(s);
  const std::vector<double> efficacy{INFINITY, 2.9625880457, INFINITY, 2.1819639954, 2.0425279605};
  const std::vector<double> futility{-0.1139861374, 0.3352516611, 1.0253559093, 1.4959260563};
  const std::vector<double> beta{0.0317340368, 0.0220542475, 0.0418502551, 0.0444118005};
  for (std::size_t k = 0; k < efficacy.size(); ++k) {
    if (std::isinf(efficacy[k])) {
      EXPECT_TRUE(std::isinf(d.efficacy[k])) << "look " << k + 1;
    } else {
      EXPECT_NEAR(d.efficacy[k], efficacy[k], kZTol) << "look " << k + 1;
    }
  }
  const std::vector<double> stops = d.futility_crossings(d.alternative, {});
  for (std::size_t k = 0; k < futility.size(); ++k) {
    ASSERT_TRUE(d.futility[k].has_value()) << "look " << k + 1;
    EXPECT_NEAR(*d.futility[k], futility[k], kZTol) << "look " << k + 1;
    EXPECT_NEAR(stops[k], beta[k], kProbabilityTol) << "look " << k + 1;
  }
  EXPECT_NEAR(d.drift, 2.9443687344, kZTol);
  EXPECT_NEAR(d.power, 0.8, 1e-9);
}

}  // namespace
}  // namespace gsd::spending::rpact_cross_check_test
