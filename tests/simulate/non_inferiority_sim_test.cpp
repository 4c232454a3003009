// The non-inferiority score test of the simulator (TestSet::null_hazard_ratio,
// simulated_test.hpp): its z against a direct computation on the same
// patients, its type I error at the margin, and its power against rpact's
// simulation of the same trial.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <utility>

#include "gsd/numerics/invalid_input.hpp"
#include "seed_model.hpp"

namespace gsd::simulate::non_inferiority_sim_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

// O(n^2) per look: at each distinct event time of each stratum the risk set
// is counted afresh, and the Cox score at log theta0 and its Breslow
// information are summed: p = theta0 n1 / (theta0 n1 + n0), U += d p - d1,
// V += d p (1 - p) (Collett 2015, section 3.9).
double direct_score_z(const std::vector<PatientRecord>& patients, double tau, double theta0) {
  struct Counts {
    double n0 = 0, n1 = 0, d = 0, d1 = 0;
  };
  std::map<std::pair<int, double>, Counts> at;  // (stratum, event time)
  for (const PatientRecord& p : patients) {
    if (p.entry < tau && p.event && p.entry + p.time <= tau) at[{p.stratum, p.time}] = {};
  }
  for (auto& [key, c] : at) {
    for (const PatientRecord& p : patients) {
      if (!(p.entry < tau) || p.stratum != key.first) continue;
      const bool observed = p.entry + p.time <= tau;
      const double time = observed ? p.time : tau - p.entry;
      if (time < key.second) continue;
      (p.treatment ? c.n1 : c.n0) += 1;
      if (observed && p.event && !(time > key.second)) {
        c.d += 1;
        c.d1 += p.treatment;
      }
    }
  }
  double u = 0.0, v = 0.0;
  for (const auto& [key, c] : at) {
    const double p = theta0 * c.n1 / (theta0 * c.n1 + c.n0);
    u += c.d * p - c.d1;
    v += c.d * p * (1.0 - p);
  }
  return u / std::sqrt(v);
}

// The trial of tests/reference/rpact_non_inferiority_simulation.R: exponential
// control with median 12 months, 628 patients accrued uniformly over 24
// months, 1:1, looks at 229 and 458 events with LD-OBF bounds, one-sided
// alpha 0.025; H0: HR >= 1.3.
constexpr double kMargin = 1.3;

TrialModel exponential_model(double hazard_ratio) {
  TrialModel m;
  m.patients = 628;
  m.accrual = survival::Accrual::uniform(24.0);
  const double control = std::numbers::ln2 / 12.0;
  StratumModel s;
  s.control.outcome = survival::CureModel(0.0, survival::Latency::exponential(control));
  s.treatment.outcome = survival::CureModel(0.0, survival::Latency::exponential(control * hazard_ratio));
  m.strata = {s};
  return m;
}

Design margin_design() {
  DesignSpec spec;
  spec.alpha = 0.025;
  spec.sided = Sidedness::kOneSided;
  spec.beta = 0.2;
  spec.information_fractions = {0.5, 1.0};
  spec.efficacy = SpendingFunction::lan_demets_obrien_fleming();
  return compute_design(spec);
}

Simulator margin_simulator(const TrialModel& model, const Design& design, int events, double theta0) {
  TestSet tests;
  tests.null_hazard_ratio = theta0;
  return Simulator(model, design, make_look_plan(design, events), default_max_duration(model), tests);
}

TEST(NonInferiorityScoreTest, MatchesDirectComputation) {
  // Stratified (the score and information summed over strata), 2:1, with
  // drop-out and a cure fraction, where the risk sets differ most between
  // the arms.
  TrialModel model = testing::seed_model();
  StratumModel other = model.strata[0];
  other.proportion = 0.6;
  model.strata[0].proportion = 0.4;
  other.control.outcome = survival::CureModel(0.1, survival::Latency::weibull(1.4, 10.0));
  other.treatment.outcome = survival::CureModel(0.1, survival::Latency::weibull(1.4, 12.0));
  other.treatment.dropout_rate = 0.03;
  model.strata.push_back(other);
  model.allocation_ratio = 2.0;
  const Design design = compute_design(testing::seed_design_spec());
  for (const double theta0 : {1.3, 0.7}) {
    const Simulator sim = margin_simulator(model, design, 94, theta0);
    int looks = 0;
    for (std::int64_t i = 0; i < 12; ++i) {
      const auto patients = sim.patients(5, i);
      for (const LookRecord& look : sim.looks(5, i)) {
        EXPECT_NEAR(look.z, direct_score_z(patients, look.calendar_time, theta0), 1e-10)
            << "theta0 " << theta0 << " replicate " << i << " look " << look.look;
        ++looks;
      }
    }
    EXPECT_GT(looks, 12);
  }
}

TEST(NonInferiorityScoreTest, RejectsAtTheMarginWithTheDesignsAlpha) {
  // Drawn at HR = the margin, the score test is asymptotically standard
  // normal, so the design's bounds reject with probability alpha = 0.025.
  // Bound: 4 binomial standard errors (a false failure about 1 in 16,000).
  const Design design = margin_design();
  const Simulator sim = margin_simulator(exponential_model(kMargin), design, 458, kMargin);
  const std::int64_t n = 40000 / testing::kReplicateScale;
  const SimulationResult r = summarize(sim.run(0, n, 20261202, 2));
  const double se = std::sqrt(0.025 * 0.975 / static_cast<double>(n));
  EXPECT_NEAR(r.power, 0.025, 4.0 * se);
}

TEST(NonInferiorityScoreTest, PowerAgreesWithRpactsSimulation) {
  // rpact 3.3.4's getSimulationSurvival(thetaH0 = 1.3, hazardRatio = 1,
  // directionUpper = FALSE) of the same trial, 100,000 iterations, seed
  // 20261202 (tests/reference/rpact_non_inferiority_simulation.R): overall
  // rejection 0.79982, at the first look 0.16930. Bound: 4 standard errors
  // of the difference of the two Monte Carlo estimates.
  constexpr double kRpactPower = 0.79982;
  constexpr double kRpactIterations = 100000;
  const Design design = margin_design();
  const Simulator sim = margin_simulator(exponential_model(1.0), design, 458, kMargin);
  const std::int64_t n = 40000 / testing::kReplicateScale;
  const SimulationResult r = summarize(sim.run(0, n, 20261202, 2));
  const double se_rpact = std::sqrt(kRpactPower * (1 - kRpactPower) / kRpactIterations);
  EXPECT_NEAR(r.power, kRpactPower, 4.0 * std::hypot(r.power_se, se_rpact));
}

TEST(NonInferiorityScoreTest, FirstLookEventsAndDurationAgreeWithRpactsSimulation) {
  // The same rpact runs (tests/reference/rpact_non_inferiority_simulation.R):
  // the first look's rejection, and the mean events and calendar time at
  // the stopping look, each with its standard error, at HR 1 and at the
  // margin. Bound: 4 standard errors of the difference of the two estimates.
  // rpact enters patient i at a fixed time of the accrual, gsd at random:
  // gsd's i-th entry has mean 24 i / (n + 1), rpact's at most one spacing,
  // 24 / n months, away from it, and the look times follow the entries, so
  // the duration also allows 24 / 628 = 0.038 months.
  struct Rpact {
    double hazard_ratio;
    double first_look, first_look_se;
    double events, events_se;
    double duration, duration_se;
  };
  constexpr Rpact kRpact[] = {
      {1.0, 0.16930, 0.00119, 419.2303, 0.2716, 33.41962, 0.01820},
      {kMargin, 0.00128, 0.00011, 457.7069, 0.0259, 33.42385, 0.00343},
  };
  constexpr double kRpactIterations = 100000;
  constexpr double kEntrySpacing = 24.0 / 628.0;
  const Design design = margin_design();
  const std::int64_t n = 40000 / testing::kReplicateScale;
  for (const Rpact& ref : kRpact) {
    SCOPED_TRACE(ref.hazard_ratio);
    const Simulator sim = margin_simulator(exponential_model(ref.hazard_ratio), design, 458, kMargin);
    const SimulationResult r = summarize(sim.run(0, n, 20261207, 2));
    const double scale = std::sqrt(1.0 + kRpactIterations / static_cast<double>(n));
    EXPECT_NEAR(r.reject_per_look[0], ref.first_look,
                4.0 * std::hypot(std::sqrt(r.reject_per_look[0] * (1 - r.reject_per_look[0]) / static_cast<double>(n)),
                                 ref.first_look_se));
    EXPECT_NEAR(r.expected_events, ref.events, 4.0 * ref.events_se * scale);
    EXPECT_NEAR(r.expected_duration, ref.duration, 4.0 * ref.duration_se * scale + kEntrySpacing);
  }
}

TEST(NonInferiorityScoreTest, RefusesAnInvalidMarginOrAnotherTest) {
  const TrialModel model = exponential_model(1.0);
  const Design design = margin_design();
  const LookPlan plan = make_look_plan(design, 458);
  for (const double bad : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::infinity()}) {
    TestSet tests;
    tests.null_hazard_ratio = bad;
    try {
      Simulator(model, design, plan, 100.0, tests);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const InvalidInput& e) {
      EXPECT_EQ(e.path(), FieldPath("null_hazard_ratio")) << e.what();
    }
  }
  TestSet weighted;
  weighted.null_hazard_ratio = kMargin;
  weighted.primary = survival::LogRankWeight::fleming_harrington(0, 1);
  try {
    Simulator(model, design, plan, 100.0, weighted);
    ADD_FAILURE() << "accepted a weighted test";
  } catch (const InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("log-rank"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace gsd::simulate::non_inferiority_sim_test
