#pragma once
// Private: whole patients and whole events for a plan solved with its
// follow-up, shared by the rounded plan (sample_size.cpp) and the
// whole-number plan (integer_plan.cpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "check.hpp"
#include "gsd/numerics/invalid_input.hpp"

#include "gsd/numerics/solver_options.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival::detail {

// Sizes within this of a whole number are that number (fractions such as
// 0.5 * 94 must give 47, not 48, despite rounding in 0.5 * 94).
inline constexpr double kIntegerSlack = 1e-9;

inline long long round_up(double value) {
  return static_cast<long long>(std::ceil(value - kIntegerSlack));
}

// Whole patients searched beyond the rounded continuous solution for a whole
// plan that reaches the target power: at least kMinWholePatientSteps, or
// kWholePatientSpan of it. Whole plans differ from the continuous one by
// more than rounding: each look waits for its whole ceil(t D)-th event (the
// power of whole plans moves in a sawtooth with the patients), and events
// held at the last whole number below the limit make the final look wait for
// nearly the last event that can happen; either can leave the whole plan
// short by a few percent of the patients.
inline constexpr long long kMinWholePatientSteps = 64;
inline constexpr double kWholePatientSpan = 0.1;
inline long long last_whole_patients(long long first) {
  return first + std::max(kMinWholePatientSteps, round_up(kWholePatientSpan * static_cast<double>(first)));
}

// No whole plan from `first` to `last` patients reaches the target `power`
// (`reached` at `last` patients and `events` events).
[[noreturn]] inline void fail_whole_plans_short(double power, long long first, long long last, double reached,
                                                long long events) {
  throw numerics::InvalidInput({"power"}, format_input(power),
                               "is not reached by any whole plan from " + std::to_string(first) + " to " +
                                   std::to_string(last) + " patients (" + format_value(reached) + " at " +
                                   std::to_string(last) + " patients and " + std::to_string(events) +
                                   " events): the power barely grows with the patients here; give a lower power "
                                   "or a longer follow_up");
}

// Up to this many further steps of patients make room for the whole events
// below the per-patient limit before the events are lowered instead.
inline constexpr int kMaxExtraSteps = 8;

struct WholeSizes {
  long long patients = 0;
  long long events = 0;
  bool events_at_limit = false;  // lowered to the last whole event below the limit
};

// Patients `n` and events ceil(n x expected events per patient at the end of
// follow-up), or, when that whole event is more than n patients can ever
// produce, the last whole number below it (events_at_limit).
inline WholeSizes whole_sizes_at(const SurvivalSpec& spec, long long n,
                                 const numerics::SolverOptions& options) {
  const double per_patient =
      event_fraction(spec, spec.accrual.duration() + *spec.follow_up, options);
  const double limit = event_fraction_limit(spec, options) * static_cast<double>(n);
  const long long events = round_up(per_patient * static_cast<double>(n));
  if (static_cast<double>(events) < limit) return {n, events, false};
  return {n, static_cast<long long>(std::ceil(limit)) - 1, true};
}

// Patients `first` and events ceil(patients x expected events per patient at
// the end of follow-up). In a very small trial that whole event can reach
// past what the patients can ever produce; `step` more patients at a time
// (one, or a randomisation block) then make room, each adding the gap
// between the per-patient limit and the expected events per patient. When
// that gap is too small for kMaxExtraSteps steps to close (a follow-up so
// long that nearly every event that can happen has happened by its end), the
// events are instead the last whole number below what `first` patients can
// ever produce, and the final look waits for it.
inline WholeSizes whole_sizes_by_follow_up(const SurvivalSpec& spec, long long first, long long step,
                                           const numerics::SolverOptions& options) {
  const double per_patient =
      event_fraction(spec, spec.accrual.duration() + *spec.follow_up, options);
  const double limit = event_fraction_limit(spec, options);
  const auto events_for = [&](long long n) { return round_up(per_patient * static_cast<double>(n)); };
  for (int extra = 0; extra <= kMaxExtraSteps; ++extra) {
    const long long n = first + extra * step;
    if (static_cast<double>(events_for(n)) < limit * static_cast<double>(n)) {
      return {n, events_for(n), false};
    }
  }
  const long long below_limit =
      static_cast<long long>(std::ceil(limit * static_cast<double>(first))) - 1;
  return {first, std::min(events_for(first), below_limit), true};
}

}  // namespace gsd::survival::detail
