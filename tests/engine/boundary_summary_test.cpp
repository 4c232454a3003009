// The bound-by-bound summary: its crossing probabilities end at each bound's
// error (alpha on the efficacy side, harm.alpha, power under H1), its effects
// are the z bounds on the effect and hazard-ratio scales, and the hazard ratio
// at a hazard-ratio futility bound is the one the config gave.
#include "gsd/boundary_summary.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "gsd/load.hpp"

namespace gsd::boundary_summary_test {
namespace {

DesignResult solve(const char* text) { return design_trial(load_trial(nlohmann::json::parse(text))); }

TEST(BoundarySummary, HarmDesignEndsAtEachError) {
  const DesignResult r = solve(R"({"design": {"alpha": 0.035, "beta": 0.16,
      "information_fractions": [0.5, 0.75, 1.0],
      "harm": {"spending": "lan-demets-pocock", "alpha": 0.01},
      "futility": {"z": [0.0, 0.5]}}})");
  const std::vector<BoundSummaryRow> rows = boundary_summary(r);
  // Looks 1 and 2: efficacy, futility, harm; look 3: efficacy, harm.
  ASSERT_EQ(rows.size(), 8u);
  const BoundSummaryRow& eff = rows[6];
  const BoundSummaryRow& harm = rows[7];
  EXPECT_EQ(eff.bound, BoundKind::kEfficacy);
  EXPECT_EQ(harm.bound, BoundKind::kHarm);
  EXPECT_NEAR(eff.cumulative_h0, 0.025, 1e-10);
  EXPECT_NEAR(harm.cumulative_h0, 0.01, 1e-10);
  EXPECT_NEAR(eff.cumulative_h1, 0.84, 1e-9);
  EXPECT_EQ(rows[1].bound, BoundKind::kFutility);
  EXPECT_EQ(rows[1].z, 0.0);
  EXPECT_NEAR(rows[1].nominal_p, 0.5, 1e-15);
  EXPECT_NEAR(eff.effect_fraction, eff.z / r.boundaries.drift, 1e-15);
  EXPECT_FALSE(eff.hazard_ratio.has_value());
}

TEST(BoundarySummary, HazardRatioFutilityRoundTrips) {
  const DesignResult r = solve(R"({"design": {"alpha": 0.025, "beta": 0.16,
      "information_fractions": [0.5, 0.75, 1.0],
      "futility": {"hazard_ratio": [1.0, 0.9]}},
    "survival": {"control": {"cure_fraction": 0.40, "median_noncured": 7.0},
                 "treatment": {"cure_fraction": 0.562}, "hazard_ratio_noncured": 0.63,
                 "accrual": {"duration": 36.0}, "patients": 202, "events": 94}})");
  const std::vector<BoundSummaryRow> rows = boundary_summary(r);
  ASSERT_EQ(rows[1].bound, BoundKind::kFutility);
  EXPECT_EQ(rows[1].z, 0.0);
  EXPECT_EQ(*rows[1].events, 47);
  EXPECT_NEAR(*rows[1].hazard_ratio, 1.0, 1e-15);
  ASSERT_EQ(rows[3].bound, BoundKind::kFutility);
  EXPECT_EQ(*rows[3].events, 71);
  EXPECT_NEAR(*rows[3].hazard_ratio, 0.9, 1e-14);
  // z at 71 events, 1:1: -ln 0.9 sqrt(71 / 4).
  EXPECT_NEAR(rows[3].z, -std::log(0.9) * std::sqrt(71.0 / 4.0), 1e-14);
}

// A survival plan at given sizes: H1 is the plan's, not the design's drift.
// A Schoenfeld plan at 500 patients and 300 events (2:1, HR 0.7) against
// rpact 3.3.4's getPowerSurvival: cumulative rejectPerStage and
// futilityPerStage (tests/reference/rpact_futility_effect_scale.R); the
// design's own beta of 0.1 would end the efficacy rows at 0.9.
TEST(BoundarySummary, SurvivalPlanCrossingsAreThePlansUnderH1) {
  const DesignResult r = solve(R"({"design": {"alpha": 0.025, "beta": 0.1,
      "information_fractions": [0.5, 0.75, 1.0],
      "futility": {"spending": "hsd", "parameter": -2}},
    "survival": {"control": {"median_noncured": 12}, "hazard_ratio_noncured": 0.7,
                 "allocation_ratio": 2, "accrual": {"duration": 24}, "patients": 500, "events": 300,
                 "method": "schoenfeld"}})");
  const std::vector<BoundSummaryRow> rows = boundary_summary(r);
  ASSERT_EQ(rows.size(), 5u);
  const double reject[3] = {0.1831769033, 0.3847790666, 0.2316086052};
  const double futility[2] = {0.05431119672, 0.05707900116};
  // rpact and gsd integrate on different grids: their exit probabilities
  // agree to about 1e-9 (the final one here 1.4e-9), within 1e-8.
  EXPECT_NEAR(rows[0].cumulative_h1, reject[0], 1e-8);
  EXPECT_NEAR(rows[2].cumulative_h1, reject[0] + reject[1], 1e-8);
  EXPECT_NEAR(rows[4].cumulative_h1, reject[0] + reject[1] + reject[2], 1e-8);
  EXPECT_NEAR(rows[1].cumulative_h1, futility[0], 1e-8);
  EXPECT_NEAR(rows[3].cumulative_h1, futility[0] + futility[1], 1e-8);
  // Schoenfeld's mean of Z at look k, -ln 0.7 sqrt(d_k r) / (1 + r), is the
  // plan's method_drift; z over it is the log hazard ratio at the bound over
  // ln 0.7.
  for (std::size_t k = 0; k < 3; ++k) {
    const auto& look = r.sample_size->plan.looks[k];
    const double mean = -std::log(0.7) * std::sqrt(static_cast<double>(look.events) * 2.0) / 3.0;
    ASSERT_TRUE(look.method_mean_z);
    EXPECT_NEAR(*look.method_mean_z, mean, 1e-12);
  }
  EXPECT_NEAR(rows[0].effect_fraction, std::log(*rows[0].hazard_ratio) / std::log(0.7), 1e-12);
}

TEST(BoundarySummary, SymmetricTwoSidedHasLowerRows) {
  const DesignResult r = solve(R"({"design": {"alpha": 0.05, "sided": 2,
      "information_fractions": [0.5, 1.0]}})");
  const std::vector<BoundSummaryRow> rows = boundary_summary(r);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].bound, BoundKind::kLower);
  EXPECT_EQ(rows[1].z, -rows[0].z);
  // gsDesign's gsBoundSummary gives the lower bound of a two-sided design
  // (test.type 2) the lower tail, pnorm(z): its side's nominal level, the
  // same as the efficacy row's. Closed form: Phi(-2.9626) for LD-OBF at
  // t = 0.5 is about 0.0015 (not 0.9985).
  EXPECT_EQ(rows[1].nominal_p, rows[0].nominal_p);
  EXPECT_NEAR(rows[1].nominal_p, 0.5 * std::erfc(-rows[1].z / std::sqrt(2.0)), 1e-15);
  EXPECT_LT(rows[1].nominal_p, 0.01);
  EXPECT_NEAR(rows[2].cumulative_h0 + rows[3].cumulative_h0, 0.05, 1e-10);
}

}  // namespace
}  // namespace gsd::boundary_summary_test
