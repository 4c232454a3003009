// The exact operating characteristics of one-sample binary trials: against
// an independent enumeration in R (rpact 3.3.4's bounds, dbinom), against the
// binomial tail in closed form for one look, and against the simulator,
// which draws the same trials at random.
#include <gtest/gtest.h>

#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulate/exact_binomial.hpp"
#include "gsd/simulate/simulator.hpp"
#include "monte_carlo_bounds.hpp"

namespace gsd::simulate::exact_binomial_test {
namespace {

using endpoints::EndpointSpec;
using endpoints::EndpointType;
using endpoints::RateVariance;
using spending::DesignSpec;
using spending::FutilitySpec;
using spending::SpendingFunction;

// Both sides sum at most a few thousand products of binomial probabilities
// in double precision; they agree to 2e-15 (the largest difference over the
// values below). 1e-12 leaves room for a different order of summation, and
// is far below any change of a decision, which moves a probability by a
// whole binomial term (1e-4 and more here).
constexpr double kTol = 1e-12;

EndpointModel one_sample(double rate, double margin, int patients, const spending::Design& design,
                         RateVariance variance = RateVariance::kRestricted) {
  EndpointModel m;
  m.spec.type = EndpointType::kBinary;
  m.spec.groups = 1;
  m.spec.rate = rate;
  m.spec.margin = margin;
  m.spec.variance = variance;
  m.spec.patients = patients;
  m.look_patients = endpoint_look_patients(design, patients);
  return m;
}

// Case A: two looks, Lan-DeMets O'Brien-Fleming, non-binding HSD(-2)
// futility at beta 0.2; rate 0.49 against 0.33, 73 patients.
spending::Design design_a() {
  DesignSpec d;
  d.beta = 0.2;
  d.information_fractions = {0.5, 1.0};
  d.futility = FutilitySpec(SpendingFunction::hwang_shih_decani(-2.0), false);
  return spending::compute_design(d);
}

void expect_range(const std::optional<ResponderRange>& r, int least, int most, const char* what) {
  ASSERT_TRUE(r.has_value()) << what;
  EXPECT_EQ(r->least, least) << what;
  EXPECT_EQ(r->most, most) << what;
}

// tests/reference/exact_binomial_one_sample.R, case A (closest z to a bound
// 2.9e-4, so rpact's bounds and gsd's put every count on the same side).
TEST(ExactBinomial, TwoLooksWithFutilityAgreeWithAnIndependentEnumeration) {
  const spending::Design design = design_a();
  const ExactBinomial e = exact_one_sample_binary(one_sample(0.49, 0.33, 73, design), design);
  ASSERT_EQ(e.looks.size(), 2u);
  EXPECT_EQ(e.looks[0].patients, 37);
  EXPECT_EQ(e.looks[1].patients, 73);
  expect_range(e.looks[0].efficacy, 21, 37, "look 1 efficacy");
  expect_range(e.looks[0].futility, 0, 13, "look 1 futility");
  EXPECT_FALSE(e.looks[0].harm);
  expect_range(e.looks[1].efficacy, 32, 73, "look 2 efficacy");
  EXPECT_FALSE(e.looks[1].futility);  // the final look's no is not a futility stop
  EXPECT_NEAR(e.power, 0.823243710555436, kTol);
  EXPECT_NEAR(e.power_ignoring_futility, 0.842145123858231, kTol);
  EXPECT_NEAR(e.alpha, 0.0352437841718927, kTol);
  EXPECT_NEAR(e.alpha_obeying_futility, 0.0329035720087892, kTol);
  EXPECT_NEAR(e.expected_patients_h1, 62.8790706929597, 1e-10);
  EXPECT_NEAR(e.expected_patients_h0, 48.4503954668955, 1e-10);
  EXPECT_NEAR(e.looks[0].probability_efficacy_h1, 0.217962385349996, kTol);
  EXPECT_NEAR(e.looks[0].probability_futility_h1, 0.0631745398455674, kTol);
  EXPECT_NEAR(e.looks[0].probability_efficacy_h0, 0.0024934633957221, kTol);
  EXPECT_NEAR(e.looks[0].probability_futility_h0, 0.679439995857182, kTol);
  EXPECT_NEAR(e.looks[1].probability_efficacy_h1, 0.60528132520544, kTol);
  EXPECT_NEAR(e.looks[1].probability_efficacy_h0, 0.0327503207761706, kTol);
  EXPECT_DOUBLE_EQ(e.design_alpha, 0.025);
}

// Case B: two-sided alpha 0.05, three looks of O'Brien-Fleming spending,
// rate 0.30 against 0.18, 120 patients: the lower side rejects too.
TEST(ExactBinomial, TwoSidedDesignCountsBothSides) {
  DesignSpec d;
  d.alpha = 0.05;
  d.sided = spending::Sidedness::kTwoSidedSymmetric;
  d.information_fractions = {1.0 / 3.0, 2.0 / 3.0, 1.0};
  const spending::Design design = spending::compute_design(d);
  const ExactBinomial e = exact_one_sample_binary(one_sample(0.30, 0.18, 120, design), design);
  ASSERT_EQ(e.looks.size(), 3u);
  expect_range(e.looks[0].efficacy, 17, 40, "look 1 efficacy");
  EXPECT_FALSE(e.looks[0].harm);  // no count of 40 reaches the lower bound
  expect_range(e.looks[1].efficacy, 24, 80, "look 2 efficacy");
  expect_range(e.looks[1].harm, 0, 5, "look 2 lower side");
  expect_range(e.looks[2].efficacy, 30, 120, "look 3 efficacy");
  expect_range(e.looks[2].harm, 0, 13, "look 3 lower side");
  EXPECT_NEAR(e.power, 0.905267854592613, kTol);
  EXPECT_NEAR(e.alpha, 0.0579237014514302, kTol);
  EXPECT_NEAR(e.expected_patients_h1, 95.7472808548982, 1e-10);
  EXPECT_NEAR(e.expected_patients_h0, 119.654079069578, 1e-10);
  EXPECT_NEAR(e.looks[1].probability_harm_h0, 0.00216099159098335, kTol);
  EXPECT_NEAR(e.looks[2].probability_harm_h0, 0.020555115995036, kTol);
  EXPECT_NEAR(e.looks[2].probability_harm_h1, 4.90350228130839e-07, kTol);
  EXPECT_NEAR(e.looks[2].probability_efficacy_h0, 0.02899784547266, kTol);
  EXPECT_DOUBLE_EQ(e.design_alpha, 0.05);
}

// Case C: smaller rates favour the treatment (0.10 against 0.25), unpooled
// variance, three looks of Pocock spending. No responders give z = +infinity
// (a stop for efficacy); all responders give z = -infinity, which stops
// nothing: the design has no harm or futility bound.
TEST(ExactBinomial, UnpooledLowerDirectionAndInfiniteStatistics) {
  DesignSpec d;
  d.information_fractions = {0.4, 0.7, 1.0};
  d.efficacy = SpendingFunction::lan_demets_pocock();
  const spending::Design design = spending::compute_design(d);
  const ExactBinomial e =
      exact_one_sample_binary(one_sample(0.10, 0.25, 60, design, RateVariance::kUnpooled), design);
  ASSERT_EQ(e.looks.size(), 3u);
  const int efficacy_most[] = {2, 5, 8};
  for (std::size_t k = 0; k < 3; ++k) {
    expect_range(e.looks[k].efficacy, 0, efficacy_most[k], "efficacy");
    EXPECT_FALSE(e.looks[k].harm) << "look " << k + 1;
    EXPECT_FALSE(e.looks[k].futility) << "look " << k + 1;
  }
  EXPECT_NEAR(e.power, 0.894507870047612, kTol);
  EXPECT_NEAR(e.alpha, 0.0635567568259767, kTol);
  EXPECT_NEAR(e.expected_patients_h1, 35.558775872399, 1e-10);
  EXPECT_NEAR(e.expected_patients_h0, 58.2726526733415, 1e-10);
  EXPECT_NEAR(e.looks[0].probability_efficacy_h0, 0.0398011873429488, kTol);
  EXPECT_NEAR(e.looks[2].probability_efficacy_h1, 0.100935812132098, kTol);
}

// Case D: one look is a binomial tail. One-sided 0.05, rate 0.34 against
// 0.21, 68 patients: reject at 20 responders or more.
TEST(ExactBinomial, OneLookIsTheBinomialTail) {
  DesignSpec d;
  d.alpha = 0.05;
  d.information_fractions = {1.0};
  const spending::Design design = spending::compute_design(d);
  const ExactBinomial e = exact_one_sample_binary(one_sample(0.34, 0.21, 68, design), design);
  ASSERT_EQ(e.looks.size(), 1u);
  expect_range(e.looks[0].efficacy, 20, 68, "efficacy");
  // The least count whose z = (x / 68 - 0.21) / sqrt(0.21 x 0.79 / 68) reaches
  // z_0.05 = 1.6449: 68 x 0.21 + 1.6449 sqrt(68 x 0.21 x 0.79) = 19.69.
  const boost::math::binomial_distribution<double> h1(68, 0.34);
  const boost::math::binomial_distribution<double> h0(68, 0.21);
  EXPECT_NEAR(e.power, boost::math::cdf(boost::math::complement(h1, 19)), kTol);
  EXPECT_NEAR(e.alpha, boost::math::cdf(boost::math::complement(h0, 19)), kTol);
  // The R enumeration's values (pbinom gives the same).
  EXPECT_NEAR(e.power, 0.822444285043774, kTol);
  EXPECT_NEAR(e.alpha, 0.0641115565129104, kTol);
  EXPECT_DOUBLE_EQ(e.expected_patients_h1, 68.0);
}

// The simulator draws these trials at random: its rejection and futility
// rates per look converge to the exact probabilities (4 binomial standard
// errors, fixed seeds), under H1 and under H0.
TEST(ExactBinomial, TheSimulatorConvergesToIt) {
  const spending::Design design = design_a();
  for (const bool under_h0 : {false, true}) {
    EndpointModel m = one_sample(0.49, 0.33, 73, design);
    const ExactBinomial e = exact_one_sample_binary(m, design);
    if (under_h0) {
      m.spec.rate = 0.33;
      m.spec.direction = endpoints::Direction::kUpper;
    }
    constexpr std::int64_t kReplicates = gsd::testing::kPowerCheckReplicates * 2;
    const SimulationResult r = summarize(Simulator(m, design).run(0, kReplicates, 17, 2));
    const auto near = [&](double simulated, double exact, const char* what) {
      const double se = gsd::testing::binomial_se(exact, static_cast<double>(kReplicates));
      EXPECT_NEAR(simulated, exact, gsd::testing::kPowerCheckStandardErrors * se + 1e-12)
          << what << (under_h0 ? " under H0" : " under H1");
    };
    if (under_h0) {
      near(r.power_ignoring_futility, e.alpha, "alpha");
      near(r.power, e.alpha_obeying_futility, "alpha obeying futility");
      near(r.futility_per_look[0], e.looks[0].probability_futility_h0, "look 1 futility");
    } else {
      near(r.power, e.power, "power");
      near(r.power_ignoring_futility, e.power_ignoring_futility, "power ignoring futility");
      for (std::size_t k = 0; k < 2; ++k) near(r.reject_per_look[k], e.looks[k].probability_efficacy_h1, "look");
      near(r.futility_per_look[0], e.looks[0].probability_futility_h1, "look 1 futility");
      // Expected patients: 37 or 73, so the standard error is 36 times a
      // proportion's.
      const double se = 36.0 * gsd::testing::binomial_se(0.28, static_cast<double>(kReplicates));
      EXPECT_NEAR(r.expected_patients, e.expected_patients_h1, gsd::testing::kPowerCheckStandardErrors * se);
    }
  }
}

// A rare response (0.03 against 0.01) with the unpooled variance: a look
// with no responders has z = -infinity, more than half the time at the
// first look of 20. Without a futility or harm bound that stops nothing;
// the simulator once stopped those trials for harm.
TEST(ExactBinomial, NoRespondersStopNothingWithoutABound) {
  DesignSpec d;
  d.information_fractions = {0.5, 1.0};
  const spending::Design design = spending::compute_design(d);
  const EndpointModel m = one_sample(0.03, 0.01, 40, design, RateVariance::kUnpooled);
  const ExactBinomial e = exact_one_sample_binary(m, design);
  for (const ExactBinomialLook& l : e.looks) {
    EXPECT_FALSE(l.harm);
    EXPECT_FALSE(l.futility);
  }
  constexpr std::int64_t kReplicates = gsd::testing::kPowerCheckReplicates;
  const SimulationResult r = summarize(Simulator(m, design).run(0, kReplicates, 23, 2));
  EXPECT_EQ(r.reject_lower, 0.0);
  EXPECT_EQ(r.futility_per_look[0], 0.0);
  const double se = gsd::testing::binomial_se(e.power, static_cast<double>(kReplicates));
  EXPECT_NEAR(r.power, e.power, gsd::testing::kPowerCheckStandardErrors * se);
}

// The one-number form used by exact sizing gives the whole calculation's
// numbers, bit for bit (the same decisions and sums).
TEST(ExactBinomial, OneRejectionProbabilityIsTheWholesOwn) {
  const spending::Design design = design_a();
  const EndpointModel m = one_sample(0.49, 0.33, 73, design);
  const ExactBinomial e = exact_one_sample_binary(m, design);
  EXPECT_EQ(exact_rejection(m, design, 0.49, false), e.power);
  EXPECT_EQ(exact_rejection(m, design, 0.49, true), e.power_ignoring_futility);
  EXPECT_EQ(exact_rejection(m, design, 0.33, true), e.alpha);
  EXPECT_EQ(exact_rejection(m, design, 0.33, false), e.alpha_obeying_futility);
}

TEST(ExactBinomial, RefusesWhatItCannotEnumerate) {
  const spending::Design design = design_a();
  EndpointModel two = one_sample(0.49, 0.33, 73, design);
  two.spec.groups = 2;
  two.spec.treatment_rate = 0.49;
  two.spec.control_rate = 0.33;
  EXPECT_THROW(exact_one_sample_binary(two, design), numerics::InvalidInput);
  EndpointModel normal = one_sample(0.49, 0.33, 73, design);
  normal.spec.type = EndpointType::kNormal;
  EXPECT_THROW(exact_one_sample_binary(normal, design), numerics::InvalidInput);
  const EndpointModel large = one_sample(0.49, 0.33, kExactBinomialMaxPatients + 1, design);
  EXPECT_THROW(exact_one_sample_binary(large, design), numerics::InvalidInput);
}

// The largest trial it takes, where terms below 1e-20 are left out of the
// convolutions: no probability is lost. The expected patients count every
// trial that reaches the final look, so they equal n_1 P(stop at look 1) +
// n_2 (1 - P(stop at look 1)) only if the final look's counts still carry
// the whole of the rest.
TEST(ExactBinomial, TheLargestTrialLosesNoProbability) {
  const spending::Design design = design_a();
  const ExactBinomial e =
      exact_one_sample_binary(one_sample(0.05, 0.04, kExactBinomialMaxPatients, design), design);
  const ExactBinomialLook& first = e.looks[0];
  const double n1 = first.patients;
  const double n2 = e.looks[1].patients;
  const double early_h1 = first.probability_efficacy_h1 + first.probability_futility_h1;
  EXPECT_NEAR(e.expected_patients_h1, n1 * early_h1 + n2 * (1.0 - early_h1), 1e-9 * n2);
  EXPECT_GT(early_h1, 0.1);
  EXPECT_GT(e.power, 0.5);
}

}  // namespace
}  // namespace gsd::simulate::exact_binomial_test
