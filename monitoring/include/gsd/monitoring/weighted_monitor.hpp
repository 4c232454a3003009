#pragma once
// Monitoring a weighted log-rank test (Fleming-Harrington, Magirr-Burman;
// survival/weighted_logrank.hpp). Its information is the variance V of its
// weighted score, not the events: the scores have independent increments
// with Cov(U_j, U_k) = V_j for j <= k (Tsiatis 1982, JASA 77:855), so a look
// with observed variance V_k is at information fraction V_k / V_plan, where
// V_plan is the variance planned at the final look (the patients times the
// per-patient null variance of survival::weighted_logrank_moments at the
// final look's expected time). Each look's bounds are recomputed at the
// fractions observed so far and the plan's remaining fractions, exactly as
// the log-rank monitor does with events / planned events (look_schedule.hpp):
// the cumulative alpha at a look is alpha(V_k / V_plan) (or the plan's
// spending time, where it gives one), the final analysis spends all that is
// left, and the correlations are sqrt(V_j / V_k).
#include <optional>
#include <span>
#include <vector>

#include "gsd/monitoring/monitor.hpp"
#include "gsd/spending/design_spec.hpp"

namespace gsd::monitoring {

struct WeightedMonitoringPlan {
  // The design at the test's planned information fractions (the `design.spec`
  // of survival::weighted_logrank_power).
  spending::DesignSpec design;
  double planned_variance = 0.0;  // V_plan
  // The plan's final events: the looks not yet taken are placed at the plan's
  // fractions of them (look_schedule.hpp).
  double planned_events = 0.0;
};

struct WeightedObservedLook {
  double variance = 0.0;  // V_k, the observed variance of the weighted score
  double z = 0.0;         // U_k / sqrt(V_k), positive favours treatment
  bool final_analysis = false;
};

struct WeightedLookResult {
  double information_fraction = 0.0;  // V_k / V_plan
  double efficacy_z = 0.0;
  std::optional<double> futility_z;
  std::optional<double> harm_z;
  double nominal_p_one_sided = 0.0;
  double cumulative_alpha = 0.0;
  bool final_analysis = false;
  Decision decision = Decision::kContinue;
  bool futility_advice = false;
};

// The log-rank plan the looks are monitored through: the weighted test's
// design, with the information on the events scale (assumed hazard ratio 1,
// as conditional power is not reported on it).
MonitoringPlan events_scale_plan(const WeightedMonitoringPlan& plan);

// A look's variance V on that scale: the events planned_events V / V_plan
// at the same information fraction.
double events_scale(const WeightedMonitoringPlan& plan, double variance);

// Throws numerics::InvalidInput naming "planned_variance", "planned_events",
// or {"looks", k, "variance"} (positive, finite, increasing) and as monitor().
std::vector<WeightedLookResult> monitor_weighted(const WeightedMonitoringPlan& plan,
                                                 std::span<const WeightedObservedLook> looks);

}  // namespace gsd::monitoring
