#pragma once
// The seed trial's plan (the cure-mixture plan of docs/validation.md):
// 202 patients, uniform accrual over 36 months, 1:1, control cure 0.40 with
// exponential latency of median 7 months, treatment cure 0.562 with noncured
// hazard ratio 0.63; two-sided alpha 0.05 LD-OBF looks at 50/75/100% of 94 events.
#include <cmath>
#include <numbers>

#include "gsd/simulate/look_plan.hpp"
#include "gsd/simulate/simulator.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::simulate::testing {

using spending::DesignSpec;
using spending::Sidedness;
using spending::SpendingFunction;

inline constexpr double kSeedControlRate = std::numbers::ln2 / 7.0;
inline constexpr double kSeedHazardRatio = 0.63;

inline DesignSpec seed_design_spec() {
  DesignSpec spec;
  spec.alpha = 0.05;
  spec.sided = Sidedness::kTwoSidedSymmetric;
  spec.beta = 0.16;
  spec.information_fractions = {0.5, 0.75, 1.0};
  spec.efficacy = SpendingFunction::lan_demets_obrien_fleming();
  return spec;
}

inline TrialModel seed_model(double treatment_cure = 0.562,
                             double hazard_ratio = kSeedHazardRatio) {
  TrialModel m;
  m.patients = 202;
  m.accrual = survival::Accrual::uniform(36.0);
  StratumModel s;
  s.control.outcome = survival::CureModel(0.40, survival::Latency::exponential(kSeedControlRate));
  s.treatment.outcome = survival::CureModel(
      treatment_cure, survival::Latency::exponential(kSeedControlRate * hazard_ratio));
  m.strata = {s};
  return m;
}

inline Simulator seed_simulator(const TrialModel& model = seed_model(),
                                const DesignSpec& spec = seed_design_spec(), int events = 94) {
  const spending::Design design = spending::compute_design(spec);
  LookPlan plan = make_look_plan(design, events);
  return Simulator(model, design, plan, default_max_duration(model));
}

// Fewer replicates under AddressSanitizer (about 10x slower), keeping each
// statistical bound valid for the count actually used.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr long long kReplicateScale = 5;
#else
inline constexpr long long kReplicateScale = 1;
#endif

}  // namespace gsd::simulate::testing
