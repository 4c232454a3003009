#pragma once
// Expected number of events by calendar time in a two-arm trial with staggered
// entry, a cure model per arm and exponential drop-out. With N patients, arm
// shares p_j, accrual cdf R, event density f_j and drop-out hazard eta_j,
//   D(tau) = N sum_j p_j int_0^tau f_j(s) e^{-eta_j s} R(tau - s) ds
// (a patient entering at u has the event by tau if its time s <= tau - u and
// it has not dropped out first). D(tau) / N does not depend on N, so the
// functions below work per patient. Integration is tanh-sinh quadrature
// (Boost.Math) on each arm's survival scale, split at every kink of the
// integrand (accrual period ends, piecewise hazard starts), so it is exact to
// the quadrature tolerance (see survival/src/quadrature.hpp; the tolerances are
// numerics::SolverOptions::quadrature_*).
#include <cstddef>
#include <span>
#include <vector>

#include "gsd/numerics/solver_options.hpp"
#include "gsd/survival/survival_spec.hpp"

namespace gsd::survival {

// Expected events per enrolled patient by calendar time tau (both arms).
double event_fraction(const SurvivalSpec& spec, double tau, const numerics::SolverOptions& options = {});

// Per arm: index 0 = control, 1 = treatment; per patient of the whole trial.
double arm_event_fraction(const SurvivalSpec& spec, int arm, double tau,
                          const numerics::SolverOptions& options = {});

// The all-time limit per patient: sum_j p_j int_0^inf f_j(s) e^{-eta_j s} ds,
// which is sum_j p_j (1 - pi_j) without drop-out.
double event_fraction_limit(const SurvivalSpec& spec, const numerics::SolverOptions& options = {});

// What to do about events the patients cannot reach, for the end of the
// message of a config's event count (monitoring.planned_events, a look's events).
inline constexpr const char* kUnreachableEventsAdvice =
    "; give events the model's patients reach, or more survival.patients";

// Throws numerics::InvalidInput on "events" with calendar_time_for_events's
// rule when `events` are at or above what `patients` can ever produce (no
// root search: the all-time limit only).
void check_events_reachable(const SurvivalSpec& spec, double patients, double events,
                            const numerics::SolverOptions& options = {});

// Calendar time at which `events` are expected among `patients`. Throws
// numerics::InvalidInput on "events" with a plain rule ("events = 110 exceeds the 104.8
// events that 202 patients can ever produce (cure 40% / 56.2%)") when the
// target is at or above the all-time limit, std::invalid_argument for
// non-positive input, gsd::NumericalError if the root search fails.
double calendar_time_for_events(const SurvivalSpec& spec, double patients, double events,
                                const numerics::SolverOptions& options = {});

// Calendar times of event-driven looks at the given event counts (increasing).
std::vector<double> look_times(const SurvivalSpec& spec, double patients,
                               std::span<const double> events,
                               const numerics::SolverOptions& options = {});

}  // namespace gsd::survival
