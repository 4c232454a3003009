#include "gsd/design.hpp"

#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulate/simulator.hpp"
#include "gsd/survival/look_trigger.hpp"
#include "phase_timer.hpp"

namespace gsd {

namespace {

// With looks by calendar time (survival.looks) the design spends at each
// look's expected events over the planned total (gsDesign's gsSurvCalendar
// with spending on information): survival/look_trigger.hpp.
std::vector<double> expected_fractions(const Trial& trial) {
  const survival::SurvivalSpec& s = *trial.survival;
  if (!s.patients || !s.events) {
    throw numerics::InvalidInput({"survival", "looks"},
                                 ": looks by calendar time need survival.patients and survival.events given "
                                 "(the power of a planned size)");
  }
  const auto events = static_cast<double>(*s.events);
  std::vector<double> planned;
  for (double f : trial.design.information_fractions) planned.push_back(f * events);
  const std::vector<survival::ExpectedLook> looks = numerics::within({"survival"}, [&] {
    return survival::expected_looks(s, static_cast<double>(*s.patients), planned, trial.design.solver);
  });
  std::vector<double> fractions;
  for (const survival::ExpectedLook& look : looks) fractions.push_back(look.events / events);
  fractions.back() = 1.0;
  return fractions;
}

}  // namespace

spending::Design solve_boundaries(const Trial& trial, const RunOptions& options) {
  spending::DesignSpec spec = trial.design;
  if (trial.survival && !survival::looks_by_events(*trial.survival)) {
    spec.information_fractions = expected_fractions(trial);
  }
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

// The power of survival.test at the plan's patients and events, its looks at
// the design's planned event fractions.
static survival::WeightedLogRankPower weighted_test_power(const Trial& trial, const survival::SurvivalPlan& plan) {
  return numerics::within({"survival", "test"}, [&] {
    if (plan.mode != survival::SolveMode::kPower) {
      throw numerics::InvalidInput({}, "is evaluated at given sizes: give survival.patients and survival.events "
                             "(sizing for a weighted test is not available)");
    }
    const survival::SurvivalTest& test = *trial.survival_test;
    return survival::weighted_logrank_power(*trial.survival, trial.design, test.weight,
                                            static_cast<double>(plan.patients), plan.events, test.scale);
  });
}

// The MaxCombo test's bounds and power at the plan's patients and events.
static survival::MaxComboPower maxcombo_test_power(const Trial& trial, const survival::SurvivalPlan& plan) {
  numerics::within({"design"}, [&] { survival::check_maxcombo_design(trial.design); });
  return numerics::within({"survival", "test"}, [&] {
    if (plan.mode != survival::SolveMode::kPower) {
      throw numerics::InvalidInput({}, "is evaluated at given sizes: give survival.patients and survival.events "
                                       "(sizing for a MaxCombo test is not available)");
    }
    const survival::SurvivalTest& test = *trial.survival_test;
    numerics::MvnOptions mvn;
    mvn.seed = test.seed;
    return survival::maxcombo_power(*trial.survival, trial.design, test.combo, static_cast<double>(plan.patients),
                                    plan.events, mvn);
  });
}

DesignResult design_trial(const Trial& trial, const RunOptions& options) {
  DesignResult out;
  out.name = trial.name;
  out.boundaries = solve_boundaries(trial, options);
  out.sample_size = solve_sample_size(trial, out.boundaries, options);
  if (trial.endpoint) {
    const detail::PhaseTimer timer(options.trace, "endpoint sample size and power");
    out.endpoint = EndpointSize{*trial.endpoint, numerics::within({"endpoint"}, [&] {
                                  return endpoints::plan_endpoint(*trial.endpoint, out.boundaries);
                                })};
  }
  if (out.sample_size && trial.survival->integer) {
    const detail::PhaseTimer timer(options.trace, "whole numbers: bounds and power recomputed");
    survival::IntegerPlan whole = numerics::within({"survival"}, [&] {
      return survival::integer_plan(*trial.survival, out.boundaries, out.sample_size->plan,
                                    plan_settings(trial), trial.design.information_fractions);
    });
    out.continuous = ContinuousResult{std::move(out.boundaries), std::move(whole.continuous)};
    out.boundaries = std::move(whole.design);
    out.boundaries.spec.solver.trace = nullptr;
    out.sample_size->plan = std::move(whole.plan);
  }
  out.test_requested = trial.survival_test;
  if (out.sample_size && trial.survival_test && !trial.survival_test->is_log_rank()) {
    if (trial.survival_test->kind == survival::TestKind::kMaxCombo) {
      const detail::PhaseTimer timer(options.trace, "MaxCombo bounds and power");
      out.maxcombo = maxcombo_test_power(trial, out.sample_size->plan);
    } else {
      const detail::PhaseTimer timer(options.trace, "weighted log-rank power");
      out.test = weighted_test_power(trial, out.sample_size->plan);
    }
  }
  return out;
}

}  // namespace gsd
