// The simulator's O(n) merged log-rank against a direct textbook computation
// on the same patients: at each event time, count the risk sets afresh
// (Collett 2015, "Modelling Survival Data in Medical Research", 3rd ed.,
// section 2.6; stratified: section 2.8). Both use the hypergeometric variance.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "seed_model.hpp"

namespace gsd::simulate::log_rank_test {
using namespace gsd::numerics;  // NOLINT: the layers below
using namespace gsd::spending;  // NOLINT: the layers below
namespace {

struct Direct {
  double z = 0.0;
  int events = 0;
  double log_hr = 0.0;
};

// O(n^2): for every distinct event time in every stratum, scan all patients.
Direct direct_log_rank(const std::vector<PatientRecord>& patients, double tau) {
  struct Obs {
    int stratum;
    bool treatment;
    double time;
    bool event;
  };
  std::vector<Obs> obs;
  for (const PatientRecord& p : patients) {
    if (!(p.entry < tau)) continue;
    // Observed by tau when entry + time <= tau, computed as the simulator
    // does, so that the look's defining event is in (no rounding ambiguity).
    const bool observed = p.entry + p.time <= tau;
    obs.push_back({p.stratum, p.treatment, observed ? p.time : tau - p.entry,
                   observed && p.event});
  }
  double o1 = 0.0, e1 = 0.0, v = 0.0;
  int d_all = 0;
  std::set<std::pair<int, double>> times;
  for (const Obs& o : obs) {
    if (o.event) times.insert({o.stratum, o.time});
  }
  for (const auto& [s, t] : times) {
    double n = 0, n1 = 0, d = 0, d1 = 0;
    for (const Obs& o : obs) {
      if (o.stratum != s || o.time < t) continue;
      n += 1;
      n1 += o.treatment;
      if (o.event && !(o.time > t)) {
        d += 1;
        d1 += o.treatment;
      }
    }
    o1 += d1;
    e1 += d * n1 / n;
    if (n > 1) v += d * (n1 / n) * (1 - n1 / n) * (n - d) / (n - 1);
    d_all += static_cast<int>(d);
  }
  Direct out;
  out.z = (e1 - o1) / std::sqrt(v);
  out.events = d_all;
  out.log_hr = std::log(o1 / e1) - std::log((d_all - o1) / (d_all - e1));
  return out;
}

void expect_matches_direct(const Simulator& sim, std::int64_t replicates) {
  for (std::int64_t i = 0; i < replicates; ++i) {
    const auto looks = sim.looks(11, i);
    const auto patients = sim.patients(11, i);
    ASSERT_FALSE(looks.empty());
    for (const LookRecord& look : looks) {
      const Direct d = direct_log_rank(patients, look.calendar_time);
      EXPECT_EQ(look.events, d.events) << "replicate " << i << " look " << look.look;
      EXPECT_NEAR(look.z, d.z, 1e-10) << "replicate " << i << " look " << look.look;
      ASSERT_TRUE(look.hazard_ratio.has_value());
      EXPECT_NEAR(std::log(*look.hazard_ratio), d.log_hr, 1e-10);
    }
  }
}

TEST(LogRank, MatchesDirectComputationOnTheSeedTrial) {
  expect_matches_direct(testing::seed_simulator(), 40);
}

TEST(LogRank, StratifiedMatchesDirectComputation) {
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
  expect_matches_direct(testing::seed_simulator(m), 40);
}

TEST(LogRank, LookEventsAreThePlannedCounts) {
  const Simulator sim = testing::seed_simulator();
  for (std::int64_t i = 0; i < 50; ++i) {
    for (const LookRecord& look : sim.looks(3, i)) {
      if (!look.capped) {
        EXPECT_EQ(look.events, sim.plan().look_events[static_cast<std::size_t>(look.look)]);
      }
    }
  }
}

TEST(LogRank, LookDefiningEventIsCountedDespiteRounding) {
  // Seed-1 replicates where entry + y <= tau held for the look's last event
  // but y > tau - entry by one ulp: an early exit on tau - (first entry)
  // without a margin dropped that event (70 instead of 71 at look 2).
  const Simulator sim = testing::seed_simulator();
  for (std::int64_t i : {1065193, 1142998, 1597180}) {
    const auto looks = sim.looks(1, i);
    const auto patients = sim.patients(1, i);
    for (const LookRecord& look : looks) {
      int direct = 0;
      for (const PatientRecord& p : patients) {
        direct += p.event && p.entry + p.time <= look.calendar_time ? 1 : 0;
      }
      EXPECT_EQ(look.events, direct) << "replicate " << i << " look " << look.look;
    }
  }
}

}  // namespace
}  // namespace gsd::simulate::log_rank_test
