#pragma once
// Whole numbers, as gsDesign's toInteger (Anderson, gsDesign 3.6) turns a
// design into one that can be run: patients a multiple of the randomisation
// block, whole events at each look, and the bounds recomputed at the
// information fractions those whole events give. Beside it, the continuous
// plan the solve found: unrounded patients and events, looks at the planned
// fractions.
//
// The rules:
// - patients: the continuous solution rounded up to a multiple of the block
//   (SurvivalSpec::patient_multiple); given patients are rounded up too;
// - events: when solved for, the expected events of the rounded patients by
//   the end of the given follow-up, rounded up (the power and follow-up
//   solve), or the unrounded events rounded up (the power and patients
//   solve); given events stay;
// - each look's events: the planned fraction of the final events rounded up
//   (look_events), as the simulator and monitoring count them;
// - a look by calendar time (survival.looks: time, or first / last where the
//   time comes first / last in the model) has no whole events to plan: its
//   events are random. The plan keeps the events the model expects at its
//   time with the whole patients, and its information fraction is those
//   over the final whole events (gsDesign's gsSurvCalendar spends at the
//   expected information likewise); monitoring and the simulator
//   recompute its bound at the events observed there. Only the looks by events are
//   whole;
// - bounds: the design recomputed at fractions events_k / events_K, spending
//   at those fractions (or at the given spending time), at the drift
//   theta sqrt(I) of the whole events: the continuous drift times
//   sqrt(events / unrounded events). Beta-spending futility spends beta under
//   that drift (gsDesign's gsDesign with n.I and maxn.IPlan);
// - power: the plan's power at the whole numbers with the recomputed bounds.
//   While it falls short of a target power, one more block of patients (or one
//   more event when the patients are given) is added, at most three times.
#include <span>
#include <vector>

#include "gsd/spending/design.hpp"
#include "gsd/survival/sample_size.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival {

struct ContinuousLook {
  double events = 0.0;  // planned fraction x unrounded events
  double information_fraction = 0.0;
  double calendar_time = 0.0;  // expected time of those events
};

struct ContinuousPlan {
  double patients = 0.0;
  double events = 0.0;
  // The target the unrounded sizes were solved for; with patients and events
  // given, the plan's power at them.
  double power = 0.0;
  double study_duration = 0.0;
  std::vector<ContinuousLook> looks;
};

struct IntegerPlan {
  spending::Design design;  // recomputed at the whole events
  SurvivalPlan plan;        // at the whole numbers, with those bounds
  int block = 0;            // patients are a multiple of it
  ContinuousPlan continuous;
};

// The drift of a design run at `events` whole events when it was planned for
// `events_unrounded`: theta sqrt(I) with I proportional to the events.
double integer_drift(double continuous_drift, double events_unrounded, long long events);

// The design recomputed at whole look events (fractions events_k / events_K).
spending::Design integer_design(const spending::Design& continuous,
                                const std::vector<long long>& look_events, double drift);

// The information fractions of the whole plan: looks by events at
// ceil(t_k events) / events, looks set by their calendar time at the events
// the model expects there with `patients` over `events`. `planned` are the
// design's fractions as given (before looks by time replaced them).
std::vector<double> whole_fractions(const SurvivalSpec& spec, std::span<const double> planned,
                                    long long patients, long long events,
                                    const numerics::SolverOptions& options = {});

// The integer plan from the continuous design and its plan (solve_survival's
// result for the same spec). `planned_fractions`: the design's information
// fractions as given, when looks by calendar time replaced them in
// `continuous` by their expected fractions (empty: continuous's). Throws numerics::InvalidInput (paths relative to
// the survival section) and numerics::NumericalError as solve_survival does.
IntegerPlan integer_plan(const SurvivalSpec& spec, const spending::Design& continuous,
                         const SurvivalPlan& continuous_plan, const PlanSettings& settings = {},
                         std::span<const double> planned_fractions = {});

}  // namespace gsd::survival
