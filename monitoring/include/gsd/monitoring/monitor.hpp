#pragma once
// A data monitoring committee's view of a trial: each observed look against
// the bound recomputed at its observed information, the decision, and the
// inference a committee reports (look_schedule.hpp, repeated_inference.hpp,
// conditional_power.hpp, final_inference.hpp give the methods).
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "gsd/monitoring/final_inference.hpp"
#include "gsd/monitoring/look_schedule.hpp"
#include "gsd/monitoring/monitoring_plan.hpp"
#include "gsd/monitoring/repeated_inference.hpp"
#include "gsd/spending/decision.hpp"

namespace gsd::monitoring {

// The decision at a look: kContinue, kStopEfficacy, kStopHarm (the lower
// bound of a two-sided design), or kStopFutility (a binding futility bound,
// or a final analysis that does not reject).
using spending::Decision;

// Where the effect for conditional power came from.
enum class EffectSource { kAssumedHazardRatio, kModelMeans, kDesignAlternative };

struct ConditionalPower {
  // Events at each remaining look, and the cumulative probability of crossing
  // an efficacy bound by it.
  std::vector<double> events;
  std::vector<double> assumed;  // at the assumed hazard ratio
  std::vector<double> trend;    // at the current estimate
  std::vector<double> null;     // at HR = 1: rpact's conditional rejection probability
  double predictive = 0.0;      // flat-prior predictive power to the end
};

struct LookResult {
  ObservedLook look;
  double information = 0.0;           // d r / (1 + r)^2
  double information_fraction = 0.0;  // d / D (rpact's observed information rate)
  double efficacy_z = 0.0;            // bound at this look (+inf: spends nothing)
  std::optional<double> futility_z;
  std::optional<double> harm_z;  // a harm bound crossed stops the trial (stop-harm)
  double nominal_p_one_sided = 0.0;  // P(Z >= efficacy_z) under H0
  double cumulative_alpha = 0.0;     // alpha spent through this look
  bool final_analysis = false;
  Decision decision = Decision::kContinue;
  // z at or below a non-binding futility bound while the trial continues:
  // the committee may stop for futility (advisory; the type I error is
  // controlled either way).
  bool futility_advice = false;
  double hazard_ratio = 1.0;          // exp(-z / sqrt(I))
  std::optional<Interval> repeated_ci_hazard_ratio;
  double repeated_p_value = 0.5;
  std::optional<ConditionalPower> conditional_power;  // absent once stopped
  LookSchedule schedule;  // bounds as known at this look, with the planned remainder
};

struct MonitoringResult {
  std::vector<LookResult> looks;
  std::optional<FinalInference> final_inference;  // once a look stops the trial
  // The hazard ratio used for conditional power; absent when a model's
  // per-look means are used instead (EffectSource::kModelMeans).
  std::optional<double> assumed_hazard_ratio;
  EffectSource effect_source = EffectSource::kDesignAlternative;
  spending::Design planned;  // the design as planned, at the planned fractions
};

// Runs every look in order. Throws numerics::InvalidInput with the field's
// path relative to the monitoring section ({"looks", 1, "events"}: "must
// exceed the previous look's 49 events"; a look after the trial stopped) and
// numerics::NumericalError on a numerical failure.
MonitoringResult monitor(const MonitoringPlan& plan, std::span<const ObservedLook> looks);

// The schedule's span (look_statistic.hpp, kMaxEventSpan): every look's events
// and the planned events within a factor of a million of the first look's, and
// every look within a million times the planned events. Throws InvalidInput
// naming looks[k].events or planned_events. monitor() checks it; a weighted,
// MaxCombo, RMST or milestone test's looks are checked by their front end.
void check_event_span(double planned_events, std::span<const double> events);

}  // namespace gsd::monitoring
