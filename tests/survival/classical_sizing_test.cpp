// Classical sizing (survival.method): Schoenfeld, Freedman and Hsieh-Freedman
// against rpact 3.3.4 (tests/reference/rpact_survival_methods.R), and
// Lachin-Foulkes against gsDesign 3.11 (tests/reference/lachin_foulkes.R),
// to 1e-6 relative in events and patients; and the refusals.
#include "gsd/survival/classical_sizing.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "expect_near_rel.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/sample_size.hpp"
#include "rpact_designs.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::classical_sizing_test {
using namespace gsd::spending;  // NOLINT: the layer below
namespace {

using gsd::testing::rpact_design;
using gsd::testing::RpactDesign;

// rpact's arguments: hazards lambda1 (treatment) and lambda2 (control),
// allocation r, accrual over [0, A], follow-up F or maximum subjects N, and
// drop-out probabilities by dropoutTime (an exponential hazard).
struct RpactCase {
  const char* id;
  SizingMethod method;
  RpactDesign design;
  double lambda1;
  double lambda2;
  double ratio;
  double accrual;
  std::optional<double> follow_up;
  std::optional<long long> subjects;
  double dropout1 = 0.0;  // probability by dropout_time
  double dropout2 = 0.0;
  double dropout_time = 12.0;
  double events;    // maxNumberOfEvents
  double patients;  // maxNumberOfSubjects
};

constexpr double kL12 = 0.0577622650466621;  // log(2) / 12
constexpr double kL = 0.0404335855326635;    // 0.7 log(2) / 12
double median_rate(double m) { return std::log(2.0) / m; }

SurvivalSpec spec_for(const RpactCase& c, SizingMethod method) {
  SurvivalSpec s;
  s.control = CureModel(0.0, Latency::exponential(c.lambda2));
  s.treatment = CureModel(0.0, Latency::exponential(c.lambda1));
  s.allocation_ratio = c.ratio;
  s.accrual = Accrual::uniform(c.accrual);
  if (c.dropout1 > 0.0) s.dropout_treatment = -std::log(1.0 - c.dropout1) / c.dropout_time;
  if (c.dropout2 > 0.0) s.dropout_control = -std::log(1.0 - c.dropout2) / c.dropout_time;
  s.method = method;
  return s;
}

// Every sample-size case of the reference with thetaH0 = 1 (rpact 3.3.4
// values, 15 digits). The quirk case with events before the end of accrual
// is left out: rpact then reports only the subjects recruited by the last look.
const std::vector<RpactCase>& rpact_cases() {
  using M = SizingMethod;
  using D = RpactDesign;
  static const std::vector<RpactCase> cases{
      {"fixed_schoenfeld_lambda_r1", M::kSchoenfeld, D::kFixed, kL, kL12, 1, 24, 12, {}, 0, 0, 12,
       246.787104547358, 369.574139587878},
      {"fixed_freedman_lambda_r1", M::kFreedman, D::kFixed, kL, kL12, 1, 24, 12, {}, 0, 0, 12,
       252.036249247432, 377.434956058252},
      {"fixed_hsiehfreedman_lambda_r2", M::kHsiehFreedman, D::kFixed, kL, kL12, 2, 24, 12, {}, 0, 0,
       12, 283.540780403361, 438.115463197688},
      {"fixed_schoenfeld_median_r2_dropout", M::kSchoenfeld, D::kFixed, median_rate(15),
       median_rate(10), 2, 18, 18, {}, 0.05, 0.1, 12, 214.839045206988, 304.494828355611},
      {"ldobf3_schoenfeld_median_r1_dropout", M::kSchoenfeld, D::kLdObf3, median_rate(16),
       median_rate(12), 1, 24, 12, {}, 0.05, 0.05, 12, 386.799352094785, 592.892405804112},
      {"ldobf3_freedman_median_r1_dropout", M::kFreedman, D::kLdObf3, median_rate(16),
       median_rate(12), 1, 24, 12, {}, 0.05, 0.05, 12, 392.145670082419, 601.087329908084},
      {"ldobf3_hsiehfreedman_median_r2_dropout", M::kHsiehFreedman, D::kLdObf3, median_rate(16),
       median_rate(12), 2, 24, 12, {}, 0.05, 0.05, 12, 441.163878842722, 693.470345363277},
      {"ldobf3_schoenfeld_lambda_r1_maxN", M::kSchoenfeld, D::kLdObf3, 0.7 * kL12, kL12, 1, 24, {},
       450, 0, 0, 12, 251.632152160155, 450},
      {"bshsd_schoenfeld_lambda_r1", M::kSchoenfeld, D::kLdObf3BetaHsd, 0.7 * kL12, kL12, 1, 24, 12,
       {}, 0, 0, 12, 354.276023837154, 530.543347985611},
      {"bshsd_freedman_lambda_r2_maxN", M::kFreedman, D::kLdObf3BetaHsd, 0.65 * kL12, kL12, 2, 24,
       {}, 400, 0, 0, 12, 243.285688234681, 400},
      {"twosided_schoenfeld_lambda_r1", M::kSchoenfeld, D::kTwoSidedLdObf3, 0.7 * kL12, kL12, 1, 24,
       12, {}, 0, 0, 12, 251.632149792609, 376.829800012526},
      {"twosided_hsiehfreedman_r1_dropout", M::kHsiehFreedman, D::kTwoSidedLdObf3, 0.8 * kL12, kL12,
       1, 24, 12, {}, 0.05, 0.05, 12, 648.240795465674, 977.062753570438},
      {"ldpocock4_schoenfeld_lambda_r1", M::kSchoenfeld, D::kLdPocock4, 0.8 * kL12, kL12, 1, 30, 12,
       {}, 0, 0, 12, 993.986582514442, 1369.37372105447},
  };
  return cases;
}

TEST(ClassicalSizing, ReproducesRpactEventsAndSubjects) {
  for (const RpactCase& c : rpact_cases()) {
    SCOPED_TRACE(c.id);
    const Design design = rpact_design(c.design);
    SurvivalSpec spec = spec_for(c, c.method);
    spec.power = 1.0 - design.spec.beta;
    if (c.follow_up) {
      spec.follow_up = *c.follow_up;
    } else {
      spec.patients = *c.subjects;
    }
    const SurvivalPlan plan = solve_survival(spec, design);
    // 1e-6 relative: rpact's look-time and integration tolerances (1e-6 in
    // time; its hand check agrees to 1.6e-8) leave far more margin than this.
    EXPECT_NEAR_REL(plan.events_unrounded, c.events, 1e-6);
    EXPECT_NEAR_REL(plan.patients_unrounded, c.patients, 1e-6);
    EXPECT_EQ(plan.events, static_cast<long long>(std::ceil(c.events)));
    EXPECT_EQ(plan.method, c.method);
    ASSERT_TRUE(plan.power_event_driven.has_value());
  }
}

TEST(ClassicalSizing, NonInferiorityMarginsEnterSchoenfeldOnly) {
  // rpact 3.3.4 with thetaH0 = 1.2 / 1.3 (Schoenfeld, the only formula rpact
  // allows with a margin): maxNumberOfEvents = (drift / theta)^2 with theta
  // = sqrt(r) / (1 + r) |log(HR / HR0)|.
  const Design fixed = rpact_design(RpactDesign::kFixed);
  const Design obf = rpact_design(RpactDesign::kLdObf3);
  const double t1 = classical_drift_per_event(SizingMethod::kSchoenfeld, 0.9, 2.0, 1.2);
  EXPECT_NEAR_REL(std::pow(fixed.drift / t1, 2), 426.770695797054, 1e-6);
  const double t2 = classical_drift_per_event(SizingMethod::kSchoenfeld, 0.95, 1.0, 1.3);
  EXPECT_NEAR_REL(std::pow(obf.drift / t2, 2), 325.386716304146, 1e-6);
  const double t3 = classical_drift_per_event(SizingMethod::kSchoenfeld, 0.8, 1.0, 1.2);
  EXPECT_NEAR_REL(std::pow(obf.drift / t3, 2), 194.717220064806, 1e-6);
}

TEST(ClassicalSizing, HazardRatioMarginMatchesRpact) {
  // survival.hazard_ratio_h0 (rpact 3.3.4's thetaH0, H0: HR >= margin):
  // events and subjects of getSampleSizeSurvival, and the power of
  // getPowerSurvival, for the non-inferiority cases of
  // tests/reference/rpact_survival_methods.R.
  using M = SizingMethod;
  using D = RpactDesign;
  struct Case {
    RpactCase c;
    double margin;
  };
  const std::vector<Case> cases{
      {{"fixed_schoenfeld_ni1.2_r2_dropout", M::kSchoenfeld, D::kFixed, 0.9 * kL12, kL12, 2, 24, 24,
        {}, 0.05, 0.05, 12, 426.770695797054, 531.891190523095},
       1.2},
      {{"ldobf3_schoenfeld_ni1.3_r1", M::kSchoenfeld, D::kLdObf3, 0.95 * kL12, kL12, 1, 24, 12, {}, 0,
        0, 12, 325.386716304146, 451.373260144124},
       1.3},
      {{"ldobf3_schoenfeld_ni1.2_r1_maxN", M::kSchoenfeld, D::kLdObf3, 0.8 * kL12, kL12, 1, 24, {}, 350,
        0, 0, 12, 194.717220064806, 350},
       1.2},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.c.id);
    const Design design = rpact_design(k.c.design);
    SurvivalSpec spec = spec_for(k.c, k.c.method);
    spec.hazard_ratio_h0 = k.margin;
    spec.power = 1.0 - design.spec.beta;
    if (k.c.follow_up) {
      spec.follow_up = *k.c.follow_up;
    } else {
      spec.patients = *k.c.subjects;
    }
    const SurvivalPlan plan = solve_survival(spec, design);
    EXPECT_NEAR_REL(plan.events_unrounded, k.c.events, 1e-6);
    EXPECT_NEAR_REL(plan.patients_unrounded, k.c.patients, 1e-6);
    // The bound on the hazard-ratio scale is the margin times exp(-z / sqrt(I)).
    const double r = spec.allocation_ratio;
    const double info = static_cast<double>(plan.looks[0].events) * r / ((1 + r) * (1 + r));
    EXPECT_NEAR_REL(plan.looks[0].hazard_ratio_at_bound,
                    k.margin * std::exp(-design.efficacy[0] / std::sqrt(info)), 1e-12);
    EXPECT_FALSE(plan.power_event_driven.has_value());
  }
  // getPowerSurvival: Hwang-Shih-DeCani futility design, 800 subjects, 400
  // events, HR 0.9 against the margin 1.2, 5% drop-out by month 12.
  RpactCase rc{"power_ni", M::kSchoenfeld, D::kLdObf3BetaHsd, 0.9 * kL12, kL12, 1, 24, {}, {}, 0.05,
               0.05, 12, 0, 0};
  SurvivalSpec spec = spec_for(rc, M::kSchoenfeld);
  spec.hazard_ratio_h0 = 1.2;
  spec.patients = 800;
  spec.events = 400;
  EXPECT_NEAR_REL(solve_survival(spec, rpact_design(D::kLdObf3BetaHsd)).power, 0.793566720477767, 1e-6);
}

// A two-sided design with beta-spending futility: its futility region is
// inner (|z| below the bound), and a futility stop ends the trial as an
// efficacy stop does. The expected events and duration left them out
// (259.66 and 30.39 against rpact's 231.36 and 27.79); the event-driven plan
// had them. tests/reference/rpact_two_sided_futility.R.
TEST(ClassicalSizing, TwoSidedFutilityStopsCountInTheExpectedSizes) {
  DesignSpec d;
  d.alpha = 0.05;
  d.sided = Sidedness::kTwoSidedSymmetric;
  d.beta = 0.2;
  d.information_fractions = {0.5, 0.75, 1.0};
  d.futility = FutilitySpec{SpendingFunction::lan_demets_obrien_fleming(), false};
  const Design design = compute_design(d);
  RpactCase rc{"two_sided_futility", SizingMethod::kSchoenfeld, RpactDesign::kFixed, 0.75 * 0.05, 0.05, 1, 24,
               {}, {}, 0, 0, 12, 0, 0};
  SurvivalSpec spec = spec_for(rc, SizingMethod::kSchoenfeld);
  spec.patients = 500;
  spec.events = 300;
  const SurvivalPlan plan = solve_survival(spec, design);
  EXPECT_NEAR_REL(plan.expected_events, 231.3551992, 1e-7);
  EXPECT_NEAR_REL(plan.expected_duration, 27.79417881, 1e-7);
  // The per-look lower exits hold the inner futility stops too, as the
  // event-driven plan's do: far above the lower efficacy side alone.
  EXPECT_GT(plan.looks[0].crossing_lower, 0.05);
}

// The futility bound on the hazard-ratio scale, exp(-f (1 + r) / sqrt(r d))
// at the look's d events, and the chance of a futility stop at each look at
// the expected look times, against rpact 3.3.4's futilityBoundsEffectScale
// and futilityPerStage (tests/reference/rpact_futility_effect_scale.R; 150 /
// 225 / 300 events, whole in both). The effect scale is printed by rpact to
// 8 digits, hence 1e-7; the probabilities to 10.
TEST(ClassicalSizing, FutilityBoundOnTheHazardRatioScale) {
  DesignSpec d;
  d.alpha = 0.025;
  d.beta = 0.1;
  d.information_fractions = {0.5, 0.75, 1.0};
  d.futility = FutilitySpec{SpendingFunction::hwang_shih_decani(-2.0), false};
  const Design design = compute_design(d);
  ASSERT_TRUE(design.futility[0] && design.futility[1]);
  EXPECT_NEAR(*design.futility[0], 0.4548477803, 1e-8);
  EXPECT_NEAR(*design.futility[1], 1.211171529, 1e-8);
  struct Case {
    double ratio;
    double hr_at_futility[2];
    double futility_stop[2];
  };
  const std::vector<Case> cases{{1, {0.92841511, 0.85087543}, {0.04187491235, 0.04388708596}},
                                {2, {0.92424144, 0.84258097}, {0.05431119672, 0.05707900116}}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.ratio);
    RpactCase rc{"futility_effect_scale", SizingMethod::kSchoenfeld, RpactDesign::kFixed, 0.7 * kL12, kL12,
                 c.ratio, 24, {}, {}, 0, 0, 12, 0, 0};
    SurvivalSpec spec = spec_for(rc, SizingMethod::kSchoenfeld);
    spec.patients = 500;
    spec.events = 300;
    const SurvivalPlan plan = solve_survival(spec, design);
    ASSERT_EQ(plan.looks.size(), 3U);
    for (std::size_t k = 0; k < 2; ++k) {
      ASSERT_TRUE(plan.looks[k].futility_z && plan.looks[k].hazard_ratio_at_futility);
      EXPECT_EQ(*plan.looks[k].futility_z, *design.futility[k]);
      EXPECT_NEAR_REL(*plan.looks[k].hazard_ratio_at_futility, c.hr_at_futility[k], 1e-7);
      EXPECT_NEAR_REL(plan.looks[k].crossing_lower, c.futility_stop[k], 1e-7);
    }
    // The final look of a non-binding bound has none: the efficacy bound decides.
    EXPECT_FALSE(plan.looks[2].futility_z);
    EXPECT_FALSE(plan.looks[2].hazard_ratio_at_futility);
  }
}

// With a non-inferiority margin the per-look crossings at the expected look
// times are those of the test against the margin (rpact's rejectPerStage), as
// the power is; they were the model's test of equal hazards (0.013, 0.168).
TEST(ClassicalSizing, NonInferiorityCrossingsAtFixedTimesAreTheMargins) {
  DesignSpec d;
  d.alpha = 0.025;
  d.beta = 0.2;
  d.information_fractions = {0.5, 1.0};
  const Design design = compute_design(d);
  RpactCase rc{"ni_fixed_times", SizingMethod::kSchoenfeld, RpactDesign::kFixed, 0.9 * kL12, kL12, 1, 24,
               {}, {}, 0, 0, 12, 0, 0};
  SurvivalSpec spec = spec_for(rc, SizingMethod::kSchoenfeld);
  spec.hazard_ratio_h0 = 1.2;
  spec.patients = 800;
  spec.events = 400;
  const SurvivalPlan plan = solve_survival(spec, design);
  EXPECT_NEAR_REL(plan.looks[0].crossing_fixed_times, 0.1766082003, 1e-7);
  EXPECT_NEAR_REL(plan.looks[1].crossing_fixed_times, 0.6423990696, 1e-7);
  EXPECT_NEAR_REL(plan.power_fixed_times, 0.1766082003 + 0.6423990696, 1e-7);
}

TEST(ClassicalSizing, HazardRatioMarginRefusals) {
  RpactCase rc{"refused", SizingMethod::kSchoenfeld, RpactDesign::kLdObf3, 0.9 * kL12, kL12, 1, 24, 12,
               {}, 0, 0, 12, 0, 0};
  const auto refused = [](const SurvivalSpec& spec, const std::string& words) {
    try {
      spec.validate();
      (void)classical_hazard_ratio(spec);
      ADD_FAILURE() << "accepted";
    } catch (const numerics::InvalidInput& e) {
      EXPECT_EQ(e.path(), numerics::FieldPath("hazard_ratio_h0")) << e.what();
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
  };
  SurvivalSpec spec = spec_for(rc, SizingMethod::kSchoenfeld);
  spec.hazard_ratio_h0 = 0.8;  // below the model's 0.9: H0 would hold the alternative
  refused(spec, "wrong side");
  spec.hazard_ratio_h0 = 1.2;
  spec.method = SizingMethod::kExact;
  refused(spec, "equal hazards");
  spec.method = SizingMethod::kFreedman;
  refused(spec, "superiority only");
  spec.method = SizingMethod::kSchoenfeld;
  spec.control = CureModel(0.3, Latency::exponential(kL12));
  spec.treatment = CureModel(0.3, Latency::exponential(0.9 * kL12));
  refused(spec, "cure fraction");
}

TEST(ClassicalSizing, PowerAtGivenEventsMatchesRpact) {
  // getPowerSurvival: 500 subjects, 250 events (LD-OBF 3 looks, HR 0.7).
  // For a two-sided design rpact's power counts both tails; gsd's power is
  // the upper one, and the lower crossings are the plan's harm side.
  struct Case {
    const char* id;
    SizingMethod method;
    RpactDesign design;
    double hr;
    double ratio;
    long long subjects;
    long long events;
    double power;
  };
  const std::vector<Case> cases{
      {"power_ldobf3_schoenfeld", SizingMethod::kSchoenfeld, RpactDesign::kLdObf3, 0.7, 1, 500, 250,
       0.797430742858576},
      {"power_ldobf3_freedman", SizingMethod::kFreedman, RpactDesign::kLdObf3, 0.7, 1, 500, 250,
       0.789045857583672},
      {"power_ldobf3_hsiehfreedman_r2", SizingMethod::kHsiehFreedman, RpactDesign::kLdObf3, 0.7, 2,
       500, 250, 0.740341311044817},
      {"power_twosided_schoenfeld", SizingMethod::kSchoenfeld, RpactDesign::kTwoSidedLdObf3, 0.75, 1,
       600, 300, 0.693550754574956},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id);
    RpactCase rc{c.id, c.method, c.design, c.hr * kL12, kL12, c.ratio, 24, {}, {}, 0, 0, 12, 0, 0};
    SurvivalSpec spec = spec_for(rc, c.method);
    spec.patients = c.subjects;
    spec.events = c.events;
    const SurvivalPlan plan = solve_survival(spec, rpact_design(c.design));
    double both = plan.power;
    if (c.design == RpactDesign::kTwoSidedLdObf3) {
      for (const SurvivalLook& look : plan.looks) both += look.crossing_lower;
    }
    EXPECT_NEAR_REL(both, c.power, 1e-6);
  }
}

// gsDesign (tests/reference/lachin_foulkes.R): control hazard log 2 / median,
// drop-out hazards, relative accrual rates over durations, and the solve.
struct GsDesignCase {
  const char* id;
  double median;
  double hr;
  double ratio;
  double dropout_control;
  double dropout_treatment;
  std::vector<double> durations;
  std::vector<double> rates;
  std::optional<double> follow_up;
  std::optional<long long> patients;
  double power;
  DesignSpec design;
  double expected_patients;
  double expected_events;
  double margin = 1.0;  // hr0: a non-inferiority margin above hr
};

DesignSpec gs_design(std::vector<double> fractions, EfficacyBoundary efficacy,
                     std::optional<FutilitySpec> futility, double beta) {
  DesignSpec d;
  d.alpha = 0.025;
  d.beta = beta;
  d.information_fractions = std::move(fractions);
  d.efficacy = std::move(efficacy);
  d.futility = std::move(futility);
  return d;
}

TEST(ClassicalSizing, LachinFoulkesReproducesGsDesign) {
  const auto hsd = [](double g) { return SpendingFunction::hwang_shih_decani(g); };
  const std::vector<GsDesignCase> cases{
      {"a_fixed", 8, 0.7, 1, 0.001, 0.001, {12}, {1}, 16.0, {}, 0.9,
       gs_design({1.0}, SpendingFunction::lan_demets_obrien_fleming(), {}, 0.1), 421.1745285889,
       329.0729800434},
      {"b_gs_hsd", 8, 0.7, 1, 0.001, 0.001, {12}, {1}, 16.0, {}, 0.9,
       gs_design({0.5, 1.0}, hsd(-4), FutilitySpec{hsd(-2), false}, 0.1), 439.2429748065,
       343.1902569393},
      {"c_fixed_piecewise", 12, 0.75, 1, 0.001, 0.001, {1, 2, 3, 18}, {1, 1.5, 2.5, 4}, 12.0, {}, 0.9,
       gs_design({1.0}, SpendingFunction::lan_demets_obrien_fleming(), {}, 0.1), 775.0306306861,
       507.1518890949},
      {"d_gs_piecewise", 12, 0.75, 1, 0.001, 0.001, {1, 2, 3, 18}, {1, 1.5, 2.5, 4}, 12.0, {}, 0.85,
       gs_design({0.25, 0.75, 1.0}, SpendingFunction::lan_demets_obrien_fleming(),
                 FutilitySpec{hsd(-7), false}, 0.15),
       675.5958543075, 442.0853837395},
      {"e_gs_ratio2_dropout", 10, 0.65, 2, 0.02, 0.01, {20}, {1}, 10.0, {}, 0.8,
       gs_design({0.5, 0.75, 1.0}, SpendingFunction::lan_demets_obrien_fleming(), {}, 0.2),
       342.0848751430, 193.0057333400},
      {"f_gs_patients_given", 10, 0.65, 2, 0.02, 0.01, {20}, {1}, {}, 320, 0.8,
       gs_design({0.5, 0.75, 1.0}, SpendingFunction::lan_demets_obrien_fleming(), {}, 0.2), 320.0,
       193.7520810534},
      // Non-inferiority (hr0): the null variance at the arms' hazards under
      // HR = margin, the effect log(HR / margin).
      {"g_fixed_ni1.3", 12, 1.0, 1, 0.0, 0.0, {24}, {1}, 12.0, {}, 0.8,
       gs_design({1.0}, SpendingFunction::lan_demets_obrien_fleming(), {}, 0.2), 629.1328709006,
       458.9490822302, 1.3},
      {"h_gs_ni1.3", 12, 1.0, 1, 0.0, 0.0, {24}, {1}, 12.0, {}, 0.8,
       gs_design({0.5, 1.0}, SpendingFunction::lan_demets_obrien_fleming(), {}, 0.2), 631.4763615053,
       460.6586461586, 1.3},
      {"i_gs_ni1.2_ratio2_dropout", 10, 0.9, 2, 0.02, 0.01, {20}, {1}, 10.0, {}, 0.8,
       gs_design({0.5, 0.75, 1.0}, SpendingFunction::lan_demets_obrien_fleming(), {}, 0.2),
       716.3106665373, 456.0790920478, 1.2},
  };
  for (const GsDesignCase& c : cases) {
    SCOPED_TRACE(c.id);
    SurvivalSpec spec;
    spec.control = CureModel(0.0, Latency::exponential_median(c.median));
    spec.treatment = spec.control.with_hazard_ratio_noncured(c.hr);
    spec.allocation_ratio = c.ratio;
    spec.accrual = c.durations.size() == 1 ? Accrual::uniform(c.durations[0])
                                           : Accrual::piecewise(c.durations, c.rates);
    spec.dropout_control = c.dropout_control;
    spec.dropout_treatment = c.dropout_treatment;
    spec.method = SizingMethod::kLachinFoulkes;
    spec.hazard_ratio_h0 = c.margin;
    spec.power = c.power;
    spec.follow_up = c.follow_up;
    spec.patients = c.patients;
    const SurvivalPlan plan = solve_survival(spec, compute_design(c.design));
    EXPECT_NEAR_REL(plan.patients_unrounded, c.expected_patients, 1e-6);
    EXPECT_NEAR_REL(plan.events_unrounded, c.expected_events, 1e-6);
    if (c.margin > 1.0) {
      // The test is the log-rank statistic shifted by log margin, whatever
      // sized the trial: its mean at d events is log(margin / HR) sqrt(d r) / (1 + r).
      for (const SurvivalLook& look : plan.looks) {
        EXPECT_NEAR(look.mean_z,
                    std::log(c.margin / c.hr) * std::sqrt(static_cast<double>(look.events) * c.ratio) / (1.0 + c.ratio), 1e-12);
      }
    }
  }
}

TEST(ClassicalSizing, CureModelsAndNonProportionalHazardsAreRefused) {
  const Design design = testing::seed_design();
  for (SizingMethod m : {SizingMethod::kSchoenfeld, SizingMethod::kFreedman,
                         SizingMethod::kHsiehFreedman, SizingMethod::kLachinFoulkes}) {
    SurvivalSpec cure = testing::seed_plan();
    cure.method = m;
    cure.patients = 202;
    cure.events = 94;
    try {
      (void)solve_survival(cure, design);
      ADD_FAILURE() << "a cure model was sized classically";
    } catch (const numerics::InvalidInput& e) {
      EXPECT_EQ(numerics::to_string(e.path(), numerics::PathStyle::kJson), "method");
      EXPECT_NE(std::string(e.what()).find("cure fraction"), std::string::npos) << e.what();
    }
    SurvivalSpec nph;
    nph.control = CureModel(0.0, Latency::weibull(1.5, 10.0));
    nph.treatment = CureModel(0.0, Latency::exponential(0.07));
    nph.accrual = Accrual::uniform(24.0);
    nph.method = m;
    nph.patients = 300;
    nph.events = 150;
    EXPECT_THROW((void)solve_survival(nph, design), numerics::InvalidInput);
  }
}

TEST(ClassicalSizing, DriftPerEventFormulas) {
  // Equal allocation: Freedman and Hsieh-Freedman coincide, (1 - HR) / (1 + HR);
  // Schoenfeld is |log HR| / 2.
  EXPECT_NEAR(classical_drift_per_event(SizingMethod::kFreedman, 0.6, 1.0), 0.25, 1e-15);
  EXPECT_NEAR(classical_drift_per_event(SizingMethod::kHsiehFreedman, 0.6, 1.0), 0.25, 1e-15);
  EXPECT_NEAR(classical_drift_per_event(SizingMethod::kSchoenfeld, 0.6, 1.0), -std::log(0.6) / 2, 1e-15);
}

}  // namespace
}  // namespace gsd::survival::classical_sizing_test
