#include <algorithm>
#include <cmath>

#include "gsd/json.hpp"
#include "gsd/numerics/normal.hpp"
#include "gsd/presentation.hpp"
#include "gsd/survival/schoenfeld.hpp"
#include "gsd/version.hpp"
#include "json_endpoint_monitoring.hpp"
#include "json_monitored_look.hpp"
#include "json_survival_test.hpp"
#include "json_test_monitoring.hpp"
#include "json_values.hpp"
#include "simon_design.hpp"

namespace gsd {

namespace {

using nlohmann::json;
using spending::Sidedness;

using detail::finite_or_null;
using detail::optional_json;

bool two_sided(const spending::DesignSpec& s) { return s.sided == Sidedness::kTwoSidedSymmetric; }

// Per-look (not cumulative) probability of stopping for efficacy under H0,
// both sides for two-sided designs.
std::vector<double> per_look_alpha(const spending::Design& d) {
  std::vector<double> out = d.null.upper;
  if (two_sided(d.spec)) {
    for (std::size_t k = 0; k < out.size(); ++k) out[k] += d.null.lower[k];
  }
  return out;
}

json survival_look_json(const survival::SurvivalLook& look) {
  json j;
  j["events"] = look.events;
  j["trigger"] = look_trigger_name(look.trigger);
  j["expected_events"] = look.expected_events;
  j["information_fraction"] = look.information_fraction;
  j["calendar_time"] = look.calendar_time;
  j["drift"] = look.mean_z;
  j["method_drift"] = look.method_mean_z ? json(*look.method_mean_z) : json(nullptr);
  const bool bound = std::isfinite(look.efficacy_z);
  j["efficacy_z"] = bound ? json(look.efficacy_z) : json(nullptr);
  j["hazard_ratio_at_bound"] = bound ? json(look.hazard_ratio_at_bound) : json(nullptr);
  j["futility_z"] = look.futility_z ? json(*look.futility_z) : json(nullptr);
  j["hazard_ratio_at_futility"] =
      look.hazard_ratio_at_futility ? json(*look.hazard_ratio_at_futility) : json(nullptr);
  j["crossing_probability"] = look.crossing;
  j["cumulative_crossing_probability"] = look.cumulative_crossing;
  // Lower exits: the harm side of a two-sided design, or the futility bound.
  j["crossing_probability_lower"] = look.crossing_lower;
  j["crossing_probability_fixed_times"] = look.crossing_fixed_times;
  j["capped_fraction"] = look.capped;
  return j;
}

json arm_json(const survival::CureModel& arm) {
  json j;
  j["cure_fraction"] = arm.cure_fraction();
  j["latency"] = latency_family_name(arm.latency().family());
  j["median_noncured"] = arm.latency().median();
  j["events_limit_per_patient"] = arm.events_limit();
  return j;
}


json monitoring_look_json(const monitoring::LookResult& r, const LookInput& input,
                          const monitoring::MonitoringPlan& plan) {
  json look = detail::decision_json(r, plan, "events");
  look["events"] = detail::count_json(r.look.events);
  look["information"] = r.information;
  look["z"] = r.look.z;
  look["input"] = look_input_json(input);
  look["hazard_ratio"] = r.hazard_ratio;
  look["repeated_ci_hazard_ratio"] =
      r.repeated_ci_hazard_ratio
          ? json::array({r.repeated_ci_hazard_ratio->lower, r.repeated_ci_hazard_ratio->upper})
          : json(nullptr);
  return look;
}

}  // namespace

json boundaries_json(const spending::Design& d) {
  const auto& t = d.spec.information_fractions;
  const auto alpha = d.cumulative_alpha();
  const auto h0 = per_look_alpha(d);
  const auto futility_h1 = d.futility_crossings(d.alternative, d.harm_alternative);
  const auto futility_h0 = spending::futility_crossings_under_null(d);
  json looks = json::array();
  for (std::size_t k = 0; k < t.size(); ++k) {
    json look;
    look["information_fraction"] = t[k];
    look["efficacy_z"] = finite_or_null(d.efficacy[k]);
    look["futility_z"] = d.futility[k] ? json(*d.futility[k]) : json(nullptr);
    look["nominal_p_one_sided"] = numerics::normal_upper_tail(d.efficacy[k]);
    if (two_sided(d.spec)) look["nominal_p_two_sided"] = 2.0 * numerics::normal_upper_tail(d.efficacy[k]);
    look["cumulative_alpha"] = alpha[k];
    look["probability_efficacy_h0"] = h0[k];
    look["probability_efficacy_h1"] = d.alternative.upper[k];
    if (d.spec.futility) {
      look["probability_futility_h0"] = futility_h0[k];
      look["probability_futility_h1"] = futility_h1[k];
    }
    look["harm_z"] = d.harm[k] ? json(*d.harm[k]) : json(nullptr);
    if (d.spec.harm) {
      look["probability_harm_h0"] = d.harm_null[k];
      look["probability_harm_h1"] = d.harm_alternative[k];
    }
    if (!d.spec.spending_time.empty()) look["spending_time"] = d.spec.spending_time[k];
    looks.push_back(look);
  }
  json out;
  out["sided"] = two_sided(d.spec) ? 2 : 1;
  out["alpha"] = d.spec.alpha;
  out["beta"] = d.spec.beta;
  out["efficacy_spending"] = efficacy_name(d.spec);
  if (d.spec.futility) {
    const auto& f = *d.spec.futility;
    out["futility_spending"] = f.rule == spending::FutilityRule::kBetaSpending
                                   ? spending_name(f.spending)
                                   : futility_name(f);
    out["futility_binding"] = f.binding;
  }
  if (d.spec.harm) {
    out["harm_spending"] = spending_name(d.spec.harm->spending);
    out["harm_alpha"] = d.spec.harm->alpha;
    out["harm_binding"] = d.spec.harm->binding;
  }
  out["looks"] = looks;
  out["inflation_factor"] = d.inflation_factor;
  out["drift"] = d.drift;
  out["power"] = d.power;
  out["expected_information_fraction_h0"] = d.expected_fraction_null;
  out["expected_information_fraction_h1"] = d.expected_fraction_alternative;
  out["average_sample_number_h0"] = d.average_sample_number_null();
  out["average_sample_number_h1"] = d.average_sample_number_alternative();
  out["method"] = boundary_method(d.spec.solver.grid_r);
  return out;
}

json sample_size_json(const SampleSize& r) {
  const survival::SurvivalPlan& plan = r.plan;
  json j;
  j["solved_for"] = solved_for(plan.mode);
  j["mode"] = solve_mode_name(plan.mode);
  j["patients"] = plan.patients;
  j["events"] = plan.events;
  j["power"] = plan.power;
  j["power_fixed_times"] = plan.power_fixed_times;
  j["power_event_driven"] = plan.power_event_driven ? json(*plan.power_event_driven) : json(nullptr);
  j["study_duration"] = plan.study_duration;
  j["accrual_duration"] = plan.accrual_duration;
  j["follow_up"] = plan.follow_up;
  j["patients_at_study_end"] = plan.patients_at_study_end;
  j["time_unit"] = r.spec.time_unit;
  j["patients_unrounded"] = plan.patients_unrounded;
  j["events_unrounded"] = plan.events_unrounded;
  j["event_limit"] = plan.event_limit;
  j["calendar_cap"] = plan.calendar_cap;
  j["event_driven"] = plan.event_driven;
  j["analysis_cap"] = r.spec.analysis_cap ? json(*r.spec.analysis_cap) : json(nullptr);
  j["capped_fraction"] = plan.capped_probability;
  j["final_events_after_cap"] = plan.final_events_late;
  if (r.spec.integer) {
    j["integer"] = true;
    j["block"] = r.spec.patient_multiple();
  }
  j["warnings"] = plan_warnings(plan, r.spec.time_unit);
  j["expected_events"] = plan.expected_events;
  j["expected_duration"] = plan.expected_duration;
  json looks = json::array();
  for (const survival::SurvivalLook& look : plan.looks) looks.push_back(survival_look_json(look));
  j["looks"] = looks;
  j["control"] = arm_json(r.spec.control);
  j["treatment"] = arm_json(r.spec.treatment);
  j["allocation_ratio"] = r.spec.allocation_ratio;
  j["hazard_ratio_h0"] = r.spec.hazard_ratio_h0;
  j["method"] = {{"name", sizing_method_name(plan.method)},
                 {"description", sizing_method_description(plan.method)},
                 {"reference", sizing_method_reference(plan.method)}};
  const bool by_time = std::any_of(plan.looks.begin(), plan.looks.end(), [](const survival::SurvivalLook& look) {
    return look.trigger != survival::LookTriggerKind::kEvents;
  });
  if (by_time) j["method"]["calendar_looks"] = kCalendarLooksMethod;
  if (plan.schoenfeld) {
    const survival::SchoenfeldComparison& s = *plan.schoenfeld;
    j["schoenfeld"] = {{"hazard_ratio", s.hazard_ratio},
                       {"target_power", s.target_power},
                       {"fixed_events", std::ceil(s.fixed_events)},
                       {"group_sequential_events", std::ceil(s.group_sequential_events)},
                       {"power_at_plan_events", s.power_at_plan_events},
                       {"reference", kSchoenfeldReference}};
  } else {
    j["schoenfeld"] = nullptr;
  }
  return j;
}

namespace {

json endpoint_look_json(const endpoints::EndpointLook& look, int groups) {
  json j;
  j["information_fraction"] = look.information_fraction;
  j["patients"] = look.patients;
  if (groups == 2) {
    j["patients_treatment"] = look.patients_treatment;
    j["patients_control"] = look.patients_control;
  }
  j["efficacy_z"] = finite_or_null(look.efficacy_z);
  j["futility_z"] = optional_json(look.futility_z);
  j["efficacy_effect"] = optional_json(look.efficacy_effect);
  if (look.efficacy_effect_lower) j["efficacy_effect_lower"] = *look.efficacy_effect_lower;
  j["futility_effect"] = optional_json(look.futility_effect);
  j["drift"] = look.drift;
  j["crossing_probability"] = look.probability_efficacy_h1;
  j["crossing_probability_lower"] = look.probability_lower_h1;
  j["cumulative_crossing_probability"] = look.cumulative_power;
  return j;
}

json endpoint_json(const endpoints::EndpointSpec& s) {
  json j;
  j["type"] = endpoint_type_name(s.type);
  j["groups"] = s.groups;
  if (s.groups == 2) j["allocation_ratio"] = s.allocation_ratio;
  j["estimate"] = estimate_name(s);
  j["alternative"] = s.alternative();
  j["margin"] = s.null_value();
  j["direction"] = direction_name(s.test_direction());
  if (s.type == endpoints::EndpointType::kNormal) {
    j["sd"] = s.sd;
    j["normal_approximation"] = s.normal_approximation;
  } else {
    if (s.groups == 2) {
      j["control_rate"] = *s.control_rate;
      j["treatment_rate"] = *s.treatment_rate;
      j["scale"] = rate_scale_name(s.scale);
    } else {
      j["rate"] = *s.rate;
    }
    j["variance"] = rate_variance_name(s.variance);
  }
  return j;
}

json responder_range_json(const std::optional<simulate::ResponderRange>& r) {
  return r ? json::array({r->least, r->most}) : json(nullptr);
}

json exact_binomial_json(const simulate::ExactBinomial& e) {
  json looks = json::array();
  for (const simulate::ExactBinomialLook& l : e.looks) {
    looks.push_back({{"patients", l.patients},
                     {"efficacy_responders", responder_range_json(l.efficacy)},
                     {"futility_responders", responder_range_json(l.futility)},
                     {"harm_responders", responder_range_json(l.harm)},
                     {"probability_efficacy_h1", l.probability_efficacy_h1},
                     {"probability_futility_h1", l.probability_futility_h1},
                     {"probability_harm_h1", l.probability_harm_h1},
                     {"probability_efficacy_h0", l.probability_efficacy_h0},
                     {"probability_futility_h0", l.probability_futility_h0},
                     {"probability_harm_h0", l.probability_harm_h0}});
  }
  return {{"patients", e.looks.back().patients},
          {"rate_h1", e.rate_h1},
          {"rate_h0", e.rate_h0},
          {"power", e.power},
          {"power_ignoring_futility", e.power_ignoring_futility},
          {"alpha", e.alpha},
          {"alpha_obeying_futility", e.alpha_obeying_futility},
          {"design_alpha", e.design_alpha},
          {"expected_patients_h0", e.expected_patients_h0},
          {"expected_patients_h1", e.expected_patients_h1},
          {"looks", looks},
          {"method", {{"description", exact_binomial_description()}, {"reference", kExactBinomialReference}}}};
}

}  // namespace

json endpoint_sample_size_json(const EndpointSize& r) {
  const endpoints::EndpointPlan& plan = r.plan;
  json j;
  j["solved_for"] = endpoint_solved_for(plan.solved_for);
  // Whole patients print as an integer, as the survival plan's do, up to
  // 2^53, where every whole double is exact (beyond it, and past the 64-bit
  // integers, a number).
  constexpr double kExactWhole = 9007199254740992.0;
  const double whole = std::nearbyint(plan.patients);
  const bool integer = !(std::fabs(plan.patients - whole) > 0.0) && std::fabs(whole) <= kExactWhole;
  j["patients"] = integer ? json(static_cast<long long>(whole)) : json(plan.patients);
  j["patients_unrounded"] = plan.patients_unrounded;
  j["least_patients"] = plan.least_patients;
  j["power"] = plan.power;
  j["fixed_patients"] = optional_json(plan.fixed_patients);
  j["drift"] = plan.drift;
  j["expected_patients_h0"] = plan.expected_patients_h0;
  j["expected_patients_h1"] = plan.expected_patients_h1;
  json looks = json::array();
  for (const endpoints::EndpointLook& look : plan.looks) looks.push_back(endpoint_look_json(look, r.spec.groups));
  j["looks"] = looks;
  j["endpoint"] = endpoint_json(r.spec);
  j["method"] = {{"description", endpoint_method_description(r.spec)},
                 {"reference", endpoint_method_reference(r.spec)}};
  j["exact"] = r.exact ? exact_binomial_json(*r.exact) : json(nullptr);
  j["sizing"] = r.exact_sizing ? "exact" : "normal";
  if (r.exact_sizing) {
    const EndpointSize::ExactSizing& e = *r.exact_sizing;
    j["exact_sizing"] = {{"target_power", e.target_power},
                         {"normal_patients", e.normal_patients},
                         {"first_scanned", e.first_scanned},
                         {"sizes_scanned", e.sizes_scanned}};
  } else {
    j["exact_sizing"] = nullptr;
  }
  j["warnings"] = endpoint_warnings(r);
  return j;
}

json continuous_json(const ContinuousResult& c) {
  const survival::ContinuousPlan& p = c.plan;
  json looks = json::array();
  for (const survival::ContinuousLook& look : p.looks) {
    looks.push_back({{"events", look.events},
                     {"information_fraction", look.information_fraction},
                     {"calendar_time", look.calendar_time}});
  }
  json plan = {{"patients", p.patients},
               {"events", p.events},
               {"power", p.power},
               {"study_duration", p.study_duration},
               {"looks", looks}};
  return {{"boundaries", boundaries_json(c.boundaries)}, {"sample_size", plan}};
}

static json design_document(const DesignResult& result) {
  if (result.simon) return detail::simon_json(result);
  json out;
  out["gsd_version"] = kVersion;
  out["name"] = result.name;
  out["boundaries"] = boundaries_json(result.boundaries);
  if (result.sample_size) out["sample_size"] = sample_size_json(*result.sample_size);
  if (result.endpoint) out["sample_size"] = endpoint_sample_size_json(*result.endpoint);
  if (result.continuous) out["continuous"] = continuous_json(*result.continuous);
  if (result.sample_size && result.test_requested) {
    out["sample_size"]["test"] = detail::survival_test_json(result);
    if (const auto w = test_cap_warning(result)) out["sample_size"]["warnings"].push_back(*w);
    if (result.test) out["sample_size"]["power"] = result.test->power;
    if (result.maxcombo) out["sample_size"]["power"] = result.maxcombo->power;
    if (result.km_contrast) out["sample_size"]["power"] = result.km_contrast->at_plan.power;
  }
  out["boundary_summary"] = boundary_summary_json(boundary_summary(result));
  return out;
}

static json bound_rows_json(const std::vector<BoundSummaryRow>& rows) {
  json out = json::array();
  for (const BoundSummaryRow& r : rows) {
    json j;
    j["look"] = r.look;
    j["bound"] = bound_kind_name(r.bound);
    j["information_fraction"] = r.information_fraction;
    j["events"] = r.events ? json(*r.events) : json(nullptr);
    j["z"] = r.z;
    j["nominal_p"] = r.nominal_p;
    j["effect_fraction"] = r.effect_fraction;
    j["hazard_ratio"] = r.hazard_ratio ? json(*r.hazard_ratio) : json(nullptr);
    // Normal and binary endpoints: the look's patients and the estimate at the bound.
    if (r.patients) {
      j["patients"] = *r.patients;
      j["effect"] = r.effect ? json(*r.effect) : json(nullptr);
    }
    j["cumulative_crossing_h0"] = r.cumulative_h0;
    j["cumulative_crossing_h1"] = r.cumulative_h1;
    out.push_back(j);
  }
  return out;
}

json to_json(const DesignResult& result) { return detail::without_zero_signs(design_document(result)); }

json boundary_summary_json(const std::vector<BoundSummaryRow>& rows) {
  return detail::without_zero_signs(bound_rows_json(rows));
}

namespace {

// The replicates, the seed and where the simulated trials stopped: the keys
// of every simulation, survival or not.
void put_stopping_fractions(json& s, const simulate::SimulationResult& r, const spending::Design& d) {
  const bool any_futility =
      std::any_of(d.futility.begin(), d.futility.end(), [](const auto& f) { return f.has_value(); });
  s["replicates"] = r.replicates;
  s["seed"] = r.seed;
  s["power"] = r.power;
  s["power_se"] = r.power_se;
  s["reject_per_look"] = r.reject_per_look;
  s["futility_per_look"] = r.futility_per_look;
  if (two_sided(d.spec) || d.spec.harm) {
    s["reject_lower_per_look"] = r.reject_lower_per_look;
    s["reject_lower"] = r.reject_lower;
  }
  if (any_futility && !d.spec.binding_futility()) {
    // A non-binding futility bound does not bind the alpha count (a binding
    // one does, so the trial ignoring it has no meaning for the design).
    s["power_ignoring_futility"] = r.power_ignoring_futility;
    s["reject_per_look_ignoring_futility"] = r.reject_per_look_ignoring_futility;
  }
}

// A normal or binary endpoint's simulation: the survival keys without a
// meaning here (events, durations, the calendar cap, hazard ratios, strata)
// are left out.
json endpoint_simulation_json(const SimulationReport& report) {
  const simulate::SimulationResult& r = report.result;
  const SimulationSetup& setup = report.setup;
  json s;
  const endpoints::EndpointSpec& spec = setup.endpoint_model->spec;
  const bool t_test = spec.type == endpoints::EndpointType::kNormal && !spec.normal_approximation;
  s["endpoint"] = endpoint_type_name(spec.type);
  s["statistic"] = t_test ? "t" : "z";
  if (spec.type == endpoints::EndpointType::kBinary) s["variance"] = rate_variance_name(spec.variance);
  put_stopping_fractions(s, r, setup.design);
  s["patients"] = r.look_patients.empty() ? 0 : r.look_patients.back();
  s["look_patients"] = r.look_patients;
  s["expected_patients"] = r.expected_patients;
  s["analytic_power"] = optional_json(setup.analytic_power);
  s["exact_power"] = setup.exact ? json(setup.exact->power) : json(nullptr);
  s["exact_power_ignoring_futility"] = setup.exact ? json(setup.exact->power_ignoring_futility) : json(nullptr);
  s["exact_expected_patients"] = setup.exact ? json(setup.exact->expected_patients_h1) : json(nullptr);
  s["expected_patients_h1"] = setup.endpoint->plan.expected_patients_h1;
  return detail::result_document(setup.name, "simulation", s);
}

}  // namespace

static json simulation_document(const SimulationReport& report) {
  if (report.setup.endpoint_model) return endpoint_simulation_json(report);
  const simulate::SimulationResult& r = report.result;
  const SimulationSetup& setup = report.setup;
  json s;
  put_stopping_fractions(s, r, setup.design);
  s["patients"] = setup.model.patients;
  s["events"] = setup.plan.planned_events;
  s["look_events"] = r.look_events;
  s["expected_events"] = r.expected_events;
  s["expected_duration"] = r.expected_duration;
  s["expected_patients"] = r.expected_patients;
  s["max_duration"] = r.max_duration;
  s["max_duration_is_default"] = r.max_duration_is_default;
  s["capped_fraction"] = r.capped_fraction;
  s["capped_per_look"] = r.capped_per_look;
  // The analyses held, by look (null where no trial held it).
  const auto optional_array = [](const std::vector<std::optional<double>>& v) {
    json a = json::array();
    for (const std::optional<double>& x : v) a.push_back(optional_json(x));
    return a;
  };
  s["held_per_look"] = r.held_per_look;
  s["mean_events_per_look"] = optional_array(r.mean_events_per_look);
  s["mean_patients_per_look"] = optional_array(r.mean_patients_per_look);
  s["mean_time_per_look"] = optional_array(r.mean_time_per_look);
  s["mean_efficacy_z_per_look"] = optional_array(r.mean_efficacy_z_per_look);
  s["hazard_ratio_at_stop"] = {{"q1", optional_json(r.hazard_ratio_q1)},
                               {"median", optional_json(r.hazard_ratio_median)},
                               {"q3", optional_json(r.hazard_ratio_q3)}};
  s["analytic_power"] = optional_json(setup.analytic_power);
  s["strata"] = setup.strata_names;
  s["randomisation"] = randomisation_name(setup.model.randomisation);
  s["time_unit"] = setup.time_unit;
  if (setup.test) s["test"] = detail::test_echo_json(*setup.test);
  if (setup.tests.non_inferiority()) s["hazard_ratio_h0"] = setup.tests.null_hazard_ratio;
  if (setup.tests.has_weighted_score()) {
    s["weighted_bounds"] = setup.tests.observed_variance_bounds() ? "observed" : "planned";
  }
  if (setup.tests.primary_planned_variance) s["planned_variance"] = *setup.tests.primary_planned_variance;
  if (!setup.side_tests.empty()) {
    json tests = json::array();
    for (std::size_t j = 0; j < setup.side_tests.size(); ++j) {
      json t = detail::test_echo_json(setup.side_tests[j]);
      t["label"] = test_label(setup.side_tests[j]);
      const bool have = j < r.tests.size();
      t["power"] = have ? json(r.tests[j].power) : json(nullptr);
      t["power_se"] = have ? json(r.tests[j].power_se) : json(nullptr);
      t["reject_per_look"] = have ? json(r.tests[j].reject_per_look) : json::array();
      t["efficacy_z"] = setup.tests.side[j].design.efficacy;
      t["mean_efficacy_z_per_look"] = have ? optional_array(r.tests[j].mean_efficacy_z_per_look) : json::array();
      if (const std::optional<double> v = setup.tests.side[j].planned_variance) t["planned_variance"] = *v;
      t["analytic_power"] = optional_json(setup.side_analytic_power[j]);
      tests.push_back(t);
    }
    s["tests"] = tests;
  }
  return detail::result_document(setup.name, "simulation", s);
}

json to_json(const SimulationReport& report) {
  return detail::without_zero_signs(simulation_document(report));
}

json look_input_json(const LookInput& look) {
  json j;
  j["events"] = detail::count_json(look.events);
  if (look.z) j["z"] = *look.z;
  if (look.p_two_sided) j["p_two_sided"] = *look.p_two_sided;
  if (look.direction) {
    j["direction"] = *look.direction == monitoring::Direction::kFavoursTreatment
                         ? "favours-treatment"
                         : "favours-control";
  }
  if (look.hazard_ratio) j["hazard_ratio"] = *look.hazard_ratio;
  if (look.variance) j["variance"] = *look.variance;
  if (!look.tests.empty()) {
    j["tests"] = json::array();
    for (const TestLookInput& t : look.tests) j["tests"].push_back({{"z", t.z}, {"variance", t.variance}});
  }
  if (!look.covariance.empty()) j["covariance"] = look.covariance;
  if (look.final_analysis) j["final"] = true;
  if (look.date) j["date"] = *look.date;
  if (look.note) j["note"] = *look.note;
  if (look.recorded_at) j["recorded_at"] = *look.recorded_at;
  return j;
}

static json monitoring_document(const MonitoringReport& report) {
  if (report.simon) return detail::simon_monitoring_json(report);
  if (report.endpoint) return detail::endpoint_monitoring_json(report);
  if (report.test) {
    json out = detail::test_monitoring_json(report);
    out["monitoring"]["test"] = detail::test_echo_json(report.test->test);
    return out;
  }
  const monitoring::MonitoringResult& result = report.result;
  json m;
  m["planned_events"] = report.plan.planned_events;
  m["allocation_ratio"] = report.plan.allocation_ratio;
  m["assumed_hazard_ratio"] = optional_json(result.assumed_hazard_ratio);
  m["conditional_power_basis"] = effect_basis(result.effect_source);
  if (report.plan.non_inferiority()) m["hazard_ratio_h0"] = report.plan.null_hazard_ratio;
  json looks = json::array();
  for (std::size_t k = 0; k < result.looks.size(); ++k) {
    looks.push_back(monitoring_look_json(result.looks[k], report.inputs[k], report.plan));
  }
  m["looks"] = looks;
  if (result.final_inference) {
    const auto& f = *result.final_inference;
    m["final"] = detail::final_json(f, "hazard_ratio", f.ci_hazard_ratio.lower, f.ci_hazard_ratio.upper,
                                    f.median_unbiased_hazard_ratio);
  } else {
    m["final"] = nullptr;
  }
  return detail::result_document(report.name, "monitoring", m);
}

json to_json(const MonitoringReport& report) {
  return detail::without_zero_signs(monitoring_document(report));
}

}  // namespace gsd
