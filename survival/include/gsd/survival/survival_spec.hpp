#pragma once
// Everything needed to size or evaluate a two-arm time-to-event trial: the
// survival model per arm, allocation, accrual, drop-out, and the quantities
// given (patients, events, follow-up, target power). The solve mode follows
// from which of the optional quantities are present (see sample_size.hpp).
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/accrual.hpp"
#include "gsd/survival/cure_model.hpp"

namespace gsd::survival {

// How the plan is sized (survival.method).
enum class SizingMethod {
  // The event-driven power of the cure model (event_driven_power.hpp).
  kExact,
  // Proportional-hazards event counts as rpact 3.3.4's typeOfComputation
  // (classical_sizing.hpp): Schoenfeld (1981), Freedman (1982), Hsieh (1992).
  kSchoenfeld,
  kFreedman,
  kHsiehFreedman,
  // Lachin & Foulkes (1986) as gsDesign's nSurv / gsSurv.
  kLachinFoulkes,
};

// What triggers a look (look_trigger.hpp): its events, a calendar time, or
// whichever of the two comes first or last.
enum class LookTriggerKind { kEvents, kTime, kFirst, kLast };

struct LookTrigger {
  LookTriggerKind kind = LookTriggerKind::kEvents;
  double time = 0.0;  // the calendar time of kTime, kFirst and kLast
};

// The largest calendar cap accepted, in the spec's time unit: the simulator
// sums durations as integers in units of 2^-32, exact below 2^31, and takes
// caps up to 1e6 (simulate::SimulationOptions::kMaxDurationLimit).
inline constexpr double kMaxAnalysisCap = 1e6;

struct SurvivalSpec {
  CureModel control{0.0, Latency::exponential(1.0)};
  CureModel treatment{0.0, Latency::exponential(1.0)};
  // Patients on treatment per patient on control (r); the treatment share is
  // r / (1 + r).
  double allocation_ratio = 1.0;
  Accrual accrual = Accrual::uniform(1.0);
  // Exponential drop-out (loss to follow-up) hazard per arm; absent = none.
  std::optional<double> dropout_control;
  std::optional<double> dropout_treatment;

  std::optional<long long> patients;
  std::optional<long long> events;
  std::optional<double> follow_up;  // after the end of accrual
  std::optional<double> power;      // target
  // The protocol's calendar cap on the final analysis (survival.analysis_cap):
  // the final analysis is at the planned events or at this calendar time,
  // whichever comes first; a trial short of an earlier look's events by then
  // also has its final analysis there (sample_size.hpp). Absent: no cap in the
  // protocol, and the plan uses default_calendar_cap().
  std::optional<double> analysis_cap;
  // One per design look (survival.looks); empty: every look by its events.
  // The final look is by its events.
  std::vector<LookTrigger> looks;
  std::string time_unit = "months";
  SizingMethod method = SizingMethod::kExact;
  // The hazard ratio (treatment / control) under H0 (survival.hazard_ratio_h0,
  // rpact's thetaH0): 1 tests superiority; above 1 a non-inferiority margin
  // (H0: HR >= margin). Other than 1 it needs proportional hazards without a
  // cure fraction and the Schoenfeld sizing (validate()).
  double hazard_ratio_h0 = 1.0;
  bool non_inferiority() const { return std::fabs(hazard_ratio_h0 - 1.0) > 0.0; }
  // Whole numbers (integer_plan.hpp): whole events at each look with the
  // bounds recomputed at them, and patients a multiple of `block` (default:
  // the allocation sum p + q of a ratio p:q, e.g. 2 for 1:1, 3 for 2:1).
  bool integer = false;
  std::optional<int> block;

  // Throws std::invalid_argument naming the field relative to the survival
  // section, e.g. "allocation_ratio = -1 must be positive". (Cure fractions
  // and latencies are checked by their own constructors.)
  void validate() const;
  // The look triggers (not part of validate(): their count is the design's
  // looks, checked first by gsd::Trial::validate and expected_looks): times
  // in (0, 1e6], increasing, none on the final look.
  void validate_looks() const;
  // A calendar time that caps or times the trial (analysis_cap, a look's
  // time, a simulation's cap) at `path`: at least 1e-9 of the accrual
  // duration, the time scales' limit of validate() (a cap of 1e-200 months
  // exhausted memory in the event-driven power).
  void check_calendar_time(const numerics::FieldPath& path, double t) const;

  double treatment_share() const { return allocation_ratio / (1.0 + allocation_ratio); }
  double control_share() const { return 1.0 / (1.0 + allocation_ratio); }
  double dropout_rate_control() const { return dropout_control.value_or(0.0); }
  double dropout_rate_treatment() const { return dropout_treatment.value_or(0.0); }
  // The patients in the smallest whole block of the allocation ratio p:q,
  // p + q. Throws numerics::InvalidInput if the ratio is not p/q with p, q <= 20.
  int allocation_sum() const;
  // `block` if given, else allocation_sum().
  int patient_multiple() const { return block.value_or(allocation_sum()); }
};

}  // namespace gsd::survival
