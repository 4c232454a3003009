#pragma once
// Sample size and power of a group-sequential log-rank test under a mixture
// cure model: the three solve modes of the contract.
//   kPower:   patients + events           -> power, look times, duration
//   kPatients: power + accrual + follow-up -> patients and events
//   kEvents:  power + patients + accrual  -> events and study duration
// Looks are event-driven at the design's information fractions (planned event
// fractions, each rounded up to a whole event). The mean of Z at each look is
// the non-proportional-hazards log-rank drift (logrank_drift.hpp), fed to the
// recursive integration of the design (gsd::evaluate). Patients and events are
// rounded up and the power is always reported at the rounded values.
#include <optional>
#include <vector>

#include "gsd/survival/event_projection.hpp"
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
  long long events = 0;
  double information_fraction = 0.0;  // as planned in the design
  double calendar_time = 0.0;         // expected time of the events-th event
  double mean_z = 0.0;                // E[Z_k] under the model (the drift)
  double efficacy_z = 0.0;
  // exp(-z / sqrt(d r / (1 + r)^2)): the observed hazard ratio that just
  // crosses the efficacy bound (Schoenfeld's information d r / (1 + r)^2).
  double hazard_ratio_at_bound = 0.0;
  double crossing = 0.0;             // P(first upper crossing at this look)
  double cumulative_crossing = 0.0;  // P(upper crossing by this look)
  // P(first exit at this look through the lower bound): the harm side of a
  // two-sided design, or the futility bound of a one-sided one.
  double crossing_lower = 0.0;
};

struct SurvivalPlan {
  SolveMode mode = SolveMode::kPower;
  long long patients = 0;
  long long events = 0;
  double power = 0.0;           // upper crossing probability at the rounded sizes
  double study_duration = 0.0;  // calendar time of the final look
  double follow_up = 0.0;       // study_duration - accrual duration
  double accrual_duration = 0.0;
  // Unrounded solution of the solve (patients or events), if one was solved.
  std::optional<double> solved_value;
  double event_limit = 0.0;  // events `patients` can ever produce
  double expected_events = 0.0;    // under the model, counting early stops
  double expected_duration = 0.0;  // calendar time of the stopping look
  std::vector<SurvivalLook> looks;
  std::optional<SchoenfeldComparison> schoenfeld;  // when the noncured HR is constant
};

// Throws numerics::InvalidInput (paths relative to the survival section) for
// an invalid spec, a power outside (alpha per side, 1), or a target the model
// cannot reach (e.g. the events limit), numerics::NumericalError on numerical
// failure. The accuracy settings are the design's (design.spec.solver).
SurvivalPlan solve_survival(const SurvivalSpec& spec, const spending::Design& design);

// Power and looks for given patients and events (mode kPower's core).
SurvivalPlan evaluate_plan(const SurvivalSpec& spec, const spending::Design& design,
                           long long patients, long long events);

// Event counts of the looks: ceil(fraction * events), the last = events.
std::vector<long long> look_events(std::span<const double> fractions, long long events);

}  // namespace gsd::survival
