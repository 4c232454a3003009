#pragma once
// Private: one replicate, end to end, with per-thread buffers reused across
// replicates (no allocation per replicate once they have grown).
#include <cstdint>
#include <optional>
#include <vector>

#include "accrual_sampler.hpp"
#include "gsd/simulate/look_plan.hpp"
#include "gsd/monitoring/monitoring_plan.hpp"
#include "gsd/monitoring/weighted_monitor.hpp"
#include "gsd/simulate/simulated_test.hpp"
#include "gsd/simulate/simulator.hpp"
#include "km_contrast_accumulator.hpp"
#include "latency_sampler.hpp"
#include "observed_bounds.hpp"

namespace gsd::simulate::detail {

// The model in the form the inner loop reads.
struct ArmParams {
  double cure_fraction = 0.0;
  std::uint64_t cure_words = 0;   // words_below(cure_fraction): cured when word < it
  const LatencySampler* latency = nullptr;
  double dropout_rate = 0.0;      // 0 = none
  double inverse_noncured = 1.0;  // 1 / (1 - cure_fraction)
};

// A weighted log-rank test's weights in the form the merge reads: integer
// exponents (the common 0, 1, 2) by multiplication, others by std::pow.
struct KernelWeight {
  bool magirr_burman = false;
  double rho = 0.0;
  double gamma = 0.0;
  double t_star = 0.0;
  int rho_int = -1;  // rho when it is 0, 1 or 2, else -1
  int gamma_int = -1;
  // A hazard ratio under H0 other than 1 (simulated_test.hpp): the score at
  // null_ratio with the Breslow variance for ties.
  bool shifted_null = false;
  double null_ratio = 1.0;
};
KernelWeight kernel_weight(const survival::LogRankWeight& w);

// A weighted test judged at the variances observed (simulated_test.hpp,
// observed-variance bounds): the monitor's plan for it, and the plan on the
// events scale that monitoring::bounds_at_look reads.
struct VarianceBounds {
  monitoring::WeightedMonitoringPlan weighted;
  monitoring::MonitoringPlan events_scale;
};

// A side test's bounds (simulated_test.hpp), as CompiledTrial keeps the
// trial's own.
struct SideTest {
  // Index into CompiledTrial::weights; -1: the log-rank z; -2 - c: the
  // contrast c of CompiledTrial::contrasts.
  int weight = -1;
  std::vector<int> combo;  // MaxCombo: the largest z of these (indices as `weight`)
  std::vector<double> efficacy;
  std::vector<std::optional<double>> futility;
  std::vector<std::optional<double>> harm;
  bool two_sided = false;
  const CappedFinalBounds* capped = nullptr;  // null: the final bound (MaxCombo)
  std::optional<VarianceBounds> variance;  // set: bounds at the variances observed
};

struct CompiledTrial {
  int patients = 0;
  std::size_t strata = 1;
  std::vector<double> stratum_cdf;      // cumulative proportions, last = 1
  std::vector<ArmParams> arms;          // [stratum * 2 + treatment]
  const AccrualSampler* accrual = nullptr;
  bool uniform_accrual = true;
  std::vector<double> sort_scale;  // per stratum: mean of the arms' median latencies
  bool any_dropout = false;
  bool permuted_blocks = true;
  int block_treatment = 1;              // treatment patients per block
  int block_control = 1;
  double p_treatment = 0.5;             // simple randomisation
  // Design.
  std::vector<int> look_events;
  std::vector<survival::LookTrigger> triggers;  // empty: all by events
  std::vector<double> efficacy;                // upper bound per look
  // Futility bound per look: stop when z <= it (one-sided), or when |z| is
  // below it (symmetric two-sided).
  std::vector<std::optional<double>> futility;
  std::vector<std::optional<double>> harm;      // one-sided designs with a harm bound
  bool two_sided = false;
  bool any_futility = false;
  const CappedFinalBounds* capped = nullptr;  // null: the final bound (MaxCombo)
  double max_duration = 0.0;
  // Set when a look can be set by its calendar time (triggers time, first or
  // last): every analysis of a replicate then takes the bounds recomputed at
  // the events it observed (observed_bounds.hpp), the capped final too.
  const monitoring::MonitoringPlan* observed = nullptr;
  // Weighted tests computed at every look (one merge for all of them).
  std::vector<KernelWeight> weights;
  int primary_weight = -1;  // the trial's test as SideTest::weight (-1: the log-rank z)
  std::vector<int> primary_combo;  // a MaxCombo trial test: its tests as primary_weight
  // The trial's test is a Fleming-Harrington or Magirr-Burman test: its
  // looks' records carry its variance.
  bool primary_weighted_score = false;
  // Set: the trial's (weighted) test is judged at the variances observed.
  std::optional<VarianceBounds> primary_variance;
  std::vector<KernelContrast> contrasts;  // RMST and milestone tests (one merge for all)
  std::vector<SideTest> side;
};

// Infinities after the censoring times of a look (risk_set_merge.hpp): the
// eight lanes compared at once.
inline constexpr std::size_t kCensorPad = 8;

// One patient in y order (time to event or drop-out), what the log-rank reads.
struct TimedPatient {
  double y;
  double calendar;  // entry + y
  std::uint8_t treatment;
  std::uint8_t event;
};

// An analysis a replicate held, on the path that obeys the futility bounds
// (SimulationTotals::held).
struct HeldLook {
  std::size_t look = 0;
  int events = 0;
  int patients = 0;
  double calendar_time = 0.0;
  double efficacy_z = 0.0;  // the bound met; +infinity where it spends nothing
};

// An analysis a side test held: its bound met there.
struct SideHeldLook {
  std::size_t test = 0;
  std::size_t look = 0;
  double efficacy_z = 0.0;  // +infinity where it spends nothing
};

struct LogRank {
  int events = 0;
  int patients = 0;  // enrolled
  double z = 0.0;
  std::optional<double> log_hazard_ratio;
};

class Workspace {
 public:
  // Draws the patients of replicate `replicate` (everything random happens here).
  void generate(const CompiledTrial& trial, std::uint64_t seed, std::uint64_t replicate);
  // Stratified log-rank over the data observed at calendar time tau.
  LogRank log_rank(double tau) const;
  // The same, and in the same pass the z of each weighted test into test_z
  // (simulated_test.hpp).
  LogRank log_rank(double tau, const std::vector<KernelWeight>& weights,
                   const std::vector<KernelContrast>& contrasts = {});
  std::vector<double> test_z;
  std::vector<double> contrast_z;  // per contrast (-2 - c in SideTest::weight)
  // Per side test: the look of its efficacy rejection, -1 if none (run_looks).
  std::vector<int> side_reject;
  // The variance of weighted test `slot` (CompiledTrial::weights) at the
  // last log_rank() with weights.
  double test_variance(int slot) const { return test_v_[idx_of(slot)]; }
  // The trial's test ([0]) and each side test ([1 + j]) judged at the
  // variances observed: its analyses so far on the events scale (run_looks).
  std::vector<std::vector<double>> variance_history;
  // The analyses held by the current replicate (run_looks): by the trial's
  // test, and by the side tests.
  std::vector<HeldLook> held;
  std::vector<SideHeldLook> side_held;
  int enrolled_by(double tau) const;

  // Groups the event calendar times into buckets over [0, cap] (one per event
  // on average), so that the time of the d-th event is a prefix count plus a
  // selection within one bucket: O(m) to index, O(m) for each look.
  void index_event_times(double cap);
  // Calendar time of the d-th event (1-based), if it happens by the cap.
  std::optional<double> event_time(int d);
  // Events by the cap.
  int events_by_cap() const { return static_cast<int>(event_bucket_start_.end()[-2]); }

  // Event calendar times, for the look times.
  std::vector<double> event_times;

  // Bounds at observed events (CompiledTrial::observed), and the events of
  // the analyses so far in the current replicate.
  ObservedBoundsCache observed_bounds;
  std::vector<int> analysis_events;

  // Whether generate() fills y and event below (patient records); the looks
  // do not read them.
  bool patient_outcomes = true;
  // Patient arrays in enrolment order within strata (for PatientRecord).
  std::vector<double> entry;
  std::vector<double> y;          // +infinity: cured and never dropped out
  std::vector<double> calendar;   // entry + y
  std::vector<std::uint8_t> treatment;
  std::vector<std::uint8_t> event;
  std::vector<std::uint8_t> cured;
  std::vector<int> stratum_offset;  // strata + 1

 private:
  void draw_strata(const CompiledTrial& trial, std::uint64_t seed, std::uint64_t replicate);
  void draw_entries(const CompiledTrial& trial, std::uint64_t seed, std::uint64_t replicate);
  void draw_patients(const CompiledTrial& trial, std::uint64_t seed, std::uint64_t replicate);

  struct Sums {
    double observed_t = 0.0;
    double expected_t = 0.0;
    double variance = 0.0;
    int events = 0;
  };
  static std::size_t idx_of(int slot) { return static_cast<std::size_t>(slot); }
  int stratum_log_rank(std::size_t s, double tau, Sums& sums) const;
  static void finish_log_rank(const Sums& sums, LogRank& out);
  // The merge of stratum_log_rank, calling visitor.one(y, n0, n1, is_event,
  // treatment) for an untied outcome and visitor.group(y, n, n1, d, d1) for a
  // tie group, with the numbers at risk just before (weighted_log_rank.cpp).
  template <class Visitor>
  int stratum_merge(std::size_t s, double tau, Sums& sums, Visitor& visitor) const;
  std::vector<double> test_u_;  // per weighted test, summed over strata
  std::vector<double> test_v_;
  std::vector<double> star_survival_;  // per test: S^ at the last event time <= t*
  std::vector<ArmKaplanMeier> arm_km_;   // per contrast and arm: [2 c + treatment]
  void sort_by_y(std::size_t begin, std::size_t end, double scale);

  std::vector<int> treatment_prefix_;  // treatment patients before index i
  std::vector<TimedPatient> timed_;    // finite y, sorted by y within stratum
  std::vector<int> timed_offset_;      // strata + 1
  std::vector<TimedPatient> unsorted_;  // scratch for the sort
  // Scratch of stratum_merge: the outcomes observed at a look (y with an
  // infinite y after them, arm, event) and the censoring times (with
  // kCensorPad infinities after them) and running treated counts.
  mutable std::vector<double> observed_y_;
  mutable std::vector<std::uint8_t> observed_arm_;
  mutable std::vector<std::uint8_t> observed_event_;
  mutable std::vector<double> censored_y_;
  mutable std::vector<int> censored_treated_;
  // Per observed outcome: the censorings before it (risk_set_merge.hpp).
  mutable std::vector<std::uint32_t> censored_before_;
  std::vector<double> inverse_;                    // 1 / k, k = 0..n (1/0 taken as 0)
  std::vector<double> picked_events_;              // event_time's bucket, packed
  std::vector<std::uint32_t> event_bucket_start_;  // buckets + 2: starts, then all
  std::vector<std::uint32_t> words_;   // random words for the entry times
  std::vector<std::uint32_t> outcome_words_;
  std::vector<std::uint32_t> dropout_words_;
  std::vector<std::uint32_t> bucket_id_;
  std::vector<std::uint32_t> event_bucket_id_;  // index_event_times' buckets (grown there)
  std::vector<std::uint32_t> uncured_;  // positions of the noncured
  std::vector<std::size_t> uncured_offset_;  // strata + 1
  std::vector<std::uint16_t> stratum_of_;  // filled when there are strata
  std::vector<double> spacing_;  // exponential spacings, then their partial sums
  std::vector<double> hazard_;   // cumulative hazards of a stratum's noncured
  std::vector<std::uint32_t> bucket_;
};

// What one replicate contributes to the totals.
struct ReplicateOutcome {
  int stop_look = 0;
  Decision decision = Decision::kFinalNoRejection;
  int events = 0;
  int patients = 0;
  double calendar_time = 0.0;
  std::optional<double> log_hazard_ratio;
  bool capped = false;
  bool no_analysis = false;  // capped with no event since the last look
  // With futility ignored: the look and side of a rejection, if any.
  std::optional<int> reject_look_ignoring_futility;
  bool reject_upper_ignoring_futility = false;
};

// Runs the looks of the replicate just generated; appends LookRecords to
// `records` when given. Side tests' rejections go to ws.side_reject.
ReplicateOutcome run_looks(const CompiledTrial& trial, Workspace& ws,
                           std::vector<LookRecord>* records);

// `side_reject`: per side test the look of its rejection, -1 if none;
// `held`, `side_held`: the analyses the replicate held (none for an
// endpoint trial).
void add_outcome(SimulationTotals& totals, const ReplicateOutcome& outcome,
                 const std::vector<int>& side_reject = {}, const std::vector<HeldLook>& held = {},
                 const std::vector<SideHeldLook>& side_held = {});

}  // namespace gsd::simulate::detail
