// gsd monitor for a normal or binary endpoint: the looks' statistics from
// gsd::endpoints, the group-sequential monitoring of gsd::monitoring with
// patients in place of events, and the natural scale of its inference.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "gsd/design.hpp"
#include "gsd/endpoints/effect_scale.hpp"
#include "gsd/endpoints/endpoint_plan.hpp"
#include "gsd/monitor.hpp"
#include "gsd/numerics/check.hpp"
#include "gsd/numerics/information_step.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "monitor_endpoint.hpp"
#include "phase_timer.hpp"

namespace gsd::detail {

namespace {

using numerics::FieldPath;
using numerics::InvalidInput;

// The patients planned at the final analysis: the config's, else the design's.
double planned_patients(const Trial& trial, const RunOptions& options) {
  if (trial.monitoring->planned_patients) return *trial.monitoring->planned_patients;
  const spending::Design boundaries = solve_boundaries(trial, options);
  return numerics::within({"endpoint"}, [&] {
    return endpoints::plan_endpoint(*trial.endpoint, boundaries).patients;
  });
}

// The stage-wise inference of a stop, on the natural scale. A stop at the
// first look is the fixed-sample inference of its own statistic (the
// ordering is then by z alone): the estimate, and the test inversion at the
// level 1 - alpha per side, as rpact 3.3.4 reports it for a first-stage stop.
// Later stops map theta through the stop look's standard error
// (endpoint_look.hpp: natural_at_drift), as rpact's final inference does.
EndpointFinalInference natural_final(const EndpointMonitoring& ep, const monitoring::MonitoringResult& r,
                                     const monitoring::MonitoringPlan& plan) {
  const monitoring::FinalInference& f = *r.final_inference;
  const std::size_t k = f.stop_look;
  const endpoints::LookStatistic& s = ep.looks[k].statistic;
  EndpointFinalInference out;
  if (k == 0) {
    const double za = numerics::normal_upper_quantile(plan.design.alpha_per_side());
    out.median_unbiased = s.estimate ? *s.estimate : endpoints::natural_at_drift(ep.spec, s, s.z);
    out.ci = *endpoints::invert_look(ep.spec, ep.inputs[k].data, s, za);
    return out;
  }
  const double root_info = std::sqrt(r.looks[k].information);
  const auto natural = [&](double theta) {
    return endpoints::within_parameter_range(ep.spec, endpoints::natural_at_drift(ep.spec, s, theta * root_info));
  };
  out.median_unbiased = natural(f.median_unbiased_theta);
  const double a = natural(f.ci_theta.lower);
  const double b = natural(f.ci_theta.upper);
  out.ci = {std::min(a, b), std::max(a, b)};
  return out;
}

// Patients must grow from look to look (the monitoring layer would name
// them events), named by the keys that gave them: a look of two arms'
// summaries has no `patients` key, so the error names the look and its
// arms' n, and a one-sample look its n. Runs after check_cumulative_arms,
// so such a look has no arm with fewer patients than before.
void check_increasing(const std::vector<endpoints::LookStatistic>& stats,
                      const std::vector<EndpointLookInput>& looks) {
  for (std::size_t k = 1; k < stats.size(); ++k) {
    const double previous = stats[k - 1].patients;
    const double now = stats[k].patients;
    if (numerics::is_information_step(previous, now)) continue;
    const std::string rule =
        numerics::information_step_rule("look's " + numerics::format_input(previous) + " patients", previous, now);
    const FieldPath look{"monitoring", "looks", k};
    const endpoints::LookData& data = looks[k].data;
    if (data.sample && !data.patients) throw InvalidInput(look.key("n"), numerics::format_input(now), rule);
    if (data.treatment && data.control && !data.patients) {
      throw InvalidInput(look, "has " + numerics::format_input(now) + " patients in its arms (treatment.n " +
                                   numerics::format_input(data.treatment->n) + " + control.n " +
                                   numerics::format_input(data.control->n) + "), which " + rule);
    }
    throw InvalidInput(look.key("patients"), numerics::format_input(now), rule);
  }
}

// The arms' summaries are cumulative: an arm's patients never fall from one
// look to the next, nor (for rates) its responders or its non-responders. A
// transcription error that breaks this (353 of 353 after 143 of 202) gave a
// zero standard error and a confidence interval of zero width; rpact 3.3.4's
// getDataset refuses such counts too.
void check_cumulative_arms(const std::vector<EndpointLookInput>& looks) {
  using Arm = std::optional<endpoints::ArmSummary> endpoints::LookData::*;
  // Each summary with its key; a one-sample look's sits on the look itself.
  const std::pair<const char*, Arm> arms[] = {{"treatment", &endpoints::LookData::treatment},
                                              {"control", &endpoints::LookData::control},
                                              {nullptr, &endpoints::LookData::sample}};
  for (std::size_t k = 1; k < looks.size(); ++k) {
    for (const auto& [name, arm] : arms) {
      const auto& before = looks[k - 1].data.*arm;
      const auto& now = looks[k].data.*arm;
      if (!before || !now) continue;
      const FieldPath at = name ? FieldPath{"monitoring", "looks", k, name} : FieldPath{"monitoring", "looks", k};
      const auto fewer = [&](const char* key, double value, double previous, const std::string& what) {
        throw InvalidInput(at.key(key), numerics::format_input(value),
                           "is fewer than the previous look's " + numerics::format_input(previous) + " " + what +
                               ": the summaries are cumulative, so no count falls from one look to the next");
      };
      if (now->n < before->n) fewer("n", now->n, before->n, "patients");
      if (now->responders && before->responders) {
        if (*now->responders < *before->responders) {
          fewer("responders", *now->responders, *before->responders, "responders");
        }
        const double non_now = now->n - *now->responders;
        const double non_before = before->n - *before->responders;
        if (non_now < non_before) {
          throw InvalidInput(at.key("responders"), numerics::format_input(*now->responders),
                             "leaves " + numerics::format_input(non_now) + " non-responders of " +
                                 numerics::format_input(now->n) + ", fewer than the previous look's " +
                                 numerics::format_input(non_before) +
                                 ": the summaries are cumulative, so no count falls from one look to the next");
        }
      }
    }
  }
}

// The monitoring layer's paths and words name events; here they are patients.
InvalidInput as_patients(const InvalidInput& e) {
  std::vector<numerics::PathPart> parts = e.path().parts();
  for (auto& part : parts) {
    if (const auto* key = std::get_if<std::string>(&part); key && *key == "events") part = std::string("patients");
    if (const auto* key = std::get_if<std::string>(&part); key && *key == "planned_events") {
      part = std::string("planned_patients");
    }
  }
  std::string rule = e.rule();
  for (std::size_t at = rule.find("events"); at != std::string::npos; at = rule.find("events", at)) {
    rule.replace(at, 6, "patients");
  }
  return InvalidInput(numerics::FieldPath(std::move(parts)), e.value(), rule);
}

}  // namespace

MonitoringReport monitor_endpoint_trial(const Trial& trial, const RunOptions& options) {
  const MonitoringSettings& m = *trial.monitoring;
  numerics::within({"monitoring"}, [&] { m.validate(); });
  if (m.endpoint_looks.empty()) {
    throw InvalidInput({"monitoring", "looks"}, "[]",
                       "must hold at least one look, e.g. [{\"patients\": 100, \"z\": 2.0}]");
  }
  MonitoringReport report;
  report.name = trial.name;
  EndpointMonitoring ep;
  ep.spec = *trial.endpoint;
  ep.inputs = m.endpoint_looks;
  ep.planned_patients = planned_patients(trial, options);
  ep.standardized_effect = endpoints::standardized_effect(ep.spec);
  monitoring::MonitoringPlan& plan = report.plan;
  plan.design = trial.design;
  plan.design.solver.trace = options.trace;
  plan.planned_events = ep.planned_patients;
  plan.allocation_ratio = ep.spec.groups == 2 ? ep.spec.allocation_ratio : 1.0;
  // Conditional power at the endpoint's alternative: E[Z_j] = effect sqrt(n_j).
  const double effect = ep.standardized_effect;
  plan.model_means = [effect](const std::vector<double>& patients) {
    std::vector<double> means;
    for (const double n : patients) means.push_back(effect * std::sqrt(n));
    return means;
  };
  std::vector<endpoints::LookStatistic> stats;
  std::vector<monitoring::ObservedLook> looks;
  for (std::size_t k = 0; k < m.endpoint_looks.size(); ++k) {
    const EndpointLookInput& in = m.endpoint_looks[k];
    stats.push_back(numerics::within(FieldPath{"monitoring", "looks", k},
                                     [&] { return endpoints::look_statistic(ep.spec, in.data); }));
    looks.push_back({stats.back().patients, stats.back().z, in.final_analysis});
    LookInput shown;
    shown.events = stats.back().patients;
    shown.z = stats.back().z;
    shown.final_analysis = in.final_analysis;
    shown.date = in.date;
    shown.note = in.note;
    report.inputs.push_back(shown);
  }
  // An arm whose n falls is named first, by the arm: the total it leaves
  // names no key the committee typed.
  check_cumulative_arms(m.endpoint_looks);
  check_increasing(stats, m.endpoint_looks);
  {
    const detail::PhaseTimer timer(options.trace, "monitoring of " + std::to_string(looks.size()) + " looks");
    try {
      report.result = numerics::within({"monitoring"}, [&] { return monitoring::monitor(plan, looks); });
    } catch (const InvalidInput& e) {
      throw as_patients(e);
    }
  }
  for (std::size_t k = 0; k < stats.size(); ++k) {
    const monitoring::LookResult& r = report.result.looks[k];
    EndpointLookReport look;
    look.statistic = stats[k];
    look.efficacy_effect = endpoints::effect_at_z(ep.spec, r.efficacy_z, stats[k].patients);
    if (r.futility_z) look.futility_effect = endpoints::effect_at_z(ep.spec, *r.futility_z, stats[k].patients);
    look.repeated_ci = endpoints::invert_look(ep.spec, ep.inputs[k].data, stats[k], r.efficacy_z);
    ep.looks.push_back(look);
  }
  if (report.result.final_inference) ep.final_inference = natural_final(ep, report.result, plan);
  report.plan.design.solver.trace = nullptr;
  report.result.planned.spec.solver.trace = nullptr;
  report.endpoint = std::move(ep);
  return report;
}

}  // namespace gsd::detail
