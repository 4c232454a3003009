// The weighted log-rank moments against a direct simulation: patients drawn
// from the model (entry, cure, latency, drop-out) and the weighted log-rank
// statistic computed from the data at two calendar times, for FH(0, 1),
// FH(1, 0) and Magirr-Burman t* = 12. Each replicate's moments are compared
// with the asymptotic ones within 4 standard errors of the Monte Carlo
// (fixed seed; a false alarm at 4 SE has probability about 6e-5 per
// comparison):
// - with the weights at their limit w(S(s)) (S the pooled survival limit),
//   the score U has mean N E[U] and variance N Var U, and the variance
//   estimate has mean N V0;
// - with the weights from the pooled Kaplan-Meier estimate (the test as it
//   is run), Z has mean sqrt(N) E[U] / sqrt(V0); with equal arms, variance 1
//   and the looks' correlation sqrt(V0_early / V0_late) (independent
//   increments under H0).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "gsd/survival/weighted_logrank.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"
#include "pair_moments.hpp"
#include "patient_simulation.hpp"
#include "survival_test_specs.hpp"

namespace gsd::survival::weighted_logrank_monte_carlo_test {
namespace {

using testing::draw;
using testing::PairMoments;
using testing::Patient;
using testing::Statistic;
using testing::Stream;
using testing::weighted_scores;

const std::vector<LogRankWeight>& weights_checked() {
  static const std::vector<LogRankWeight> weights{LogRankWeight::fleming_harrington(0.0, 1.0),
                                                  LogRankWeight::fleming_harrington(1.0, 0.0),
                                                  LogRankWeight::magirr_burman(12.0)};
  return weights;
}

constexpr int kPatients = 800;
constexpr int kReplicates = 3000;
constexpr double kBound = 4.0;  // standard errors

// The variance estimate's mean is below N V0 by O(1 / Y) where few remain at
// risk (E[Y0 Y1 / Y^2 | Y] carries a factor 1 - 1 / Y): with weights that
// grow late, a scenario needs enough patients for that bias to stay well
// inside the bound.
void check_against_simulation(const SurvivalSpec& spec, double early, double late, std::uint64_t seed,
                              int patients_per_trial = kPatients, int replicates = kReplicates) {
  const std::vector<LogRankWeight>& weights = weights_checked();
  const std::size_t n = weights.size();
  std::vector<PairMoments> score(n), estimate(n), z(n);
  Stream rng(seed);
  for (int r = 0; r < replicates; ++r) {
    const std::vector<Patient> trial = draw(spec, patients_per_trial, rng);
    const std::vector<Statistic> u1 = weighted_scores(spec, trial, early, weights, false);
    const std::vector<Statistic> u2 = weighted_scores(spec, trial, late, weights, false);
    const std::vector<Statistic> e1 = weighted_scores(spec, trial, early, weights, true);
    const std::vector<Statistic> e2 = weighted_scores(spec, trial, late, weights, true);
    for (std::size_t k = 0; k < n; ++k) {
      score[k].add(u1[k].score, u2[k].score);
      estimate[k].add(u1[k].variance, u2[k].variance);
      z[k].add(e1[k].score / std::sqrt(e1[k].variance), e2[k].score / std::sqrt(e2[k].variance));
    }
  }
  const double m = replicates;
  const double patients = patients_per_trial;
  for (std::size_t k = 0; k < n; ++k) {
    SCOPED_TRACE(::testing::Message() << "weight " << k);
    const WeightedLogRankMoments a = weighted_logrank_moments(spec, weights[k], early);
    const WeightedLogRankMoments b = weighted_logrank_moments(spec, weights[k], late);
    // The score with known weights: mean (SE sqrt(Var / m)) and variance (SE
    // Var sqrt(2 / m), normal).
    const double v1 = patients * a.variance_alternative;
    const double v2 = patients * b.variance_alternative;
    EXPECT_NEAR(score[k].mean_x(), patients * a.score_mean, kBound * std::sqrt(v1 / m));
    EXPECT_NEAR(score[k].mean_y(), patients * b.score_mean, kBound * std::sqrt(v2 / m));
    EXPECT_NEAR(score[k].var_x(), v1, kBound * v1 * std::sqrt(2.0 / m));
    EXPECT_NEAR(score[k].var_y(), v2, kBound * v2 * std::sqrt(2.0 / m));
    // The variance estimate: mean N V0, SE from its own spread.
    EXPECT_NEAR(estimate[k].mean_x(), patients * a.variance_null, kBound * std::sqrt(estimate[k].var_x() / m));
    EXPECT_NEAR(estimate[k].mean_y(), patients * b.variance_null, kBound * std::sqrt(estimate[k].var_y() / m));
    // Z with estimated weights: its mean, SE from its own spread.
    EXPECT_NEAR(z[k].mean_x(), a.mean_z(patients), kBound * std::sqrt(z[k].var_x() / m));
    EXPECT_NEAR(z[k].mean_y(), b.mean_z(patients), kBound * std::sqrt(z[k].var_y() / m));
  }
}

TEST(WeightedLogRankMonteCarlo, CureModelMomentsMatchSimulation) {
  // The seed plan (cure 40% vs 56.2%, noncured HR 0.63, accrual over 36).
  check_against_simulation(testing::seed_plan(), 30.0, 50.0, 20240601);
}

TEST(WeightedLogRankMonteCarlo, ProportionalHazardsMomentsMatchSimulation) {
  // Exponential, HR 0.7, no cure, piecewise accrual, drop-out, 2:1.
  SurvivalSpec spec;
  spec.control = CureModel(0.0, Latency::exponential_median(12.0));
  spec.treatment = CureModel(0.0, spec.control.latency()).with_hazard_ratio_noncured(0.7);
  spec.accrual = Accrual::piecewise({6.0, 18.0}, {1.0, 2.0});
  spec.dropout_control = 0.01;
  spec.dropout_treatment = 0.01;
  spec.allocation_ratio = 2.0;
  // FH(0, 1) weights the tail, where S falls to 0.1: 2400 patients.
  check_against_simulation(spec, 20.0, 36.0, 7, 2400, 1000);
}

TEST(WeightedLogRankMonteCarlo, StrongEffectVarianceDiffersFromTheNullVariance) {
  // HR 0.25 with long follow-up: the treated arm keeps most of those at risk
  // late, and Var U differs from V0 by more than the Monte Carlo bound of
  // the variance (and from its martingale part alone by far more), so the
  // score's variance checks the alternative variance itself.
  SurvivalSpec spec;
  spec.control = CureModel(0.0, Latency::exponential_median(6.0));
  spec.treatment = CureModel(0.0, spec.control.latency()).with_hazard_ratio_noncured(0.25);
  spec.accrual = Accrual::uniform(12.0);
  for (const LogRankWeight& w : weights_checked()) {
    const WeightedLogRankMoments m = weighted_logrank_moments(spec, w, 40.0);
    EXPECT_GT(std::fabs(m.variance_ratio() - 1.0), 2.0 * kBound * std::sqrt(2.0 / 1000.0)) << m.variance_ratio();
  }
  check_against_simulation(spec, 15.0, 40.0, 11, 600, 1000);
}

TEST(WeightedLogRankMonteCarlo, EqualArmsGiveStandardNormalZ) {
  // With the arms alike, Z with estimated weights has mean 0 and variance 1
  // (SE sqrt(2 / m)), and the looks correlation sqrt(V0_early / V0_late).
  SurvivalSpec spec = testing::seed_plan();
  spec.treatment = spec.control;
  const std::vector<LogRankWeight>& weights = weights_checked();
  std::vector<PairMoments> z(weights.size());
  Stream rng(99);
  for (int r = 0; r < kReplicates; ++r) {
    const std::vector<Patient> trial = draw(spec, kPatients, rng);
    const std::vector<Statistic> e1 = weighted_scores(spec, trial, 30.0, weights, true);
    const std::vector<Statistic> e2 = weighted_scores(spec, trial, 50.0, weights, true);
    for (std::size_t k = 0; k < weights.size(); ++k) {
      z[k].add(e1[k].score / std::sqrt(e1[k].variance), e2[k].score / std::sqrt(e2[k].variance));
    }
  }
  const double m = kReplicates;
  for (std::size_t k = 0; k < weights.size(); ++k) {
    SCOPED_TRACE(::testing::Message() << "weight " << k);
    const double rho = std::sqrt(weighted_logrank_moments(spec, weights[k], 30.0).variance_null /
                                 weighted_logrank_moments(spec, weights[k], 50.0).variance_null);
    EXPECT_NEAR(z[k].mean_x(), 0.0, kBound / std::sqrt(m));
    EXPECT_NEAR(z[k].mean_y(), 0.0, kBound / std::sqrt(m));
    EXPECT_NEAR(z[k].var_x(), 1.0, kBound * std::sqrt(2.0 / m));
    EXPECT_NEAR(z[k].var_y(), 1.0, kBound * std::sqrt(2.0 / m));
    EXPECT_NEAR(z[k].cov(), rho, kBound * std::sqrt((1.0 + rho * rho) / m));
  }
}

TEST(WeightedLogRankMonteCarlo, GroupSequentialPowerMatchesSimulation) {
  // The seed trial (202 patients, looks at 47 / 71 / 94 events, two-sided
  // 0.05 O'Brien-Fleming spending), each simulated trial analysed at the
  // plan's expected look times with Kaplan-Meier weights against the plan's
  // bounds: the rejection rate must match the analytic power within 4 SE of
  // the binomial.
  const SurvivalSpec spec = testing::seed_plan();
  spending::DesignSpec design;
  design.alpha = 0.05;
  design.sided = spending::Sidedness::kTwoSidedSymmetric;
  design.beta = 0.16;
  design.information_fractions = {0.5, 0.75, 1.0};
  const int replicates = 4000;
  for (const LogRankWeight& w : {LogRankWeight::fleming_harrington(0.0, 1.0), LogRankWeight::fleming_harrington(1.0, 0.0),
                                 LogRankWeight::magirr_burman(12.0)}) {
    const WeightedLogRankPower plan = weighted_logrank_power(spec, design, w, 202.0, 94);
    Stream rng(4242);
    int rejected = 0;
    for (int r = 0; r < replicates; ++r) {
      const std::vector<Patient> trial = draw(spec, 202, rng);
      for (std::size_t k = 0; k < plan.looks.size(); ++k) {
        const Statistic s = weighted_scores(spec, trial, plan.looks[k].calendar_time, {w}, true)[0];
        const double z = s.score / std::sqrt(s.variance);
        if (std::fabs(z) >= plan.looks[k].efficacy_z) {
          rejected += z > 0.0 ? 1 : 0;
          break;
        }
      }
    }
    const double rate = static_cast<double>(rejected) / replicates;
    const double se = std::sqrt(plan.power * (1.0 - plan.power) / replicates);
    EXPECT_NEAR(rate, plan.power, kBound * se) << "rho " << w.rho << " gamma " << w.gamma << " t* " << w.t_star;
  }
}

}  // namespace
}  // namespace gsd::survival::weighted_logrank_monte_carlo_test
