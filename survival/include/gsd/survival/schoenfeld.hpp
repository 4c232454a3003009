#pragma once
// The proportional-hazards log-rank sample size of Schoenfeld (1981)
// Biometrika 68:316: with a fraction p on treatment, the log-rank statistic is
// approximately N(sqrt(d p (1 - p)) (-log HR), 1) after d events. gsd reports
// it beside the cure-model answer, so a user sees what the cure model changes.
#include <optional>

#include "gsd/survival/survival_spec.hpp"
#include "gsd/spending/design.hpp"

namespace gsd::survival {

// Events for `power` in a single-look one-sided test at `alpha_one_sided`:
// (z_{1-alpha} + z_{power})^2 / (p (1 - p) log(HR)^2).
double schoenfeld_events(double alpha_one_sided, double power, double hazard_ratio,
                         double treatment_share);
// Power of that test with `events` events: Phi(sqrt(d p (1-p)) |log HR| - z_{1-alpha}).
double schoenfeld_power(double alpha_one_sided, double events, double hazard_ratio,
                        double treatment_share);

// The constant hazard ratio treatment / control among the noncured, if the
// two latencies are proportional (same family; same Weibull shape; same
// piece starts with a constant ratio of rates). Otherwise nullopt.
std::optional<double> constant_noncured_hazard_ratio(const SurvivalSpec& spec);

struct SchoenfeldComparison {
  double hazard_ratio = 1.0;  // the noncured hazard ratio, taken as if PH held
  double target_power = 0.0;  // survival.power, else 1 - design beta
  double fixed_events = 0.0;  // single look
  // Events giving the target power with the design's looks under PH
  // (the fixed events times the inflation factor at that power).
  double group_sequential_events = 0.0;
  // Power of the design at the plan's events if hazards were proportional.
  double power_at_plan_events = 0.0;
};

// nullopt unless the noncured hazard ratio is constant and below 1.
std::optional<SchoenfeldComparison> schoenfeld_comparison(const SurvivalSpec& spec,
                                                          const spending::Design& design,
                                                          long long plan_events);

}  // namespace gsd::survival
