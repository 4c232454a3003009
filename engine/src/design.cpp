#include "gsd/design.hpp"

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulate/simulator.hpp"
#include "phase_timer.hpp"

namespace gsd {

spending::Design solve_boundaries(const Trial& trial, const RunOptions& options) {
  spending::DesignSpec spec = trial.design;
  spec.solver.trace = options.trace;
  const detail::PhaseTimer timer(options.trace, "boundaries, drift and crossing probabilities");
  spending::Design design = numerics::within({"design"}, [&] { return spending::compute_design(spec); });
  design.spec.solver.trace = nullptr;  // the result does not keep the caller's trace
  return design;
}

survival::PlanSettings plan_settings(const Trial& trial) {
  survival::PlanSettings settings;
  if (!trial.survival) return settings;
  // The protocol's cap is the plan's; a simulation's own cap is for its runs
  // (prepare_simulation recomputes the analytic power at the cap in force).
  if (trial.survival->analysis_cap) {
    settings.calendar_cap = trial.survival->analysis_cap;
    return settings;
  }
  if (!trial.simulation) return settings;
  if (trial.simulation->max_duration) {
    settings.calendar_cap = trial.simulation->max_duration;
  } else if (!trial.simulation->strata.empty()) {
    // The simulator's default cap looks at every stratum's latencies.
    simulate::TrialModel model = simulate::trial_model(*trial.survival, 1);
    model.strata = trial.simulation->strata;
    settings.calendar_cap = simulate::default_max_duration(model);
  }
  return settings;
}

std::optional<SampleSize> solve_sample_size(const Trial& trial, const spending::Design& boundaries,
                                            const RunOptions& options) {
  if (!trial.survival) return std::nullopt;
  spending::Design traced = boundaries;
  traced.spec.solver.trace = options.trace;
  const detail::PhaseTimer timer(options.trace, "survival sample size and power");
  return numerics::within({"survival"}, [&] {
    return SampleSize{*trial.survival,
                      survival::solve_survival(*trial.survival, traced, plan_settings(trial))};
  });
}

DesignResult design_trial(const Trial& trial, const RunOptions& options) {
  DesignResult out;
  out.name = trial.name;
  out.boundaries = solve_boundaries(trial, options);
  out.sample_size = solve_sample_size(trial, out.boundaries, options);
  return out;
}

}  // namespace gsd
