#pragma once
// A whole trial as gsd sees it: the group-sequential design, and optionally
// the survival model or the normal or binary endpoint that sizes it, the settings of its simulation and the
// looks a monitoring committee has taken. This is the value the JSON config
// of the command line loads into (load.hpp), and what every workflow of the
// library takes (design.hpp, simulation.hpp, monitor.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gsd/endpoints/endpoint_look.hpp"
#include "gsd/endpoints/endpoint_spec.hpp"
#include "gsd/endpoints/simon_two_stage.hpp"
#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/simulate/trial_model.hpp"
#include "gsd/spending/design_spec.hpp"
#include "gsd/survival/survival_spec.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"

namespace gsd {

// The truth a normal or binary endpoint's trial is simulated under, when it
// is not the alternative the design was sized for (`simulation.endpoint`):
// each value given replaces the endpoint's; the analysis keeps the
// endpoint's margin, direction and statistic (type I error at the margin,
// power at a smaller effect; rpact's getSimulationMeans alternative and
// getSimulationRates pi1, pi2).
struct EndpointTruth {
  std::optional<double> mean_difference;  // normal, two groups
  std::optional<double> mean;             // normal, one group
  std::optional<double> sd;               // normal
  std::optional<double> control_rate;     // binary, two groups
  std::optional<double> treatment_rate;   // binary, two groups
  std::optional<double> rate;             // binary, one group

  // Throws numerics::InvalidInput with paths relative to the section: sd
  // positive, rates in (0, 1), means finite.
  void validate() const;
  // The endpoint with the values given laid over it, its direction fixed to
  // the endpoint's (a truth at the margin leaves the test's side as planned).
  endpoints::EndpointSpec over(const endpoints::EndpointSpec& endpoint) const;
};

// The settings of a simulation run (the config's `simulation` section). Run
// options given at call time (SimulationRequest) take precedence.
struct SimulationSettings {
  std::optional<std::int64_t> replicates;  // default 10000
  std::optional<std::uint64_t> seed;       // default 1
  // Calendar time at which a trial still short of its planned events has its
  // final analysis; default: the end of accrual plus the longest 99th
  // percentile of latency over arms and strata.
  std::optional<double> max_duration;
  simulate::Randomisation randomisation = simulate::Randomisation::kPermutedBlocks;
  int block_size = 0;  // 0: twice the smallest whole block of the allocation ratio
  // Events at each look; each must be the design's fraction x events rounded
  // up or down (default: rounded up).
  std::optional<std::vector<int>> look_events;
  // A stratified trial (stratified log-rank): each stratum's share and arms.
  // Empty: one stratum, the survival section's model.
  std::vector<simulate::StratumModel> strata;
  // Tests whose powers are counted beside the trial's own, on the same
  // replicates (simulation.tests); each judged against its own bounds.
  std::vector<survival::SurvivalTest> tests;
  // simulation.weighted_bounds = "observed": a Fleming-Harrington or
  // Magirr-Burman test (the trial's or in `tests`) is judged at each look
  // against bounds recomputed at the variance it observed, as gsd monitor
  // sets them (simulate/simulated_test.hpp); default ("planned"): the bounds
  // planned at its expected information fractions.
  bool observed_weighted_bounds = false;
  // A normal or binary endpoint's trial: the truth to draw patients from.
  // Absent: the endpoint's alternative.
  std::optional<EndpointTruth> endpoint_truth;

  // Throws numerics::InvalidInput with paths relative to the section.
  void validate() const;
};

// One look as the committee entered it: the events, exactly one form of the
// statistic, and notes for the record.
// One test of a MaxCombo look: its z and the observed variance of its
// weighted score.
struct TestLookInput {
  double z = 0.0;
  double variance = 0.0;
};

struct LookInput {
  double events = 0.0;
  std::optional<double> z;  // positive favours the experimental arm
  std::optional<double> p_two_sided;
  std::optional<monitoring::Direction> direction;  // with p_two_sided
  std::optional<double> hazard_ratio;
  // A weighted log-rank survival.test: the observed variance of its score
  // (z is then that test's z).
  std::optional<double> variance;
  // A MaxCombo survival.test: each test's z and variance, in the order of
  // survival.test.tests, and the null covariance matrix of their scores.
  std::vector<TestLookInput> tests;
  std::vector<std::vector<double>> covariance;
  bool final_analysis = false;  // a final analysis that under-runs the plan
  std::optional<std::string> date;
  std::optional<std::string> note;
  std::optional<std::string> recorded_at;  // set by a monitoring record
};

// One look at a normal or binary endpoint as the committee entered it: its
// patients and statistic (endpoint_look.hpp), and notes for the record.
struct EndpointLookInput {
  endpoints::LookData data;
  bool final_analysis = false;  // a final analysis that under-runs the plan
  std::optional<std::string> date;
  std::optional<std::string> note;
};

// One look at a Simon two-stage trial: the patients evaluated so far and
// their responders, both counted from the first patient.
struct SimonLookInput {
  double n = 0.0;
  double responders = 0.0;
  std::optional<std::string> date;
  std::optional<std::string> note;
};

// The config's `monitoring` section.
struct MonitoringSettings {
  std::optional<double> planned_events;        // default: survival.events
  std::optional<double> allocation_ratio;      // default: survival.allocation_ratio, else 1
  std::optional<double> assumed_hazard_ratio;  // for conditional power
  // A weighted log-rank survival.test: the score's variance planned at the
  // final analysis (default: the plan's, from the survival model).
  std::optional<double> planned_variance;
  std::vector<LookInput> looks;
  // A normal or binary endpoint: its looks (instead of `looks` above) and the
  // patients planned at the final analysis (default: the design's).
  std::vector<EndpointLookInput> endpoint_looks;
  std::optional<double> planned_patients;
  // Simon's two-stage design: its looks (stage 1, then all patients) and the
  // two-sided level of the interval after it (default 1 - 2 alpha).
  std::vector<SimonLookInput> simon_looks;
  std::optional<double> confidence_level;

  // Throws numerics::InvalidInput with paths relative to the section, e.g.
  // {"looks", 1, "p_two_sided"}.
  void validate() const;
};

// Simon's two-stage design (design.type "simon-two-stage") of a one-group
// binary endpoint: the rates come from the endpoint (margin p0, rate p1),
// alpha, beta and the search bound from the design section. The criterion
// names the design the trial runs; all are reported.
enum class SimonCriterion { kOptimal, kMinimax };

struct SimonTrial {
  endpoints::SimonSpec spec;
  SimonCriterion criterion = SimonCriterion::kOptimal;
};

struct Trial {
  std::string name;
  std::string description;
  spending::DesignSpec design;
  std::optional<survival::SurvivalSpec> survival;
  // A normal or binary endpoint (instead of survival): sized by endpoints/.
  std::optional<endpoints::EndpointSpec> endpoint;
  // survival.test: absent for the log-rank test the plan sizes.
  std::optional<survival::SurvivalTest> survival_test;
  std::optional<SimulationSettings> simulation;
  std::optional<MonitoringSettings> monitoring;
  // Instead of a group-sequential design: Simon's two-stage design. The
  // endpoint then holds its rates, and `design` is left at its defaults.
  std::optional<SimonTrial> simon;

  // Validates every section; paths start at the section ({"design", "alpha"}).
  void validate() const;
};

}  // namespace gsd
