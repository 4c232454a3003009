#pragma once
// Private: whole patients and whole events for a plan solved with its
// follow-up, shared by the rounded plan (sample_size.cpp) and the
// whole-number plan (integer_plan.cpp).
#include <algorithm>
#include <cmath>

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
