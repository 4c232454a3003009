#pragma once
// `design`: the group-sequential boundaries of a trial and, when the trial
// has a survival model, its sample size (patients, events, power and look
// times), in the solve mode the given quantities imply; with a normal or
// binary endpoint, its patients or power and its bounds on the estimate scale.
#include <optional>
#include <string>

#include "gsd/endpoints/endpoint_plan.hpp"
#include "gsd/run_options.hpp"
#include "gsd/simulate/exact_binomial.hpp"
#include "gsd/spending/design.hpp"
#include "gsd/survival/integer_plan.hpp"
#include "gsd/survival/km_contrast_power.hpp"
#include "gsd/survival/sample_size.hpp"
#include "gsd/survival/maxcombo_power.hpp"
#include "gsd/survival/test_sizing.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"
#include "gsd/trial.hpp"

namespace gsd {

// A survival plan with the model it was solved for.
struct SampleSize {
  survival::SurvivalSpec spec;
  survival::SurvivalPlan plan;
};

// A normal or binary endpoint's plan with the endpoint it was solved for.
struct EndpointSize {
  endpoints::EndpointSpec spec;
  endpoints::EndpointPlan plan;
  // A binary endpoint of one group: the exact operating characteristics of
  // the responder count at the whole patients `gsd simulate` runs (the plan's
  // rounded up), where every look has its statistic and the trial is within
  // simulate::kExactBinomialMaxPatients.
  std::optional<simulate::ExactBinomial> exact;
  // With endpoint.sizing "exact": how its patients were found. The plan is
  // then the normal approximation's at those patients, solved_for patients.
  struct ExactSizing {
    double target_power = 0.0;
    double normal_patients = 0.0;  // the normal approximation's, rounded up
    int first_scanned = 0;         // the scan's first size
    int sizes_scanned = 0;         // through the one chosen
  };
  std::optional<ExactSizing> exact_sizing;
};

// The design and plan before whole numbers (survival.integer).
struct ContinuousResult {
  spending::Design boundaries;
  survival::ContinuousPlan plan;
};

// One rate of a Simon design's operating characteristics.
struct SimonOperatingPoint {
  double rate = 0.0;
  double promising = 0.0;          // P(declared promising)
  double early_stop = 0.0;         // P(stop after stage 1)
  double expected_patients = 0.0;
};

// Simon's two-stage design of the trial, with the one its criterion picks
// and that design's operating characteristics at rates p0 + k (p1 - p0) / 4,
// k = -4..8, those in (0, 1) (p0 at k = 0, p1 at k = 4).
struct SimonPlan {
  SimonTrial settings;
  endpoints::SimonResult result;
  std::vector<SimonOperatingPoint> operating_characteristics;

  const endpoints::SimonDesign& chosen() const {
    return settings.criterion == SimonCriterion::kMinimax ? result.minimax : result.optimal;
  }
};

// The operating characteristics of a Simon design at the given rates, each in (0, 1).
std::vector<SimonOperatingPoint> simon_operating_characteristics(const endpoints::SimonDesign& design,
                                                                 const std::vector<double>& rates);
// The chosen design's operating characteristics over the true rate, at
// 0.005, 0.010, ..., 0.995: what the charts draw.
std::vector<SimonOperatingPoint> simon_curve(const SimonPlan& plan);

struct DesignResult {
  std::string name;
  // With survival.integer, the bounds recomputed at the whole events.
  spending::Design boundaries;
  std::optional<SampleSize> sample_size;  // with a survival model
  std::optional<ContinuousResult> continuous;  // with survival.integer
  std::optional<EndpointSize> endpoint;  // with a normal or binary endpoint
  // With survival.test other than the log-rank test: that test's power at the
  // plan's patients and events (weighted_logrank_power.hpp).
  std::optional<survival::WeightedLogRankPower> test;
  // With a MaxCombo survival.test: its bounds and power at the plan's
  // patients and events (maxcombo_power.hpp).
  std::optional<survival::MaxComboPower> maxcombo;
  // With an RMST or milestone survival.test: its bounds and power at the
  // plan's patients and events, and the patients it needs for the design's
  // power (km_contrast_power.hpp).
  std::optional<survival::KmContrastPlan> km_contrast;
  std::optional<survival::SurvivalTest> test_requested;  // survival.test as given
  // With such a test and power given instead of patients and events: the
  // sizes it needs (test_sizing.hpp). `test` or `maxcombo` is then its plan at
  // those sizes, and sample_size the log-rank plan there, with this solve's
  // mode and unrounded patients and events.
  std::optional<survival::TestSizing> test_sizing;
  // With design.type "simon-two-stage": Simon's design, and nothing else
  // (`boundaries` is then empty: the design has no spending function).
  std::optional<SimonPlan> simon;

  // The trial is tested by a weighted, MaxCombo, RMST or milestone test
  // (test, maxcombo or km_contrast), not by the log-rank plan's own test.
  bool tested_by_another_test() const { return test || maxcombo || km_contrast; }
};

// Throws InvalidInput (paths from the config root: {"survival", "power"}) and
// NumericalError.
DesignResult design_trial(const Trial& trial, const RunOptions& options = {});

// The settings of the survival plan that come from elsewhere in the trial:
// the calendar cap is survival.analysis_cap, else the simulation's
// max_duration, else the simulator's default cap (over every stratum when the
// simulation is stratified).
survival::PlanSettings plan_settings(const Trial& trial);

// The boundaries alone, and the survival plan for given boundaries.
spending::Design solve_boundaries(const Trial& trial, const RunOptions& options = {});
std::optional<SampleSize> solve_sample_size(const Trial& trial, const spending::Design& boundaries,
                                            const RunOptions& options = {});

}  // namespace gsd
