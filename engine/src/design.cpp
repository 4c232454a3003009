#include "gsd/design.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "gsd/numerics/check.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/simulate/simulator.hpp"
#include "gsd/survival/look_trigger.hpp"
#include "phase_timer.hpp"
#include "simon_design.hpp"

namespace gsd {

namespace {

// The exact operating characteristics of a one-sample binary plan at the
// whole patients gsd simulate runs, ceil(patients); none where they cannot
// be enumerated (simulate::exact_if_enumerable).
std::optional<simulate::ExactBinomial> exact_binomial(const endpoints::EndpointSpec& spec,
                                                      const endpoints::EndpointPlan& plan,
                                                      const spending::Design& design) {
  const double patients = std::ceil(plan.patients);
  if (!(patients <= simulate::kExactBinomialMaxPatients)) return std::nullopt;
  simulate::EndpointModel model;
  model.spec = spec;
  model.look_patients = simulate::endpoint_look_patients(design, static_cast<int>(patients));
  return simulate::exact_if_enumerable(model, design);
}

// Exact sizing scans up from where the normal approximation's power reaches
// the target less kExactScanMargin (the one-sample gaps measured in
// docs/plan-accuracy.md reach 0.03), to kExactScanReach times the normal
// approximation's patients (the sawtooth of exact power and alpha repeats
// every few patients, so a scan that long that finds nothing means the
// target is out of reach at this alpha).
constexpr double kExactScanMargin = 0.1;
constexpr double kExactScanReach = 2.0;

// The normal approximation's power at n patients; 0 where it does not
// exceed alpha (plan_endpoint refuses those sizes).
double normal_power_at(const endpoints::EndpointSpec& spec, const spending::Design& design, int n) {
  endpoints::EndpointSpec at = spec;
  at.power.reset();
  at.patients = n;
  try {
    return endpoints::plan_endpoint(at, design).power;
  } catch (const numerics::InvalidInput&) {
    return 0.0;
  }
}

// endpoint.sizing "exact": the fewest whole patients whose exact power
// reaches the target with the exact alpha (futility ignored) within the
// design's; the plan becomes the normal approximation's at that size.
void size_exactly(EndpointSize& size, const spending::Design& design) {
  const endpoints::EndpointSpec& spec = size.spec;
  EndpointSize::ExactSizing sizing;
  sizing.target_power = spec.power.value_or(1.0 - design.spec.beta);
  sizing.normal_patients = size.plan.patients;
  const int normal = static_cast<int>(size.plan.patients);
  int lo = size.plan.least_patients;
  int hi = std::max(lo, normal);
  while (lo < hi) {  // the least size whose normal power reaches target - margin
    const int mid = lo + (hi - lo) / 2;
    if (normal_power_at(spec, design, mid) >= sizing.target_power - kExactScanMargin) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  const int last = static_cast<int>(
      std::min(static_cast<double>(simulate::kExactBinomialMaxPatients), std::ceil(kExactScanReach * normal)));
  sizing.first_scanned = lo;
  simulate::EndpointModel model;
  model.spec = spec;
  // Among the sizes with the power, the one whose exact alpha is least (for
  // the error when none is within alpha).
  std::optional<std::pair<double, int>> least_alpha;
  const double rate_h0 = spec.null_value();
  const double alpha = simulate::design_rejection_alpha(design);
  for (int n = lo; n <= last; ++n) {
    model.look_patients = simulate::endpoint_look_patients(design, n);
    if (endpoints::first_look_without_statistic(spec, model.look_patients)) continue;
    // The power first, the alpha only where it is met: each a quarter of
    // the whole exact calculation.
    if (!(simulate::exact_rejection(model, design, *spec.rate, false) >= sizing.target_power)) continue;
    const double exact_alpha = simulate::exact_rejection(model, design, rate_h0, true);
    if (!least_alpha || exact_alpha < least_alpha->first) least_alpha = std::pair(exact_alpha, n);
    if (!(exact_alpha <= alpha)) continue;
    sizing.sizes_scanned = n - lo + 1;
    endpoints::EndpointSpec at = spec;
    at.power.reset();
    at.patients = n;
    endpoints::EndpointPlan plan = endpoints::plan_endpoint(at, design);
    plan.solved_for = endpoints::EndpointSolve::kPatients;
    plan.fixed_patients = size.plan.fixed_patients;
    size.plan = std::move(plan);
    size.exact_sizing = sizing;
    return;
  }
  std::string rule = "finds no size from " + std::to_string(lo) + " to " + std::to_string(last) +
                     " patients with an exact power of " + numerics::format_value(sizing.target_power) +
                     " and an exact type I error within alpha " + numerics::format_value(alpha);
  if (least_alpha) {
    rule += " (the least exact alpha among those with the power: " + numerics::format_value(least_alpha->first) +
            " at " + std::to_string(least_alpha->second) +
            " patients; a rare or near-certain response makes the rate's z bounds reject more often than "
            "alpha)";
  }
  throw numerics::InvalidInput({"sizing"}, std::string("\"exact\""),
                 rule + "; lower alpha or the power, or size by the normal approximation (\"sizing\": "
                        "\"normal\")");
}

// With looks by calendar time (survival.looks) the design spends at each
// look's expected events over the planned total (gsDesign's gsSurvCalendar
// with spending on information; survival/look_trigger.hpp), found one of two
// ways:
// - a trial to be sized (power and follow-up given): D(t) / D(accrual +
//   follow-up), which does not depend on the size (sized_look_fractions);
// - a trial of given size (patients and events): the model's expected events
//   at each look's expected time over the planned events (expected_looks).
std::vector<double> expected_fractions(const Trial& trial) {
  const survival::SurvivalSpec& s = *trial.survival;
  if (!s.patients && !s.events && s.power && s.follow_up) {
    return numerics::within({"survival"}, [&] {
      return survival::sized_look_fractions(s, trial.design.information_fractions, trial.design.solver);
    });
  }
  if (!s.patients || !s.events) {
    throw numerics::InvalidInput({"survival", "looks"}, std::string(": ") + survival::kCalendarLooksNeed);
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
  if (trial.simon) {
    throw numerics::InvalidInput({"design", "type"}, "\"simon-two-stage\"",
                       "has no group-sequential boundaries: its rules are responder counts, which "
                       "design_trial gives (gsd design)");
  }
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
    const survival::SurvivalTest& test = *trial.survival_test;
    return survival::weighted_logrank_power(*trial.survival, trial.design, test.weight,
                                            static_cast<double>(plan.patients), plan.events, test.scale);
  });
}

static numerics::MvnOptions maxcombo_mvn(const survival::SurvivalTest& test) {
  numerics::MvnOptions mvn;
  mvn.seed = test.seed;
  return mvn;
}

// The MaxCombo test's bounds and power at the plan's patients and events.
static survival::MaxComboPower maxcombo_test_power(const Trial& trial, const survival::SurvivalPlan& plan) {
  numerics::within({"design"}, [&] { survival::check_maxcombo_design(trial.design); });
  return numerics::within({"survival", "test"}, [&] {
    const survival::SurvivalTest& test = *trial.survival_test;
    return survival::maxcombo_power(*trial.survival, trial.design, test.combo, static_cast<double>(plan.patients),
                                    plan.events, maxcombo_mvn(test));
  });
}

// A weighted or MaxCombo test, with power given instead of patients and
// events: sized for it (survival/test_sizing.hpp). An RMST or milestone test
// is evaluated at the plan's sizes in every mode, with the patients it needs
// beside them (km_contrast_plan).
static bool sizes_for_test(const Trial& trial) {
  if (!trial.survival || !trial.survival_test || trial.survival_test->is_log_rank()) return false;
  if (trial.survival_test->is_km_contrast()) return false;
  const survival::SolveMode mode = numerics::within({"survival"}, [&] { return survival::solve_mode(*trial.survival); });
  return mode != survival::SolveMode::kPower;
}

// The test's sizes (and its plan there) into `out`; the trial with those
// sizes given, for the log-rank plan beside it.
static Trial size_for_test(const Trial& trial, const RunOptions& options, DesignResult& out) {
  const survival::SurvivalTest& test = *trial.survival_test;
  if (trial.survival->integer) {
    throw numerics::InvalidInput({"survival", "integer"}, "true",
                                 "is not available when a test other than log-rank is sized for its power: its "
                                 "patients and events are already whole (rounded up); give patients and events "
                                 "to plan whole numbers for it");
  }
  if (test.kind == survival::TestKind::kMaxCombo) {
    numerics::within({"design"}, [&] { survival::check_maxcombo_design(trial.design); });
    const detail::PhaseTimer timer(options.trace, "MaxCombo sample size, bounds and power");
    survival::MaxComboSizing sized = numerics::within({"survival"}, [&] {
      return survival::size_maxcombo(*trial.survival, trial.design, test.combo, maxcombo_mvn(test));
    });
    out.maxcombo = std::move(sized.plan);
    out.test_sizing = sized.sizing;
  } else {
    const detail::PhaseTimer timer(options.trace, "weighted log-rank sample size and power");
    survival::WeightedLogRankSizing sized = numerics::within({"survival"}, [&] {
      return survival::size_weighted_logrank(*trial.survival, trial.design, test.weight, test.scale);
    });
    out.test = std::move(sized.plan);
    out.test_sizing = sized.sizing;
  }
  Trial given = trial;
  given.survival->patients = out.test_sizing->patients;
  given.survival->events = out.test_sizing->events;
  given.survival->power.reset();
  given.survival->follow_up.reset();
  return given;
}

// An RMST or milestone test at the plan's patients and events, and at the
// patients it needs for the design's power, the accrual's durations kept.
static survival::KmContrastPlan km_contrast_test_power(const Trial& trial, const survival::SurvivalPlan& plan) {
  return numerics::within({"survival"}, [&] {
    const survival::SurvivalTest& test = *trial.survival_test;
    return survival::km_contrast_plan(*trial.survival, trial.design, survival::km_contrast_of(test),
                                      static_cast<double>(plan.patients), plan.events, test.scale);
  });
}

DesignResult design_trial(const Trial& trial, const RunOptions& options) {
  DesignResult out;
  out.name = trial.name;
  if (trial.simon) {
    out.simon = detail::simon_plan(*trial.simon);
    return out;
  }
  out.boundaries = solve_boundaries(trial, options);
  // Sized for a weighted or MaxCombo test, the rest is planned at its sizes.
  std::optional<Trial> given;
  if (sizes_for_test(trial)) given = size_for_test(trial, options, out);
  const Trial& planned = given ? *given : trial;
  out.sample_size = solve_sample_size(planned, out.boundaries, options);
  if (out.test_sizing) {
    survival::SurvivalPlan& plan = out.sample_size->plan;
    plan.mode = out.test_sizing->mode;
    plan.patients_unrounded = out.test_sizing->patients_unrounded;
    plan.events_unrounded = out.test_sizing->events_unrounded;
  }
  if (trial.endpoint) {
    const detail::PhaseTimer timer(options.trace, "endpoint sample size and power");
    out.endpoint = EndpointSize{*trial.endpoint, numerics::within({"endpoint"}, [&] {
                                  return endpoints::plan_endpoint(*trial.endpoint, out.boundaries);
                                }),
                                std::nullopt, std::nullopt};
    if (trial.endpoint->exact_sizing) {
      const detail::PhaseTimer exact_timer(options.trace, "exact binomial sizing");
      numerics::within({"endpoint"}, [&] { size_exactly(*out.endpoint, out.boundaries); });
    }
    out.endpoint->exact = numerics::within({"endpoint"}, [&] {
      return exact_binomial(out.endpoint->spec, out.endpoint->plan, out.boundaries);
    });
  }
  if (out.sample_size && trial.survival->integer) {
    const detail::PhaseTimer timer(options.trace, "whole numbers: bounds and power recomputed");
    survival::IntegerPlan whole = numerics::within({"survival"}, [&] {
      return survival::integer_plan(*planned.survival, out.boundaries, out.sample_size->plan,
                                    plan_settings(planned), trial.design.information_fractions);
    });
    out.continuous = ContinuousResult{std::move(out.boundaries), std::move(whole.continuous)};
    out.boundaries = std::move(whole.design);
    out.boundaries.spec.solver.trace = nullptr;
    out.sample_size->plan = std::move(whole.plan);
  }
  out.test_requested = trial.survival_test;
  if (out.sample_size && trial.survival_test && !trial.survival_test->is_log_rank() && !out.test_sizing) {
    if (trial.survival_test->is_km_contrast()) {
      const detail::PhaseTimer timer(options.trace, "RMST or milestone bounds and power");
      out.km_contrast = km_contrast_test_power(trial, out.sample_size->plan);
    } else if (trial.survival_test->kind == survival::TestKind::kMaxCombo) {
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
