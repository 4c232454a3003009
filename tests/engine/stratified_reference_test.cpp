// The stratified seed trial's simulation against an independent simulation
// of the same trial, written in plain R without gsd's code
// (tests/reference/stratified_simulation.R, 200,000 replicates; the
// values below are its output): configs/blinatumomab-stratified.json, the
// seed plan of 202 patients and 94 events with six strata of their own cure
// fractions, each patient's stratum drawn with the strata's proportions,
// permuted blocks of 4 within each stratum, and the stratified log-rank test
// (survival::survdiff with strata(): O - E and V summed over the strata,
// checked there against those sums computed by hand) against the plan's
// bounds, with the seed trial's calendar cap and its capped final analysis.
// No analytic power exists for a stratified model; this is the check of
// every number `gsd simulate` prints for it.
//
// gsd's simulator is checked statistically: each quantity within 4 standard
// errors of the difference of the two simulations (a false alarm with
// probability 6e-5 per quantity if both simulate the same trial).
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hazard_ratio_quartiles.hpp"
#include "monte_carlo_bounds.hpp"
#include "gsd/load.hpp"
#include "gsd/simulation.hpp"

namespace gsd::stratified_reference_test {
namespace {

using testing::Estimate;

// clang-format off
constexpr double kReferenceReplicates = 200000;
constexpr Estimate kPower = {0.85110, 0.00080};
// First upper crossing at each look (a capped final counts at its look).
constexpr Estimate kUpper[3] = {{0.26421, 0.00099}, {0.41450, 0.00110}, {0.17239, 0.00084}};
constexpr Estimate kCapped = {0.01482, 0.00027};  // ending at the calendar cap, with or without an analysis
constexpr Estimate kEvents = {71.99720, 0.03994};  // at stopping
constexpr Estimate kPatients = {186.50949, 0.04984};  // enrolled at stopping
constexpr Estimate kDuration = {39.31192, 0.03099};  // calendar months at stopping
// The hazard ratio at stopping: lower quartile, median, upper quartile.
constexpr Estimate kHazardRatio[3] = {{0.39995, 0.00023}, {0.50329, 0.00035}, {0.59058, 0.00073}};
// clang-format on

// The seed trial's cap: 36 months of accrual + 7 / 0.63 x log2(100), the
// slower arm's 99th percentile of noncured latency, the same in every stratum.
constexpr double kCalendarCap = 109.82062433083028;

constexpr double kStandardErrors = 4.0;

#if defined(__SANITIZE_ADDRESS__)
constexpr std::int64_t kReplicates = 40000;
#else
constexpr std::int64_t kReplicates = 200000;
#endif

// The standard error of the difference between the R estimate and gsd's.
double difference_se(const Estimate& r) {
  return testing::difference_se(r.se, kReferenceReplicates, static_cast<double>(kReplicates));
}

TEST(StratifiedReference, SimulatorAgreesWithAnIndependentSimulation) {
  SimulationRequest request;
  request.replicates = kReplicates;
  request.seed = 20261209;
  request.threads = 2;
  const SimulationReport report =
      simulate_trial(load_trial_file(std::string(GSD_SOURCE_DIR) + "/configs/blinatumomab-stratified.json"),
                     request);
  ASSERT_EQ(report.setup.strata_names.size(), 6u);
  EXPECT_FALSE(report.setup.analytic_power.has_value());
  const simulate::SimulationResult& r = report.result;
  ASSERT_EQ(r.look_events, (std::vector<int>{47, 71, 94}));
  EXPECT_TRUE(r.max_duration_is_default);
  EXPECT_NEAR(r.max_duration, kCalendarCap, 1e-9);
  const auto near = [&](double value, const Estimate& e, const char* what) {
    EXPECT_NEAR(value, e.value, kStandardErrors * difference_se(e)) << what;
  };
  near(r.power, kPower, "power");
  ASSERT_EQ(r.reject_per_look.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) near(r.reject_per_look[k], kUpper[k], "upper crossing");
  near(r.capped_fraction, kCapped, "capped fraction");
  near(r.expected_events, kEvents, "expected events");
  near(r.expected_patients, kPatients, "expected patients");
  near(r.expected_duration, kDuration, "expected duration");
  testing::expect_hazard_ratio_quartiles(r, kHazardRatio, kStandardErrors,
                                         [](const Estimate& e) { return difference_se(e); });
}

}  // namespace
}  // namespace gsd::stratified_reference_test
