// The Kaplan-Meier milestone and RMST moments and power against a direct
// simulation: patients drawn from the model (entry, cure, latency, drop-out),
// each arm's Kaplan-Meier estimate and Greenwood variance computed from the
// data at calendar looks. Each comparison is within 4 standard errors of the
// Monte Carlo (fixed seed; a false alarm at 4 SE has probability about 6e-5
// per comparison):
// - the difference has mean delta and variance v / N at each look, and the
//   two looks' correlation sqrt(v_late / v_early) (independent increments);
// - z = difference / Greenwood SE crosses the bounds of km_contrast_power at
//   its power.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "gsd/numerics/normal.hpp"
#include "gsd/survival/km_contrast.hpp"
#include "gsd/survival/km_contrast_power.hpp"
#include "pair_moments.hpp"
#include "patient_simulation.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::km_contrast_monte_carlo_test {
namespace {

using testing::draw;
using testing::PairMoments;
using testing::Patient;
using testing::Stream;

constexpr double kBound = 4.0;  // standard errors

struct Estimate {
  double value = 0.0;
  double variance = 0.0;  // Greenwood
};

// One arm's Kaplan-Meier milestone survival or RMST at `horizon` from the
// data seen at calendar time `look`, with Greenwood's variance estimate
// (Klein & Moeschberger 2003, section 4.2; no ties: continuous times).
Estimate km_estimate(const std::vector<Patient>& patients, int arm, double look, const KmContrast& c) {
  struct Obs {
    double time;
    bool event;
  };
  std::vector<Obs> obs;
  for (const Patient& p : patients) {
    if (p.arm != arm || !(p.entry < look)) continue;
    const double window = look - p.entry;
    obs.push_back({std::min({p.event, p.dropout, window}), p.event <= std::min(p.dropout, window)});
  }
  std::sort(obs.begin(), obs.end(), [](const Obs& a, const Obs& b) { return a.time < b.time; });
  // Event times up to the horizon with the estimate just after and Greenwood's term.
  std::vector<double> times, after, term;
  double s = 1.0;
  double at_risk = static_cast<double>(obs.size());
  for (const Obs& o : obs) {
    if (o.time > c.horizon) break;
    if (o.event && at_risk > 1.0) {
      s *= 1.0 - 1.0 / at_risk;
      times.push_back(o.time);
      after.push_back(s);
      term.push_back(1.0 / (at_risk * (at_risk - 1.0)));
    }
    at_risk -= 1.0;
  }
  Estimate e;
  if (c.kind == KmContrast::Kind::kMilestone) {
    e.value = s;
    for (double x : term) e.variance += x;
    e.variance *= s * s;
    return e;
  }
  // int_{t_i}^tau S^ for each event time, summed from the horizon back.
  double tail = 0.0;
  double next = c.horizon;
  for (std::size_t i = times.size(); i-- > 0;) {
    tail += after[i] * (next - times[i]);
    next = times[i];
    e.variance += tail * tail * term[i];
  }
  e.value = tail + next;  // S^ = 1 before the first event
  return e;
}

void check_moments(const SurvivalSpec& spec, const KmContrast& c, double early, double late, int patients,
                   int replicates, std::uint64_t seed) {
  PairMoments d;
  Stream rng(seed);
  for (int r = 0; r < replicates; ++r) {
    const std::vector<Patient> trial = draw(spec, patients, rng);
    d.add(km_estimate(trial, 1, early, c).value - km_estimate(trial, 0, early, c).value,
          km_estimate(trial, 1, late, c).value - km_estimate(trial, 0, late, c).value);
  }
  const KmContrastMoments a = km_contrast_moments(spec, c, early);
  const KmContrastMoments b = km_contrast_moments(spec, c, late);
  const double m = replicates;
  const double v1 = a.variance / patients, v2 = b.variance / patients;
  EXPECT_NEAR(d.mean_x(), a.estimate, kBound * std::sqrt(v1 / m));
  EXPECT_NEAR(d.mean_y(), b.estimate, kBound * std::sqrt(v2 / m));
  EXPECT_NEAR(d.var_x(), v1, kBound * v1 * std::sqrt(2.0 / m));
  EXPECT_NEAR(d.var_y(), v2, kBound * v2 * std::sqrt(2.0 / m));
  const double rho = std::sqrt(v2 / v1);
  EXPECT_NEAR(d.corr(), rho, kBound * (1.0 - rho * rho) / std::sqrt(m));
}

TEST(KmContrastMonteCarlo, CureModelRmstMatchesSimulation) {
  check_moments(testing::seed_plan(), {KmContrast::Kind::kRmst, 24.0}, 40.0, 55.0, 300, 4000, 20120215);
}

TEST(KmContrastMonteCarlo, CureModelMilestoneMatchesSimulation) {
  check_moments(testing::seed_plan(), {KmContrast::Kind::kMilestone, 24.0}, 30.0, 50.0, 300, 4000, 31);
}

TEST(KmContrastMonteCarlo, WeibullDropOutTwoToOneMatchesSimulation) {
  // Weibull with cure, piecewise accrual, unequal drop-out, 2:1.
  const SurvivalSpec spec = testing::weibull_dropout_spec();
  check_moments(spec, {KmContrast::Kind::kRmst, 15.0}, 22.0, 40.0, 300, 4000, 77);
  check_moments(spec, {KmContrast::Kind::kMilestone, 12.0}, 20.0, 40.0, 300, 4000, 78);
}

// Trials analysed at the expected look times against the bounds of
// km_contrast_power: the share rejecting is its power.
void check_power(const SurvivalSpec& spec, const spending::DesignSpec& design, const KmContrast& c,
                 int patients, long long events, int replicates, std::uint64_t seed) {
  const KmContrastPower power = km_contrast_power(spec, design, c, patients, events);
  int rejected = 0;
  Stream rng(seed);
  for (int r = 0; r < replicates; ++r) {
    const std::vector<Patient> trial = draw(spec, patients, rng);
    for (const KmContrastLook& look : power.looks) {
      const Estimate e1 = km_estimate(trial, 1, look.calendar_time, c);
      const Estimate e0 = km_estimate(trial, 0, look.calendar_time, c);
      if ((e1.value - e0.value) / std::sqrt(e1.variance + e0.variance) >= look.efficacy_z) {
        ++rejected;
        break;
      }
    }
  }
  const double p = power.power;
  EXPECT_GT(p, 0.3);
  EXPECT_LT(p, 0.95);
  EXPECT_NEAR(rejected / static_cast<double>(replicates), p, kBound * std::sqrt(p * (1.0 - p) / replicates));
}

spending::DesignSpec two_looks() { return testing::one_sided_spec({0.7, 1.0}, 0.2); }

TEST(KmContrastMonteCarlo, GroupSequentialRmstPowerMatchesSimulation) {
  check_power(testing::seed_plan(), two_looks(), {KmContrast::Kind::kRmst, 18.0}, 150, 75, 4000, 5);
}

TEST(KmContrastMonteCarlo, GroupSequentialMilestonePowerMatchesSimulation) {
  check_power(testing::weibull_dropout_spec(), two_looks(), {KmContrast::Kind::kMilestone, 12.0}, 250, 100, 4000,
              6);
}

}  // namespace
}  // namespace gsd::survival::km_contrast_monte_carlo_test
