// The simulator's weighted log-rank statistics against a direct computation
// on the same patients: at each distinct event time the risk set is counted
// afresh, the pooled Kaplan-Meier estimate is the product over the earlier
// event times, and the weighted score and its variance are summed (Fleming &
// Harrington 1991, section 7.2; Magirr & Burman 2019). Then: a side test
// equals the same test run as the trial's own; totals do not depend on
// threads or replicate ranges.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulate/process_group.hpp"
#include "seed_model.hpp"

namespace gsd::simulate::weighted_log_rank_sim_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
using survival::LogRankWeight;
namespace {

struct Counts {
  double n = 0, n1 = 0, d = 0, d1 = 0;
};

// O(n^2) per look: every distinct event time of every stratum scans all
// patients; the weights come from the product-limit estimate over those times.
double direct_weighted_z(const std::vector<PatientRecord>& patients, double tau,
                         const LogRankWeight& w) {
  struct Obs {
    int stratum;
    bool treatment;
    double time;
    bool event;
  };
  std::vector<Obs> obs;
  for (const PatientRecord& p : patients) {
    if (!(p.entry < tau)) continue;
    const bool observed = p.entry + p.time <= tau;
    obs.push_back({p.stratum, p.treatment, observed ? p.time : tau - p.entry, observed && p.event});
  }
  std::map<std::pair<int, double>, Counts> at;  // (stratum, event time)
  for (const Obs& o : obs) {
    if (o.event) at[{o.stratum, o.time}] = {};
  }
  for (auto& [key, c] : at) {
    for (const Obs& o : obs) {
      if (o.stratum != key.first || o.time < key.second) continue;
      c.n += 1;
      c.n1 += o.treatment;
      if (o.event && !(o.time > key.second)) {
        c.d += 1;
        c.d1 += o.treatment;
      }
    }
  }
  // Product-limit estimate of stratum s over the event times satisfying `in`.
  const auto km = [&](int s, auto in) {
    double S = 1.0;
    for (const auto& [key, c] : at) {
      if (key.first == s && in(key.second)) S *= 1.0 - c.d / c.n;
    }
    return S;
  };
  double u = 0.0, v = 0.0;
  for (const auto& [key, c] : at) {
    const auto [s, t] = key;
    const double s_minus = km(s, [t = t](double x) { return x < t; });
    double weight = 0.0;
    if (w.family == survival::WeightFamily::kMagirrBurman) {
      const double s_star = km(s, [&](double x) { return x <= w.t_star; });
      weight = 1.0 / std::max(s_minus, s_star);
    } else {
      weight = std::pow(s_minus, w.rho) * std::pow(1.0 - s_minus, w.gamma);
    }
    const double share = c.n1 / c.n;
    u += weight * (c.d * share - c.d1);
    if (c.n > 1) v += weight * weight * c.d * share * (1 - share) * (c.n - c.d) / (c.n - 1);
  }
  return u / std::sqrt(v);
}

Simulator weighted_simulator(const TrialModel& model, const LogRankWeight& w) {
  const Design design = compute_design(testing::seed_design_spec());
  const LookPlan plan = make_look_plan(design, 94);
  TestSet tests;
  tests.primary = w;
  return Simulator(model, design, plan, default_max_duration(model), tests);
}

TrialModel stratified_model() {
  TrialModel m = testing::seed_model();
  StratumModel young = m.strata[0];
  young.proportion = 0.3;
  StratumModel old = m.strata[0];
  old.proportion = 0.7;
  old.control.outcome = survival::CureModel(0.2, survival::Latency::weibull(1.3, 9.0));
  old.treatment.outcome = survival::CureModel(old.treatment.outcome.cure_fraction(),
                                              survival::Latency::weibull(1.3, 13.0));
  old.treatment.dropout_rate = 0.02;
  m.strata = {young, old};
  m.allocation_ratio = 2.0;
  return m;
}

std::vector<LogRankWeight> weights() {
  return {LogRankWeight::fleming_harrington(0, 0),   LogRankWeight::fleming_harrington(0, 1),
          LogRankWeight::fleming_harrington(1, 0),   LogRankWeight::fleming_harrington(1, 1),
          LogRankWeight::fleming_harrington(0.5, 2.5), LogRankWeight::magirr_burman(12.0),
          LogRankWeight::magirr_burman(2.0)};
}

void expect_matches_direct(const TrialModel& model, std::int64_t replicates) {
  for (const LogRankWeight& w : weights()) {
    const Simulator sim = weighted_simulator(model, w);
    int looks_checked = 0;
    for (std::int64_t i = 0; i < replicates; ++i) {
      const auto patients = sim.patients(13, i);
      for (const LookRecord& look : sim.looks(13, i)) {
        EXPECT_NEAR(look.z, direct_weighted_z(patients, look.calendar_time, w), 1e-10)
            << "rho " << w.rho << " gamma " << w.gamma << " t* " << w.t_star << " replicate " << i
            << " look " << look.look;
        ++looks_checked;
      }
    }
    EXPECT_GT(looks_checked, replicates);
  }
}

TEST(WeightedLogRankSim, MatchesDirectComputationOnTheSeedTrial) {
  expect_matches_direct(testing::seed_model(), 15);
}

TEST(WeightedLogRankSim, StratifiedWithDropOutMatchesDirectComputation) {
  expect_matches_direct(stratified_model(), 15);
}

TEST(WeightedLogRankSim, FlemingHarringtonZeroZeroRunsTheLogRankStatistic) {
  const Simulator plain = testing::seed_simulator();
  const Simulator fh00 = weighted_simulator(testing::seed_model(), LogRankWeight::fleming_harrington(0, 0));
  for (std::int64_t i = 0; i < 20; ++i) {
    const auto a = plain.looks(3, i);
    const auto b = fh00.looks(3, i);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) EXPECT_EQ(a[k].z, b[k].z);
  }
}

// Side tests count each test's rejections on the trial's replicates: a side
// test equals the same test as the trial's own, count for count.
TEST(WeightedLogRankSim, SideTestsEqualTheSameTestsRunAlone) {
  const TrialModel model = testing::seed_model();
  const Design design = compute_design(testing::seed_design_spec());
  const LookPlan plan = make_look_plan(design, 94);
  const double cap = default_max_duration(model);
  // A weighted test's bounds: the design at other information fractions.
  DesignSpec other = testing::seed_design_spec();
  other.information_fractions = {0.42, 0.7, 1.0};
  const Design weighted = compute_design(other);
  TestSet side;
  side.side = {{LogRankWeight::log_rank(), design},
               {LogRankWeight::fleming_harrington(0, 1), weighted},
               {LogRankWeight::magirr_burman(12.0), weighted}};
  const Simulator all(model, design, plan, cap, side);
  const SimulationTotals totals = all.run(0, 1500, 21, 2);
  ASSERT_EQ(totals.tests, 3u);
  for (std::size_t j = 0; j < 3; ++j) {
    TestSet alone;
    alone.primary = side.side[j].weight;
    const Simulator one(model, side.side[j].design, plan, cap, alone);
    const SimulationTotals t = one.run(0, 1500, 21, 1);
    for (std::size_t k = 0; k < 3; ++k) {
      EXPECT_EQ(totals.test_reject_upper[j * 3 + k], t.reject_upper[k]) << "test " << j << " look " << k;
    }
  }
  // The trial's own course is the log-rank test's, whatever the side tests.
  const SimulationTotals plain = testing::seed_simulator().run(0, 1500, 21, 1);
  EXPECT_EQ(totals.reject_upper, plain.reject_upper);
  EXPECT_EQ(totals.events, plain.events);
  const SimulationResult r = summarize(totals);
  ASSERT_EQ(r.tests.size(), 3u);
  EXPECT_DOUBLE_EQ(r.tests[0].power, r.power);
}

void expect_independent_of_threads_and_ranges(const TestSet& tests) {
  const TrialModel model = stratified_model();
  const Design design = compute_design(testing::seed_design_spec());
  const LookPlan plan = make_look_plan(design, 94);
  const Simulator sim(model, design, plan, default_max_duration(model), tests);
  const std::size_t side = tests.side.size();
  const SimulationTotals one = sim.run(0, 1200, 9, 1);
  EXPECT_EQ(one.serialize(), sim.run(0, 1200, 9, 2).serialize());
  EXPECT_EQ(one.serialize(), sim.run(0, 1200, 9, 3).serialize());
  SimulationTotals sum(3, side);
  for (int rank = 0; rank < 3; ++rank) {
    const ReplicateRange r = replicate_range(1200, ProcessGroup{rank, 3});
    sum.add(sim.run(r.first, r.count, 9, 1));
  }
  EXPECT_EQ(sum.serialize(), one.serialize());
  const SimulationTotals back = SimulationTotals::deserialize(one.serialize(), 3, side);
  EXPECT_EQ(back.serialize(), one.serialize());
}

std::vector<LogRankWeight> maxcombo_set() {
  return {LogRankWeight::fleming_harrington(0, 0), LogRankWeight::fleming_harrington(0, 1),
          LogRankWeight::fleming_harrington(1, 0), LogRankWeight::fleming_harrington(1, 1)};
}

TEST(WeightedLogRankSim, TotalsDoNotDependOnThreadsOrRanges) {
  const Design design = compute_design(testing::seed_design_spec());
  TestSet tests;
  tests.primary = LogRankWeight::fleming_harrington(1, 1);
  tests.side = {{LogRankWeight::fleming_harrington(0, 1), design},
                {LogRankWeight::magirr_burman(6.0), design}};
  expect_independent_of_threads_and_ranges(tests);
  TestSet combo;
  combo.primary_combo = maxcombo_set();
  combo.side = {{LogRankWeight::log_rank(), design, {maxcombo_set()[1], maxcombo_set()[3]}},
                {LogRankWeight::fleming_harrington(0, 1), design}};
  expect_independent_of_threads_and_ranges(combo);
}

// A MaxCombo test's z is the largest of its tests' direct z (FH(0, 0) read
// from the log-rank statistic), stratified with drop-out.
TEST(WeightedLogRankSim, MaxComboTakesTheLargestDirectZ) {
  const TrialModel model = stratified_model();
  const Design design = compute_design(testing::seed_design_spec());
  TestSet tests;
  tests.primary_combo = maxcombo_set();
  const Simulator sim(model, design, make_look_plan(design, 94), default_max_duration(model), tests);
  int looks_checked = 0;
  for (std::int64_t i = 0; i < 15; ++i) {
    const auto patients = sim.patients(17, i);
    for (const LookRecord& look : sim.looks(17, i)) {
      double largest = -1e300;
      for (const LogRankWeight& w : maxcombo_set()) {
        largest = std::max(largest, direct_weighted_z(patients, look.calendar_time, w));
      }
      EXPECT_NEAR(look.z, largest, 1e-10) << "replicate " << i << " look " << look.look;
      ++looks_checked;
    }
  }
  EXPECT_GT(looks_checked, 15);
}

// A MaxCombo side test equals the same test as the trial's own, count for
// count, and shares the merge's weights with the other tests.
TEST(WeightedLogRankSim, MaxComboSideTestEqualsTheTrialsOwn) {
  const TrialModel model = testing::seed_model();
  const Design design = compute_design(testing::seed_design_spec());
  const LookPlan plan = make_look_plan(design, 94);
  const double cap = default_max_duration(model);
  Design bounds = design;  // efficacy bounds only, above the log-rank's
  for (double& c : bounds.efficacy) c += 0.2;
  bounds.futility.assign(3, std::nullopt);
  TestSet side;
  side.side = {{LogRankWeight::fleming_harrington(0, 1), design},
               {LogRankWeight::log_rank(), bounds, maxcombo_set()}};
  const SimulationTotals totals = Simulator(model, design, plan, cap, side).run(0, 1500, 23, 2);
  TestSet alone;
  alone.primary_combo = maxcombo_set();
  const SimulationTotals t = Simulator(model, bounds, plan, cap, alone).run(0, 1500, 23, 1);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(totals.test_reject_upper[3 + k], t.reject_upper[k]) << k;
  EXPECT_GT(t.reject_upper[0] + t.reject_upper[1] + t.reject_upper[2], 0);
}

TEST(WeightedLogRankSim, RefusesInvalidWeightsAndMismatchedDesigns) {
  const TrialModel model = testing::seed_model();
  const Design design = compute_design(testing::seed_design_spec());
  const LookPlan plan = make_look_plan(design, 94);
  TestSet bad;
  bad.side = {{LogRankWeight{survival::WeightFamily::kFlemingHarrington, -1.0, 0.0, 0.0}, design}};
  EXPECT_THROW(Simulator(model, design, plan, 100.0, bad), InvalidInput);
  DesignSpec two = testing::seed_design_spec();
  two.information_fractions = {0.5, 1.0};
  TestSet bad_combo;
  bad_combo.primary_combo = {LogRankWeight::fleming_harrington(0, 1),
                             LogRankWeight{survival::WeightFamily::kFlemingHarrington, 0.0, -2.0, 0.0}};
  try {
    Simulator(model, design, plan, 100.0, bad_combo);
    ADD_FAILURE() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("primary_combo[1]"), std::string::npos) << e.what();
  }
  TestSet mismatched;
  mismatched.side = {{LogRankWeight::fleming_harrington(0, 1), compute_design(two)}};
  EXPECT_THROW(Simulator(model, design, plan, 100.0, mismatched), InvalidInput);
}

// Bounds at the observed variance are for a weighted score: a V_plan that is
// not positive, or one given to the log-rank test or a MaxCombo test, is
// refused naming it.
TEST(WeightedLogRankSim, RefusesAPlannedVarianceItCannotUse) {
  const TrialModel model = testing::seed_model();
  const Design design = compute_design(testing::seed_design_spec());
  const LookPlan plan = make_look_plan(design, 94);
  const auto refused = [&](const TestSet& tests, const std::string& path) {
    try {
      Simulator(model, design, plan, 100.0, tests);
      ADD_FAILURE() << "expected InvalidInput naming " << path;
    } catch (const InvalidInput& e) {
      EXPECT_EQ(std::string(e.what()).rfind(path + " = ", 0), 0u) << e.what();
    }
  };
  TestSet log_rank;
  log_rank.primary_planned_variance = 2.0;
  refused(log_rank, "primary_planned_variance");
  TestSet negative;
  negative.primary = LogRankWeight::fleming_harrington(0, 1);
  negative.primary_planned_variance = -1.0;
  refused(negative, "primary_planned_variance");
  TestSet combo;
  combo.side = {{LogRankWeight::fleming_harrington(0, 0), design,
                 {LogRankWeight::fleming_harrington(0, 0), LogRankWeight::fleming_harrington(0, 1)}}};
  combo.side[0].planned_variance = 2.0;
  refused(combo, "tests[0].planned_variance");
  TestSet fine;
  fine.side = {{LogRankWeight::fleming_harrington(0, 1), design}};
  fine.side[0].planned_variance = 2.0;
  EXPECT_NO_THROW(Simulator(model, design, plan, 100.0, fine));
}

}  // namespace
}  // namespace gsd::simulate::weighted_log_rank_sim_test
