#pragma once
// A data monitoring committee's view of a trial: each observed look against
// the bound recomputed at its observed information, the decision, and the
// inference a committee reports (look_schedule.hpp, repeated_inference.hpp,
// conditional_power.hpp, final_inference.hpp give the methods).
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "gsd/engine/monitoring/final_inference.hpp"
#include "gsd/engine/monitoring/look_schedule.hpp"
#include "gsd/engine/monitoring/monitoring_plan.hpp"
#include "gsd/engine/monitoring/repeated_inference.hpp"

namespace gsd::monitoring {

enum class Decision { kContinue, kStopEfficacy, kStopFutility };

// "continue", "stop-efficacy", "stop-futility" (../shared/CONTRACT.md).
const char* to_string(Decision decision);

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
  double nominal_p_one_sided = 0.0;  // P(Z >= efficacy_z) under H0
  double cumulative_alpha = 0.0;     // alpha spent through this look
  bool final_analysis = false;
  Decision decision = Decision::kContinue;
  std::string reason;                 // the decision in words
  std::optional<std::string> advice;  // a non-binding futility bound crossed
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
  Design planned;  // the design as planned, at the planned fractions
};

// Runs every look in order. Throws std::invalid_argument naming the field
// relative to the monitoring section ("looks[1].events = 40 must exceed the
// previous look's 49 events", "looks[2].events = 80 comes after the trial
// stopped ...") and gsd::NumericalError on a numerical failure.
MonitoringResult monitor(const MonitoringPlan& plan, std::span<const ObservedLook> looks);

}  // namespace gsd::monitoring
