#pragma once
// Totals of a simulation run, kept as integers so that they do not depend on
// the order in which replicates are added: any split over threads or MPI
// processes gives bit-identical totals, hence identical derived numbers.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace gsd::simulate {

__extension__ typedef __int128 Int128;  // GCC/Clang; exact fixed-point sums
__extension__ typedef unsigned __int128 UInt128;

// Log hazard-ratio histogram: bins of width 1/1000 on [-8, 8] (hazard ratios
// from 3.4e-4 to 2981), plus one underflow and one overflow bin. Quantiles are
// reported at bin midpoints, so their resolution is 0.05% in log-HR
// (a hazard ratio to within a factor exp(5e-4)).
struct LogHazardRatioHistogram {
  static constexpr double kMin = -8.0;
  static constexpr double kMax = 8.0;
  static constexpr int kBinsPerUnit = 1000;
  static constexpr int kBins = static_cast<int>((kMax - kMin) * kBinsPerUnit);  // 16000

  std::vector<std::int64_t> counts = std::vector<std::int64_t>(kBins + 2, 0);

  void add(double log_hr) noexcept;
  std::int64_t total() const noexcept;
  // Hazard ratio at the q-th quantile (smallest bin whose cumulative count
  // reaches q * total); nullopt when empty or in an open-ended bin.
  std::optional<double> hazard_ratio_quantile(double q) const;
};

// Durations are added in fixed point: round(t * 2^32) as an integer.
inline constexpr double kDurationScale = 4294967296.0;
// Efficacy z bounds likewise: round(z * 2^32), a resolution of 2.3e-10 in z.
inline constexpr double kBoundScale = 4294967296.0;

struct SimulationTotals {
  std::int64_t replicates = 0;
  // Stopping by look, futility bounds obeyed (power, expected sizes):
  std::vector<std::int64_t> reject_upper;  // z >= efficacy bound: counts as power
  std::vector<std::int64_t> reject_lower;  // two-sided: z <= -bound
  std::vector<std::int64_t> futility;      // z <= futility bound
  // Rejection by look with every futility bound ignored (the alpha count of a
  // non-binding futility bound).
  std::vector<std::int64_t> reject_upper_ignoring_futility;
  std::vector<std::int64_t> reject_lower_ignoring_futility;
  std::vector<std::int64_t> capped_by_look;  // final analysis forced by the cap, at look k
  std::int64_t capped = 0;                   // trials that hit the calendar cap
  std::int64_t no_analysis = 0;              // capped with no event since the last look
  std::int64_t events = 0;                   // at the stopping analysis
  std::int64_t patients = 0;                 // enrolled at the stopping analysis
  Int128 duration = 0;                       // calendar time of stopping, x 2^32
  LogHazardRatioHistogram log_hazard_ratio;  // Pike estimate at stopping
  // Side tests (simulated_test.hpp): efficacy rejections by look, test j's
  // look k at [j * looks + k].
  std::size_t tests = 0;
  std::vector<std::int64_t> test_reject_upper;
  // The analyses held, by look, on the path that obeys the futility bounds
  // (what the replicate data's rows hold): how many trials held look k, and
  // the sums over them of its events, enrolled patients and calendar time
  // (x kDurationScale); of those with a finite efficacy bound, how many, and
  // the sum of the bound met (x kBoundScale). Survival trials only.
  std::vector<std::int64_t> held;
  std::vector<std::int64_t> held_events;
  std::vector<std::int64_t> held_patients;
  std::vector<Int128> held_time;
  std::vector<std::int64_t> held_bounded;
  std::vector<Int128> held_efficacy;
  // Side tests likewise, test j's look k at [j * looks + k]: of the
  // analyses it held with a finite efficacy bound, how many, and the sum of
  // the bound met (x kBoundScale).
  std::vector<std::int64_t> test_bounded;
  std::vector<Int128> test_efficacy;

  explicit SimulationTotals(std::size_t looks = 0, std::size_t tests = 0);
  void add(const SimulationTotals& other);
  // Flat integer form for MPI reduction (Int128 as two 64-bit halves).
  std::vector<std::uint64_t> serialize() const;
  static SimulationTotals deserialize(const std::vector<std::uint64_t>& words,
                                      std::size_t looks, std::size_t tests = 0);
};

// A side test's rejections, from the same replicates as the trial's.
struct TestPower {
  double power = 0.0;     // P(its efficacy bound is crossed at some look)
  double power_se = 0.0;  // binomial
  std::vector<double> reject_per_look;
  // The mean efficacy bound met at each look, over the analyses it held
  // with a finite bound (nullopt where none): its planned bound, or at the
  // variance observed under weighted_bounds "observed".
  std::vector<std::optional<double>> mean_efficacy_z_per_look;
};

struct SimulationResult {
  std::int64_t replicates = 0;
  std::uint64_t seed = 0;
  double max_duration = 0.0;
  bool max_duration_is_default = true;
  std::vector<int> look_events;   // survival: events at each look
  std::vector<int> look_patients;  // normal or binary endpoint: patients at each look
  double power = 0.0;      // P(reject through the upper bound at some look)
  double power_se = 0.0;   // sqrt(p (1 - p) / R), binomial
  std::vector<double> reject_per_look;
  std::vector<double> reject_lower_per_look;
  double reject_lower = 0.0;  // P(stop at the lower bound at some look)
  std::vector<double> futility_per_look;
  double power_ignoring_futility = 0.0;
  std::vector<double> reject_per_look_ignoring_futility;
  double expected_events = 0.0;
  double expected_duration = 0.0;
  double expected_patients = 0.0;
  double capped_fraction = 0.0;
  std::vector<double> capped_per_look;
  // By look, over the trials that held it: the fraction of replicates that
  // held it, and the mean events, enrolled patients and calendar time there;
  // the mean efficacy bound met, over those whose bound was finite (nullopt
  // where none was). Survival trials: a normal or binary endpoint's trials
  // hold none (fractions 0, means nullopt), and its output leaves them out.
  std::vector<double> held_per_look;
  std::vector<std::optional<double>> mean_events_per_look;
  std::vector<std::optional<double>> mean_patients_per_look;
  std::vector<std::optional<double>> mean_time_per_look;
  std::vector<std::optional<double>> mean_efficacy_z_per_look;
  double no_analysis_fraction = 0.0;
  std::optional<double> hazard_ratio_q1;
  std::optional<double> hazard_ratio_median;
  std::optional<double> hazard_ratio_q3;
  std::vector<TestPower> tests;  // side tests, in the order given
  bool interrupted = false;  // the run was stopped early; totals are partial
  // False on MPI ranks other than 0, whose result holds only their own totals.
  bool root = true;
  SimulationTotals totals;
};

SimulationResult summarize(const SimulationTotals& totals);

}  // namespace gsd::simulate
