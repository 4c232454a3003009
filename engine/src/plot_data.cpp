#include "gsd/plot_data.hpp"

#include <cmath>
#include <limits>

#include "gsd/curves.hpp"
#include "gsd/endpoints/effect_scale.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/errors.hpp"
#include "gsd/monitoring/look_statistic.hpp"
#include "gsd/numerics/invalid_input.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/survival/sample_size.hpp"
#include "json_values.hpp"

namespace gsd {

namespace {

using nlohmann::json;

json curve_json(const Curve& c) { return {{"x", c.x}, {"y", c.y}}; }

using detail::count_json;
using detail::finite_or_null;
using detail::optional_json;

// The one-sided nominal p-value of each bound (null where none).
json nominal_p(const json& z) {
  json out = json::array();
  for (const json& b : z) {
    out.push_back(b.is_null() ? json(nullptr) : json(numerics::normal_upper_tail(b.get<double>())));
  }
  return out;
}

// The bounds of a survival plan on the hazard-ratio scale: at each look's
// events d, the estimate exp(-z / sqrt(I)) with Schoenfeld's information
// I = d r / (1 + r)^2 that sits on the bound (null where none).
json hazard_ratio_bounds(const json& bounds, const SampleSize& plan) {
  json out = {{"events", json::array()}};
  for (const char* scale : {"efficacy", "lower", "futility", "futility_lower"}) {
    out[std::string(scale) + "_hazard_ratio"] = json::array();
  }
  for (std::size_t k = 0; k < plan.plan.looks.size(); ++k) {
    const double events = static_cast<double>(plan.plan.looks[k].events);
    const double information = monitoring::log_rank_information(events, plan.spec.allocation_ratio);
    out["events"].push_back(plan.plan.looks[k].events);
    for (const char* scale : {"efficacy", "lower", "futility", "futility_lower"}) {
      const json& z = bounds[std::string(scale) + "_z"][k];
      out[std::string(scale) + "_hazard_ratio"].push_back(
          z.is_null() ? json(nullptr)
                      : json(monitoring::hazard_ratio_from_z(z.get<double>(), information,
                                                             plan.spec.hazard_ratio_h0)));
    }
  }
  return out;
}

// A Simon design's curves over the true rate, and the lines the charts mark.
json simon_plot_data(const SimonPlan& plan) {
  json curve = {{"rate", json::array()}, {"promising", json::array()}, {"early_stop", json::array()},
                {"expected_patients", json::array()}};
  for (const SimonOperatingPoint& p : simon_curve(plan)) {
    curve["rate"].push_back(p.rate);
    curve["promising"].push_back(p.promising);
    curve["early_stop"].push_back(p.early_stop);
    curve["expected_patients"].push_back(p.expected_patients);
  }
  const endpoints::SimonSpec& spec = plan.settings.spec;
  curve["rate_h0"] = spec.null_rate;
  curve["rate_h1"] = spec.alternative_rate;
  curve["alpha"] = spec.alpha;
  curve["power_target"] = 1.0 - spec.beta;
  curve["patients"] = plan.chosen().n;
  return {{"simon", curve}};
}

}  // namespace

json design_plot_data(const DesignResult& result, int points) {
  return design_plot_data(result, DesignPlotOptions{points, true});
}

static json design_document(const DesignResult& result, const DesignPlotOptions& options) {
  if (result.simon) return simon_plot_data(*result.simon);
  const int points = options.points;
  const spending::Design& d = result.boundaries;
  const bool two_sided = d.spec.sided == spending::Sidedness::kTwoSidedSymmetric;
  json bounds;
  json eff = json::array();
  json lower = json::array();
  json fut = json::array();
  // A two-sided design's futility region is inner, |z| below the bound: its
  // lower edge -f, and the two-sided p-value at the bound, 2 P(Z >= f), above
  // which a look stops for futility.
  json fut_lower = json::array();
  json fut_p_two_sided = json::array();
  for (std::size_t k = 0; k < d.efficacy.size(); ++k) {
    eff.push_back(finite_or_null(d.efficacy[k]));
    lower.push_back(two_sided ? finite_or_null(-d.efficacy[k]) : json(nullptr));
    fut.push_back(d.futility[k] ? json(*d.futility[k]) : json(nullptr));
    fut_lower.push_back(two_sided && d.futility[k] ? json(-*d.futility[k]) : json(nullptr));
    fut_p_two_sided.push_back(two_sided && d.futility[k]
                                  ? json(2.0 * numerics::normal_upper_tail(*d.futility[k]))
                                  : json(nullptr));
  }
  bounds["information_fraction"] = d.spec.information_fractions;
  bounds["efficacy_z"] = eff;
  bounds["lower_z"] = lower;
  bounds["futility_z"] = fut;
  bounds["futility_lower_z"] = fut_lower;
  bounds["efficacy_p"] = nominal_p(eff);
  bounds["futility_p"] = nominal_p(fut);
  bounds["futility_p_two_sided"] = fut_p_two_sided;
  if (result.sample_size) bounds.update(hazard_ratio_bounds(bounds, *result.sample_size));
  json out;
  out["boundaries"] = bounds;
  const SpendingCurves spending = spending_curves(d, 100);
  json s = json::object();
  if (spending.alpha) s["alpha"] = curve_json(*spending.alpha);
  if (spending.beta) s["beta"] = curve_json(*spending.beta);
  out["spending"] = s;
  if (result.sample_size) {
    const SampleSize& r = *result.sample_size;
    const double t_max = 1.25 * r.plan.study_duration;
    const PlanCurves c = plan_curves(r, t_max, points);
    out["survival"] = {{"control", curve_json(c.control_survival)},
                       {"treatment", curve_json(c.treatment_survival)},
                       {"control_cure", r.spec.control.cure_fraction()},
                       {"treatment_cure", r.spec.treatment.cure_fraction()}};
    json looks = json::array();
    for (const auto& look : r.plan.looks) {
      looks.push_back({{"events", look.events}, {"calendar_time", look.calendar_time}});
    }
    out["events"] = {{"x", c.expected_events.x},
                     {"y", c.expected_events.y},
                     {"looks", looks},
                     {"event_limit", r.plan.event_limit}};
    out["hazard_ratio"] = curve_json(c.hazard_ratio);
    if (options.power_by_hazard_ratio) {
      const std::vector<double> hrs = power_curve_hazard_ratios(r.spec.hazard_ratio_h0);
      out["power_by_hazard_ratio"] = curve_json(power_curve(d, r, hrs));
    }
  }
  return out;
}

namespace {

// Where the monitoring plot's bounds were set (its "bounds"."set_at"): every
// bound at its own look's observed information, or all of them on the last
// look's schedule (the planned looks recomputed at the information observed
// so far).
constexpr const char* kBoundsAtEachLook = "each_look";
constexpr const char* kBoundsOnLastSchedule = "last_look_schedule";

// A normal or binary endpoint: the looks by patients, with the estimate and
// the bounds on the natural scale beside z.
json endpoint_monitoring_plot_data(const MonitoringReport& report) {
  const EndpointMonitoring& ep = *report.endpoint;
  json observed = {{"patients", json::array()}, {"z", json::array()}, {"effect", json::array()},
                   {"repeated_ci_lower", json::array()}, {"repeated_ci_upper", json::array()}};
  for (const EndpointLookReport& l : ep.looks) {
    observed["patients"].push_back(l.statistic.patients);
    observed["z"].push_back(l.statistic.z);
    observed["effect"].push_back(optional_json(l.statistic.estimate));
    observed["repeated_ci_lower"].push_back(l.repeated_ci ? json(l.repeated_ci->lower) : json(nullptr));
    observed["repeated_ci_upper"].push_back(l.repeated_ci ? json(l.repeated_ci->upper) : json(nullptr));
  }
  const auto& s = report.result.looks.back().schedule;
  json eff = json::array();
  json effect = json::array();
  for (std::size_t k = 0; k < s.events.size(); ++k) {
    eff.push_back(finite_or_null(s.efficacy[k]));
    effect.push_back(optional_json(endpoints::effect_at_z(ep.spec, s.efficacy[k], s.events[k])));
  }
  return {{"observed", observed},
          {"bounds",
           {{"patients", s.events}, {"efficacy_z", eff}, {"efficacy_effect", effect}, {"set_at", kBoundsOnLastSchedule}}}};
}

}  // namespace

static json monitoring_document(const MonitoringReport& report, int points) {
  if (report.simon) {
    // Simon's design: the design's curves, and the looks' rates with the
    // interval once the trial has ended.
    const SimonMonitoring& m = *report.simon;
    json out = simon_plot_data(m.plan);
    json observed = {{"patients", json::array()}, {"responders", json::array()}, {"rate", json::array()}};
    for (const endpoints::SimonInferenceResult& r : m.looks) {
      observed["patients"].push_back(r.patients);
      observed["responders"].push_back(r.responders);
      observed["rate"].push_back(r.observed_rate);
    }
    out["observed"] = observed;
    out["ci_rate"] = m.ended() ? json::array({m.looks.back().ci_lower, m.looks.back().ci_upper}) : json(nullptr);
    return out;
  }
  if (report.endpoint) return endpoint_monitoring_plot_data(report);
  if (report.test) {
    // A weighted, MaxCombo, RMST or milestone test: each look's z (MaxCombo:
    // the largest) and the bound it was judged against, set at that look's
    // observed information. The later looks' bounds depend on information
    // not yet observed, so there are none beyond the last look, and no
    // conditional power by hazard ratio.
    json events = json::array();
    json z = json::array();
    json hazard_ratio = json::array();
    json efficacy = json::array();
    const std::vector<LookOutcome> outcomes = look_outcomes(report);
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
      events.push_back(count_json(report.inputs[k].events));
      z.push_back(outcomes[k].z);
      hazard_ratio.push_back(nullptr);
      efficacy.push_back(finite_or_null(outcomes[k].efficacy_z));
    }
    return {{"observed", {{"events", events}, {"z", z}, {"hazard_ratio", hazard_ratio}}},
            {"bounds", {{"events", events}, {"efficacy_z", efficacy}, {"set_at", kBoundsAtEachLook}}}};
  }
  json out;
  const auto& looks = report.result.looks;
  json observed = {{"events", json::array()}, {"z", json::array()}, {"hazard_ratio", json::array()}};
  for (const auto& l : looks) {
    observed["events"].push_back(count_json(l.look.events));
    observed["z"].push_back(l.look.z);
    observed["hazard_ratio"].push_back(l.hazard_ratio);
  }
  out["observed"] = observed;
  const auto& s = looks.back().schedule;
  json eff = json::array();
  for (double b : s.efficacy) eff.push_back(finite_or_null(b));
  out["bounds"] = {{"events", s.events}, {"efficacy_z", eff}, {"set_at", kBoundsOnLastSchedule}};
  if (looks.back().conditional_power) {
    out["conditional_power_by_hazard_ratio"] =
        curve_json(conditional_power_curve(report, 0.3, 1.2, points));
  }
  return out;
}

static json simulation_document(const simulate::Simulator& sim, const SimulationReport& report, int shown) {
  // A normal or binary endpoint's trial has no survival curves.
  if (sim.endpoint()) return {{"replicates", json::array()}, {"model", nullptr}};
  json reps = json::array();
  double t_max = 0.0;
  const auto& r = report.result;
  for (int i = 0; i < shown && i < r.replicates; ++i) {
    const auto looks = sim.looks(r.seed, i);
    const auto patients = sim.patients(r.seed, i);
    const double tau = looks.empty() ? sim.max_duration() : looks.back().calendar_time;
    const Curve control = kaplan_meier(patients, false, tau);
    const Curve treatment = kaplan_meier(patients, true, tau);
    t_max = std::max({t_max, control.x.back(), treatment.x.back()});
    reps.push_back({{"replicate", i}, {"control", curve_json(control)}, {"treatment", curve_json(treatment)}});
  }
  if (!(t_max > 0.0)) t_max = sim.max_duration();
  return {{"replicates", reps},
          {"model",
           {{"control", curve_json(model_survival(sim.model(), false, t_max))},
            {"treatment", curve_json(model_survival(sim.model(), true, t_max))}}}};
}

// The documents as returned: every zero without its sign, as the engine's
// other JSON (json_values.hpp).
json design_plot_data(const DesignResult& result, const DesignPlotOptions& options) {
  return detail::without_zero_signs(design_document(result, options));
}

json monitoring_plot_data(const MonitoringReport& report, int points) {
  return detail::without_zero_signs(monitoring_document(report, points));
}

json simulation_plot_data(const simulate::Simulator& sim, const SimulationReport& report, int shown) {
  return detail::without_zero_signs(simulation_document(sim, report, shown));
}

}  // namespace gsd
