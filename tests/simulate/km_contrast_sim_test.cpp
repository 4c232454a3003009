// The simulator's RMST and milestone statistics (simulated_test.hpp) against
// a direct computation on the same patients: each arm's Kaplan-Meier
// estimate rebuilt at every distinct event time by counting the risk set
// afresh, Greenwood's variance, and the restricted mean's variance with the
// area beyond each event time summed rectangle by rectangle (survRM2's
// rmst2). The direct computation is itself checked on a small example worked
// by hand. Then: side tests equal the same test run alone; totals do not
// depend on threads or replicate ranges; strata are refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulate/process_group.hpp"
#include "seed_model.hpp"

namespace gsd::simulate::km_contrast_sim_test {
using namespace gsd::spending;  // NOLINT: the layers below
using KmContrast = KaplanMeierContrast;
namespace {

struct Observation {
  double time;
  bool event;
};

struct Estimate {
  double value = 0.0;
  double variance = 0.0;
};

// One arm, O(n^2): the Kaplan-Meier steps at the distinct event times up to
// the horizon, then the milestone or the restricted mean with its variance.
Estimate direct_estimate(const std::vector<Observation>& arm, const KmContrast& c) {
  std::vector<double> times;
  for (const Observation& o : arm) {
    if (o.event && o.time <= c.horizon) times.push_back(o.time);
  }
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  std::vector<double> s_after, g;
  double s = 1.0;
  for (double t : times) {
    double n = 0.0, d = 0.0;
    for (const Observation& o : arm) {
      if (o.time >= t) ++n;
      if (o.event && !(o.time < t) && !(o.time > t)) ++d;
    }
    s *= 1.0 - d / n;
    s_after.push_back(s);
    g.push_back(n > d ? d / (n * (n - d)) : 0.0);
  }
  double greenwood = 0.0;
  for (double x : g) greenwood += x;
  if (c.kind == KmContrast::Kind::kMilestone) return {s, s * s * greenwood};
  // Area from time a to the horizon under the step function.
  const auto area_from = [&](std::size_t i0, double a) {
    double area = 0.0, from = a;
    for (std::size_t i = i0; i < times.size(); ++i) {
      const double level = i == 0 ? 1.0 : s_after[i - 1];
      area += level * (times[i] - from);
      from = times[i];
    }
    return area + (times.empty() ? 1.0 : s_after.back()) * (c.horizon - from);
  };
  Estimate out;
  out.value = area_from(0, 0.0);
  for (std::size_t i = 0; i < times.size(); ++i) {
    const double a = area_from(i + 1, times[i]);
    out.variance += a * a * g[i];
  }
  return out;
}

double direct_z(const std::vector<PatientRecord>& patients, double tau, const KmContrast& c) {
  std::vector<Observation> arms[2];
  for (const PatientRecord& p : patients) {
    if (!(p.entry < tau)) continue;
    const bool observed = p.entry + p.time <= tau;
    arms[p.treatment ? 1 : 0].push_back({observed ? p.time : tau - p.entry, observed && p.event});
  }
  const Estimate e0 = direct_estimate(arms[0], c), e1 = direct_estimate(arms[1], c);
  return (e1.value - e0.value) / std::sqrt(e0.variance + e1.variance);
}

KmContrast contrast(bool rmst, double horizon) {
  KmContrast c;
  c.kind = rmst ? KmContrast::Kind::kRmst : KmContrast::Kind::kMilestone;
  c.horizon = horizon;
  return c;
}

// Events at 1, 3, 4 and a censoring at 2 (4 at risk): S = 0.75 after 1,
// 0.375 after 3. At 3.5: S = 0.375, Greenwood 0.375^2 (1/12 + 1/2) =
// 0.08203125; RMST = 1 + 0.75 x 2 + 0.375 x 0.5 = 2.6875 with variance
// (0.75 x 2 + 0.375 x 0.5)^2 / 12 + (0.375 x 0.5)^2 / 2 = 0.2548828125.
TEST(KmContrastSim, DirectComputationOnAHandWorkedExample) {
  const std::vector<Observation> arm = {{1.0, true}, {2.0, false}, {3.0, true}, {4.0, true}};
  const Estimate m = direct_estimate(arm, contrast(false, 3.5));
  EXPECT_NEAR(m.value, 0.375, 1e-15);
  EXPECT_NEAR(m.variance, 0.08203125, 1e-15);
  const Estimate r = direct_estimate(arm, contrast(true, 3.5));
  EXPECT_NEAR(r.value, 2.6875, 1e-15);
  EXPECT_NEAR(r.variance, 0.2548828125, 1e-15);
}

Simulator contrast_simulator(const TrialModel& model, const KmContrast& c) {
  const Design design = compute_design(testing::seed_design_spec());
  TestSet tests;
  tests.primary_contrast = c;
  return Simulator(model, design, make_look_plan(design, 94), default_max_duration(model), tests);
}

TEST(KmContrastSim, MatchesDirectComputation) {
  TrialModel dropout = testing::seed_model();
  dropout.strata[0].control.dropout_rate = 0.01;
  dropout.strata[0].treatment.dropout_rate = 0.02;
  dropout.allocation_ratio = 2.0;
  for (const TrialModel& model : {testing::seed_model(), dropout}) {
    for (const KmContrast& c : {contrast(true, 24.0), contrast(false, 24.0), contrast(true, 6.0), contrast(false, 12.0)}) {
      const Simulator sim = contrast_simulator(model, c);
      int checked = 0;
      for (std::int64_t i = 0; i < 12; ++i) {
        const auto patients = sim.patients(5, i);
        for (const LookRecord& look : sim.looks(5, i)) {
          EXPECT_NEAR(look.z, direct_z(patients, look.calendar_time, c), 1e-10)
              << (c.kind == KmContrast::Kind::kRmst ? "RMST " : "milestone ") << c.horizon << " replicate " << i
              << " look " << look.look;
          ++checked;
        }
      }
      EXPECT_GT(checked, 12);
    }
  }
}

TEST(KmContrastSim, SideTestsEqualTheTestsRunAloneAndDoNotDependOnThreads) {
  const TrialModel model = testing::seed_model();
  const Design design = compute_design(testing::seed_design_spec());
  const LookPlan plan = make_look_plan(design, 94);
  const double cap = default_max_duration(model);
  TestSet side;
  side.side = {{survival::LogRankWeight::fleming_harrington(0, 1), design},
               {survival::LogRankWeight::log_rank(), design, {}, contrast(true, 24.0)},
               {survival::LogRankWeight::log_rank(), design, {}, contrast(false, 24.0)}};
  const Simulator all(model, design, plan, cap, side);
  const SimulationTotals totals = all.run(0, 1200, 31, 2);
  for (std::size_t j = 1; j < 3; ++j) {
    const SimulationTotals t = contrast_simulator(model, *side.side[j].contrast).run(0, 1200, 31, 1);
    for (std::size_t k = 0; k < 3; ++k) {
      EXPECT_EQ(totals.test_reject_upper[j * 3 + k], t.reject_upper[k]) << "test " << j << " look " << k;
    }
  }
  EXPECT_EQ(totals.serialize(), all.run(0, 1200, 31, 3).serialize());
  SimulationTotals sum(3, 3);
  for (int rank = 0; rank < 3; ++rank) {
    const ReplicateRange r = replicate_range(1200, ProcessGroup{rank, 3});
    sum.add(all.run(r.first, r.count, 31, 1));
  }
  EXPECT_EQ(sum.serialize(), totals.serialize());
}

TEST(KmContrastSim, RefusesStrata) {
  TrialModel model = testing::seed_model();
  StratumModel other = model.strata[0];
  model.strata[0].proportion = 0.5;
  other.proportion = 0.5;
  model.strata.push_back(other);
  EXPECT_THROW(contrast_simulator(model, contrast(true, 24.0)), numerics::InvalidInput);
}

}  // namespace
}  // namespace gsd::simulate::km_contrast_sim_test
