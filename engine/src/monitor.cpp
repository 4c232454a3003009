#include "gsd/monitor.hpp"

#include "gsd/design.hpp"
#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/survival/event_projection.hpp"
#include "gsd/survival/logrank_drift.hpp"
#include "gsd/survival/look_trigger.hpp"
#include "monitor_endpoint.hpp"
#include "monitor_simon.hpp"
#include "monitor_test.hpp"
#include "phase_timer.hpp"

namespace gsd {

namespace {

using numerics::FieldPath;
using numerics::InvalidInput;

// Conditional power under the trial's survival model (the contract: under
// monitoring.assumed_hazard_ratio where given, otherwise under the survival
// model): the non-proportional-hazards log-rank means at the expected calendar
// time of each look's events, for the plan's patients.
//
// The model's events are the schedule at a look (look_schedule.hpp): the
// looks observed so far, then the planned remainder scaled from
// monitoring.planned_events. An event count the patients cannot reach is
// named by the field it came from (the path is under "monitoring", where
// monitor() runs): a look's when it stands where that look does with its
// value, else planned_events.
[[noreturn]] void refuse_unreachable(const InvalidInput& e, const std::vector<double>& events,
                                     std::size_t k, const std::vector<double>& observed,
                                     double planned_events) {
  if (!(e.path() == FieldPath{"events"})) throw e.within({"survival"});
  const std::string rule = e.rule() + survival::kUnreachableEventsAdvice;
  if (k < observed.size() && !(events[k] < observed[k] || events[k] > observed[k])) {
    throw InvalidInput(FieldPath{"looks", k}.key("events"), e.value(), rule);
  }
  throw InvalidInput({"planned_events"}, numerics::format_input(planned_events), rule);
}

void attach_survival_model(const Trial& trial, monitoring::MonitoringPlan& plan,
                           std::span<const monitoring::ObservedLook> looks, const RunOptions& options) {
  if (plan.assumed_hazard_ratio || !trial.survival) return;
  const std::optional<SampleSize> sized =
      solve_sample_size(trial, solve_boundaries(trial, options), options);
  const survival::SurvivalSpec spec = sized->spec;
  const auto patients = static_cast<double>(sized->plan.patients);
  const numerics::SolverOptions solver = trial.design.solver;
  const double margin = plan.null_hazard_ratio;
  const double r = plan.allocation_ratio;
  const double planned_events = plan.planned_events;
  std::vector<double> observed;
  for (const monitoring::ObservedLook& look : looks) observed.push_back(look.events);
  plan.model_means = [spec, patients, solver, margin, r, planned_events,
                      observed](const std::vector<double>& events) {
    // Each look's calendar time on its own, so that an event count the
    // patients cannot reach is named by the look it belongs to.
    std::vector<double> times;
    for (std::size_t k = 0; k < events.size(); ++k) {
      try {
        times.push_back(survival::calendar_time_for_events(spec, patients, events[k], solver));
      } catch (const InvalidInput& e) {
        refuse_unreachable(e, events, k, observed, planned_events);
      }
    }
    std::vector<double> means;
    try {
      means = survival::logrank_means(spec, patients, times, solver);
    } catch (const InvalidInput& e) {
      throw e.within({"survival"});
    }
    // A non-inferiority test's z is the log-rank z shifted by its margin.
    if (margin < 1.0 || margin > 1.0) {
      for (std::size_t k = 0; k < means.size(); ++k) {
        means[k] = monitoring::z_against_margin(means[k], monitoring::log_rank_information(events[k], r), margin);
      }
    }
    return means;
  };
}

// The keys of a weighted, MaxCombo, RMST or milestone test's looks, refused for the log-rank.
void refuse_test_keys(const MonitoringSettings& m) {
  const std::string rule = "is for a weighted log-rank, MaxCombo, RMST or milestone survival.test; the log-rank look "
                           "gives z, p_two_sided or hazard_ratio";
  if (m.planned_variance) throw InvalidInput({"monitoring", "planned_variance"}, rule);
  for (std::size_t k = 0; k < m.looks.size(); ++k) {
    const FieldPath path{"monitoring", "looks", k};
    if (m.looks[k].variance) throw InvalidInput(path.key("variance"), rule);
    if (!m.looks[k].tests.empty()) throw InvalidInput(path.key("tests"), rule);
    if (!m.looks[k].covariance.empty()) throw InvalidInput(path.key("covariance"), rule);
  }
}

}  // namespace

monitoring::ObservedLook observed_look(const LookInput& look, double allocation_ratio, double margin) {
  monitoring::ObservedLook out;
  out.events = look.events;
  out.final_analysis = look.final_analysis;
  monitoring::check_look_events(look.events);
  if (look.z) numerics::check_z({"z"}, *look.z);
  if (look.z) {
    out.z = *look.z;
  } else if (look.p_two_sided) {
    out.z = monitoring::z_from_p_two_sided(*look.p_two_sided, *look.direction);
  } else {
    out.z = monitoring::z_from_hazard_ratio(*look.hazard_ratio, look.events, allocation_ratio);
  }
  // The hazard ratio the look estimates, reported beside it, must be one gsd
  // can report: the field given is named with its value.
  const std::string rule =
      monitoring::hazard_ratio_range_rule(out.z, monitoring::log_rank_information(look.events, allocation_ratio));
  if (!rule.empty()) {
    if (look.z) throw InvalidInput({"z"}, numerics::format_input(*look.z), rule);
    if (look.p_two_sided) throw InvalidInput({"p_two_sided"}, numerics::format_input(*look.p_two_sided), rule);
  }
  // The committee's z, p-value or hazard ratio is of equal hazards; a
  // non-inferiority trial's test is against its margin.
  if (margin < 1.0 || margin > 1.0) {
    out.z = monitoring::z_against_margin(out.z, monitoring::log_rank_information(look.events, allocation_ratio),
                                         margin);
  }
  return out;
}

std::vector<LookOutcome> look_outcomes(const MonitoringReport& report) {
  std::vector<LookOutcome> out;
  if (report.test) {
    for (std::size_t k = 0; k < report.test->weighted.size(); ++k) {
      const monitoring::WeightedLookResult& r = report.test->weighted[k];
      out.push_back({report.inputs[k].z.value_or(0.0), r.efficacy_z, r.futility_z, r.harm_z,
                     r.information_fraction, r.decision});
    }
    for (const monitoring::MaxComboLookResult& r : report.test->maxcombo) {
      out.push_back({r.max_z, r.efficacy_z, std::nullopt, std::nullopt, r.information_fraction, r.decision});
    }
    return out;
  }
  for (const monitoring::LookResult& r : report.result.looks) {
    out.push_back({r.look.z, r.efficacy_z, r.futility_z, r.harm_z, r.information_fraction, r.decision});
  }
  return out;
}

namespace detail {

double planned_final_events(const Trial& trial, const RunOptions& options) {
  const MonitoringSettings& m = *trial.monitoring;
  if (m.planned_events) return *m.planned_events;
  if (trial.survival) {
    if (trial.survival->events) return static_cast<double>(*trial.survival->events);
    // Sized from its power: the plan's whole events, as `gsd design` gives them.
    if (const std::optional<SampleSize> sized = solve_sample_size(trial, solve_boundaries(trial, options), options)) {
      return static_cast<double>(sized->plan.events);
    }
  }
  throw InvalidInput({"monitoring", "planned_events"},
                     "is missing: the number of events planned at the final analysis (or survival.events)");
}

}  // namespace detail

MonitoringReport monitor_trial(const Trial& trial, const RunOptions& options) {
  if (!trial.monitoring) {
    throw InvalidInput({"monitoring"}, "is missing: gsd monitor needs a monitoring section with its looks");
  }
  if (trial.simon) return detail::monitor_simon_trial(trial);
  if (trial.endpoint) return detail::monitor_endpoint_trial(trial, options);
  // A weighted log-rank, MaxCombo, RMST or milestone test on its own scale
  // (monitor_test.cpp).
  if (trial.survival && trial.survival_test &&
      (trial.survival_test->kind == survival::TestKind::kMaxCombo || trial.survival_test->is_km_contrast() ||
       (trial.survival_test->kind == survival::TestKind::kWeightedLogRank && !trial.survival_test->is_log_rank()))) {
    return detail::monitor_test_trial(trial, options);
  }
  const MonitoringSettings& m = *trial.monitoring;
  refuse_test_keys(m);
  numerics::within({"monitoring"}, [&] { m.validate(); });
  MonitoringReport report;
  report.name = trial.name;
  monitoring::MonitoringPlan& plan = report.plan;
  plan.design = trial.design;
  if (trial.survival && !survival::looks_by_events(*trial.survival)) {
    // Looks by calendar time: the plan's fractions are their expected
    // information (solve_boundaries), the schedule the remaining looks keep.
    plan.design.information_fractions = solve_boundaries(trial, options).spec.information_fractions;
  }
  plan.design.solver.trace = options.trace;
  plan.planned_events = detail::planned_final_events(trial, options);
  plan.allocation_ratio =
      m.allocation_ratio.value_or(trial.survival ? trial.survival->allocation_ratio : 1.0);
  plan.assumed_hazard_ratio = m.assumed_hazard_ratio;
  if (trial.survival) plan.null_hazard_ratio = trial.survival->hazard_ratio_h0;
  if (m.looks.empty()) {
    throw InvalidInput({"monitoring", "looks"}, "[]",
                       "must hold at least one look, e.g. [{\"events\": 49, \"z\": 2.0}]");
  }
  // The plan's own fields first: a look's statistic is read at its allocation ratio.
  numerics::within({"monitoring"}, [&] { plan.validate(); });
  std::vector<monitoring::ObservedLook> looks;
  for (std::size_t k = 0; k < m.looks.size(); ++k) {
    looks.push_back(numerics::within(FieldPath{"monitoring", "looks", k}, [&] {
      return observed_look(m.looks[k], plan.allocation_ratio, plan.null_hazard_ratio);
    }));
  }
  report.inputs = m.looks;
  attach_survival_model(trial, plan, looks, options);
  const detail::PhaseTimer timer(options.trace, "monitoring of " + std::to_string(looks.size()) + " looks");
  report.result = numerics::within({"monitoring"}, [&] { return monitoring::monitor(plan, looks); });
  report.plan.design.solver.trace = nullptr;
  report.result.planned.spec.solver.trace = nullptr;
  return report;
}

}  // namespace gsd
