#pragma once
// The survival models, the Monte Carlo size and the looks shared by the
// tests of a test's analytic power against the simulator (weighted log-rank,
// MaxCombo): each test puts the models under its own design.
#include <cstdint>
#include <nlohmann/json.hpp>

#include "gsd/simulate/simulator.hpp"

namespace gsd::testing {

// Replicates per scenario (fewer under AddressSanitizer, which runs slower);
// the bounds are 4 binomial standard errors at that size.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::int64_t kPowerSimReplicates = 1000;
#else
constexpr std::int64_t kPowerSimReplicates = 6000;
#endif

// The seed trial's cure mixture (docs/validation.md): control cure 40%,
// noncured median 7 months; the treatment's cure fraction and noncured
// hazard ratio given; 36 months' accrual, 202 patients, 94 events.
inline nlohmann::json seed_trial_survival(double treatment_cure, double hazard_ratio) {
  return {{"control", {{"cure_fraction", 0.40}, {"median_noncured", 7.0}}},
          {"treatment", {{"cure_fraction", treatment_cure}}},
          {"hazard_ratio_noncured", hazard_ratio},
          {"accrual", {{"duration", 36.0}}},
          {"patients", 202},
          {"events", 94}};
}

// A delayed effect: exponential control (hazard 0.0578), treatment hazard
// ratio 1 for 6 months then 0.6; 24 months' accrual, 300 patients, 200 events.
inline nlohmann::json delayed_effect_survival() {
  return {{"control", {{"hazard", 0.0578}}},
          {"treatment", {{"piecewise", {{"starts", {0.0, 6.0}}, {"rates", {0.0578, 0.0347}}}}}},
          {"accrual", {{"duration", 24.0}}},
          {"patients", 300},
          {"events", 200}};
}

// Simulated looks at the analytic looks' expected calendar times (triggered
// by time), as the analytic power takes them, with the analytic look events.
template <class Power>
simulate::LookPlan looks_at_analytic_times(const Power& analytic, long long events) {
  simulate::LookPlan plan;
  plan.planned_events = static_cast<int>(events);
  for (const auto& look : analytic.looks) {
    plan.look_events.push_back(static_cast<int>(look.events));
    plan.triggers.push_back({survival::LookTriggerKind::kTime, look.calendar_time});
  }
  return plan;
}

}  // namespace gsd::testing
