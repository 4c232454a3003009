#pragma once
// `monitor`: a data monitoring committee's looks at a trial. Each look's
// bound is recomputed at the information observed; the report holds the
// decisions, repeated confidence intervals and p-values, conditional power
// (at the assumed hazard ratio, else under the trial's survival model, else
// at the design alternative), and stage-wise inference after a stop.
#include <string>
#include <vector>

#include "gsd/endpoint_monitoring.hpp"
#include "gsd/monitoring/maxcombo_monitor.hpp"
#include "gsd/monitoring/monitor.hpp"
#include "gsd/monitoring/weighted_monitor.hpp"
#include "gsd/survival/weighted_logrank_power.hpp"
#include "gsd/run_options.hpp"
#include "gsd/simon_monitoring.hpp"
#include "gsd/trial.hpp"

namespace gsd {

// A weighted log-rank or MaxCombo survival.test monitored on its own
// information scale: each look's z against bounds recomputed at the observed
// variance of its score (monitoring/weighted_monitor.hpp) or, for MaxCombo,
// at the observed correlations (monitoring/maxcombo_monitor.hpp).
struct TestMonitoring {
  survival::SurvivalTest test;
  double planned_events = 0.0;
  double planned_variance = 0.0;  // a weighted test: V_plan
  bool planned_variance_given = false;  // monitoring.planned_variance, not the plan's
  std::vector<monitoring::WeightedLookResult> weighted;  // a weighted test
  std::vector<monitoring::MaxComboLookResult> maxcombo;  // a MaxCombo test
  numerics::MvnOptions mvn;                              // MaxCombo
};

struct MonitoringReport {
  std::string name;
  monitoring::MonitoringPlan plan;
  std::vector<LookInput> inputs;  // the looks as entered
  monitoring::MonitoringResult result;
  // A normal or binary endpoint: the natural scale of each look. Its looks'
  // `events` above are then patients.
  std::optional<EndpointMonitoring> endpoint;
  // A weighted or MaxCombo survival.test: its looks (`result` is then empty).
  std::optional<TestMonitoring> test;
  // Simon's two-stage design (design.type): its looks are counts, judged by
  // the design's rules (`result` is then empty).
  std::optional<SimonMonitoring> simon;
};

// The look's statistic as z (p-values and hazard ratios converted; the
// allocation ratio gives the log-rank information of a hazard ratio). The
// look's figures are of equal hazards; with a non-inferiority margin other
// than 1 the z returned is against it (monitoring::z_against_margin).
monitoring::ObservedLook observed_look(const LookInput& look, double allocation_ratio, double margin = 1.0);

// One look's outcome, whichever the test: the statistic judged (a MaxCombo
// test's largest z), its efficacy bound, the information fraction and the
// decision.
struct LookOutcome {
  double z = 0.0;
  double efficacy_z = 0.0;
  std::optional<double> futility_z;
  std::optional<double> harm_z;
  double information_fraction = 0.0;
  spending::Decision decision = spending::Decision::kContinue;
};
std::vector<LookOutcome> look_outcomes(const MonitoringReport& report);

// Throws InvalidInput with paths from the config root ({"monitoring", "looks",
// 1, "events"}) and NumericalError.
MonitoringReport monitor_trial(const Trial& trial, const RunOptions& options = {});

}  // namespace gsd
