// The JSON of gsd monitor for a normal or binary endpoint: the survival
// keys with patients for events, and the natural scale ("effect") of the
// estimate, its bounds, repeated confidence interval and final inference.
#include <cmath>

#include "gsd/json.hpp"
#include "gsd/presentation.hpp"
#include "gsd/version.hpp"
#include "json_endpoint_monitoring.hpp"
#include "json_values.hpp"

namespace gsd::detail {

using nlohmann::json;

namespace {

json interval_json(const std::optional<endpoints::NaturalInterval>& i) {
  return i ? json::array({i->lower, i->upper}) : json(nullptr);
}

json arm_json(const endpoints::ArmSummary& a) {
  json j = {{"n", a.n}};
  if (a.mean) j["mean"] = *a.mean;
  if (a.sd) j["sd"] = *a.sd;
  if (a.responders) j["responders"] = *a.responders;
  return j;
}

json input_json(const EndpointLookInput& in) {
  const endpoints::LookData& d = in.data;
  json j = json::object();
  if (d.patients) j["patients"] = *d.patients;
  if (d.z) j["z"] = *d.z;
  if (d.estimate) j["estimate"] = *d.estimate;
  if (d.standard_error) j["standard_error"] = *d.standard_error;
  if (d.sample) j.update(arm_json(*d.sample));
  if (d.treatment) j["treatment"] = arm_json(*d.treatment);
  if (d.control) j["control"] = arm_json(*d.control);
  if (in.final_analysis) j["final"] = true;
  if (in.date) j["date"] = *in.date;
  if (in.note) j["note"] = *in.note;
  return j;
}


json look_json(const MonitoringReport& report, std::size_t k) {
  const monitoring::LookResult& r = report.result.looks[k];
  const EndpointMonitoring& ep = *report.endpoint;
  const EndpointLookReport& e = ep.looks[k];
  const endpoints::LookStatistic& s = e.statistic;
  json look;
  look["patients"] = s.patients;
  look["information_fraction"] = r.information_fraction;
  look["information"] = 1.0 / (s.standard_error * s.standard_error);
  look["efficacy_z"] = finite_or_null(r.efficacy_z);
  look["futility_z"] = optional_json(r.futility_z);
  look["efficacy_effect"] = optional_json(e.efficacy_effect);
  look["futility_effect"] = optional_json(e.futility_effect);
  look["nominal_p_one_sided"] = r.nominal_p_one_sided;
  if (report.plan.design.sided == spending::Sidedness::kTwoSidedSymmetric) {
    look["nominal_p_two_sided"] = 2.0 * r.nominal_p_one_sided;
  }
  look["cumulative_alpha"] = r.cumulative_alpha;
  look["z"] = s.z;
  look["effect"] = optional_json(s.estimate);
  look["effect_standard_error"] = s.standard_error;
  look["degrees_of_freedom"] = optional_json(s.degrees_of_freedom);
  look["input"] = input_json(ep.inputs[k]);
  look["final_analysis"] = r.final_analysis;
  look["decision"] = decision_name(r.decision);
  look["reason"] = decision_reason(r, report.plan, "patients");
  const std::optional<std::string> advice = futility_advice(r);
  look["advice"] = advice ? json(*advice) : json(nullptr);
  look["repeated_ci_effect"] = interval_json(e.repeated_ci);
  look["repeated_p_value"] = r.repeated_p_value;
  look.update(conditional_json(r, report.plan.planned_events, "patients"));
  return look;
}

}  // namespace

json endpoint_monitoring_json(const MonitoringReport& report) {
  const EndpointMonitoring& ep = *report.endpoint;
  const monitoring::MonitoringResult& result = report.result;
  json m;
  m["endpoint"] = endpoint_type_name(ep.spec.type);
  m["effect_scale"] = estimate_name(ep.spec);
  m["margin"] = ep.spec.null_value();
  m["planned_patients"] = ep.planned_patients;
  m["conditional_power_basis"] = "the endpoint's alternative";
  json looks = json::array();
  for (std::size_t k = 0; k < result.looks.size(); ++k) looks.push_back(look_json(report, k));
  m["looks"] = looks;
  if (result.final_inference && ep.final_inference) {
    const auto& f = *result.final_inference;
    const auto& n = *ep.final_inference;
    m["final"] = {{"look", f.stop_look + 1},
                  {"ordering", "stage-wise"},
                  {"p_value", f.p_value},
                  {"ci_effect", {n.ci.lower, n.ci.upper}},
                  {"confidence_level", f.confidence_level},
                  {"median_unbiased_effect", n.median_unbiased}};
  } else {
    m["final"] = nullptr;
  }
  json out;
  out["gsd_version"] = kVersion;
  out["name"] = report.name;
  out["monitoring"] = m;
  return out;
}

}  // namespace gsd::detail
