#include "gsd/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "gsd/numerics/check.hpp"
#include "gsd/survival/look_trigger.hpp"
#include "gsd/design.hpp"
#include "gsd/thread_limit.hpp"
#include "phase_timer.hpp"
#include "simulation_endpoint.hpp"

namespace gsd {

namespace {

using numerics::FieldPath;
using numerics::InvalidInput;

// Caps that differ by less than this relative amount are the same cap.
constexpr double kSameCap = 1e-12;

void validate_request(const SimulationRequest& r) {
  const FieldPath root{"options"};
  if (r.replicates && *r.replicates < 1) {
    numerics::fail(root.key("replicates"), static_cast<double>(*r.replicates), "must be at least 1");
  }
  if (r.threads < 1 || r.threads > kMaxThreads) {
    numerics::fail(root.key("threads"), r.threads, threads_rule());
  }
  if (r.max_duration && !(*r.max_duration > 0.0 &&
                          *r.max_duration <= simulate::SimulationOptions::kMaxDurationLimit)) {
    numerics::fail(root.key("max_duration"), *r.max_duration, "must lie in (0, 1e6]");
  }
}

// A MaxCombo test's bounds as the simulator reads them: c_k at each look of
// the plan's design, one-sided, without futility or harm bounds
// (survival/maxcombo_power.hpp: the test is of benefit only).
spending::Design maxcombo_design(spending::Design d, const survival::MaxComboPower& m) {
  d.spec.sided = spending::Sidedness::kOneSided;
  d.spec.harm.reset();
  d.efficacy.clear();
  for (const survival::MaxComboLook& look : m.looks) d.efficacy.push_back(look.efficacy_z);
  d.futility.assign(d.efficacy.size(), std::nullopt);
  d.harm.assign(d.efficacy.size(), std::nullopt);
  return d;
}

// The bounds and power of side test `test`, a MaxCombo test, at the plan's
// patients and events (as gsd design gives them for survival.test).
survival::MaxComboPower side_maxcombo(const Trial& trial, const survival::SurvivalTest& test, double patients,
                                      long long events, std::size_t i) {
  numerics::within({"design"}, [&] { survival::check_maxcombo_design(trial.design); });
  return numerics::within(FieldPath{"simulation"}.key("tests").index(i), [&] {
    numerics::MvnOptions mvn;
    mvn.seed = test.seed;
    return survival::maxcombo_power(*trial.survival, trial.design, test.combo, patients, events, mvn);
  });
}

// A side test's RMST or milestone plan. Its errors name the test's own
// parameter under simulation.tests[i] (the survival model's refer to
// survival.test.tau or .time).
survival::KmContrastPower side_km_contrast(const Trial& trial, const survival::KmContrast& contrast,
                                           survival::SpendingScale scale, double patients, long long events,
                                           std::size_t i) {
  const FieldPath entry = FieldPath{"simulation"}.key("tests").index(i);
  try {
    return survival::km_contrast_power(*trial.survival, trial.design, contrast, patients, events, scale);
  } catch (const InvalidInput& e) {
    if (!(e.path() == contrast.path())) throw e.within(entry);
    throw InvalidInput(entry.key(contrast.parameter()), e.value(), e.rule());
  }
}

// The simulator's statistic for the analytic plan's contrast.
simulate::KaplanMeierContrast simulated_contrast(const survival::KmContrast& contrast) {
  simulate::KaplanMeierContrast c;
  c.kind = contrast.kind == survival::KmContrast::Kind::kRmst ? simulate::KaplanMeierContrast::Kind::kRmst
                                                              : simulate::KaplanMeierContrast::Kind::kMilestone;
  c.horizon = contrast.horizon;
  return c;
}

// The trial's test and the side tests, each with the bounds at its own
// information fractions (survival::weighted_logrank_power at the plan's
// patients and events); a log-rank test keeps the plan's design. Looks are at
// the plan's event counts, so the look plan is made before the trial's
// design is replaced by its test's.
void add_tests(const Trial& trial, const SimulationSettings& settings, const DesignResult& planned,
               SimulationSetup& s) {
  const spending::Design plan_design = s.design;
  const double patients = static_cast<double>(s.sample_size.plan.patients);
  const long long events = s.sample_size.plan.events;
  const bool stratified = !settings.strata.empty();
  if (trial.survival_test && !trial.survival_test->is_log_rank() && !planned.maxcombo && !planned.test &&
      !planned.km_contrast) {
    throw InvalidInput({"survival", "test"}, "is a test gsd simulate does not run yet; gsd design gives its power");
  }
  if (trial.survival_test && planned.maxcombo) {
    s.test = trial.survival_test;
    s.tests.primary_combo = trial.survival_test->combo;
    s.design = maxcombo_design(plan_design, *planned.maxcombo);
    if (!stratified) s.analytic_power = planned.maxcombo->power;
  }
  const bool any_contrast = (trial.survival_test && trial.survival_test->is_km_contrast()) ||
                            std::any_of(settings.tests.begin(), settings.tests.end(),
                                        [](const survival::SurvivalTest& t) { return t.is_km_contrast(); });
  if (any_contrast && stratified) {
    throw InvalidInput({"simulation", "strata"}, "are not taken by an RMST or milestone test: its Kaplan-Meier "
                                                 "estimates are of each arm, unstratified");
  }
  if (trial.survival_test && planned.km_contrast) {
    s.test = trial.survival_test;
    s.tests.primary_contrast = simulated_contrast(survival::km_contrast_of(*trial.survival_test));
    s.design = planned.km_contrast->at_plan.design;
    s.analytic_power = planned.km_contrast->at_plan.power;
  }
  // V_plan of a weighted test judged at the variances observed: the
  // patients times the per-patient null variance at the final look's
  // expected time, as gsd monitor takes it by default.
  const auto planned_variance = [&](const survival::WeightedLogRankPower& power) -> std::optional<double> {
    if (!settings.observed_weighted_bounds) return std::nullopt;
    return power.patients * power.looks.back().moments.variance_null;
  };
  if (trial.survival_test && planned.test) {
    s.test = trial.survival_test;
    s.tests.primary = trial.survival_test->weight;
    s.tests.primary_planned_variance = planned_variance(*planned.test);
    s.design = planned.test->design;
    if (!stratified) s.analytic_power = planned.test->power;
  }
  if (trial.survival->non_inferiority()) {
    // The trial's test is the score test at the margin (simulate/simulated_test.hpp).
    if (!settings.tests.empty()) {
      throw InvalidInput({"simulation", "tests"},
                         "are tests of equal hazards, which a non-inferiority trial (survival.hazard_ratio_h0 = " +
                             numerics::format_value(trial.survival->hazard_ratio_h0) +
                             ") does not run beside its own; remove simulation.tests");
    }
    if (s.test) {
      throw InvalidInput({"survival", "test"}, "is not the log-rank test, which a non-inferiority trial "
                                               "(survival.hazard_ratio_h0) is simulated with");
    }
    s.tests.null_hazard_ratio = trial.survival->hazard_ratio_h0;
  }
  if (!settings.tests.empty() && !survival::looks_by_events(*trial.survival)) {
    throw InvalidInput({"simulation", "tests"},
                       "needs every look triggered by its events (survival.looks): a look set by its "
                       "time has its bounds recomputed at the events observed, on the log-rank scale");
  }
  for (std::size_t i = 0; i < settings.tests.size(); ++i) {
    const survival::SurvivalTest& test = settings.tests[i];
    s.side_tests.push_back(test);
    if (test.kind == survival::TestKind::kMaxCombo) {
      const survival::MaxComboPower power = side_maxcombo(trial, test, patients, events, i);
      s.tests.side.push_back({test.weight, maxcombo_design(plan_design, power), test.combo});
      s.side_analytic_power.push_back(stratified ? std::nullopt : std::optional<double>(power.power));
      continue;
    }
    if (test.is_km_contrast()) {
      const survival::KmContrast contrast = survival::km_contrast_of(test);
      const survival::KmContrastPower power = side_km_contrast(trial, contrast, test.scale, patients, events, i);
      s.tests.side.push_back({test.weight, power.design, {}, simulated_contrast(contrast)});
      s.side_analytic_power.push_back(power.power);
      continue;
    }
    if (test.kind != survival::TestKind::kWeightedLogRank) {
      throw InvalidInput(FieldPath{"simulation"}.key("tests").index(i), "is a test gsd simulate does not run yet");
    }
    if (test.weight.is_log_rank()) {
      s.tests.side.push_back({test.weight, plan_design});
      s.side_analytic_power.push_back(stratified ? std::nullopt
                                                 : std::optional<double>(s.sample_size.plan.power));
      continue;
    }
    const survival::WeightedLogRankPower power =
        numerics::within(FieldPath{"simulation"}.key("tests").index(i), [&] {
          return survival::weighted_logrank_power(*trial.survival, trial.design, test.weight, patients,
                                                  events, test.scale);
        });
    s.tests.side.push_back({test.weight, power.design, {}, std::nullopt, planned_variance(power)});
    s.side_analytic_power.push_back(stratified ? std::nullopt : std::optional<double>(power.power));
  }
  if (settings.observed_weighted_bounds && !s.tests.has_weighted_score()) {
    throw InvalidInput({"simulation", "weighted_bounds"}, "\"observed\"",
                       "applies to a Fleming-Harrington or Magirr-Burman test (survival.test or "
                       "simulation.tests), which this trial does not run; remove it");
  }
}

}  // namespace

SimulationSetup prepare_simulation(const Trial& trial, const SimulationRequest& request,
                                   const RunOptions& options) {
  validate_request(request);
  if (trial.simon) {
    throw InvalidInput({"design", "type"}, "\"simon-two-stage\"",
                       "is not simulated: its probabilities are exact, and gsd design gives them at a "
                       "range of response rates (operating characteristics); gsd simulate runs "
                       "group-sequential designs");
  }
  if (trial.endpoint) return detail::prepare_endpoint_simulation(trial, request, options);
  if (!trial.survival) {
    throw InvalidInput({"survival"},
                       "is missing: gsd simulate draws trials from a survival section or a normal or binary endpoint section; add one (docs/config.md)");
  }
  SimulationSetup s;
  s.name = trial.name;
  // The plan as `gsd design` gives it (whole numbers included).
  DesignResult planned = design_trial(trial, options);
  s.design = std::move(planned.boundaries);
  s.sample_size = std::move(*planned.sample_size);
  s.time_unit = trial.survival->time_unit;
  const long long patients = s.sample_size.plan.patients;
  const long long events = s.sample_size.plan.events;
  if (patients > kMaxSimulatedPatients) {
    throw InvalidInput({"survival", "patients"}, std::to_string(patients),
                       "is more than the simulator's limit of " +
                           std::to_string(kMaxSimulatedPatients));
  }
  s.model = simulate::trial_model(*trial.survival, static_cast<int>(patients));
  s.analytic_power = s.sample_size.plan.power;
  const SimulationSettings settings = trial.simulation.value_or(SimulationSettings{});
  s.model.randomisation = settings.randomisation;
  s.model.block_size = settings.block_size;
  if (!settings.strata.empty()) {
    s.model.strata = settings.strata;
    s.analytic_power.reset();  // the analytic power is for the unstratified model
  }
  for (const auto& stratum : s.model.strata) s.strata_names.push_back(stratum.name);
  // The allocation ratio is the survival section's: permuted blocks need it
  // as a ratio of small whole numbers, and the error names where it was given.
  if (s.model.randomisation == simulate::Randomisation::kPermutedBlocks) {
    numerics::within({"survival"}, [&] { (void)s.model.block_composition(); });
  }
  numerics::within({"simulation"}, [&] { s.model.validate(); });
  s.plan = numerics::within({"simulation"}, [&] {
    return simulate::make_look_plan(s.design, static_cast<int>(events), settings.look_events);
  });
  s.plan.triggers = trial.survival->looks;
  add_tests(trial, settings, planned, s);
  s.options.replicates = request.replicates.value_or(settings.replicates.value_or(s.options.replicates));
  s.options.seed = request.seed.value_or(settings.seed.value_or(s.options.seed));
  s.options.threads = request.threads;
  // The run's cap: --max-duration, else simulation.max_duration, else the
  // protocol's survival.analysis_cap, else the default.
  s.options.max_duration = request.max_duration    ? request.max_duration
                           : settings.max_duration ? settings.max_duration
                                                   : trial.survival->analysis_cap;
  if (request.max_duration) trial.survival->check_calendar_time({"options", "max_duration"}, *request.max_duration);
  s.max_duration = s.options.max_duration.value_or(simulate::default_max_duration(s.model));
  if (!s.options.max_duration && s.max_duration > simulate::SimulationOptions::kMaxDurationLimit) {
    throw InvalidInput({"simulation", "max_duration"},
                       "defaults to the end of accrual plus the 99th percentile of the longest "
                       "latency, " + numerics::format_value(s.max_duration) + " " + s.time_unit +
                       ", beyond the simulator's limit of 1e6: give simulation.max_duration "
                       "(at most 1e6), or express the times in a longer time_unit");
  }
  // The analytic power at the cap in force (a --max-duration of the run may
  // differ from the plan's), by the plan's method.
  const survival::SurvivalPlan& plan = s.sample_size.plan;
  if (s.analytic_power && !s.test && plan.method == survival::SizingMethod::kExact &&
      std::fabs(s.max_duration - plan.calendar_cap) > kSameCap * plan.calendar_cap) {
    survival::PlanSettings at_cap = plan_settings(trial);
    at_cap.calendar_cap = s.max_duration;
    s.analytic_power = numerics::within({"survival"}, [&] {
      return survival::evaluate_plan(*trial.survival, s.design, patients, events, at_cap).power;
    });
  }
  return s;
}

simulate::Simulator make_simulator(const SimulationSetup& setup) {
  if (setup.endpoint_model) return simulate::Simulator(*setup.endpoint_model, setup.design);
  return simulate::Simulator(setup.model, setup.design, setup.plan, setup.max_duration, setup.tests);
}

SimulationReport run_simulation(const SimulationSetup& setup, const simulate::Simulator& simulator,
                                const simulate::RunControl& control, const RunOptions& options) {
  simulate::RunControl traced = control;
  if (options.trace && options.trace->enabled(numerics::SolverTrace::Level::kDebug)) {
    const std::int64_t total = setup.options.replicates;
    traced.progress = [&control, trace = options.trace, total](std::int64_t done) {
      std::ostringstream out;
      out << "simulation: " << done << " of " << total << " replicates done";
      trace->write(numerics::SolverTrace::Level::kDebug, out.str());
      if (control.progress) control.progress(done);
    };
  }
  const detail::PhaseTimer timer(options.trace, "simulation of " +
                                                    std::to_string(setup.options.replicates) +
                                                    " trials on " +
                                                    std::to_string(setup.options.threads) + " threads");
  SimulationReport report{setup, simulate::run_simulation(simulator, setup.options, traced)};
  return report;
}

SimulationReport simulate_trial(const Trial& trial, const SimulationRequest& request,
                                const simulate::RunControl& control, const RunOptions& options) {
  const SimulationSetup setup = prepare_simulation(trial, request, options);
  const simulate::Simulator simulator = make_simulator(setup);
  return run_simulation(setup, simulator, control, options);
}

}  // namespace gsd
