#pragma once
// The hazard ratio's quartiles at stopping, as the reference tests check the
// simulator's against an independent simulation's (quantile type 1 in R).
#include <gtest/gtest.h>

#include <cstddef>
#include <optional>

#include "gsd/simulate/simulation_result.hpp"
#include "monte_carlo_bounds.hpp"

namespace gsd::testing {

// The simulator's histogram of log hazard ratios has bins of 0.001: each
// quartile it reports is the middle of the bin that holds the sample's
// (the inverse of the empirical distribution function, as R's quantile type
// 1), within 0.0005 of it in log scale, so a hazard ratio q within about
// 0.0005 q. The same holds for the median (R's median() differs from that
// inverse by at most the gap between two adjacent order statistics, of the
// order of 1e-6 in these tests).
inline constexpr double kLogHazardRatioHalfBin = 0.0005;

// Expects the lower quartile, median and upper quartile of the hazard ratio
// at stopping each within the half bin plus `standard_errors` times
// difference_se(reference) of the reference's.
template <class DifferenceSe>
void expect_hazard_ratio_quartiles(const simulate::SimulationResult& r, const Estimate (&reference)[3],
                                   double standard_errors, DifferenceSe difference_se) {
  static constexpr const char* kNames[3] = {"lower quartile", "median", "upper quartile"};
  const std::optional<double> quartiles[3] = {r.hazard_ratio_q1, r.hazard_ratio_median, r.hazard_ratio_q3};
  for (std::size_t k = 0; k < 3; ++k) {
    const Estimate& e = reference[k];
    ASSERT_TRUE(quartiles[k].has_value()) << kNames[k];
    EXPECT_NEAR(*quartiles[k], e.value,
                e.value * kLogHazardRatioHalfBin + standard_errors * difference_se(e))
        << kNames[k] << " hazard ratio at stopping";
  }
}

}  // namespace gsd::testing
