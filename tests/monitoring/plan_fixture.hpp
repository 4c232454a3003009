#pragma once
// Plans shared by the monitoring tests.
#include "gsd/monitoring/monitoring_plan.hpp"

namespace gsd::monitoring::testing {

// The seed trial's plan on rpact's one-sided scale: LD-OBF at one-sided 0.025
// with looks at 0.5, 0.75 and 1 of 94 events (docs/validation.md).
inline MonitoringPlan seed_plan() {
  MonitoringPlan plan;
  plan.design.alpha = 0.025;
  plan.design.beta = 0.16;
  plan.design.information_fractions = {0.5, 0.75, 1.0};
  plan.design.efficacy = spending::SpendingFunction::lan_demets_obrien_fleming();
  plan.planned_events = 94.0;
  return plan;
}

// The seed plan with looks at 0.4, 0.7 and 1 of 200 events and a fixed-z
// futility bound of 0 and then 0.5, binding or not.
inline MonitoringPlan fixed_z_futility_plan(bool binding) {
  MonitoringPlan plan = seed_plan();
  plan.design.information_fractions = {0.4, 0.7, 1.0};
  plan.planned_events = 200.0;
  spending::FutilitySpec futility;
  futility.rule = spending::FutilityRule::kFixedZ;
  futility.values = {0.0, 0.5};
  futility.binding = binding;
  plan.design.futility = futility;
  return plan;
}

}  // namespace gsd::monitoring::testing
