#pragma once
// Sample size and power of a group-sequential log-rank test under a mixture
// cure model: the three solve modes of the contract.
//   kPower:   patients + events           -> power, look times, duration
//   kPatients: power + accrual + follow-up -> patients and events
//   kEvents:  power + patients + accrual  -> events and study duration
// Looks are event-driven at the design's information fractions (planned event
// fractions, each rounded up to a whole event). The power (method kExact) is
// the event-driven power (event_driven_power.hpp): random look times, and a
// final analysis at the calendar cap for trials whose events have not all come
// by then. The power at the expected look times -- the non-proportional-hazards
// log-rank drift (logrank_drift.hpp) of each look fed to the design's recursive
// integration (gsd::evaluate) -- is reported beside it. Patients and events are
// rounded up and the power is always reported at the rounded values. The
// classical methods size on their own formulas (classical_sizing.hpp).
#include <optional>
#include <vector>

#include "gsd/survival/event_driven_power.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/look_trigger.hpp"
#include "gsd/survival/schoenfeld.hpp"
#include "gsd/survival/survival_spec.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::survival {

enum class SolveMode {
  kPower,     // patients and events given
  kPatients,  // power and follow_up given
  kEvents,    // power and patients given
};

// The mode implied by which of patients / events / follow_up / power are set.
// Throws std::invalid_argument for any other combination.
SolveMode solve_mode(const SurvivalSpec& spec);

struct SurvivalLook {
  long long events = 0;  // planned events (a look by time: its expected events, rounded up)
  LookTriggerKind trigger = LookTriggerKind::kEvents;
  double expected_events = 0.0;  // under the model at the look's expected time
  // As planned in the design; for looks by time, first or last, the expected
  // events over the planned total (look_trigger.hpp), which spending uses.
  double information_fraction = 0.0;
  double calendar_time = 0.0;         // expected time of the events-th event
  double mean_z = 0.0;                // E[Z_k] under the model (the drift)
  // A classical method's mean of Z at the look, theta sqrt(I_max t_k) by its
  // formula: its crossing probabilities come from it (the model's mean_z
  // gives the power at the expected look times). None under kExact.
  std::optional<double> method_mean_z;
  double efficacy_z = 0.0;
  // exp(-z / sqrt(d r / (1 + r)^2)): the observed hazard ratio that just
  // crosses the efficacy bound (Schoenfeld's information d r / (1 + r)^2).
  double hazard_ratio_at_bound = 0.0;
  // The design's futility bound at this look (one-sided: stop when z is at
  // or below it; two-sided: when |z| is below it), and the observed hazard
  // ratio at it by the same information (for a two-sided design the benefit
  // side: the futility region runs from it to its reciprocal). None at a
  // look without one.
  std::optional<double> futility_z;
  std::optional<double> hazard_ratio_at_futility;
  // The looks' probabilities are event-driven for kExact (a capped final
  // analysis before this look counts at this look), at the expected times for
  // the classical methods.
  double crossing = 0.0;             // P(first upper crossing at this look)
  double cumulative_crossing = 0.0;  // P(upper crossing by this look)
  // P(first exit at this look through the lower bound): the harm side of a
  // two-sided design, or the futility bound of a one-sided one.
  double crossing_lower = 0.0;
  // P(still running when the calendar cap comes before this look's events).
  double capped = 0.0;
  double crossing_fixed_times = 0.0;  // P(first upper crossing) at the expected times
};

struct SurvivalPlan {
  SolveMode mode = SolveMode::kPower;
  SizingMethod method = SizingMethod::kExact;
  long long patients = 0;
  long long events = 0;
  // Upper crossing probability at the rounded sizes: event-driven (kExact) or
  // the classical method's.
  double power = 0.0;
  double power_fixed_times = 0.0;  // at the expected look times, the model's drifts
  // The exact event-driven power at these sizes, beside a classical method's.
  std::optional<double> power_event_driven;
  double study_duration = 0.0;  // expected calendar time of the final look
  double follow_up = 0.0;       // study_duration - accrual duration
  // Patients enrolled by study_duration under the accrual profile: all of
  // them unless the final look comes before accrual ends (follow_up < 0),
  // when enrolment stops there with fewer.
  double patients_at_study_end = 0.0;
  double accrual_duration = 0.0;
  // The solve's unrounded patients and events (the given ones where given).
  double patients_unrounded = 0.0;
  double events_unrounded = 0.0;
  double event_limit = 0.0;  // events `patients` can ever produce
  double expected_events = 0.0;    // under the model, counting early stops
  double expected_duration = 0.0;  // calendar time of the stopping analysis
  // The calendar cap in force, the trials still running when it comes, and
  // the trials whose planned events have not all come by then (stopped early
  // or not): kExact only.
  double calendar_cap = 0.0;
  // False when a look is triggered by calendar time (survival.looks): the
  // event-driven power covers looks by events, so `power` is then the power
  // at the expected look times, and the cap figures are 0.
  bool event_driven = true;
  double capped_probability = 0.0;
  double final_events_late = 0.0;
  std::vector<SurvivalLook> looks;
  std::optional<SchoenfeldComparison> schoenfeld;  // when the noncured HR is constant
};

// The calendar cap when none is given: the end of accrual plus the longest
// 99th percentile of the noncured latency over the arms (by then 99% of the
// noncured patients enrolled last have had their event). The simulator's
// default (simulate::default_max_duration) for an unstratified trial.
double default_calendar_cap(const SurvivalSpec& spec);

struct PlanSettings {
  // The calendar time at which a trial still short of its planned events has
  // its final analysis (the simulation's max_duration). Absent: the spec's
  // analysis_cap, else default_calendar_cap().
  std::optional<double> calendar_cap;
  EventDrivenSettings event_driven;
};

// Throws numerics::InvalidInput (paths relative to the survival section) for
// an invalid spec, a power outside (alpha per side, 1), or a target the model
// cannot reach (e.g. the events limit), numerics::NumericalError on numerical
// failure. The accuracy settings are the design's (design.spec.solver).
SurvivalPlan solve_survival(const SurvivalSpec& spec, const spending::Design& design,
                            const PlanSettings& settings = {});

// Power and looks for given patients and events (mode kPower's core).
SurvivalPlan evaluate_plan(const SurvivalSpec& spec, const spending::Design& design,
                           long long patients, long long events, const PlanSettings& settings = {});

// The same with the bounds of capped final analyses given, built once for
// `design` (CappedFinalBound(design)); they depend on the design alone, so a
// curve of plans over effect sizes shares them. Absent, they are built here.
// std::invalid_argument when they were built for another design
// (CappedFinalBound::built_for).
SurvivalPlan evaluate_plan(const SurvivalSpec& spec, const spending::Design& design,
                           long long patients, long long events, const PlanSettings& settings,
                           std::optional<CappedFinalBound> capped);

// Event counts of the looks: ceil(fraction * events), the last = events.
std::vector<long long> look_events(std::span<const double> fractions, long long events);

}  // namespace gsd::survival
